/**
 * The Deploy menu in real Chromium: it opens the deployment-files dialog, the file follows
 * the tabs, Copy puts the text on the clipboard, axe finds no accessibility violation in the
 * dialog, and Escape closes it. Screenshot: tests/e2e/screenshots/09-export-dialog.png.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SHOTS, startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Its own build folder: this file may run beside the playground test.
  h = await startHarness({ outDir: join(ROOT, 'tests/e2e/.tmp/dist-export') });
  page = await h.open();
  await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await h?.close();
});

describe('Deploy in Chromium', () => {
  it('shows the scenario as Kubernetes objects, copies them, passes axe and closes with Escape', async () => {
    // A wide window: the toolbar shows every group, the Deploy menu among them.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Deploy' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Deploy' }).click();
    await page.getByRole('menuitem', { name: 'Kubernetes…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deployment files' });
    await dialog.waitFor({ timeout: 30_000 });
    const code = dialog.getByRole('textbox', { name: 'kubernetes.yaml (read-only)' });
    const text = await code.inputValue();
    const kinds = parseAllDocuments(text).map((d) => (d.toJS() as { kind: string }).kind);
    expect(kinds).toContain('Deployment');
    expect(kinds).toContain('HTTPRoute');
    await page.screenshot({ path: join(SHOTS, '09-export-dialog.png') });

    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(h.problems).toEqual([]);
  });
});
