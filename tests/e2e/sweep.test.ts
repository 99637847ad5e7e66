/**
 * The Sweep tab in real Chromium: the users' load of the shop from 50 to 400 requests per
 * second, run in the sweep's own worker with a progress bar, then p99, error rate and cost
 * against it with the knee marked. Screenshot: tests/e2e/screenshots/sweep-load.png.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SHOTS, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;
const form = () => page.getByRole('form', { name: 'Sweep settings' });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Its own build folder: this file may run beside the other end-to-end files.
  h = await startHarness({ outDir: join(ROOT, 'tests/e2e/.tmp/dist-sweep') });
  page = await h.open();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await h?.close();
});

describe('the Sweep tab in Chromium', () => {
  it('sweeps the load off the page, shows the progress, then the knee of p99 and the cost', async () => {
    await page.getByRole('tab', { name: 'Sweep' }).click();
    const vary = form().getByLabel('Vary', { exact: true });
    await vary.waitFor({ timeout: 30_000 });
    await vary.selectOption({ label: 'users: requests per second (now 50)' });
    await form().getByLabel('From', { exact: true }).fill('50');
    await form().getByLabel('To', { exact: true }).fill('400');
    await form().getByLabel('In steps of', { exact: true }).fill('50');
    await form().getByLabel('Seconds per run', { exact: true }).fill('10');
    await form().getByLabel('Seeds', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Taller panel' }).click();
    await page.getByRole('button', { name: 'Run sweep' }).click();
    const status = page.locator('.mc-sweep__status');
    await expect.poll(() => status.textContent(), { timeout: 120_000 }).toMatch(/^16 runs done: 8 values × 2 seeds, 10 s simulated each/);
    expect(await page.getByRole('progressbar', { name: 'Sweep progress' }).getAttribute('value')).toBe('16');
    const rows = page.locator('.mc-sweep__table tbody tr');
    expect(await rows.count()).toBe(8);
    const notes = await page.getByRole('list', { name: 'What the sweep shows' }).textContent();
    expect(notes).toMatch(/Knee at \d+ requests\/s|No knee/);
    expect(notes).toMatch(/Cost: \$/);
    // Three charts with their axes labelled.
    const charts = page.locator('.mc-sweep__charts figure');
    expect(await charts.count()).toBe(3);
    const axisLabels = await page.locator('.mc-sweep__charts .recharts-label').allTextContents();
    expect(axisLabels.filter((t) => t === 'users: requests per second (requests/s)')).toHaveLength(3);
    for (const label of ['p99 (ms)', 'errors (%)', 'cost ($/h)']) expect(axisLabels).toContain(label);
    // Over two seeds each line is the mean, shaded from the lower seed's figure to the higher's.
    expect(await page.locator('.mc-sweep__charts .recharts-area').count()).toBe(3);
    await page.locator('.mc-sweep').screenshot({ path: join(SHOTS, 'sweep-load.png') });
    await page.screenshot({ path: join(SHOTS, 'sweep-page.png') });

    const axe = await new AxeBuilder({ page }).include('.mc-sweep').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(h.problems).toEqual([]);
  });

  it('Cancel stops a sweep under way and says how far it got', async () => {
    // Long runs, so the sweep is still under way when Cancel is pressed on a fast machine.
    await form().getByLabel('Seconds per run', { exact: true }).fill('900');
    await form().getByLabel('In steps of', { exact: true }).fill('10');
    await form().getByLabel('Seeds', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('.mc-sweep__status').textContent(), { timeout: 30_000 }).toMatch(/^Cancelled after \d+ of 36 runs\./);
    expect(await page.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
  });
});
