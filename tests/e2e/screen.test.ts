/**
 * The playground fits the screen, in real Chromium: at the window sizes of a classroom
 * (1024x768, 1280x720, also in projector mode, 1440x900 and 1920x1080) no two controls of the
 * toolbar or of the load panel overlap and the Presets picker really opens; with the side
 * panels folded, node titles are 12 px or more on a 1280x720 projector; edge labels keep off
 * nodes and each other; chart ticks are not cut; the Shift+F10 menu closes when focus moves
 * on; and axe-core finds no serious or critical accessibility problem in the default page,
 * the dark theme, projector mode or with a menu open. Screenshots go to tests/e2e/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { press, ROOT, SHOTS, startHarness, type Harness, pauseRun } from './harness';

const WAIT = { timeout: 60_000 };
const PREFS_KEY = 'microcosm:prefs';
let h: Harness;

interface Box { name: string; x: number; y: number; width: number; height: number }
interface Prefs { projector?: boolean; theme?: 'light' | 'dark'; collapsed?: Record<string, boolean> }
const FOLDED_SIDES = { palette: true, inspector: true, dashboard: true };

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`) });

/** A fresh page at a window size, opened on the default scenario with these preferences. */
async function openAt(width: number, height: number, prefs: Prefs = {}): Promise<Page> {
  const page = await h.open();
  // Keys such as Shift+F10 go to the page in front.
  await page.bringToFront();
  await page.setViewportSize({ width, height });
  await page.evaluate(([key, value]) => {
    localStorage.clear();
    localStorage.setItem(key, value);
  }, [PREFS_KEY, JSON.stringify(prefs)] as const);
  await page.reload();
  await page.locator('.react-flow__node').first().waitFor(WAIT);
  await settled(page);
  return page;
}

/** Waits until the canvas stops moving (the fit after nodes are measured is animated). */
async function settled(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  await expect.poll(async () => {
    const before = await viewport.getAttribute('style');
    await page.waitForTimeout(300);
    return before === (await viewport.getAttribute('style'));
  }, WAIT).toBe(true);
}

/** Boxes of the visible elements a locator matches, named for the failure message. */
const boxes = (l: Locator): Promise<Box[]> => l.evaluateAll((els) => els
  .map((e) => ({ e, r: e.getBoundingClientRect() }))
  .filter(({ r }) => r.width > 0 && r.height > 0)
  .map(({ e, r }) => ({ name: e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent?.trim().slice(0, 30) || e.tagName, x: r.x, y: r.y, width: r.width, height: r.height })));

const overlapArea = (a: Box, b: Box) => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const hh = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0.5 && hh > 0.5 ? w * hh : 0;
};

/** Pairs of boxes that overlap, as "a / b" lines (empty when all are disjoint). */
function overlapping(list: Box[]): string[] {
  const out: string[] = [];
  list.forEach((a, i) => list.slice(i + 1).forEach((b) => {
    if (overlapArea(a, b) > 0) out.push(`${a.name} / ${b.name}`);
  }));
  return out;
}

const TOOLBAR_CONTROLS = '.mc-toolbar :is(button, select, output, .mc-scenario__name, .mc-brand)';
const LOAD_CONTROLS = '.mc-loadpanel :is(button, input, label, .mc-load__value, .mc-h, p, .mc-faults__what)';

/** The smallest node title on screen, in pixels: its font size times the canvas zoom. */
const smallestTitlePx = (page: Page) => page.locator('.mc-node__label').evaluateAll((els) => {
  const t = document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
  const zoom = Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? 1);
  return Math.min(...els.map((e) => parseFloat(getComputedStyle(e).fontSize) * zoom));
});

