/**
 * Page-weight budget of the built site: readers are mostly on phones and slow
 * networks. An article (HTML + CSS) fits in the first round trip, no page a
 * reader browses runs JavaScript, a Dari article's fonts stay small, and
 * nothing is fetched from another host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site.ts';
import {
  cssUrls,
  executableScripts,
  fontFaces,
  isOtherHost,
  neededFontUrls,
  pageCodePoints,
  pageResources,
  parsePage,
  stylesheetHrefs,
  usedFamilies,
} from '../helpers/budget.ts';
import { distDir } from '../helpers/paths.ts';
import { fileOf, pagesIn } from '../helpers/dist.ts';
import { sourceArticles } from '../helpers/site.ts';
import { languages, sectionKeys } from '../../src/i18n/locales.ts';

/** About one TCP initial congestion window (10 × 1,460 bytes), rounded down. */
const ARTICLE_BUDGET = 14_000;
const ARABIC_SCRIPT_FONT_BUDGET = 100_000;
/** Pages allowed to run JavaScript: only site search, which cannot work without it. */
const JS_ALLOWED = /(^|\/)search\//;

const origin = site.url;
const published = sourceArticles().filter((a) => a.published);
const pages = pagesIn(distDir);

const brotli = (data: Buffer | string) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** A file of the built site from a URL found in `fromPath` (relative, root-relative or same-origin). */
function distFile(url: string, fromPath: string): string {
  return join(distDir, decodeURIComponent(new URL(url, new URL(fromPath, origin)).pathname));
}

function readHtml(path: string): string {
  return readFileSync(fileOf(distDir, path), 'utf8');
}

describe('page weight', () => {
  it.each(published.map((a) => [a.path] as const))('article %s is at most 14 KB of HTML and CSS, brotli-compressed', (path) => {
    const html = readHtml(path);
    const sheets = stylesheetHrefs(parsePage(html));
    const bytes = brotli(html) + sheets.reduce((sum, href) => sum + brotli(readFileSync(distFile(href, path))), 0);
    expect(bytes, `${path}: ${bytes} bytes (HTML + ${sheets.length} stylesheet(s))`).toBeLessThanOrEqual(ARTICLE_BUDGET);
  });

  // Arabic-script pages (Dari, Pashto) need the Vazirmatn subsets; Pashto uses letters Dari does not (ښ ږ ګ ړ ټ ډ ڼ ې ۍ).
  it.each(published.filter((a) => languages[a.lang].script === 'Arab').map((a) => [a.path] as const))('Arabic-script article %s needs at most 100 KB of woff2 fonts', (path) => {
    const doc = parsePage(readHtml(path));
    // Inline <style> (font URLs relative to the page) and linked sheets (relative to the sheet).
    const sheets = [
      ...[...doc.querySelectorAll('style')].map((style) => ({ css: style.textContent ?? '', base: path })),
      ...stylesheetHrefs(doc).map((href) => ({ css: readFileSync(distFile(href, path), 'utf8'), base: new URL(href, new URL(path, origin)).pathname })),
    ];
    const allCss = sheets.map((s) => s.css).join('\n');
    const used = usedFamilies(allCss, fontFaces(allCss));
    const files = new Set<string>();
    for (const { css, base } of sheets) {
      for (const url of neededFontUrls(fontFaces(css), used, pageCodePoints(doc))) {
        expect(url, `${path}: fonts must be woff2`).toMatch(/\.woff2(\?|#|$)/);
        const file = distFile(url, base);
        expect(existsSync(file), `${url} is not in dist/`).toBe(true);
        files.add(file);
      }
    }
    const total = [...files].reduce((sum, file) => sum + readFileSync(file).length, 0);
    expect(total, `${path} downloads ${[...files].join(', ')}`).toBeLessThanOrEqual(ARABIC_SCRIPT_FONT_BUDGET);
  });
});

describe('no JavaScript', () => {
  it.each(pages.filter((p) => !JS_ALLOWED.test(p)).map((p) => [p] as const))('%s runs no JavaScript (JSON-LD data is allowed)', (path) => {
    expect(executableScripts(parsePage(readHtml(path)))).toEqual([]);
  });

  it('covers article, section index and front pages', () => {
    expect(pages).toContain('/');
    for (const key of sectionKeys) expect(pages).toContain(`/${key}/`);
    for (const a of published) expect(pages).toContain(a.path);
  });
});

describe('no request to another host', () => {
  it.each(pages.map((p) => [p] as const))('%s loads every resource from the site itself', (path) => {
    const doc = parsePage(readHtml(path));
    const foreign = pageResources(doc).filter((r) => isOtherHost(r.url, new URL(path, origin).href));
    for (const href of stylesheetHrefs(doc)) {
      if (isOtherHost(href, origin)) continue; // already reported
      const css = readFileSync(distFile(href, path), 'utf8');
      for (const url of cssUrls(css)) if (isOtherHost(url, new URL(href, new URL(path, origin)).href)) foreign.push({ where: href, url });
    }
    expect(foreign).toEqual([]);
  });
});
