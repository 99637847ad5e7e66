/**
 * The playground end to end in real Chromium: the default scenario draws, Play runs it,
 * numbers and charts move, a killed instance shows as crashed and errors reach the
 * dashboard, a Share link round-trips, and a bad import or link explains itself.
 * Screenshots go to tests/e2e/screenshots/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedDefault, press, SHOTS, startHarness, type Harness, pauseRun } from './harness';

const WAIT = { timeout: 60_000 };
const DEFAULT = expectedDefault();
const NODES = DEFAULT.nodes.length;
const EDGES = DEFAULT.edges.length;
const payment = DEFAULT.nodes.find((n) => n.id === 'payment')!;
const product = DEFAULT.nodes.find((n) => n.id === 'product')!;
let h: Harness;
let page: Page;

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`) });
const simMs = async (p: Page) => Number(await p.getByTestId('sim-clock').getAttribute('data-ms'));
const nodeCard = (p: Page, id: string) => p.locator(`.react-flow__node[data-id="${id}"]`);

/** Presses a toolbar button, or its entry in the More menu when the toolbar has folded it away. */
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness();
  page = await h.open();
});

afterAll(async () => {
  await h?.close();
});

describe('the playground in Chromium', () => {
  it('draws the default scenario on one screen, ready to play', async () => {
    await expect.poll(() => page.locator('.react-flow__node').count(), WAIT).toBe(NODES);
    await expect.poll(() => page.locator('.react-flow__edge').count(), WAIT).toBe(EDGES);
    expect(await page.locator('.mc-scenario__name').textContent()).toBe(DEFAULT.name);
    await page.getByRole('button', { name: 'Play' }).waitFor(WAIT);
    const scroll = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth, ih: innerHeight, iw: innerWidth }));
    expect(scroll.h).toBeLessThanOrEqual(scroll.ih);
    expect(scroll.w).toBeLessThanOrEqual(scroll.iw);
    await shot(page, '01-default-scenario');
  });

  it('plays: the clock, the numbers and the charts move', async () => {
    // Play stops at the scenario's length (truth.test.ts checks that): make it long enough
    // that the run does not end under the tests below, however slow the machine.
    const duration = page.getByLabel('duration (ms)', { exact: true });
    await duration.fill('3600000');
    await duration.press('Tab');
    await page.getByRole('button', { name: 'Speed 5 times' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor(WAIT);
    await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(8000);
    const badge = nodeCard(page, 'product').locator('.mc-badge').first();
    await expect.poll(async () => parseFloat((await badge.locator('dd').textContent()) ?? '0'), WAIT).toBeGreaterThan(10);
    await expect.poll(() => page.locator('.mc-dashboard .recharts-line-curve').count(), WAIT).toBeGreaterThan(2);
    // p99 on the badges and the edge labels; p50, p95 and p99 in the client latency chart.
    const p99 = nodeCard(page, 'product').locator('.mc-badge', { hasText: 'p99' }).locator('dd');
    await expect.poll(() => p99.textContent(), WAIT).toMatch(/^\d+(\.\d+)? (ms|s)$/);
    await expect.poll(() => page.locator('.mc-edge-label', { hasText: /p99 \d/ }).count(), WAIT).toBeGreaterThan(0);
    const legend = page.locator('.mc-chart', { hasText: 'Client latency' }).locator('.recharts-legend-item-text');
    await expect.poll(() => legend.allTextContents(), WAIT).toEqual(['p50', 'p95', 'p99']);
    const dashes = await page.locator('.mc-chart', { hasText: 'Client latency' }).locator('.recharts-line-curve').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke-dasharray') ?? ''));
    expect(new Set(dashes).size).toBe(3);
    const before = await simMs(page);
    await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(before + 2000);
    await shot(page, '02-running');
  });

  it('shows a killed instance as crashed and the errors on the dashboard', async () => {
    await nodeCard(page, 'product').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Kill one instance' }).click();
    await expect.poll(() => nodeCard(page, 'product').locator('.mc-cell--crashed').count(), WAIT).toBe(1);
    await nodeCard(page, 'payment').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Kill the whole service' }).click();
    await expect.poll(() => nodeCard(page, 'payment').locator('.mc-cell--crashed').count(), WAIT).toBe(payment.instances ?? 1);
    await expect.poll(() => page.locator('.mc-faults li').count(), WAIT).toBe(2);
    await expect.poll(() => page.locator('.mc-dashboard .recharts-area').count(), WAIT).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.mc-edge--bad, .mc-edge--warn').count(), WAIT).toBeGreaterThan(0);
    await shot(page, '03-faults');
    await page.getByRole('tab', { name: /Events/ }).click();
    await expect.poll(() => page.locator('.mc-events__item').count(), WAIT).toBeGreaterThan(1);
    await page.locator('.mc-events__item', { hasText: 'kill-service on payment' }).first().click();
    await expect.poll(() => page.locator('.mc-inspector__head h3').textContent(), WAIT).toBe(payment.label ?? 'payment');
    await shot(page, '04-events');
    await pauseRun(page);
    await page.getByRole('button', { name: 'Play' }).waitFor(WAIT);
  });

  it('shows a sampled request as a span waterfall', async () => {
    await page.getByRole('tab', { name: 'Traces' }).click();
    await page.getByRole('button', { name: 'failed' }).click();
    // One request in twenty is traced: a run paused soon after the kill may hold no failed
    // trace yet, so step it on until one shows.
    const rows = page.locator('.mc-waterfall tbody tr');
    await expect.poll(async () => {
      const n = await rows.count();
      if (n <= 1) await page.getByRole('button', { name: 'Step', exact: true }).click();
      return n;
    }, WAIT).toBeGreaterThan(1);
    expect(await page.locator('.mc-waterfall__mark').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Taller panel' }).click();
    await shot(page, '05-trace');
    await page.getByRole('button', { name: 'Taller panel' }).click();
    await page.getByRole('tab', { name: /Load/ }).click();
  });

  it('builds: drag a kind from the palette, connect it, delete it, undo', async () => {
    const count = () => page.locator('.react-flow__node').count();
    await page.getByRole('button', { name: 'Add Service' }).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 120, y: 420 } });
    await expect.poll(count, WAIT).toBe(NODES + 1);
    const added = nodeCard(page, 'service-1');
    // The canvas refits to the new node, and a busy machine may still be moving it when the
    // drag begins. A turn of the wheel (a move of the person's own) stops the fitting, and the
    // drag is tried again until the call is drawn.
    const box = await page.locator('.react-flow__pane').boundingBox();
    if (box) {
      await page.mouse.move(box.x + 12, box.y + 12);
      await page.mouse.wheel(0, 1);
    }
    const edge = page.locator('.react-flow__edge[data-id="gateway->service-1"]');
    await expect.poll(async () => {
      if ((await edge.count()) === 0) {
        await nodeCard(page, 'gateway').locator('.react-flow__handle.source')
          .dragTo(added.locator('.react-flow__handle.target'), { timeout: 5_000 }).catch(() => page.mouse.up());
      }
      return edge.count();
    }, WAIT).toBe(1);
    await added.click();
    await expect.poll(() => added.getAttribute('class'), WAIT).toMatch(/\bselected\b/);
    await page.keyboard.press('Delete');
    await expect.poll(count, WAIT).toBe(NODES);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(count, WAIT).toBe(NODES + 1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(count, WAIT).toBe(NODES);
  });

  it('drops a saga that says what it needs, while the run goes on as it was', async () => {
    // The restart notice of the edits above is not this test's business.
    const dismiss = page.getByRole('button', { name: 'Dismiss message' });
    if (await dismiss.count()) await dismiss.click();
    const before = await simMs(page);
    await page.getByRole('button', { name: 'Add Saga' }).click();
    const saga = nodeCard(page, 'saga-1');
    await expect.poll(() => saga.locator('.mc-node__status').textContent(), WAIT).toBe('not running');
    const hint = page.getByRole('status', { name: 'saga-1 is not running yet' });
    await hint.waitFor(WAIT);
    expect(await hint.textContent()).toContain('Connect the saga to the services of its steps');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await simMs(page)).toBe(before);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(before);
    await shot(page, '08-saga-draft');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.locator('.react-flow__node').count(), WAIT).toBe(NODES);
  });

  it('resizes a service from the inspector without restarting the run', async () => {
    await nodeCard(page, 'product').click();
    await expect.poll(() => page.locator('.mc-inspector__head h3').textContent(), WAIT).toBe(product.label ?? 'product');
    const before = await simMs(page);
    await page.getByLabel('size', { exact: true }).selectOption('large');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(before);
    await page.getByRole('tab', { name: /Events/ }).click();
    await expect.poll(() => page.locator('.mc-events__item', { hasText: 'product: small -> large' }).count(), WAIT).toBe(1);
    await page.getByRole('tab', { name: /Load/ }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByLabel('size', { exact: true }).inputValue(), WAIT).toBe('small');
  });

  it('edits a call from the inspector: a retry policy applies to the running simulation', async () => {
    // Edges are focusable: Enter selects the focused one (the keyboard way to a call).
    await page.locator('.react-flow__edge[data-id="order->payment"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.mc-inspector__head h3').textContent(), WAIT).toBe('order → payment');
    await page.getByRole('checkbox', { name: 'retry' }).check();
    await page.getByLabel('max attempts').waitFor(WAIT);
    expect(await page.getByLabel('max attempts').inputValue()).toBe('3');
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByLabel('max attempts').count(), WAIT).toBe(0);
  });

  it('round-trips the scenario through a Share link', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    const name = page.getByLabel('name', { exact: true });
    await name.fill('Shared shop');
    await name.press('Tab');
    await expect.poll(() => page.locator('.mc-scenario__name').textContent(), WAIT).toBe('Shared shop');
    await press(page, 'Share link');
    await expect.poll(() => page.evaluate(() => location.hash.length), WAIT).toBeGreaterThan(50);
    const hash = await page.evaluate(() => location.hash);
    const other = await h.open(hash);
    await expect.poll(() => other.locator('.mc-scenario__name').textContent(), WAIT).toBe('Shared shop');
    await expect.poll(() => other.locator('.react-flow__node').count(), WAIT).toBe(NODES);
    // Opened once, then dropped from the address: a later reload restores the autosave.
    expect(await other.evaluate(() => location.hash)).toBe('');
    await other.close();
  });

  it('autosaves: a reload loses nothing', async () => {
    await page.reload();
    await expect.poll(() => page.locator('.mc-scenario__name').textContent(), WAIT).toBe('Shared shop');
    await expect.poll(() => page.locator('.react-flow__node').count(), WAIT).toBe(NODES);
  });

  it('explains a bad import and keeps the current scenario', async () => {
    const bad = JSON.stringify({ version: 1, name: 'broken', nodes: [{ id: 'api', kind: 'service', instances: -3 }] });
    await page.getByTestId('import-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    const notice = page.getByRole('alert').filter({ hasText: 'broken.json was not loaded' });
    await notice.waitFor(WAIT);
    expect(await notice.textContent()).toContain('nodes[0].instances');
    expect(await page.locator('.mc-scenario__name').textContent()).toBe('Shared shop');
    expect(await page.locator('.react-flow__node').count()).toBe(NODES);
    await shot(page, '06-bad-import');
  });

  it('explains a damaged link and opens the last scenario instead', async () => {
    const other = await h.open('#s=this-is-not-a-scenario');
    await other.getByRole('alert').filter({ hasText: 'shared link was not loaded' }).waitFor(WAIT);
    await expect.poll(() => other.locator('.react-flow__node').count(), WAIT).toBe(NODES);
    await other.close();
  });

  it('has a dark theme and a projector mode', async () => {
    await press(page, 'Dark theme');
    await press(page, 'Projector mode');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // The picture shows the canvas fitted to the larger type, not a message of an earlier test.
    const dismiss = page.getByRole('button', { name: 'Dismiss message' });
    if (await dismiss.count()) await dismiss.click();
    const viewport = page.locator('.react-flow__viewport');
    await expect.poll(async () => {
      const before = await viewport.getAttribute('style');
      await page.waitForTimeout(150);
      return before === (await viewport.getAttribute('style'));
    }, WAIT).toBe(true);
    await shot(page, '07-dark-projector');
    await press(page, 'Projector mode');
    await press(page, 'Light theme');
  });

  it('logged no console errors or warnings', () => {
    expect(h.problems).toEqual([]);
  });
});
