/**
 * What a preset teaches, end to end in Chromium: the strangler-fig preset opens from its
 * group, its story stays on the canvas, and moving a route's share slider in the inspector
 * moves the traffic on the canvas (the gateway → orders call starts carrying requests).
 * Screenshots go to tests/e2e/screenshots/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { press, ROOT, SHOTS, startHarness, type Harness, pauseRun } from './harness';

const WAIT = { timeout: 60_000 };
let h: Harness;
let page: Page;

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`) });
const edgeRps = async (p: Page, key: string) => {
  const text = await p.locator(`.react-flow__edge[data-id="${key}"]`).count() ? await p.locator('.mc-edge-label').filter({ has: p.locator('span') }).evaluateAll((els, k) => {
    // Edge labels are rendered apart from their path; find the one whose title names the edge.
    const el = els.find((e) => (e as HTMLElement).title.startsWith(`${k}:`));
    return el?.querySelector('span')?.textContent ?? '';
  }, key) : '';
  return parseFloat(text) || 0;
};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness({ outDir: join(ROOT, 'tests/e2e/.tmp/dist-presets') });
  page = await h.open();
});

afterAll(async () => {
  await h?.close();
});

describe('a preset in Chromium', () => {
  it('opens the strangler fig from its group, with its story on the canvas', async () => {
    await page.locator('.react-flow__node').first().waitFor(WAIT);
    const picker = page.getByLabel('Open a preset scenario');
    expect(await picker.locator('optgroup').first().getAttribute('label')).toBe('Start here');
    await picker.selectOption('strangler-fig');
    await expect.poll(() => page.locator('.react-flow__node').count(), WAIT).toBe(8);
    const story = page.getByRole('region', { name: 'Story' });
    await expect.poll(() => story.textContent(), WAIT).toContain('routing façade of the strangler fig');
    expect(await story.locator('li').count()).toBeGreaterThanOrEqual(3);
  });

  it('moves traffic to the new service when a route share slider moves', async () => {
    await page.getByRole('button', { name: 'Speed 5 times' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => edgeRps(page, 'gateway->legacy'), WAIT).toBeGreaterThan(50);
    expect(await edgeRps(page, 'gateway->orders')).toBe(0);
    await page.locator('.react-flow__node[data-id="gateway"]').click();
    // The story stays while a node is selected.
    await expect.poll(() => page.getByRole('region', { name: 'Story' }).isVisible(), WAIT).toBe(true);
    const slider = page.getByRole('slider', { name: 'share of /orders sent to orders' });
    await slider.waitFor(WAIT);
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    // Press at the middle of the track and let go: the share jumps to about half.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => Number(await slider.inputValue()), WAIT).toBeGreaterThan(30);
    const share = Number(await slider.inputValue());
    expect(await page.getByRole('slider', { name: 'share of /orders sent to legacy' }).inputValue()).toBe(String(100 - share));
    // The buyers' orders (40 a second) now split: the new service gets its share, on the canvas.
    await expect.poll(() => edgeRps(page, 'gateway->orders'), WAIT).toBeGreaterThan(8);
    await shot(page, '09-strangler-fig-split');
    await pauseRun(page);
  });

  it('explains the instance cells in a legend on the canvas', async () => {
    await page.getByRole('button', { name: /Legend/ }).click();
    const legend = page.getByRole('region', { name: 'Legend' });
    await legend.waitFor(WAIT);
    for (const word of ['idle', 'busy', 'booting', 'draining', 'crashed']) expect(await legend.getByText(word, { exact: true }).count()).toBe(1);
    await shot(page, '10-legend');
    await page.keyboard.press('Escape');
    await expect.poll(() => legend.isVisible(), WAIT).toBe(false);
  });

  it('selects every node with Ctrl+A, deletes them together, and Undo brings them back', async () => {
    const nodes = page.locator('.react-flow__node');
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+a');
    await expect.poll(() => page.locator('.react-flow__node.selected').count(), WAIT).toBe(8);
    await expect.poll(() => page.locator('.mc-inspector__head h3').textContent(), WAIT).toBe('8 nodes selected');
    await page.keyboard.press('Delete');
    await expect.poll(() => nodes.count(), WAIT).toBe(0);
    await page.getByRole('status').filter({ hasText: 'An empty scenario' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => nodes.count(), WAIT).toBe(8);
  });

  it('starts an empty scenario with New, and Undo brings the preset back', async () => {
    await press(page, 'New scenario');
    await expect.poll(() => page.locator('.react-flow__node').count(), WAIT).toBe(0);
    expect(await page.locator('.mc-scenario__name').textContent()).toBe('New scenario');
    expect(await page.getByRole('region', { name: 'Story' }).count()).toBe(0);
    await shot(page, '11-new-scenario');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.react-flow__node').count(), WAIT).toBe(8);
    await expect.poll(() => page.getByRole('region', { name: 'Story' }).count(), WAIT).toBe(1);
  });

  it('logged no console errors or warnings', () => {
    expect(h.problems).toEqual([]);
  });
});
