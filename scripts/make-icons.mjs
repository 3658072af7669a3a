// Draws the app icon (build/icon.svg, original) into build/icon.png (512×512) with the system
// Chromium, and build/icon.ico (16–256 px) with png-to-ico. Run once after changing the drawing:
//   node scripts/make-icons.mjs
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import pngToIco from 'png-to-ico';

const svg = readFileSync('build/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.SHIKAKU_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="512" height="512" ')}</body></html>`,
  );
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 512, height: 512 } });
  writeFileSync('build/icon.png', png);
  const small = [];
  for (const size of [256, 128, 64, 48, 32, 16]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    small.push(await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  }
  writeFileSync('build/icon.ico', await pngToIco(small));
} finally {
  await browser.close();
}
copyFileSync('build/icon.svg', 'renderer/public/favicon.svg');
console.log('build/icon.png, build/icon.ico, renderer/public/favicon.svg');
