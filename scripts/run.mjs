// Runs a TypeScript entry point (the CLI, the benchmark) as one bundled ES module.
// Bundling lets the engine's constants and small functions be inlined across modules, as
// they are in the browser build; running the sources module by module through a loader
// costs the hot loop about a third of its speed.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
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
const { outputFiles } = await build({
  entryPoints: [entry],
  outfile,
  write: false,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
  minifySyntax: true,
});
// Written aside and renamed into place: another run of the same command (or its worker
// threads, which load this bundle) never reads a half-written file.
const tmp = `${outfile}.${process.pid}.tmp`;
writeFileSync(tmp, outputFiles[0].contents);
renameSync(tmp, outfile);
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(outfile).href);
