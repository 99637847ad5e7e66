import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: everything that runs in Node (engine, scenario, CLI, theory, end-to-end in
// Chromium) and the React components under a DOM emulation.
export default defineConfig({
  plugins: [react()],
  test: {
    // The machines have two cores; use both (Vitest would otherwise keep one free).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/engine/**/*.test.ts', 'src/scenario/**/*.test.ts', 'src/lessons/**/*.test.ts', 'src/export/**/*.test.ts', 'src/cli/**/*.test.ts', 'src/worker/**/*.test.ts', 'src/compare/**/*.test.ts', 'tests/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/ui/**/*.test.tsx', 'src/store/**/*.test.ts', 'src/ui/**/*.test.ts'],
          setupFiles: ['./tests/setup/dom.ts'],
          // A jsdom test that renders the whole shell takes seconds when the other project's
          // simulations hold both cores; the default 5 s would fail it for the machine's sake.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
