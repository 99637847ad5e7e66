// Runs a TypeScript entry point (the CLI, the benchmark) as one bundled ES module.
// Bundling lets the engine's constants and small functions be inlined across modules, as
// they are in the browser build; running the sources module by module through a loader
// costs the hot loop about a third of its speed.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run.mjs ENTRY.ts [args]\n');
  process.exit(2);
}
const outDir = resolve('node_modules/.cache/microcosm');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, basename(entry).replace(/\.ts$/, '.mjs'));
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
  minifySyntax: true,
});
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(outfile).href);
