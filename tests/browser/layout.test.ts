/**
 * Layout in Chromium: direction, the narrowest phone, the bytes a reader
 * downloads, and screenshots for a person to look at.
 *
 * Screenshots (the narrowest phone 320 px, a phone 390 px and a desktop
 * 1280 px; the front page, Dari, Pashto, English and German articles,
 * section indexes, search) are written to `screenshots/` at the project root
 * (git-ignored), in the light scheme, and the front page and a Dari article
 * in the dark one too.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { archivePath, searchPath, sectionPath, tagPath } from '../../src/utils/urls.ts';
import { openSite, viewports, type Site } from '../helpers/browser.ts';
import { byId, markdownPieces, section } from '../helpers/content.ts';
import { projectRoot } from '../helpers/paths.ts';

export const screenshotDir = join(projectRoot, 'screenshots');

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const faArticle = section('fa')[0]!;
const enArticle = section('en').find((a) => a.lang === 'en')!;
const psArticle = section('ps')[0]!;
// The German piece in European Languages.
const deArticle = byId.get('en/wakhan-korridor')!;
// The Pashto article with a table.
const psTable = byId.get('ps/casa-1000-breshna-lika') ?? psArticle;
// The Dari article with the widest content: a table (horizontal scroll risk).
const faTable = section('fa').find((a) => a.id === 'fa/azerbaijan-pakistan-hamkari-nezami') ?? faArticle;

/** Bytes the page downloaded, by kind, from the browser's own resource timing. */
async function downloaded(page: Page) {
  return page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const sum = (list: PerformanceResourceTiming[]) => list.reduce((n, e) => n + e.encodedBodySize, 0);
    const fonts = entries.filter((e) => /\.woff2?$/.test(new URL(e.name).pathname));
    const scripts = entries.filter((e) => e.initiatorType === 'script' || /\.m?js$/.test(new URL(e.name).pathname));
    return {
      fontFiles: fonts.map((e) => new URL(e.name).pathname),
      // Font files the page asks for up front (src/middleware.ts), not found after a first layout.
      preloadedFonts: [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map((l) => new URL(l.href).pathname),
      fontBytes: sum(fonts),
      scriptBytes: sum(scripts),
      // Only scripts a browser runs: JSON-LD (<script type="application/ld+json">) is data.
      ...(() => {
        const code = [...document.scripts].filter((s) => ['', 'module', 'text/javascript'].includes(s.type));
        return { inlineScripts: code.reduce((n, s) => n + (s.src ? 0 : s.text.length), 0), scriptElements: code.length };
      })(),
    };
  });
}

describe('direction', () => {
  it.each([
    ['Dari', faArticle.path],
    ['Pashto', psArticle.path],
  ])('sets a %s article right to left: body rtl, title on the right half, starting at the right edge', async (_, path) => {
    const page = await site.page();
    await page.goto(site.url(path));
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    const { title, main, width } = await page.evaluate(() => {
      const box = (el: Element) => el.getBoundingClientRect().toJSON() as DOMRect;
      const main = document.querySelector('main')!;
      const pad = parseFloat(getComputedStyle(main).paddingInlineEnd);
      return { title: box(document.querySelector('h1')!), main: { ...box(main), right: box(main).right - pad }, width: innerWidth };
    });
    expect(title.left + title.width / 2).toBeGreaterThan(width / 2);
    expect(title.right).toBeGreaterThan(width / 2);
    expect(Math.abs(title.right - main.right)).toBeLessThan(2);
    await page.context().close();
  });

  it.each([
    ['English', enArticle.path],
    ['German', deArticle.path],
  ])('sets an %s article left to right, mirrored', async (_, path) => {
    const page = await site.page();
    await page.goto(site.url(path));
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
    const title = await page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().toJSON() as DOMRect);
    expect(title.left + title.width / 2).toBeLessThan(viewportCenter());
    await page.context().close();
    function viewportCenter() {
      return 1280 / 2;
    }
  });

  it('points pagination arrows the reading direction', async () => {
    const page = await site.page();
    await page.goto(site.url(sectionPath('fa')));
    const next = await page.$eval('nav.pagination a[rel="next"] .arrow', (el) => getComputedStyle(el).transform);
    expect(next).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    await page.goto(site.url(sectionPath('en')));
    expect(await page.$eval('nav.pagination a[rel="next"] .arrow', (el) => getComputedStyle(el).transform)).toBe('none');
    await page.context().close();
  });
});

