/**
 * Presenter mode and the embedded view in real Chromium. Presenter mode hides the editing
 * panels, shows the script's captions in large type, keeps a notes window in step over a
 * BroadcastChannel, and a beat fires its fault whether the arrow key or the clock brings it
 * on. An embed link shows no palette and no inspector, loads none of the editor's code, and
 * plays. Screenshots: tests/e2e/screenshots/20-presenter.png, 21-presenter-notes.png,
 * 22-share-dialog.png, 23-embed.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pauseRun, press, ROOT, SHOTS, startHarness, type Harness } from './harness';

const WAIT = { timeout: 60_000 };
let h: Harness;
let page: Page;

const simMs = async (p: Page) => Number(await p.getByTestId('sim-clock').getAttribute('data-ms'));
const crashedCells = (p: Page, id: string) => p.locator(`.react-flow__node[data-id="${id}"] .mc-cell--crashed`).count();
const caption = (p: Page) => p.getByTestId('beat-caption').textContent();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Its own build folder: this file may run beside the other end-to-end files.
  h = await startHarness({ outDir: join(ROOT, 'tests/e2e/.tmp/dist-present') });
  page = await h.open();
  await page.locator('.react-flow__node').first().waitFor(WAIT);
});

afterAll(async () => {
  await h?.close();
});

describe('presenter mode in Chromium', () => {
  it('hides the editing panels and plays the script beat by beat, in step with the notes window', async () => {
    await press(page, 'Present');
    await page.getByTestId('presenter').waitFor(WAIT);
    expect(await page.locator('.mc-palette').count()).toBe(0);
    expect(await page.locator('.mc-side').count()).toBe(0);
    expect(await page.locator('.mc-toolbar').count()).toBe(0);
    // The shop's first beat is at 0:00: it is on from the start.
    await expect.poll(() => caption(page), WAIT).toContain('A shop: users call the gateway');
    // Space plays and pauses, as in the editor.
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor(WAIT);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor(WAIT);

    const [notes] = await Promise.all([h.context.waitForEvent('page'), page.getByRole('button', { name: 'Notes window' }).click()]);
    await notes.getByTestId('notes-window').waitFor(WAIT);
    expect(await notes.getByTestId('notes-now').textContent()).toContain('A shop');
    expect(await notes.getByTestId('notes-next').textContent()).toBe('0:15 Spike the load x5');

    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => caption(page), WAIT).toContain('Spike the load x5');
    await expect.poll(() => notes.getByTestId('notes-now').textContent(), WAIT).toBe('0:15 Spike the load x5');
    expect(await notes.getByTestId('notes-text').textContent()).toContain('which node saturates first');

    // The presenter's own window moves the script on: the next beat kills payment, for real
    // (a beat's action plays the run).
    // A window behind another gets no input in headless Chromium: bring it forward first.
    await notes.bringToFront();
    await notes.getByRole('button', { name: 'Next ›' }).click();
    await page.bringToFront();
    await expect.poll(() => caption(page), WAIT).toContain('Kill payment');
    await expect.poll(() => crashedCells(page, 'payment'), WAIT).toBeGreaterThan(0);
    await expect.poll(() => notes.getByTestId('notes-next').textContent(), WAIT).toContain('Payment is back');
    await notes.screenshot({ path: join(SHOTS, '21-presenter-notes.png') });

    await expect.poll(() => simMs(page), WAIT).toBeGreaterThan(6000);
    await pauseRun(page);
    await page.screenshot({ path: join(SHOTS, '20-presenter.png') });
    await notes.close();
  });

  it('fires a beat\'s fault when the run reaches its time, after a reset', async () => {
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => simMs(page), WAIT).toBe(0);
    await expect.poll(() => crashedCells(page, 'payment'), WAIT).toBe(0);
    await expect.poll(() => caption(page), WAIT).toContain('A shop');
    // At 5x the fault's 15 simulated seconds last 3 real ones: long enough to be seen.
    await page.getByRole('button', { name: 'Speed 5 times' }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => caption(page), WAIT).toContain('Kill payment');
    await expect.poll(() => crashedCells(page, 'payment'), WAIT).toBeGreaterThan(0);
    await pauseRun(page);
    await page.keyboard.press('Escape');
    await page.locator('.mc-toolbar').waitFor(WAIT);
    expect(await page.locator('.mc-palette').count()).toBe(1);
  });
});

describe('the embedded view in Chromium', () => {
  it('offers an embed link in the Share dialog; the link shows no palette and no inspector, loads none of the editor, and plays', async () => {
    await page.getByRole('button', { name: 'Speed 1 times' }).click();
    await press(page, 'Share link');
    const dialog = page.getByRole('dialog', { name: 'Share' });
    await dialog.waitFor(WAIT);
    await dialog.getByLabel('errors').check();
    await dialog.getByLabel('start playing when shown').check();
    const embed = await dialog.getByRole('textbox', { name: 'Embed link' }).inputValue();
    // The shop's script picks the clients' and the node's charts; errors is added here.
    expect(new URL(embed).search).toBe('?panels=clients,errors,node&autoplay=1');
    expect(await dialog.getByRole('textbox', { name: 'iframe snippet' }).inputValue()).toMatch(/^<iframe src="/);
    await page.screenshot({ path: join(SHOTS, '22-share-dialog.png') });
    await page.keyboard.press('Escape');

    const view = await h.context.newPage();
    await view.setViewportSize({ width: 960, height: 540 });
    const scripts: string[] = [];
    view.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await view.goto(embed);
    await view.getByTestId('embed').waitFor(WAIT);
    expect(new URL(view.url()).pathname).toMatch(/embed\.html$/);
    await view.locator('.react-flow__node').first().waitFor(WAIT);
    expect(await view.locator('.mc-palette').count()).toBe(0);
    expect(await view.locator('.mc-side, .mc-inspector').count()).toBe(0);
    expect(await view.getByRole('button', { name: /Import|Export|New scenario/ }).count()).toBe(0);
    // Autoplay: the clock runs without a click.
    await expect.poll(() => simMs(view), WAIT).toBeGreaterThan(3000);
    await view.getByTestId('chart-panels').waitFor(WAIT);
    await view.screenshot({ path: join(SHOTS, '23-embed.png') });
    const editorCode = scripts.filter((s) => /\/assets\/(main|LessonPanel|AuthorPanel|CourseDialog|ExportDialog|catalog|PresenterView)-/.test(s));
    expect(editorCode).toEqual([]);

    await pauseRun(view);
    await view.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => simMs(view), WAIT).toBe(0);
    const open = await view.getByRole('link', { name: 'Open in microcosm' }).getAttribute('href');
    expect(open).toMatch(/#s=/);
    expect(open).not.toMatch(/embed/);

    // `?embed=1` on the playground's own address leads to the same view.
    await view.goto(`${h.url}?embed=1${new URL(embed).hash}`);
    await view.getByTestId('embed').waitFor(WAIT);
    expect(new URL(view.url()).pathname).toMatch(/embed\.html$/);
    expect(await view.locator('.mc-palette').count()).toBe(0);
    await view.close();
    expect(h.problems.filter((p) => !/favicon|service worker/i.test(p))).toEqual([]);
  });
});
