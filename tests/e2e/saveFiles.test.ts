/**
 * Saving the run as files in real Chromium: the canvas and a chart as PNG pictures (through
 * html-to-image, loaded only then), the per-second series as CSV and the report as JSON, all
 * from the toolbar's More menu and a chart's own button. The pictures are copied to
 * tests/e2e/screenshots/save-canvas.png and save-chart.png to look at.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pauseRun, ROOT, SHOTS, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;
let dir = '';
const WAIT = { timeout: 30_000 };
/** The JavaScript files the page fetched, to see when html-to-image arrives. */
const scripts: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'microcosm-save-'));
  // Its own build folder: this file may run beside the other end-to-end files.
  h = await startHarness({ outDir: join(ROOT, 'tests/e2e/.tmp/dist-save') });
  page = await h.open();
  page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(r.url())));
  await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Chooses an entry of the More menu and waits for the file it downloads. */
async function fromMore(label: string): Promise<Download> {
  const download = page.waitForEvent('download', WAIT);
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name: label }).click();
  return download;
}

/** Width and height from a PNG's header (IHDR), or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function saved(d: Download): Promise<{ name: string; bytes: Buffer; path: string }> {
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), bytes: readFileSync(path), path };
}

describe('saving the run as files in Chromium', () => {
  it('PNG export produces a file: the whole canvas, named for the scenario and the moment', async () => {
    expect(scripts.some((s) => /html-to-image|toBlob/.test(s))).toBe(false);
    const { name, bytes, path } = await saved(await fromMore('Save canvas as PNG'));
    expect(name).toMatch(/^[a-z0-9-]+-canvas-at-0s\.png$/);
    const size = pngSize(bytes);
    expect(size).not.toBeNull();
    // The whole drawing at twice the CSS pixels: wider than the part of it in view.
    expect(size!.width).toBeGreaterThan(800);
    expect(size!.height).toBeGreaterThan(300);
    expect(bytes.length).toBeGreaterThan(20_000);
    copyFileSync(path, join(SHOTS, 'save-canvas.png'));
  });

  it('saves a chart of the dashboard with its own button', async () => {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(async () => Number(await page.getByTestId('sim-clock').getAttribute('data-ms')), { timeout: 60_000 }).toBeGreaterThan(4000);
    await pauseRun(page);
    const button = page.getByRole('button', { name: /^Save the chart "Client latency/ }).first();
    await button.waitFor(WAIT);
    const download = page.waitForEvent('download', WAIT);
    await button.click();
    const { name, bytes, path } = await saved(await download);
    expect(name).toMatch(/-chart-client-latency[a-z0-9-]*-at-\d+s\.png$/);
    const size = pngSize(bytes);
    expect(size?.width).toBeGreaterThan(300);
    copyFileSync(path, join(SHOTS, 'save-chart.png'));
  });

  it('saves the per-second series as CSV and the report as JSON, the same run in both', async () => {
    const csv = await saved(await fromMore('Save per-second series as CSV'));
    expect(csv.name).toMatch(/-per-second-series-at-\d+s\.csv$/);
    const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(header[0]).toBe('t_ms');
    expect(header).toContain('clients.users.latencyP99Ms');
    expect(lines.length).toBeGreaterThan(2);

    const json = await saved(await fromMore('Save report as JSON'));
    expect(json.name).toMatch(/-report-at-\d+s\.json$/);
    const report = JSON.parse(json.bytes.toString('utf8')) as { simulatedMs: number; clients: Record<string, { ok: number }>; series: { tMs: number[] } };
    expect(report.simulatedMs).toBeGreaterThan(0);
    expect(report.clients.users.ok).toBeGreaterThan(0);
    expect(report.series.tMs.length).toBe(lines.length - 1);
    expect(h.problems).toEqual([]);
  });
});
