/**
 * Builds the app, serves it with vite preview on a free local port, and opens it in Debian's
 * headless Chromium through playwright-core. Nothing leaves the machine.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { DEFAULT_SCENARIO_DATA } from '../../src/store/defaultScenario';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUT_DIR = join(ROOT, 'tests/e2e/.tmp/dist');
export const SHOTS = join(ROOT, 'tests/e2e/screenshots');

export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Harness {
  url: string;
  context: BrowserContext;
  /** Console errors and warnings, and uncaught page errors, from every page opened. */
  problems: string[];
  open(hash?: string): Promise<Page>;
  close(): Promise<void>;
}

/** `outDir` lets a benchmark build beside the end-to-end test without sharing its folder. */
export async function startHarness({ outDir = OUT_DIR }: { outDir?: string } = {}): Promise<Harness> {
  await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({ root: ROOT, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  const profile = mkdtempSync(join(tmpdir(), 'microcosm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ARGS,
    headless: true,
    viewport: { width: 1280, height: 720 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const problems: string[] = [];
  const open = async (hash = '') => {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(url + hash);
    return page;
  };
  return {
    url, context, problems, open,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface ScenarioFacts {
  name: string;
  nodes: { id: string; label?: string; instances?: number }[];
  edges: unknown[];
}

/**
 * What a first visit should draw: the repository's scenarios/ecommerce.json when it ships
 * one (the playground opens it), else the built-in shop. Read from the file so the test
 * follows edits to the preset.
 */
export function expectedDefault(): ScenarioFacts {
  const file = join(ROOT, 'scenarios/ecommerce.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ScenarioFacts) : (DEFAULT_SCENARIO_DATA as ScenarioFacts);
}

/**
 * Presses a toolbar control by its name: the button when it shows, else its entry in the More
 * menu the toolbar folds into when the window is too narrow for every group.
 */
export async function press(p: Page, name: string | RegExp): Promise<void> {
  const button = p.getByRole('button', { name, exact: typeof name === 'string' });
  if (await button.count()) return button.first().click();
  await p.getByRole('button', { name: 'More' }).click();
  await p.getByRole('menu', { name: 'More' }).getByText(name).click();
}

/**
 * Pauses a running simulation and waits until it is paused. Play/Pause is one button whose
 * name follows the run, so a run that reaches its end between finding "Pause" and clicking it
 * would be restarted by the click; pressing again until "Play" shows settles either way.
 */
export async function pauseRun(p: Page): Promise<void> {
  const play = p.getByRole('button', { name: 'Play', exact: true });
  const pause = p.getByRole('button', { name: 'Pause', exact: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await play.isVisible()) return;
    await pause.click({ timeout: 2_000 }).catch(() => undefined);
    await play.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  await play.waitFor({ timeout: 30_000 });
}
