/**
 * The replay timeline end to end in Chromium: a run with a killed instance, paused; the
 * timeline scrubs back (keyboard), and the clock and the product node's cells show the run
 * before the kill; the fault's mark and its line in the event log move the timeline to the
 * kill; Play from the past continues from there and forgets what came after.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pauseRun, ROOT, SHOTS, startHarness, type Harness } from './harness';

const WAIT = { timeout: 60_000 };
let h: Harness;
let page: Page;

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`) });
const simMs = async (p: Page) => Number(await p.getByTestId('sim-clock').getAttribute('data-ms'));
const crashed = (p: Page) => p.locator('.react-flow__node[data-id="product"] .mc-cell--crashed').count();
/** "m:ss.s" (or "h:mm:ss.s") back to ms. */
const clockMs = (text: string) => Math.round(text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0) * 1000);
const slider = (p: Page) => p.getByRole('slider', { name: 'Run time' });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness({ outDir: join(ROOT, 'tests/e2e/.tmp/dist-replay') });
  page = await h.open();
});

afterAll(async () => {
  await h?.close();
});

describe('the replay timeline in Chromium', () => {
  let killedAt = 0;
  let head = 0;

  it('records a run with a fault in it', async () => {
    await page.getByRole('button', { name: 'Play' }).waitFor(WAIT);
    // Long enough that the run does not reach its end under the test.
    const duration = page.getByLabel('duration (ms)', { exact: true });
    await duration.fill('3600000');
    await duration.press('Tab');
    await page.getByRole('button', { name: 'Speed 5 times' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(12_000);
    await page.locator('.react-flow__node[data-id="product"]').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Kill one instance' }).click();
    await expect.poll(() => crashed(page), WAIT).toBe(1);
    const kill = page.getByRole('button', { name: /^Fault at / }).first();
    await kill.waitFor(WAIT);
    killedAt = clockMs(/^Fault at (\d+(?::\d\d)+\.\d)/.exec((await kill.getAttribute('aria-label')) ?? '')![1]);
    await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(killedAt + 8000);
    await pauseRun(page);
    head = await simMs(page);
    await expect.poll(() => slider(page).getAttribute('max'), WAIT).toBe(String(Math.floor(head / 1000)));
    await expect.poll(() => page.getByRole('button', { name: /^Fault at / }).count(), WAIT).toBeGreaterThan(0);
    await shot(page, 'replay-01-live');
  });

  it('scrubs back with the keyboard: the clock and the node show the earlier state', async () => {
    await slider(page).focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => simMs(page), WAIT).toBe(5000);
    expect(await slider(page).getAttribute('aria-valuetext')).toMatch(/^0:05\.0 of /);
    expect(await crashed(page)).toBe(0);
    expect(await page.getByTestId('timeline').textContent()).toContain('Replaying 0:05.0 — Play to continue from here');
    expect(await page.evaluate(() => document.documentElement.dataset.replay)).toBe('on');
    await shot(page, 'replay-02-past');
    await page.keyboard.press('End');
    await expect.poll(() => simMs(page), WAIT).toBe(head);
    expect(await page.evaluate(() => document.documentElement.dataset.replay)).toBeUndefined();
  });

  it('moves to the fault from its mark and from the event log', async () => {
    await page.getByRole('button', { name: /^Fault at / }).first().click();
    // The first whole second that shows the kill.
    await expect.poll(() => simMs(page), WAIT).toBe(Math.ceil(killedAt / 1000) * 1000);
    expect(await crashed(page)).toBe(1);
    await page.getByRole('button', { name: 'Back to live' }).click();
    await expect.poll(() => simMs(page), WAIT).toBe(head);
    await page.getByRole('tab', { name: /Events/ }).click();
    await page.locator('.mc-events__item', { hasText: 'kill-instance on product' }).first().click();
    await expect.poll(() => simMs(page), WAIT).toBe(Math.ceil(killedAt / 1000) * 1000);
    expect(await crashed(page)).toBe(1);
    await shot(page, 'replay-03-event');
  });

  it('plays on from the past: the run continues from there and forgets what came after', async () => {
    await slider(page).focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => simMs(page), WAIT).toBe(5000);
    await page.getByRole('button', { name: 'Speed 1 times' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(5500);
    await pauseRun(page);
    const now = await simMs(page);
    expect(now).toBeLessThan(killedAt);
    expect(await crashed(page)).toBe(0);
    expect(await page.getByRole('button', { name: /^Fault at / }).count()).toBe(0);
    expect(await slider(page).getAttribute('max')).toBe(String(Math.floor(now / 1000)));
    await shot(page, 'replay-04-forked');
    expect(h.problems).toEqual([]);
  });
});
