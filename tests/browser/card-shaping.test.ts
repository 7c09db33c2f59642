/**
 * The link-preview card shapes Arabic script (issue 12 ★): a Dari and a
 * Pashto title drawn by the card's renderer (sharp: Pango + HarfBuzz) are
 * compared with the same text drawn by Chromium, in the same font file, size
 * and direction. Both are trimmed to their ink, scaled to one size and
 * compared as masks (Pearson correlation of the pixels). Negative controls:
 * the same letters reversed, and unjoined (a ZWNJ between letters), drawn by
 * the renderer, must compare clearly worse, so the test would catch
 * Satori's failure (vercel/satori#74).
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFontFile, drawTitleText } from '../../src/og/card.ts';
import { CHROMIUM } from '../helpers/browser.ts';

const SIZE = 64;
const WIDTH = 1400; // one line: the comparison is about shaping and order, not line breaks
const W = 480;
const H = 48;

/** Ink trimmed, scaled to W×H, as grey values with ink = 1. */
async function mask(png: Buffer): Promise<Float64Array> {
  const { data } = await sharp(png).flatten({ background: '#ffffff' }).grayscale().trim({ background: '#ffffff', threshold: 40 })
    .resize(W, H, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  return Float64Array.from(data, (v) => 1 - v / 255);
}

function correlation(a: Float64Array, b: Float64Array): number {
  const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(a);
  const mb = mean(b);
  let num = 0, da = 0, db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i]! - ma) * (b[i]! - mb);
    da += (a[i]! - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--font-render-hinting=none'] });
});
afterAll(async () => browser?.close());

/** The text drawn by Chromium with the card's own font file. */
async function chromiumDraws(text: string): Promise<Buffer> {
  const font = readFileSync(cardFontFile('Arab')).toString('base64');
  const page = await browser.newPage({ viewport: { width: WIDTH + 40, height: 200 } });
  await page.setContent(`<!doctype html><html lang="fa" dir="rtl"><style>
    @font-face { font-family: Card; src: url(data:font/ttf;base64,${font}) format('truetype'); font-weight: 700; }
    body { margin: 20px; background: #fff; }
    p { font: 700 ${SIZE}px/1.5 Card; color: #000; inline-size: ${WIDTH}px; margin: 0; white-space: nowrap; }
  </style><p id="t">${text}</p>`);
  await page.evaluate(() => document.fonts.ready);
  const png = await page.locator('#t').screenshot();
  await page.close();
  return png;
}

const titles = {
  Dari: 'قیمت گندم در هرات بالا می‌رود',
  Pashto: 'د هرات په بازار کې د غنمو بیه لوړېږي',
};

describe.each(Object.entries(titles))('a %s title on the card', (_name, title) => {
  let reference: Float64Array;
  beforeAll(async () => {
    reference = await mask(await chromiumDraws(title));
  });
  const rendered = async (text: string) => mask((await drawTitleText(text, 'Arab', 'rtl', SIZE, WIDTH)).data);

  it('is drawn as Chromium draws it: joined, right to left', async () => {
    expect(correlation(await rendered(title), reference)).toBeGreaterThan(0.75);
  });
  it('would be caught reversed or unjoined (negative controls)', async () => {
    const same = correlation(await rendered(title), reference);
    const reversed = correlation(await rendered([...title].reverse().join('')), reference);
    const unjoined = correlation(await rendered([...title].join('\u200c')), reference);
    expect(reversed).toBeLessThan(same - 0.25);
    expect(unjoined).toBeLessThan(same - 0.25);
    console.log(`${_name}: same ${same.toFixed(3)}, reversed ${reversed.toFixed(3)}, unjoined ${unjoined.toFixed(3)}`);
  });
});