/** Serious and critical findings of axe-core, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

async function openPreset(page: Page, id: string): Promise<void> {
  await page.getByLabel('Open a preset scenario').selectOption(id);
  await settled(page);
}

async function playFor(page: Page, simMs: number): Promise<void> {
  await page.getByRole('button', { name: 'Speed 25 times' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('sim-clock').getAttribute('data-ms')), { ...WAIT, interval: 50 }).toBeGreaterThan(simMs);
  await pauseRun(page);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness({ outDir: join(ROOT, 'tests/e2e/.tmp/screen-dist') });
});

afterAll(async () => {
  await h?.close();
});

const SIZES: { width: number; height: number; projector?: boolean; shot?: string }[] = [
  { width: 1024, height: 768, shot: 'screen-1024x768' },
  { width: 1280, height: 720 },
  { width: 1280, height: 720, projector: true, shot: 'screen-1280x720-projector' },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

describe('the playground fits the screen', () => {
  for (const size of SIZES) {
    const label = `${size.width}x${size.height}${size.projector ? ' in projector mode' : ''}`;
    it(`at ${label}: no control overlaps another, and Presets opens when clicked`, async () => {
      const page = await openAt(size.width, size.height, { projector: size.projector });
      const toolbar = await boxes(page.locator(TOOLBAR_CONTROLS));
      expect(toolbar.length).toBeGreaterThan(8);
      expect(overlapping(toolbar)).toEqual([]);
      // Nothing is pushed off the right edge either.
      expect(toolbar.filter((b) => b.x + b.width > size.width).map((b) => b.name)).toEqual([]);
      // Playwright's click fails if anything else would receive it; then the list must be open.
      const presets = page.getByLabel('Open a preset scenario');
      await presets.click();
      await expect.poll(() => presets.evaluate((e) => e.matches(':open')), WAIT).toBe(true);
      await page.keyboard.press('Escape');

      const load = await boxes(page.locator(LOAD_CONTROLS));
      expect(load.length).toBeGreaterThan(3);
      expect(overlapping(load)).toEqual([]);
      // Nothing on the page scrolls it sideways or down.
      const page2 = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
      expect(page2).toEqual({ w: size.width, h: size.height });
      if (size.shot) await shot(page, size.shot);
      await page.close();
    });
  }

  it('folds what does not fit into a More menu that works from the keyboard', async () => {
    const page = await openAt(1024, 768);
    const more = page.getByRole('button', { name: 'More' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('menu', { name: 'More' }).waitFor(WAIT);
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save report as JSON');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count(), WAIT).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('More');
    await page.close();
  });

  it('folds one group at a time: at 1440x900 only the file buttons go into More', async () => {
    const page = await openAt(1440, 900);
    const shown = await page.locator(TOOLBAR_CONTROLS).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).filter(Boolean));
    expect(shown).toEqual(expect.arrayContaining(['Lessons', 'Undo', 'Redo', 'Dark theme', 'Projector mode', 'More']));
    expect(shown).not.toContain('Share link');
    await page.close();
  });

  it('fits the toolbar again when projector mode is switched on and off', async () => {
    const page = await openAt(1920, 1080);
    const shown = () => page.locator(TOOLBAR_CONTROLS).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).filter(Boolean));
    const before = await shown();
    expect(before).toContain('Projector mode');
    await press(page, 'Projector mode');
    await expect.poll(async () => overlapping(await boxes(page.locator(TOOLBAR_CONTROLS))), WAIT).toEqual([]);
    expect(await page.getByRole('button', { name: 'More' }).count()).toBe(1);
    // Off again: what folded away comes back.
    const off = page.getByRole('button', { name: 'Projector mode' });
    if (await off.count()) await off.click();
    else {
      await page.getByRole('button', { name: 'More' }).click();
      await page.getByRole('menuitemcheckbox', { name: 'Projector mode' }).click();
    }
    await expect.poll(shown, WAIT).toEqual(before);
    await page.close();
  });

  it('reads on a 1280x720 projector: with the side panels folded, node titles are 12 px or more and the whole drawing shows', async () => {
    const measured: Record<string, number> = {};
    for (const projector of [false, true]) {
      const page = await openAt(1280, 720, { projector, collapsed: FOLDED_SIDES });
      for (const name of ['Palette', 'Inspector', 'Dashboard']) expect(await page.getByRole('button', { name }).getAttribute('aria-expanded')).toBe('false');
      const px = await smallestTitlePx(page);
      measured[projector ? 'projector' : 'normal'] = px;
      expect(px).toBeGreaterThanOrEqual(12);
      const canvas = (await boxes(page.locator('.mc-canvas')))[0];
      const cut = (await boxes(page.locator('.react-flow__node'))).filter((n) => n.x < canvas.x || n.y < canvas.y || n.x + n.width > canvas.x + canvas.width || n.y + n.height > canvas.y + canvas.height);
      expect(cut.map((n) => n.name)).toEqual([]);
      if (projector) await shot(page, 'screen-1280x720-projector-folded');
      await page.close();
    }
    console.log(`smallest node title at 1280x720, side panels folded: ${measured.normal.toFixed(1)} px, ${measured.projector.toFixed(1)} px in projector mode`);
  });

  it('folds a panel from the page and fits the drawing to the room it leaves', async () => {
    const page = await openAt(1280, 720);
    const before = await smallestTitlePx(page);
    for (const name of ['Palette', 'Inspector', 'Dashboard']) await page.getByRole('button', { name }).click();
    await settled(page);
    expect(await smallestTitlePx(page)).toBeGreaterThan(before);
    // Remembered: a reload keeps them folded.
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Inspector' }).getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('keeps edge labels off nodes and off each other', async () => {
    const page = await openAt(1920, 1080);
    for (const preset of ['retry-storm', 'ecommerce']) {
      await openPreset(page, preset);
      await playFor(page, 5000);
      const labels = (await boxes(page.locator('.mc-edge-label'))).map((b, i) => ({ ...b, name: `label ${i} (${b.name.split(':')[0]})` }));
      const nodes = await boxes(page.locator('.react-flow__node'));
      expect(labels.length).toBeGreaterThan(1);
      expect(overlapping(labels)).toEqual([]);
      const onNodes = labels.filter((l) => nodes.some((n) => overlapArea(l, n) > 0));
      if (preset === 'retry-storm') expect(onNodes.map((l) => l.name)).toEqual([]);
      // The e-commerce shop has calls between nodes closer than a label is wide; such a label
      // may touch the two nodes it joins but no more than a sliver of them, and is drawn above.
      for (const l of onNodes) {
        const covered = nodes.reduce((sum, n) => sum + overlapArea(l, n), 0);
        expect(covered / (l.width * l.height), l.name).toBeLessThan(0.35);
      }
      if (preset === 'ecommerce') await shot(page, 'screen-edge-labels');
    }
    await page.close();
  });

  it('draws whole tick labels on the chart axes ("100%", not "00%")', async () => {
    const page = await openAt(1280, 720);
    // The utilization chart's axis runs from 0% to 100% whatever the load.
    await playFor(page, 8000);
    const ticks = page.locator('.mc-dashboard .recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await expect.poll(async () => (await ticks.allTextContents()).filter((t) => t === '100%').length, WAIT).toBeGreaterThan(0);
    const cut = await page.locator('.mc-dashboard .recharts-surface').evaluateAll((svgs) => svgs.flatMap((svg) => {
      const s = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')]
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return r.left < s.left - 0.5 || r.right > s.right + 0.5;
        })
        .map((t) => t.textContent);
    }));
    expect(cut).toEqual([]);
    await page.close();
  });

  it('closes a Shift+F10 menu when focus moves on, and shows one menu at a time', async () => {
    const page = await openAt(1280, 720);
    const product = page.locator('.react-flow__node[data-id="product"]');
    await product.focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menu', { name: 'Chaos for product' }).waitFor(WAIT);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByRole('menu').count(), WAIT).toBe(0);

    await product.click();
    await product.focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menu', { name: 'Chaos for product' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Chaos…' }).click();
    await expect.poll(() => page.getByRole('menu').count(), WAIT).toBe(1);
    await page.close();
  });
});

describe('accessibility, checked by axe-core', () => {
  it('finds nothing serious on the default page, in the dark theme, in projector mode or with a menu open', async () => {
    const page = await openAt(1280, 720);
    expect(await axeProblems(page), 'default page').toEqual([]);
    await press(page, 'Dark theme');
    expect(await axeProblems(page), 'dark theme').toEqual([]);
    await press(page, 'Light theme');
    await press(page, 'Projector mode');
    await settled(page);
    expect(await axeProblems(page), 'projector mode').toEqual([]);
    // The canvas's chaos menu, opened from the keyboard on a node.
    await page.locator('.react-flow__node[data-id="product"]').focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menu', { name: 'Chaos for product' }).waitFor(WAIT);
    expect(await axeProblems(page), 'chaos menu open').toEqual([]);
    await page.keyboard.press('Escape');
    // The More menu of a folded toolbar, in the dark theme.
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Dark theme' }).click();
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menu', { name: 'More' }).waitFor(WAIT);
    expect(await axeProblems(page), 'More menu open, dark, projector').toEqual([]);
    await page.close();
  });

  it('logged no console errors or warnings', () => {
    expect(h.problems).toEqual([]);
  });
});
