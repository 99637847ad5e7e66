import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'public', 'schema', 'tests/e2e/.tmp', 'tests/e2e/screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The engine is pure: same scenario and seed, same report, in Node, a worker or a test.
    // So are the lessons, which check runs in the page, the CLI and the tests alike, and the
    // export (a scenario in, deployment files out).
    files: ['src/engine/**/*.ts', 'src/scenario/**/*.ts', 'src/lessons/**/*.ts', 'src/export/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-*', 'zustand', 'zustand/*', '@xyflow/*', 'recharts', 'immer', 'node:*', 'fs', 'path', 'os'], message: 'src/engine, src/scenario, src/lessons and src/export stay pure: no UI and no Node I/O.' },
          { group: ['**/ui/**', '**/store/**', '**/worker/**', '**/cli/**'], message: 'Dependencies point down: the engine imports nothing above it.' },
        ],
      }],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'All randomness comes from the run\'s seeded Rng.' },
        { object: 'Date', property: 'now', message: 'The engine has no wall clock: simulated time only.' },
        { object: 'performance', property: 'now', message: 'The engine has no wall clock: simulated time only.' },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'localStorage'],
    },
  },
);
