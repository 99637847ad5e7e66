// Renders the app icons (public/icons/*.png) from the SVGs beside them with headless Chromium,
// so the installed app's icons always match the favicon. Run after changing an SVG:
//   node scripts/icons.mjs
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const ICONS = [
  { svg: 'public/favicon.svg', png: 'public/icons/icon-192.png', size: 192 },
  { svg: 'public/favicon.svg', png: 'public/icons/icon-512.png', size: 512 },
  // Full-bleed background with the drawing inside the central safe zone, for launchers that crop to a shape.
  { svg: 'public/icons/maskable.svg', png: 'public/icons/maskable-512.png', size: 512 },
  { svg: 'public/icons/maskable.svg', png: 'public/icons/apple-touch-icon.png', size: 180 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const svg = (await readFile(icon.svg, 'utf8')).replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    writeFileSync(icon.png, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } }));
    await page.close();
    process.stdout.write(`${icon.png} (${icon.size} px)\n`);
  }
} finally {
  await browser.close();
}
