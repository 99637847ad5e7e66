/**
 * The built site as a classroom gets it: copied to any folder of a plain static file server
 * (here under /microcosm/), small enough on the first visit, and working with no network at
 * all once visited. One build (with its Vite manifest) serves all three.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForSize, FIRST_LOAD_BUDGET_KB, firstLoad } from '../../scripts/size.mjs';
import { ARGS, expectedDefault, ROOT, SHOTS, pauseRun } from './harness';
import { serveStatic, type StaticServer } from './staticServer';

const OUT_DIR = join(ROOT, 'tests/e2e/.tmp/static-dist');
const WAIT = { timeout: 60_000 };
const NODES = expectedDefault().nodes.length;
const simMs = async (p: Page) => Number(await p.getByTestId('sim-clock').getAttribute('data-ms'));

let server: StaticServer;
let context: BrowserContext;
let page: Page;
let profile = '';
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await buildForSize(OUT_DIR);
  server = await serveStatic(OUT_DIR, '/microcosm/');
  profile = mkdtempSync(join(tmpdir(), 'microcosm-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ARGS, headless: true, viewport: { width: 1280, height: 720 } });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('the first load', () => {
  it(`is at most ${FIRST_LOAD_BUDGET_KB} kB of gzipped JavaScript before the canvas shows`, () => {
    const r = firstLoad(OUT_DIR);
    expect(r.totalGzip).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_KB * 1000);
    // The large libraries wait until they are needed.
    const later = r.later.map((c) => c.file).join(' ');
    expect(later).toMatch(/Dashboard-[\w-]+\.js/);
    expect(later).toMatch(/TraceView-[\w-]+\.js/);
    expect(later).toMatch(/elk[\w.-]*\.js/);
    expect(r.initial.map((c) => readFileSync(join(OUT_DIR, c.file), 'utf8')).join('')).not.toContain('recharts-line');
  });
});

describe('the built site', () => {
  it('names every file by a relative address', () => {
    const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8');
    expect(html.match(/(?:src|href)="[^"]*"/g)!.filter((a) => /="(\/|https?:)/.test(a))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(OUT_DIR, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.name).toBe('microcosm');
    for (const u of [manifest.start_url, manifest.scope, ...manifest.icons.map((i: { src: string }) => i.src)]) expect(u, 'manifest').not.toMatch(/^\//);
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const sw = readFileSync(join(OUT_DIR, 'sw.js'), 'utf8');
    const precached = [...sw.matchAll(/\burl"?\s*:\s*"([^"]+)"/g)].map((m) => m[1]);
    expect(precached.filter((u) => u.startsWith('/'))).toEqual([]);
    // The shell, every chunk (the engine's worker among them) and the icons.
    const assets = readdirSync(join(OUT_DIR, 'assets')).map((f) => `assets/${f}`);
    expect(precached).toEqual(expect.arrayContaining(['index.html', 'manifest.webmanifest', 'icons/icon-192.png', ...assets]));
    for (const f of assets.filter((a) => a.endsWith('.js'))) expect(readFileSync(join(OUT_DIR, f), 'utf8'), f).not.toMatch(/["'`]\/assets\//);
  });

  it('plays from a plain static server under a sub-path', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.locator('.react-flow__node').count(), WAIT).toBe(NODES);
    await page.getByRole('button', { name: 'Speed 5 times' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(3000);
    await expect.poll(() => page.locator('.mc-dashboard .recharts-line-curve').count(), WAIT).toBeGreaterThan(2);
    await pauseRun(page);
    await page.screenshot({ path: join(SHOTS, '20-sub-path.png') });
    expect(server.log.filter((r) => r.status !== 200)).toEqual([]);
    expect(server.log.every((r) => r.path.startsWith('/microcosm/'))).toBe(true);
  });

  it('works offline after the first visit', async () => {
    // The service worker takes the page over once it has cached everything.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), WAIT).toBe('activated');
    await server.close();
    await context.setOffline(true);
    const before = server.log.length;
    await page.reload();
    await expect.poll(() => page.locator('.react-flow__node').count(), WAIT).toBe(NODES);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(3000);
    // The lazily loaded parts come from the cache too.
    await expect.poll(() => page.locator('.mc-dashboard .recharts-line-curve').count(), WAIT).toBeGreaterThan(2);
    await page.getByRole('tab', { name: 'Traces' }).click();
    await expect.poll(() => page.locator('.mc-bottom').textContent(), WAIT).toMatch(/slowest|Sampled traces appear/);
    await page.screenshot({ path: join(SHOTS, '21-offline.png') });
    expect(server.log.length).toBe(before);
    expect(problems).toEqual([]);
  });
});
