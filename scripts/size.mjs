// npm run size: builds the site and prints how much JavaScript a first visit downloads before
// the canvas shows (the entry chunk and everything it imports statically), gzipped, against
// the budget. What loads later (charts, traces, the layout library, the engine's worker) is
// listed below it. Exit 1 when the first load is over budget.
//   npm run size               build into node_modules/.cache/microcosm/size, then measure
//   npm run size -- --no-build measure that folder's last build again
//   npm run size -- --json     the figures as JSON
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Gzipped JavaScript a first visit may need before the canvas shows, in kB (1000 bytes). */
export const FIRST_LOAD_BUDGET_KB = 250;

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_OUT = join(ROOT, 'node_modules/.cache/microcosm/size');

/** Builds the app with a Vite manifest (which chunk imports which) into `outDir`. */
export async function buildForSize(outDir = DEFAULT_OUT) {
  const { build } = await import('vite');
  // Vite takes NODE_ENV from the environment when it is set (a test runner sets "test"), and
  // React, like the service worker's library, ships a larger development build then.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true, manifest: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

const measure = (outDir, file) => {
  const bytes = readFileSync(join(outDir, file));
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

/**
 * Reads a build's .vite/manifest.json: the first load is the HTML entry's chunk and, through
 * `imports`, every chunk it pulls in statically (dynamic imports wait until needed).
 */
export function firstLoad(outDir, page = 'index.html') {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry && k === page) ?? Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('.html'));
  if (!entryKey) throw new Error(`${outDir}: the Vite manifest has no HTML entry`);
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const k of manifest[key].imports ?? []) visit(k);
  };
  visit(entryKey);
  const initial = [...seen].map((k) => measure(outDir, manifest[k].file));
  const css = [...new Set([...seen].flatMap((k) => manifest[k].css ?? []))].map((f) => measure(outDir, f));
  const initialFiles = new Set(initial.map((c) => c.file));
  const later = [...new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.assets ?? [])]))]
    .filter((f) => f.endsWith('.js') && !initialFiles.has(f))
    .sort()
    .map((f) => measure(outDir, f));
  const sum = (list, key) => list.reduce((s, c) => s + c[key], 0);
  return {
    initial, css, later,
    totalBytes: sum(initial, 'bytes'),
    totalGzip: sum(initial, 'gzip'),
    budgetGzip: FIRST_LOAD_BUDGET_KB * 1000,
  };
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

export function formatFirstLoad(r) {
  const width = Math.max(...[...r.initial, ...r.css, ...r.later].map((c) => c.file.length), 24);
  const line = (name, bytes, gzip) => `  ${name.padEnd(width)}  ${kB(bytes).padStart(10)}  ${kB(gzip).padStart(10)} gzip`;
  return [
    'Before the canvas shows:',
    ...r.initial.map((c) => line(c.file, c.bytes, c.gzip)),
    line('JavaScript in all', r.totalBytes, r.totalGzip) + `  (budget ${kB(r.budgetGzip)})`,
    ...r.css.map((c) => line(c.file, c.bytes, c.gzip)),
    '',
    'Loaded when first needed:',
    ...r.later.map((c) => line(c.file, c.bytes, c.gzip)),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const unknown = args.find((a) => a !== '--no-build' && a !== '--json');
  if (unknown) {
    process.stderr.write(`microcosm: unknown option ${unknown}\nusage: npm run size [-- --no-build] [--json]\n`);
    process.exit(2);
  }
  const outDir = args.includes('--no-build') ? DEFAULT_OUT : await buildForSize();
  let r;
  try {
    r = firstLoad(outDir);
  } catch (e) {
    process.stderr.write(`microcosm: ${e.code === 'ENOENT' ? `${outDir}: no build there yet (run npm run size without --no-build)` : e.message}\n`);
    process.exit(2);
  }
  // The embedded view (embed.html) is a page of its own: its first load is reported beside.
  let embed;
  try {
    embed = firstLoad(outDir, 'embed.html');
  } catch {
    embed = null;
  }
  const embedLine = embed && embed.initial[0]?.file !== r.initial[0]?.file ? `\nThe embedded view (embed.html) first loads ${kB(embed.totalBytes)}, ${kB(embed.totalGzip)} gzip of JavaScript` : '';
  process.stdout.write(args.includes('--json') ? JSON.stringify(embed ? { ...r, embed: { initial: embed.initial, totalBytes: embed.totalBytes, totalGzip: embed.totalGzip } } : r, null, 2) + '\n' : formatFirstLoad(r) + embedLine + '\n');
  if (r.totalGzip > r.budgetGzip) {
    process.stderr.write(`microcosm: the first load is ${kB(r.totalGzip)} gzipped, over the budget of ${kB(r.budgetGzip)}\n`);
    process.exitCode = 1;
  }
}
