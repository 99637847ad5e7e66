/**
 * A lesson end to end in real Chromium: open the circuit-breaker lesson from the course, read
 * the briefing (its spotlight on the canvas), run it and see a goal fail with its figure and
 * limit, add the breaker in the inspector, run again until every goal passes and the debrief
 * shows, then reload: the tick is kept. Screenshots go to tests/e2e/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { press, ROOT, SHOTS, startHarness, type Harness } from './harness';

const WAIT = { timeout: 90_000 };
const TITLE = 'Stop waiting on a dead dependency';
let h: Harness;
let page: Page;

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`) });

/** The course: the toolbar's Lessons button, or Lessons… in More when the toolbar folded it. */
const openCourse = (p: Page) => press(p, /^Lessons/);
const panel = () => page.getByTestId('lesson-panel');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness({ outDir: join(ROOT, 'tests/e2e/.tmp/dist-lesson') });
  page = await h.open();
});

afterAll(async () => {
  await h?.close();
});

describe('a lesson in Chromium', () => {
  it('opens the course from the toolbar: sequences, lessons, a place to start', async () => {
    await page.locator('.react-flow__node').first().waitFor(WAIT);
    await openCourse(page);
    const course = page.getByRole('dialog', { name: 'Lessons' });
    await course.waitFor(WAIT);
    expect(await course.getByRole('heading', { level: 3 }).allTextContents()).toEqual(expect.arrayContaining(['Foundations', 'Resilience']));
    const row = course.locator('[data-lesson="circuit-breaker"]');
    await expect.poll(() => row.textContent(), WAIT).toMatch(/\d+ min · (easy|medium|hard)/);
    expect(await course.getByText('Start here').count()).toBeGreaterThan(0);
    await shot(page, 'lesson-01-course');
  });

  it('opens the lesson: its scenario, the briefing with a spotlight, the prediction', async () => {
    await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: new RegExp(TITLE) }).click();
    await panel().waitFor(WAIT);
    await expect.poll(() => page.locator('.react-flow__node[data-id="payments"]').count(), WAIT).toBe(1);
    expect(await panel().getByRole('heading', { level: 2 }).textContent()).toBe(TITLE);
    await expect.poll(() => page.locator('.react-flow__node.mc-spotlight').count(), WAIT).toBeGreaterThan(0);
    expect(await page.locator('.react-flow__edge.mc-spotlight').count()).toBeGreaterThan(0);
    const steps = Number(/of (\d+)/.exec((await panel().getByText(/step 1 of/).textContent()) ?? '')?.[1]);
    for (let i = 1; i < steps; i++) await panel().getByRole('button', { name: 'Next' }).click();
    await panel().getByText(`step ${steps} of ${steps}`).waitFor(WAIT);
    await panel().getByRole('radio').first().check();
    await shot(page, 'lesson-02-panel');
  });

  it('runs: a goal fails, with its actual figure beside the limit, and a hint unlocks', async () => {
    await page.getByRole('button', { name: 'Speed: as fast as possible' }).click();
    await panel().getByRole('button', { name: 'Run the lesson' }).click();
    await panel().getByText(/Not yet: a goal failed/).waitFor(WAIT);
    const failing = panel().locator('.mc-goal[data-status="fail"]').first();
    expect(await failing.textContent()).toMatch(/failed · actual .+ · limit [<≤>≥=≠] .+/);
    expect(await panel().getByText(/The answer is/).count()).toBe(1);
    expect(await panel().locator('.mc-hints li').count()).toBe(1);
    // A failed series goal marks the moment it broke on the dashboard's charts.
    await panel().getByRole('button', { name: 'Show on chart' }).first().click();
    await expect.poll(() => page.locator('.mc-dashboard .mc-chart-mark').count(), WAIT).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    // Bringing the verdict and the chart into view scrolls their panels, never the page.
    expect(await page.evaluate(() => [scrollX, scrollY])).toEqual([0, 0]);
    await shot(page, 'lesson-03-failed');
  });

  it('passes once the call has a circuit breaker: every goal, then the debrief', async () => {
    // The end-of-run summary waits behind its button while a lesson is open.
    expect(await page.getByTestId('run-summary').count()).toBe(0);
    await page.getByRole('button', { name: 'Fit view' }).click();
    await page.waitForTimeout(400);
    await page.locator('.react-flow__edge[data-id="checkout->payments"] .react-flow__edge-interaction').click({ force: true });
    await page.getByRole('checkbox', { name: 'circuit breaker' }).check();
    await panel().getByRole('button', { name: 'Run again from the start' }).click();
    await panel().getByText(/Every goal passed/).waitFor(WAIT);
    expect(await panel().locator('.mc-goal[data-status="pass"]').count()).toBeGreaterThan(0);
    await panel().getByRole('region', { name: /Solved/ }).scrollIntoViewIfNeeded();
    expect(await panel().getByRole('region', { name: /Solved/ }).textContent()).toMatch(/Circuit Breaker Pattern/);
    await shot(page, 'lesson-04-solved');
  });

  it('keeps the tick after a reload, and the lesson stays open', async () => {
    await page.waitForTimeout(600); // the autosave waits for a pause in the edits
    await page.reload();
    await panel().waitFor(WAIT);
    await openCourse(page);
    const row = page.getByRole('dialog', { name: 'Lessons' }).locator('[data-lesson="circuit-breaker"]');
    await expect.poll(() => row.textContent(), WAIT).toMatch(/✔ solved/);
    expect(await row.textContent()).not.toMatch(/with help/);
    expect(h.problems.filter((p) => !/Download the React DevTools/.test(p))).toEqual([]);
  });
});
