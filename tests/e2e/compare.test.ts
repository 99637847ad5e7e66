/**
 * Compare mode end to end in Chromium: from the default scenario, B gets one payment instance
 * instead of two; A and B play side by side on the same seed; the charts overlay them (A
 * solid, B dashed, each named), the table lists the differences, nodes carry B - A badges,
 * several seeds give intervals, and leaving with Keep A brings the scenario back.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { press, ROOT, SHOTS, startHarness, type Harness } from './harness';

const WAIT = { timeout: 60_000 };
let h: Harness;
let page: Page;

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`) });
const simMs = async (p: Page) => Number(await p.getByTestId('sim-clock').getAttribute('data-ms'));
const panel = () => page.getByTestId('compare-panel');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness({ outDir: join(ROOT, 'tests/e2e/.tmp/compare-dist') });
  page = await h.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('.react-flow__node[data-id="payment"]').waitFor(WAIT);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('Compare mode in Chromium', () => {
  it('opens from the toolbar: the inspector edits B and the comparison takes the dashboard\'s place', async () => {
    // An hour: the run cannot reach its end under these tests, however the machine is loaded
    // (the seeds below run the page's longest stretch, 15 minutes, instead).
    const duration = page.getByLabel('duration (ms)', { exact: true });
    await duration.fill('3600000');
    await duration.press('Tab');
    await press(page, 'Compare');
    await panel().waitFor(WAIT);
    await page.getByRole('heading', { name: 'Inspector · editing B' }).waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Compare', exact: true }).getAttribute('aria-pressed')).toBe('true');
  });

  it('plays A and B side by side on one clock: two overlaid runs, A solid and B dashed, and a table of differences', async () => {
    await page.locator('.react-flow__node[data-id="payment"]').click();
    const instances = page.getByLabel('instances', { exact: true });
    await instances.fill('1');
    await instances.press('Tab');
    await panel().getByLabel(/Your hypothesis/).fill('One payment instance queues more: p99 goes up, errors stay at 0.');
    // Step: each step moves A and B on together and redraws both (a test build of the page is
    // too slow on a busy machine to pause a playing run at a chosen moment reliably).
    for (let i = 0; i < 15; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => simMs(page), WAIT).toBeGreaterThanOrEqual(15_000);

    // Both runs in each chart, named in the legend; B's line is dashed, A's is not.
    const legend = panel().locator('.mc-lines__name');
    await expect.poll(async () => (await legend.allTextContents()).filter((t) => t === 'A · users').length, WAIT).toBe(3);
    expect((await legend.allTextContents()).filter((t) => t === 'B · users')).toHaveLength(3);
    const lines = panel().locator('.mc-lines__line');
    const dashes = await lines.evaluateAll((els) => els.map((e) => e.getAttribute('stroke-dasharray') ?? ''));
    expect(dashes.filter((d) => d !== '' && d !== 'none').length).toBe(dashes.length / 2);
    // The end of each line is labelled A or B, not told by colour alone.
    expect(await panel().locator('svg text', { hasText: /^B$/ }).count()).toBeGreaterThanOrEqual(3);

    const table = panel().getByRole('table', { name: 'Differences between A and B' });
    for (const row of ['users p50', 'users p95', 'users p99', 'users error rate', 'users throughput', 'cost', 'sessions lost', 'messages lost', 'time to recover after a fault']) {
      await table.getByRole('rowheader', { name: row, exact: true }).waitFor(WAIT);
    }
    const p99 = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'users p99', exact: true }) });
    expect(await p99.locator('td').nth(2).textContent()).toMatch(/^[+-]\d/);
    // The hypothesis beside the result.
    expect(await panel().locator('.mc-compare__expected').textContent()).toContain('One payment instance queues more');
    await panel().getByTestId('compare-outcome').waitFor(WAIT);
    // Badges on the nodes whose numbers moved: B - A of p99 or error rate.
    await expect.poll(() => page.locator('.mc-compare-badge').count(), WAIT).toBeGreaterThan(0);
    expect(await page.locator('.mc-compare-badge').first().textContent()).toMatch(/(p99|err) [+−]\d/);
    // The timeline replays B with A beside it: back at 0:05 both lines end there, and the
    // badges (B - A now) step aside until the page is live again.
    const endOfA = () => panel().locator('.mc-lines__end', { hasText: /^A$/ }).first().getAttribute('x').then(Number);
    const liveX = await endOfA();
    const slider = page.getByRole('slider', { name: 'Run time' });
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuetext'), WAIT).toMatch(/^0:05\.0 of /);
    await expect.poll(endOfA, WAIT).toBeLessThan(liveX);
    expect(await page.locator('.mc-compare-badge').first().isVisible()).toBe(false);
    // The table stays the runs' figures so far, and says so.
    expect(await panel().getByRole('heading', { name: /^Live run, one seed, at 15 s \(the charts show 5 s\)/ }).count()).toBe(1);
    await page.keyboard.press('End');
    await expect.poll(endOfA, WAIT).toBe(liveX);
    await expect.poll(() => page.locator('.mc-compare-badge').first().isVisible(), WAIT).toBe(true);
    // The story and the inspector folded, the comparison has the side to itself.
    await page.getByRole('button', { name: 'Inspector · editing B' }).click();
    await page.locator('.mc-story button').first().click();
    await panel().locator('.mc-chart__title').first().scrollIntoViewIfNeeded();
    await shot(page, 'compare-01-live');
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'compare-01-table');
  });

  it('runs several seeds: each figure gets an interval, the charts a band, and noise is called noise', async () => {
    const seeds = panel().getByLabel('Seeds', { exact: true });
    await seeds.fill('3');
    await panel().getByRole('button', { name: 'Run 3 seeds' }).click();
    await panel().getByRole('heading', { name: /^Over 3 seeds/ }).waitFor({ timeout: 180_000 });
    expect(await panel().locator('.mc-compare__ci').count()).toBeGreaterThan(0);
    expect(await panel().locator('.mc-lines__bands path[d^="M"]').count()).toBeGreaterThan(0);
    const verdicts = await panel().locator('.mc-compare__verdict').allTextContents();
    expect(verdicts.some((v) => /better|worse|noise|same/.test(v))).toBe(true);
    await shot(page, 'compare-02-seeds');
  }, 240_000);

  it('leaves with Keep A: the scenario is A again and the dashboard comes back', async () => {
    await panel().getByRole('button', { name: 'Keep A' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor(WAIT);
    expect(await panel().count()).toBe(0);
    expect(await page.locator('.mc-compare-badge').count()).toBe(0);
    await page.getByRole('button', { name: 'Inspector', exact: true }).click();
    await page.locator('.react-flow__node[data-id="payment"]').click();
    await expect.poll(() => page.getByLabel('instances', { exact: true }).inputValue(), WAIT).toBe('2');
    expect(h.problems).toEqual([]);
  });
});
