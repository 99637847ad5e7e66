/**
 * The cache and the serverless function, end to end in Chromium: each preset opens from the
 * picker and plays; the cache shows its hit ratio on the canvas and, flushed from its fault
 * menu, sends its database a herd; the function shows its environments and cold starts.
 * Screenshots go to tests/e2e/screenshots/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pauseRun, press, ROOT, SHOTS, startHarness, type Harness } from './harness';

const WAIT = { timeout: 60_000 };
let h: Harness;
let page: Page;

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`) });
const nodeCard = (p: Page, id: string) => p.locator(`.react-flow__node[data-id="${id}"]`);
const badge = async (p: Page, id: string, short: string) => {
  const text = await nodeCard(p, id).locator('.mc-badge', { has: p.locator('dt', { hasText: new RegExp(`^${short}$`) }) }).locator('dd').first().textContent().catch(() => '');
  return parseFloat(text ?? '') || 0;
};
const hitPercent = async (p: Page) => Number(await nodeCard(p, 'product-cache').getByRole('meter', { name: 'hit ratio' }).getAttribute('aria-valuenow'));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness({ outDir: join(ROOT, 'tests/e2e/.tmp/dist-newkinds') });
  page = await h.open();
  await page.locator('.react-flow__node').first().waitFor(WAIT);
});

afterAll(async () => {
  await h?.close();
});

describe('a cache in Chromium', () => {
  it('opens the cache preset and shows its hit ratio on the canvas', async () => {
    await page.getByLabel('Open a preset scenario').selectOption('cache-flush');
    await expect.poll(() => page.locator('.react-flow__node').count(), WAIT).toBe(4);
    await nodeCard(page, 'product-cache').getByRole('meter', { name: 'hit ratio' }).waitFor(WAIT);
    // At 1x the preset's own flush (at 0:40) is far off: the one below is the fault menu's.
    await page.getByRole('button', { name: 'Speed 1 times' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => hitPercent(page), WAIT).toBeGreaterThan(50);
    await expect.poll(() => badge(page, 'catalog-db', 'rps'), WAIT).toBeGreaterThan(50);
    await shot(page, '40-cache-running');
  });

  it('flushed from its fault menu, the hit ratio drops and the database load jumps', async () => {
    const before = await badge(page, 'catalog-db', 'rps');
    await nodeCard(page, 'product-cache').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Flush the cache (empty it)' }).click();
    await expect.poll(() => hitPercent(page), WAIT).toBeLessThan(40);
    await expect.poll(() => badge(page, 'catalog-db', 'rps'), WAIT).toBeGreaterThan(before * 1.4);
    await nodeCard(page, 'product-cache').click();
    await page.locator('.mc-chart', { hasText: 'product-cache:' }).last().scrollIntoViewIfNeeded();
    await page.locator('.mc-chart', { hasText: 'product-cache: hit ratio' }).locator('.recharts-line-curve').first().waitFor(WAIT);
    await shot(page, '41-cache-flushed');
    await page.getByRole('tab', { name: /Events/ }).click();
    const flushes = page.locator('.mc-events__item', { hasText: 'product-cache flushed' });
    await expect.poll(() => flushes.count(), WAIT).toBe(1);
    // It was the menu's flush, well before the scheduled one at 0:40.
    expect(await flushes.first().textContent()).toMatch(/0:[0-3]\d/);
    await pauseRun(page);
  });
});

describe('building with the new kinds', () => {
  it('adds a cache and a function from the palette, with their settings in the inspector', async () => {
    await press(page, 'New scenario');
    await expect.poll(() => page.locator('.react-flow__node').count(), WAIT).toBe(0);
    // The canvas refits as nodes arrive, so a click may land while the drawing still moves:
    // click until the inspector shows the node's settings.
    const select = (kind: string, label: string) => expect.poll(async () => {
      await page.locator(`.react-flow__node[data-id^="${kind}"]`).first().click({ timeout: 5_000 }).catch(() => undefined);
      return page.getByLabel(label, { exact: true }).count();
    }, WAIT).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Add Cache' }).click();
    await select('cache', 'hit ratio');
    for (const label of ['hit ratio', 'keys', 'zipf s', 'capacity', 'ttl (ms)']) await page.getByLabel(label, { exact: true }).first().waitFor(WAIT);
    await page.getByRole('button', { name: 'Add Function' }).click();
    await select('function', 'memory mb');
    for (const label of ['memory mb', 'reserved concurrency', 'provisioned concurrency', 'idle timeout (ms)']) await page.getByLabel(label, { exact: true }).first().waitFor(WAIT);
    await shot(page, '43-new-kinds-built');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
  });
});

describe('a serverless function in Chromium', () => {
  it('opens the serverless preset, plays, and shows environments and cold starts on the canvas', async () => {
    await page.getByLabel('Open a preset scenario').selectOption('serverless-cold-starts');
    await expect.poll(() => page.locator('.react-flow__node').count(), WAIT).toBe(3);
    const fn = nodeCard(page, 'thumbnailer');
    await fn.getByTestId('function-environments').waitFor(WAIT);
    // Selected before the run, so the dashboard follows it from the start.
    await fn.click();
    await page.getByRole('button', { name: 'Speed 5 times' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => badge(page, 'thumbnailer', 'cold starts'), WAIT).toBeGreaterThan(0);
    // The burst at 0:30 opens many environments at once, and throttles past 30.
    await expect.poll(() => fn.locator('.mc-cell').count(), { ...WAIT, interval: 100 }).toBeGreaterThan(20);
    await shot(page, '42-function-burst');
    // A chart out of the dashboard's view keeps its last window: bring the node's charts into view.
    await page.locator('.mc-chart', { hasText: 'thumbnailer:' }).last().scrollIntoViewIfNeeded();
    await page.locator('.mc-chart', { hasText: 'thumbnailer: environments' }).locator('.recharts-line-curve').first().waitFor(WAIT);
    await expect.poll(() => badge(page, 'thumbnailer', 'cold starts'), WAIT).toBeGreaterThan(20);
    await expect.poll(() => badge(page, 'thumbnailer', 'throttled'), WAIT).toBeGreaterThan(0);
    await pauseRun(page);
  });

  it('offers no kill on a function, and logged no console errors or warnings', async () => {
    await nodeCard(page, 'thumbnailer').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Fail 50% of requests' }).waitFor(WAIT);
    expect(await page.getByRole('menuitem', { name: /Kill/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(h.problems).toEqual([]);
  });
});
