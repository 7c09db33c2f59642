/**
 * Search in Chromium: each section's page searches its own index (every
 * article of the section, whatever its language: the German piece in
 * European Languages too), and Dari and Pashto find words whatever the
 * keyboard (Arabic ي/ك or Persian ی/ک) and Dari with or without the
 * zero-width non-joiner. Query words are picked from the content, so they
 * change with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { foldSpelling } from '../../src/search/folding.ts';
import { searchPath } from '../../src/utils/urls.ts';
import { WARM_DIR, WARM_WORD } from '../../src/search/warm-bundle.ts';
import type { Section } from '../../src/i18n/locales.ts';
import { openSite, pathOf, type Site } from '../helpers/browser.ts';
import { bodyOf, section } from '../helpers/content.ts';
import type { SourceArticle } from '../helpers/site.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const ZWNJ = '\u200c';
const words = (a: SourceArticle) =>
  new Set(`${a.data.title} ${a.data.dek} ${bodyOf(a)}`.split(/[^\p{L}\p{M}\u200c]+/u).filter(Boolean));

/**
 * A word of `test`'s shape that occurs in exactly one article of the section
 * and starts no word of any other (Pagefind also matches prefixes).
 */
function distinctiveWord(key: Section, test: (w: string) => boolean, from: (a: SourceArticle) => boolean = () => true): { word: string; article: SourceArticle } {
  const articles = section(key);
  const vocab = articles.map(words);
  for (const [i, own] of vocab.entries()) {
    if (!from(articles[i]!)) continue;
    for (const word of own) {
      if (!test(word)) continue;
      const bare = word.replaceAll(ZWNJ, '');
      const elsewhere = vocab.some((v, j) => j !== i && [...v].some((w) => w.replaceAll(ZWNJ, '').startsWith(bare)));
      if (!elsewhere) return { word, article: articles[i]! };
    }
  }
  throw new Error(`no distinctive ${key} word in the content`);
}

/** Types a query into the search page like a reader and waits for the results. */
async function search(page: Page, key: Section, query: string): Promise<string[]> {
  await page.goto(site.url(searchPath(key)));
  await page.fill('#search-input', query);
  await page.press('#search-input', 'Enter');
  await page.waitForFunction(() => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    return status !== '' && !status.endsWith('…');
  });
  return page.$$eval('#search-results a', (as) => as.map((a) => decodeURI(new URL((a as HTMLAnchorElement).href).pathname)));
}

const toArabicKeyboard = (w: string) => w.replaceAll('ی', 'ي').replaceAll('ک', 'ك');