describe('print', () => {
  it('keeps the name from the bar, the title and the source URL, and drops the navigation', async () => {
    const page = await site.page();
    await page.goto(site.url(faTable.path));
    await page.emulateMedia({ media: 'print' });
    const visible = (selector: string) => page.isVisible(selector);
    expect(await visible('header.masthead .name')).toBe(true);
    expect(await visible('h1')).toBe(true);
    expect(await visible(`.sources a[href="${faTable.data.sources[0].url}"]`)).toBe(true);
    for (const hidden of ['.topbar .sections', '.topbar .switch', '.breadcrumbs', '.toc', '.prev-next', '.footer']) expect(await visible(hidden), hidden).toBe(false);
    await page.context().close();
  });
});

describe('narrowest phone (320 px)', () => {
  const pages = [
    '/',
    sectionPath('fa'),
    sectionPath('ps'),
    sectionPath('en'),
    faTable.path,
    psTable.path,
    enArticle.path,
    deArticle.path,
    ...markdownPieces.map((a) => a.path),
    tagPath('fa'),
    tagPath('ps'),
    archivePath('fa'),
    archivePath('ps'),
    archivePath('en'),
    `${searchPath('fa')}?q=${encodeURIComponent('افغانستان')}`,
    '/404.html',
  ];
  it.each(pages)('%s has no horizontal scroll', async (path) => {
    const page = await site.page({ viewport: viewports.narrowest });
    await page.goto(site.url(path));
    if (path.includes('?q=')) await page.waitForSelector('#search-results li');
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.context().close();
  });
});

