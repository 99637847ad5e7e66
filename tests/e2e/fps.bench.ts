/**
 * npm run bench:ui: frames per second of the playground in Chromium while a run plays at 25x,
 * for the default scenario and for a 30-node scenario at 5,000 requests/s. A benchmark, not a
 * test: it prints figures and asserts nothing (the goal is 50+ fps on a 2-core machine).
 *
 * Frames are counted inside the page with requestAnimationFrame, so a frame the main thread
 * was too busy to draw is a frame missing from the count. It builds the app for production
 * (React's development build is several times slower and would measure the wrong thing).
 *
 * Compare mode doubles the simulation's work (A and B step in turn in the one engine worker)
 * and adds its overlaid charts: two more rows play the 30-node scenario compared with itself,
 * at 25x and at Max.
 *
 *   npm run bench:ui                  both scenarios, 10 s each, then Compare mode
 *   npm run bench:ui -- --seconds 20  a longer look
 *   npm run bench:ui -- --shot FILE   also save a 1280x720 screenshot of the default scenario
 *   npm run bench:ui -- --only compare   just the Compare mode rows (or: default, big)
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bigScenario, BIG_TOTAL_RPS } from './bigScenario';
import { expectedDefault, press, ROOT, startHarness, type Harness } from './harness';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SECONDS = Number(arg('--seconds') ?? 10);
const WARMUP_MS = 3000;
const SHOT = arg('--shot');
const ONLY = arg('--only');
const wants = (row: 'default' | 'big' | 'compare') => ONLY === undefined || ONLY === row;

interface Frames {
  fps: number;
  minWindowFps: number;
  longestFrameMs: number;
  longTasks: number;
  longTaskMs: number;
  simSpeed: number;
}

/**
 * Counts animation frames for `span` ms in the page, with the long tasks seen meanwhile. Kept
 * as plain JavaScript text: the TypeScript runner's helpers do not exist inside the page.
 */
const MEASURE = `async (span) => {
  const simMs = () => Number(document.querySelector('[data-testid="sim-clock"]')?.getAttribute('data-ms') ?? 0);
  const long = [];
  const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration)));
  obs.observe({ type: 'longtask', buffered: false });
  const sim0 = simMs();
  const times = await new Promise((resolve) => {
    const t = [];
    const tick = (now) => {
      t.push(now);
      if (now - t[0] < span) requestAnimationFrame(tick);
      else resolve(t);
    };
    requestAnimationFrame(tick);
  });
  obs.disconnect();
  const last = times[times.length - 1];
  const wall = last - times[0];
  // The worst one-second window: the fewest frames starting within any [t, t + 1000).
  let minWindow = Infinity;
  for (let i = 0, j = 0; i < times.length && times[i] + 1000 <= last; i++) {
    while (j < times.length && times[j] < times[i] + 1000) j++;
    minWindow = Math.min(minWindow, j - i);
  }
  let longest = 0;
  for (let i = 1; i < times.length; i++) longest = Math.max(longest, times[i] - times[i - 1]);
  return {
    fps: ((times.length - 1) * 1000) / wall,
    minWindowFps: minWindow,
    longestFrameMs: longest,
    longTasks: long.length,
    longTaskMs: long.reduce((a, b) => a + b, 0),
    simSpeed: (simMs() - sim0) / wall,
  };
}`;

const measure = (page: Page, ms: number) => page.evaluate(`(${MEASURE})(${ms})`) as Promise<Frames>;

async function playAt25(page: Page, nodes: number, speed = 'Speed 25 times'): Promise<void> {
  await page.locator('.react-flow__node').nth(nodes - 1).waitFor({ timeout: 60_000 });
  // Play stops at the scenario's length: make it an hour, so a running simulation is measured.
  const duration = page.getByLabel('duration (ms)', { exact: true });
  await duration.fill('3600000');
  await duration.press('Tab');
  await page.getByRole('button', { name: speed }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(WARMUP_MS);
}

function report(label: string, f: Frames): void {
  console.log(`${label}: ${f.fps.toFixed(1)} fps (worst 1 s window ${f.minWindowFps}, longest frame ${f.longestFrameMs.toFixed(0)} ms, `
    + `${f.longTasks} long tasks = ${f.longTaskMs.toFixed(0)} ms; simulation ran at ${f.simSpeed.toFixed(1)}x)`);
}

async function main(): Promise<void> {
  process.env.NODE_ENV = 'production';
  const t0 = performance.now();
  const h: Harness = await startHarness({ outDir: join(ROOT, 'tests/e2e/.tmp/bench-dist') });
  console.log(`built and serving in ${((performance.now() - t0) / 1000).toFixed(1)} s; measuring ${SECONDS} s per scenario after ${WARMUP_MS / 1000} s of warm-up`);
  try {
    // (a) The scenario a first visit opens (no autosave from an earlier run of the benchmark).
    if (wants('default')) {
    const first = await h.open();
    await first.evaluate(() => localStorage.clear());
    await first.reload();
    const defaultNodes = expectedDefault().nodes.length;
    await playAt25(first, defaultNodes);
    report(`default scenario (${defaultNodes} nodes) @25x`, await measure(first, SECONDS * 1000));
    if (SHOT) await first.screenshot({ path: SHOT });
    await first.close();
    }

    // (b) 30 nodes at 5,000 requests/s, opened as a file through the import button.
    const big = bigScenario();
    if (wants('big')) {
    const page = await h.open();
    await page.getByTestId('import-input').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
    await playAt25(page, big.nodes.length);
    report(`30-node scenario (${big.nodes.length} nodes, ${big.edges.length} edges, ${BIG_TOTAL_RPS} requests/s) @25x`, await measure(page, SECONDS * 1000));
    await page.close();
    }

    // (c) Compare mode: A and B both the 30-node scenario, side by side, at 25x and at Max.
    for (const [speed, label] of wants('compare') ? [['Speed 25 times', '@25x'], ['Speed: as fast as possible', '@Max']] as const : []) {
      const cmp = await h.open();
      await cmp.getByTestId('import-input').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
      await cmp.locator('.react-flow__node').nth(big.nodes.length - 1).waitFor({ timeout: 60_000 });
      await press(cmp, 'Compare');
      await cmp.getByTestId('compare-panel').waitFor({ timeout: 60_000 });
      await playAt25(cmp, big.nodes.length, speed);
      report(`Compare mode, A and B both the 30-node scenario ${label}`, await measure(cmp, SECONDS * 1000));
      if (SHOT && label === '@25x') await cmp.screenshot({ path: SHOT.replace(/(\.png)?$/, '-compare.png') });
      await cmp.close();
    }
    if (h.problems.length > 0) console.log(`console problems:\n  ${h.problems.join('\n  ')}`);
  } finally {
    await h.close();
  }
}

await main();
