/**
 * Reading on a phone, measured in Chromium (issue 14):
 * - every article's headline and text start where a reader sees them: at
 *   320×568 the <h1> starts within the top 200 px and the first line of the
 *   body within 1.5 screens; at 390×844 the body starts on the first screen;
 * - inner pages carry the compact bar, the front page the full masthead;
 * - a separator ("·", "›") never starts or ends a wrapped line;
 * - Latin codes with hyphens (MiG-29, JF-17, CASA-1000) are never broken;
 * - a table wider than the screen shows that it scrolls;
 * - Latin words in Dari text are drawn in Vazirmatn's own Latin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sectionKeys } from '../../src/i18n/locales.ts';
import { archivePath, authorPath, sectionPath, tagPath } from '../../src/utils/urls.ts';
import { openSite, type Site } from '../helpers/browser.ts';
import { byId, published, section } from '../helpers/content.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

const SMALL = { width: 320, height: 568 };
const PHONE = { width: 390, height: 844 };

/** Top of the <h1> and of the first line of the article body, in CSS px from the top of the page. */
async function positions(page: Page) {
  return page.evaluate(() => {
    const top = (el: Element | null) => (el ? el.getBoundingClientRect().top + scrollY : NaN);
    const first = document.querySelector('.prose')?.firstElementChild ?? null;
    return { h1: top(document.querySelector('h1')), body: top(first) };
  });
}

describe('an article on a phone starts on the first screen', () => {
  // Every article of the fixture site: long titles and deks, contents lists, translation links, tables.
  it.each(published.map((a) => [a.path] as const))('%s', async (path) => {
    const page = await site.page({ viewport: SMALL });
    await page.goto(site.url(path));
    await page.evaluate(() => document.fonts.ready);
    const small = await positions(page);
    expect(small.h1, `h1 at ${small.h1} px on a 320×568 screen`).toBeLessThanOrEqual(200);
    expect(small.body, `body at ${small.body} px on a 320×568 screen`).toBeLessThanOrEqual(1.5 * SMALL.height);
    await page.setViewportSize(PHONE);
    await page.evaluate(() => document.fonts.ready);
    const phone = await positions(page);
    expect(phone.body, `body at ${phone.body} px on a 390×844 screen`).toBeLessThan(PHONE.height);
    await page.context().close();
  });

  it('measures articles with a contents list and a translation link among them', () => {
    const paths = published.map((a) => a.path);
    expect(paths).toContain(byId.get('en/kabul-water-tankers')!.path);
    expect(published.some((a) => a.data.translationKey !== undefined)).toBe(true);
  });
});

describe('masthead and bar', () => {
  const fa = section('fa')[0]!;
  const inner = [fa.path, sectionPath('en'), tagPath('ps'), archivePath('fa'), authorPath('en', section('en')[0]!.data.authors[0]!), '/404.html'].filter(Boolean);

  it('the front page carries the full masthead: both names, the couplet, address and email', async () => {
    const page = await site.page({ viewport: SMALL });
    await page.goto(site.url('/'));
    const header = await page.$eval('header.masthead', (h) => h.textContent!);
    for (const part of ['آزاد', 'Afghanistan Azad', 'AA-AA', 'www.afgazad.com', 'afgazad@gmail.com']) expect(header).toContain(part);
    expect(await page.isVisible('header.masthead .motto')).toBe(true);
    await page.context().close();
  });

  it.each(inner.map((p) => [p] as const))('%s has the compact bar (name home, sections, search, switch), the couplet in the footer', async (path) => {
    const page = await site.page({ viewport: SMALL });
    await page.goto(site.url(path));
    expect(await page.$$eval('header.masthead .motto, header.masthead .contact', (els) => els.length)).toBe(0);
    expect(await page.getAttribute('header.masthead .topbar.compact a.name', 'href')).toBe('/');
    const hrefs = await page.$$eval('header.masthead .topbar a', (as) => as.map((a) => a.getAttribute('href')));
    for (const key of sectionKeys) expect(hrefs).toContain(sectionPath(key));
    expect(hrefs.some((h) => h?.endsWith('/search/'))).toBe(true);
    expect(await page.isVisible('footer .motto')).toBe(true);
    expect(await page.$eval('footer', (f) => f.textContent)).toContain('afgazad@gmail.com');
    // The bar is two or three short rows on the narrowest phone: a quarter of the screen at most (the full masthead took 74 %).
    const bar = await page.$eval('header.masthead', (h) => h.getBoundingClientRect().height);
    expect(bar).toBeLessThanOrEqual(SMALL.height / 4);
    await page.context().close();
  });
});