describe('search', () => {
  it('finds a Dari word typed with Arabic letters (ي/ك), and opens the article', async () => {
    const { word, article } = distinctiveWord('fa', (w) => w.length >= 5 && /[یک]/.test(w) && !w.includes(ZWNJ));
    const typed = toArabicKeyboard(word);
    expect(typed).not.toBe(word);
    const page = await site.page();
    // Search must work under the site's Content-Security-Policy, not around it.
    const refused: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) refused.push(m.text());
    });
    const results = await search(page, 'fa', typed);
    expect(results, `"${typed}" → ${article.path}`).toContain(article.path);
    await page.click(`#search-results a[href="${article.path}"]`);
    expect(pathOf(page)).toBe(article.path);
    expect(await page.textContent('h1')).toBe(article.data.title);
    expect(refused).toEqual([]);
    await page.context().close();
  });

  it('finds a Dari word written with a ZWNJ when it is typed without one', async () => {
    const { word, article } = distinctiveWord('fa', (w) => w.includes(ZWNJ) && w.length >= 6);
    const page = await site.page();
    expect(await search(page, 'fa', toArabicKeyboard(word.replaceAll(ZWNJ, '')))).toContain(article.path);
    expect(await search(page, 'fa', word)).toContain(article.path);
    await page.context().close();
  });

  it('finds an English word on the English page, and opens the article', async () => {
    const { word, article } = distinctiveWord('en', (w) => /^[a-z]{7,}$/.test(w));
    const page = await site.page();
    const results = await search(page, 'en', word);
    expect(results).toContain(article.path);
    await page.click(`#search-results a[href="${article.path}"]`);
    expect(pathOf(page)).toBe(article.path);
    await page.context().close();
  });

  it('finds a word of the German piece on the European Languages page, and opens it', async () => {
    const { word, article } = distinctiveWord('en', (w) => /^[A-Za-zäöüß]{8,}$/.test(w) && /[äöüß]/.test(w), (a) => a.lang === 'de');
    const page = await site.page();
    const results = await search(page, 'en', word);
    expect(results, `"${word}" → ${article.path}`).toContain(article.path);
    await page.click(`#search-results a[href="${article.path}"]`);
    expect(pathOf(page)).toBe(article.path);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await page.context().close();
  });

  it('finds a Pashto word on the Pashto page, typed with the Arabic kaf (ك), and opens the article', async () => {
    const { word, article } = distinctiveWord('ps', (w) => w.length >= 5 && w.includes('ک') && /[ښږګړټډڼېۍ]/.test(w));
    const typed = word.replaceAll('ک', 'ك');
    const page = await site.page();
    const results = await search(page, 'ps', typed);
    expect(results, `"${typed}" → ${article.path}`).toContain(article.path);
    await page.click(`#search-results a[href="${article.path}"]`);
    expect(pathOf(page)).toBe(article.path);
    expect(await page.getAttribute('html', 'lang')).toBe('ps-AF');
    await page.context().close();
  });

  it('keeps the sections apart: each page searches only its own section', async () => {
    // Dari articles quote English source titles, so the word may well match there too: but only Dari pages.
    const { word, article } = distinctiveWord('en', (w) => /^[a-z]{7,}$/.test(w));
    const page = await site.page();
    const results = await search(page, 'fa', word);
    expect(results).not.toContain(article.path);
    for (const path of results) expect(path).toMatch(/^\/fa\//);
    // A Pashto word, on the Dari page: Dari pages only.
    const pashto = distinctiveWord('ps', (w) => w.length >= 5 && /[ښږګړټډڼېۍ]/.test(w));
    for (const path of await search(page, 'fa', pashto.word)) expect(path).toMatch(/^\/fa\//);
    await page.context().close();
  });

  it('reads the query from the address, so a search can be shared', async () => {
    const { word, article } = distinctiveWord('en', (w) => /^[a-z]{7,}$/.test(w));
    const page = await site.page();
    await page.goto(site.url(`${searchPath('en')}?q=${encodeURIComponent(word)}`));
    await page.waitForSelector(`#search-results a[href="${article.path}"]`);
    expect(await page.inputValue('#search-input')).toBe(word);
    await page.context().close();
  });

  it('shows results a page at a time: "more results" adds the next ones, the count stays', async () => {
    // The word in the most Dari articles (all of them when the content is small: the section name is in none).
    const articles = section('fa');
    const counts = new Map<string, number>();
    for (const own of articles.map(words)) for (const w of own) if (w.length >= 4) counts.set(w, (counts.get(w) ?? 0) + 1);
    const [word, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    expect(n, `"${word}" must be in more articles than one page shows`).toBeGreaterThan(5);
    const page = await site.page();
    const first = await search(page, 'fa', word);
    expect(first).toHaveLength(5);
    const status = await page.textContent('#search-status');
    expect(await page.isVisible('#search-more')).toBe(true);
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 5);
    const both = await page.$$eval('#search-results a', (as) => as.map((a) => decodeURI(new URL((a as HTMLAnchorElement).href).pathname)));
    expect(both.slice(0, 5)).toEqual(first);
    expect(new Set(both).size).toBe(both.length);
    expect(await page.textContent('#search-status')).toBe(status);
    // Paging on to the end hides the button. The button is disabled while a page loads, and only once
    // the page is complete does it know whether there is more: each click waits for that.
    const settled = () => page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#search-more')!.disabled);
    await settled();
    while (await page.isVisible('#search-more')) {
      const shown = await page.locator('#search-results li').count();
      await page.click('#search-more');
      await page.waitForFunction((k) => document.querySelectorAll('#search-results li').length > k || document.querySelector<HTMLElement>('#search-more')!.hidden, shown);
      await settled();
    }
    expect(await page.locator('#search-results li').count()).toBeGreaterThanOrEqual(n);
    await page.context().close();
  });

  it('searches as the reader types, without Enter, and never draws an older query over a newer one', async () => {
    const { word, article } = distinctiveWord('en', (w) => w.length >= 7 && /^[a-z]+$/.test(w));
    const page = await site.page();
    await page.goto(site.url(searchPath('en')));
    // Every query the status line names, in the order the page showed them.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const status = document.querySelector('#search-status')!;
      new MutationObserver(() => {
        const q = status.querySelector('bdi')?.textContent;
        if (q && q !== seen.at(-1)) seen.push(q);
      }).observe(status, { childList: true, subtree: true });
    });
    // Faster than searches end, so that some queries wait behind others.
    await page.locator('#search-input').pressSequentially(word, { delay: 15 });
    await page.waitForSelector(`#search-results a[href="${article.path}"]`);
    await page.waitForFunction((w) => document.querySelector('#search-status bdi')?.textContent === w, word);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    // Prefixes of the word as it grew (some skipped while a search ran), ending with the word itself.
    expect(seen.at(-1)).toBe(word);
    for (const [i, q] of seen.entries()) {
      expect(word.startsWith(q), `${q} is a prefix of ${word}`).toBe(true);
      if (i) expect(q.length, `${q} after ${seen[i - 1]}`).toBeGreaterThan(seen[i - 1]!.length);
    }
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);
    await page.context().close();
  });

  it('warms the index as the page opens with the warm-up bundle alone, and its pages are never results', async () => {
    const page = await site.page();
    // Index chunks fetched before the page said it was ready (the Pagefind worker's requests included).
    const chunks: string[] = [];
    page.context().on('request', (r) => {
      if (r.url().endsWith('.pf_index')) chunks.push(new URL(r.url()).pathname);
    });
    await page.goto(site.url(searchPath('fa')));
    await page.waitForSelector('#search-form[data-ready]');
    // The warm-up's row and status line were built detached: nothing of it is on the page.
    expect(await page.$$eval('#search-results li', (li) => li.length)).toBe(0);
    expect(await page.textContent('#search-status')).toBe('');
    // The warm-up word sorts after every real word, so no chunk of the section's own bundles was needed.
    expect(chunks.length).toBeGreaterThan(0);
    for (const path of chunks) expect(path).toMatch(new RegExp(`^/pagefind/${WARM_DIR}/index/`));
    await page.fill('#search-input', WARM_WORD);
    await page.press('#search-input', 'Enter');
    await page.waitForFunction(() => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return status !== '' && !status.endsWith('…');
    });
    expect(await page.$$eval('#search-results li', (li) => li.length)).toBe(0);
    await page.context().close();
  });

  it('folds Arabic-keyboard letters the way the index was built', () => {
    expect(foldSpelling('كابل', 'fa')).toBe('کابل');
    expect(foldSpelling('مدافعين', 'fa')).toBe('مدافعین');
    expect(foldSpelling('فتوى', 'fa')).toBe('فتوی');
  });
});
