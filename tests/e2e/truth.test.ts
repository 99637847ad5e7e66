/**
 * What a student sees is what the simulation did, in real Chromium: the breaker strip says
 * "open" while the breaker is open, a steady client reads its rate at every pause, Space plays
 * and pauses, a link pasted into the address bar of an open tab opens its scenario, and a run
 * stops at its length with a summary from which Continue runs on. Screenshots of the breaker
 * strip and the summary go to tests/e2e/screenshots/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareHash } from '../../src/store/persistence';
import { parseScenarioOrThrow } from '../../src/scenario/parse';
import { ROOT, SHOTS, startHarness, type Harness, pauseRun } from './harness';

const WAIT = { timeout: 60_000 };
let h: Harness;

const simMs = async (p: Page) => Number(await p.getByTestId('sim-clock').getAttribute('data-ms'));
const nodeCard = (p: Page, id: string) => p.locator(`.react-flow__node[data-id="${id}"]`);
const link = (data: unknown) => shareHash(parseScenarioOrThrow(data));
const dismissNotice = async (p: Page) => {
  const dismiss = p.getByRole('button', { name: 'Dismiss message' });
  if (await dismiss.count()) await dismiss.click();
};

/** A steady client: 50 requests a second, Poisson, to a service with room to spare. */
const STEADY = {
  version: 1, name: 'Steady fifty', seed: 7, durationMs: 600_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 50, arrival: 'poisson' }, position: { x: 0, y: 100 } },
    { id: 'api', kind: 'service', instances: 2, concurrency: 4, serviceTimeMs: { dist: 'exponential', mean: 10 }, position: { x: 300, y: 100 } },
  ],
  edges: [{ from: 'users', to: 'api' }],
};

/** A short run with a crash in it, to end with a summary. */
const SHORT = {
  version: 1, name: 'Twenty seconds', seed: 3, durationMs: 20_000,
  nodes: [
    { id: 'users', kind: 'client', load: { rps: 40 }, position: { x: 0, y: 100 } },
    { id: 'api', kind: 'service', instances: 2, concurrency: 4, serviceTimeMs: 15, position: { x: 300, y: 100 } },
  ],
  edges: [{ from: 'users', to: 'api' }],
  faults: [{ kind: 'kill-service', target: 'api', atMs: 6_000, durationMs: 4_000, label: 'api is down' }],
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness({ outDir: join(ROOT, 'tests/e2e/.tmp/dist-truth') });
});

afterAll(async () => {
  await h?.close();
});