describe('separators', () => {
  const pages = ['/', ...sectionKeys.map((k) => sectionPath(k)), ...published.slice(0, 40).map((a) => a.path), '/404.html'];
  it.each(pages.map((p) => [p] as const))('%s: no "·" or "›" starts or ends a line at 320 px', async (path) => {
    const page = await site.page({ viewport: SMALL });
    await page.goto(site.url(path));
    await page.evaluate(() => document.fonts.ready);
    const faults = await page.evaluate(() => {
      const out: string[] = [];
      for (const list of document.querySelectorAll('.sep-list')) {
        const style = getComputedStyle(list);
        if (style.display === 'none' || list.getBoundingClientRect().height === 0) continue;
        if (!['clip', 'hidden'].includes(style.overflowX)) out.push(`${list.className}: separators are not clipped`);
        const box = list.getBoundingClientRect();
        const rtl = style.direction === 'rtl';
        const items = [...list.children].filter((c) => getComputedStyle(c).display !== 'none');
        for (let i = 1; i < items.length; i++) {
          const prev = items[i - 1]!.getBoundingClientRect();
          const rect = items[i]!.getBoundingClientRect();
          const sameLine = Math.abs(rect.top - prev.top) < 2;
          // A separator is drawn in the gap before its item; an item that starts a line has it outside the list, cut off.
          const atLineStart = rtl ? Math.abs(rect.right - box.right) < 2 : Math.abs(rect.left - box.left) < 2;
          if (!sameLine && !atLineStart) out.push(`${list.className}: "${items[i]!.textContent}" wraps but does not start its line`);
        }
      }
      // No separator typed into the chrome's text where it could end up at a line's edge.
      for (const el of document.querySelectorAll('header, footer, .byline, .section-label, .breadcrumbs, .sources, .card, .today')) {
        for (const node of el.querySelectorAll('*')) {
          for (const text of node.childNodes) if (text.nodeType === 3 && /(^|\s)[·›](\s|$)/.test(text.textContent!)) out.push(`bare separator in "${text.textContent}"`);
        }
      }
      return out;
    });
    expect(faults).toEqual([]);
    await page.context().close();
  });
});

describe('Latin inside Dari text', () => {
  const military = byId.get('fa/azerbaijan-pakistan-hamkari-nezami')!;
  const casa = byId.get('fa/casa-1000-khat-e-bargh')!;

  it.each([320, 390])('codes with a hyphen (MiG-29, JF-17, CASA-1000) stay on one line at %i px', async (width) => {
    const page = await site.page({ viewport: { width, height: 800 } });
    const broken: string[] = [];
    let seen = 0;
    for (const article of [military, casa, byId.get('en/azerbaijan-pakistan-military-cooperation')!]) {
      await page.goto(site.url(article.path));
      await page.evaluate(() => document.fonts.ready);
      const got = await page.evaluate(() => {
        const out = { seen: 0, broken: [] as string[] };
        const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // Addresses are left to break at their slashes and hyphens.
          if (node.parentElement!.closest('a.url, a[href^="http"]')?.textContent?.startsWith('http')) continue;
          for (const m of node.textContent!.matchAll(/[A-Za-z]+-\d+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            out.seen++;
            if (tops.size > 1) out.broken.push(m[0]);
          }
        }
        return out;
      });
      seen += got.seen;
      broken.push(...got.broken);
    }
    expect(seen).toBeGreaterThan(5);
    expect(broken).toEqual([]);
    await page.context().close();
  });

  it('draws Latin words in Dari text with Vazirmatn, fetching its Latin file within the 100 KB budget', async () => {
    const page = await site.page({ viewport: PHONE });
    await page.goto(site.url(military.path), { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '.prose bdi' });
    expect(nodeIds.length).toBeGreaterThan(0);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: nodeIds[0]! });
    // Letters and digits from Vazirmatn's Latin file, a hyphen from its Persian-script file ("Vazirmatn NL"): no other face.
    expect(fonts.map((f) => f.familyName)).toEqual(expect.arrayContaining([expect.stringMatching(/^Vazirmatn/)]));
    expect(fonts.every((f) => /^Vazirmatn/.test(f.familyName))).toBe(true);
    const files = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /\.woff2$/.test(new URL(e.name).pathname))
        .map((e) => ({ name: new URL(e.name).pathname, bytes: e.encodedBodySize })),
    );
    expect(files.map((f) => f.name).sort()).toEqual([expect.stringMatching(/Vazirmatn-NL/), expect.stringMatching(/vazirmatn-latin-wght/)]);
    // Both asked for up front (src/middleware.ts read the Latin word in the page), not after a first layout.
    const preloaded = await page.$$eval('link[rel="preload"][as="font"]', (links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(preloaded.sort()).toEqual(files.map((f) => f.name).sort());
    expect(files.reduce((n, f) => n + f.bytes, 0)).toBeLessThanOrEqual(100 * 1024);
    await page.context().close();
  });
});

describe('tables on a phone', () => {
  const withTable = byId.get('fa/azerbaijan-pakistan-hamkari-nezami')!;
  it('a table wider than the screen scrolls inside itself and shows a shadow on the side with more', async () => {
    const page = await site.page({ viewport: SMALL });
    await page.goto(site.url(withTable.path));
    const table = await page.$eval('.prose table', (t) => {
      const s = getComputedStyle(t);
      return { overflowX: s.overflowX, attachment: s.backgroundAttachment, image: s.backgroundImage, scroll: t.scrollWidth, client: t.clientWidth };
    });
    expect(table.overflowX).toBe('auto');
    // Two covers that travel with the content and two shadows fixed to the edges.
    expect(table.attachment.split(',').map((s) => s.trim())).toEqual(['local', 'local', 'scroll', 'scroll']);
    expect(table.image).toContain('radial-gradient');
    const page2 = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(page2.scroll).toBeLessThanOrEqual(page2.client);
    await page.context().close();
  });
});