describe('what a reader downloads', () => {
  it('an article page runs no JavaScript', async () => {
    for (const article of [faArticle, psArticle, enArticle, deArticle]) {
      const page = await site.page();
      await page.goto(site.url(article.path), { waitUntil: 'networkidle' });
      const got = await downloaded(page);
      console.info(`${article.path}: ${got.scriptBytes} bytes of script files, ${got.inlineScripts} of inline script`);
      expect(got).toMatchObject({ scriptBytes: 0, inlineScripts: 0, scriptElements: 0 });
      await page.context().close();
    }
  });

  it('sets Dari and Pashto text in Vazirmatn, English and German text in the serif stack', async () => {
    const page = await site.page();
    const cdp = await page.context().newCDPSession(page);
    /** The font faces Chromium actually drew a node's text with. */
    const fontsOf = async (selector: string) => {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      // Vazirmatn's Persian-script file names itself "Vazirmatn NL" (the font project's Non-Latin cut); its Latin file "Vazirmatn".
      return [...new Set(fonts.map((f) => f.familyName.replace(/^Vazirmatn NL$/, 'Vazirmatn')))];
    };
    await page.goto(site.url(faArticle.path), { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    for (const selector of ['.prose p', 'h1', '.byline', '.topbar a']) expect(await fontsOf(selector), selector).toContain('Vazirmatn');
    await page.goto(site.url(psTable.path), { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    for (const selector of ['.prose p', 'h1', '.byline', '.topbar a']) expect(await fontsOf(selector), `Pashto ${selector}`).toContain('Vazirmatn');
    // Every Arabic-script character of the Pashto article (ښ ږ ګ ړ ټ ډ ڼ ې ۍ beside the Dari ones), each
    // set alone in a probe span, is drawn in Vazirmatn: no letter falls back to a system face.
    const letters = await page.evaluate(() => {
      const found = [...new Set(document.querySelector('article')!.textContent!)].filter((c) => /\p{Script=Arabic}/u.test(c));
      const host = document.querySelector('.prose p')!;
      for (const [i, c] of found.entries()) host.insertAdjacentHTML('beforeend', `<span id="probe-${i}">${c.repeat(3)}</span>`);
      return found;
    });
    expect(letters).toEqual(expect.arrayContaining(['ښ', 'ږ', 'ګ', 'ړ', 'ټ', 'ې', 'ۍ']));
    await page.evaluate(() => document.fonts.ready);
    const fallbacks: string[] = [];
    for (const [i, c] of letters.entries()) {
      const fonts = await fontsOf(`#probe-${i}`);
      if (fonts.join() !== 'Vazirmatn') fallbacks.push(`${c} (U+${c.codePointAt(0)!.toString(16)}): ${fonts.join(', ')}`);
    }
    expect(fallbacks).toEqual([]);
    for (const path of [enArticle.path, deArticle.path]) {
      await page.goto(site.url(path), { waitUntil: 'networkidle' });
      expect(await fontsOf('.prose p'), path).not.toContain('Vazirmatn');
    }
    await page.context().close();
  });

  it.each([
    ['Dari', faArticle.path, 'کابل'],
    ['Pashto', psTable.path, 'ښځې ګډ'],
  ])('a %s article downloads Vazirmatn (its Latin file only for Latin words in the text), at most 100 KB', async (_, path, sample) => {
    const page = await site.page();
    await page.goto(site.url(path), { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    const got = await downloaded(page);
    console.info(`${path}: fonts ${got.fontFiles.join(', ')} = ${got.fontBytes} bytes`);
    // The Persian-script file always; Vazirmatn's Latin file too where the text holds a Latin word (phone.test.ts).
    expect(got.fontFiles.filter((f) => /Vazirmatn-NL/.test(f))).toHaveLength(1);
    expect(got.fontFiles.filter((f) => !/Vazirmatn-NL/.test(f)).every((f) => /vazirmatn-latin-wght/.test(f))).toBe(true);
    // Each of them preloaded, so none arrives after the page is laid out and lays it out again.
    expect(got.preloadedFonts.sort()).toEqual(got.fontFiles.sort());
    expect(got.fontFiles.length).toBeLessThanOrEqual(2);
    expect(got.fontBytes).toBeGreaterThan(0);
    expect(got.fontBytes).toBeLessThanOrEqual(100 * 1024);
    expect(await page.evaluate((text) => document.fonts.check('16px Vazirmatn', text), sample)).toBe(true);
    await page.context().close();
  });

  it('nothing is fetched from another host', () => {
    expect(site.offsite).toEqual([]);
  });
});

describe('screenshots', () => {
  const shots: [string, string][] = [
    ['front', '/'],
    ['fa-section', sectionPath('fa')],
    ['ps-section', sectionPath('ps')],
    ['en-section', sectionPath('en')],
    ['fa-tag', tagPath('fa')],
    ['fa-archive', archivePath('fa')],
    ['fa-article', faTable.path],
    ['ps-article', psTable.path],
    ['en-article', section('en').find((a) => a.id === 'en/azerbaijan-pakistan-military-cooperation')?.path ?? enArticle.path],
    ['de-article', deArticle.path],
    ['fa-search', `${searchPath('fa')}?q=${encodeURIComponent('هرات')}`],
    ['en-search', `${searchPath('en')}?q=${encodeURIComponent('Herat')}`],
  ];
  mkdirSync(screenshotDir, { recursive: true });

  const devices = [
    ['320', { width: 320, height: 568 }],
    ['390', viewports.phone],
    ['1280', viewports.desktop],
  ] as const;
  it.each(shots)('%s, at 320, 390 and 1280 px', async (name, path) => {
    for (const [device, viewport] of devices) {
      const page = await site.page({ viewport });
      await page.goto(site.url(path), { waitUntil: 'networkidle' });
      if (path.includes('?q=')) await page.waitForSelector('#search-results li');
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(screenshotDir, `${name}-${device}.png`), fullPage: true });
      await page.context().close();
    }
  });

  it.each([
    ['front', '/'],
    ['fa-article', faTable.path],
    ['en-article', enArticle.path],
  ])('%s in the dark scheme, at 390 and 1280 px', async (name, path) => {
    for (const [device, viewport] of devices.slice(1)) {
      const page = await site.page({ viewport, colorScheme: 'dark' });
      await page.goto(site.url(path), { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(screenshotDir, `${name}-dark-${device}.png`), fullPage: true });
      await page.context().close();
    }
  });
});