describe('the playground tells the truth', () => {
  it('the circuit-breaker preset: the breaker strip says open for most of the fault window', async () => {
    const page = await h.open();
    await page.getByRole('combobox', { name: 'Open a preset scenario' }).selectOption({ label: 'Circuit breaker: one slow dependency, not a whole shop down' });
    await expect.poll(() => page.locator('.mc-scenario__name').textContent(), WAIT).toMatch(/^Circuit breaker/);
    await page.getByRole('button', { name: 'Speed: as fast as possible' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    // The run stops at its 60 s; the charts keep its whole window.
    await page.getByTestId('run-summary').waitFor(WAIT);
    expect(await simMs(page)).toBe(60_000);
    await page.keyboard.press('Escape');
    const strip = page.locator('.mc-chart', { hasText: 'Circuit breakers' });
    await strip.scrollIntoViewIfNeeded();
    // Each segment's title is "<state> from m:ss.s to m:ss.s": add up the seconds of each state in 10..40 s.
    const seconds = async (word: string) => {
      const titles = await strip.locator(`.mc-breakers__seg`).evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
      return titles.filter((t) => t.startsWith(`${word} from`)).reduce((sum, t) => {
        const [from, to] = (t.match(/\d+:\d+\.\d/g) ?? []).map((c) => Number(c.split(':')[0]) * 60 + Number(c.split(':')[1]));
        return sum + Math.max(0, Math.min(40, to) - Math.max(10, from));
      }, 0);
    };
    await expect.poll(() => seconds('open'), WAIT).toBeGreaterThan(18);
    expect(await seconds('half-open')).toBeLessThan(9);
    expect(await strip.locator('.mc-breakers__seg', { hasText: /^open$/ }).count()).toBeGreaterThan(0);
    await strip.screenshot({ path: join(SHOTS, '09-breaker-strip.png') });
    await page.close();
  });

  it('a steady 50 rps client reads within 30 % of its rate at five pauses in a row', async () => {
    const page = await h.open(link(STEADY));
    await expect.poll(() => page.locator('.mc-scenario__name').textContent(), WAIT).toBe('Steady fifty');
    await page.getByRole('button', { name: 'Speed 5 times' }).click();
    const rps = nodeCard(page, 'users').locator('.mc-badge', { hasText: 'rps' }).locator('dd');
    const readings: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.getByRole('button', { name: 'Play' }).click();
      const from = await simMs(page);
      await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(Math.max(from + 1_500 + i * 700, 7_000));
      await pauseRun(page);
      await page.getByRole('button', { name: 'Play' }).waitFor(WAIT);
      // The picture taken at the pause is the last one: wait until the clock stands still.
      await expect.poll(async () => {
        const t = await simMs(page);
        await page.waitForTimeout(150);
        return t === (await simMs(page));
      }, WAIT).toBe(true);
      readings.push(parseFloat((await rps.textContent()) ?? 'NaN'));
    }
    for (const r of readings) {
      expect(r, readings.join(', ')).toBeGreaterThan(35);
      expect(r, readings.join(', ')).toBeLessThan(65);
    }
    await page.close();
  });

  it('Space plays and pauses', async () => {
    const page = await h.open(link(STEADY));
    await expect.poll(() => page.locator('.mc-scenario__name').textContent(), WAIT).toBe('Steady fifty');
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause' }).waitFor(WAIT);
    await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(500);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Play' }).waitFor(WAIT);
    // And after clicking a node, whose card takes focus.
    await nodeCard(page, 'api').click();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause' }).waitFor(WAIT);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Play' }).waitFor(WAIT);
    await page.close();
  });

  it('a link pasted into the address bar of an open tab opens its scenario, and Undo brings back the one before', async () => {
    const page = await h.open(link(STEADY));
    await expect.poll(() => page.locator('.mc-scenario__name').textContent(), WAIT).toBe('Steady fifty');
    const pasted = link(SHORT);
    // Pasting a link to the same page with a new hash only changes the hash: no new load.
    await page.goto(h.url + pasted);
    await expect.poll(() => page.locator('.mc-scenario__name').textContent(), WAIT).toBe('Twenty seconds');
    await expect.poll(() => page.evaluate(() => location.hash), WAIT).toBe('');
    await dismissNotice(page);
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.mc-scenario__name').textContent(), WAIT).toBe('Steady fifty');
    // The same by assigning location.hash, and a damaged link is refused with the usual message.
    await page.evaluate((hash) => void (location.hash = hash), '#s=damaged-link');
    await page.getByRole('alert').filter({ hasText: 'The shared link was not loaded' }).waitFor(WAIT);
    expect(await page.locator('.mc-scenario__name').textContent()).toBe('Steady fifty');
    await page.close();
  });

  it('a run stops at its length with a summary; Continue runs on', async () => {
    const page = await h.open(link(SHORT));
    await expect.poll(() => page.locator('.mc-scenario__name').textContent(), WAIT).toBe('Twenty seconds');
    await dismissNotice(page);
    await page.getByRole('button', { name: 'Speed 25 times' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    const summary = page.getByRole('dialog', { name: 'The run ended at 0:20.0' });
    await summary.waitFor(WAIT);
    expect(await simMs(page)).toBe(20_000);
    await page.waitForTimeout(500);
    expect(await simMs(page)).toBe(20_000);
    expect(await summary.getByRole('row', { name: /^users / }).textContent()).toMatch(/users\s*[\d,]+\s*[\d,]+ \(\d+%\)/);
    expect(await summary.getByRole('listitem').allTextContents()).toEqual(expect.arrayContaining(['0:06.0 kill-service on api', '0:10.0 kill-service on api ended']));
    await page.screenshot({ path: join(SHOTS, '10-run-summary.png') });
    await summary.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(25_000);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await pauseRun(page);
    await page.close();
  });

  it('logged no console errors or warnings', () => {
    expect(h.problems).toEqual([]);
  });
});
