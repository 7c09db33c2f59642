/**
 * A reader's journeys through the built site in Chromium, in every section:
 * from the front page to an article and another version of it and back, the
 * language switch, tags, the archive and the table of contents; and the
 * German piece in European Languages, reached from its section and from
 * another version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { site as settings } from '../../src/config/site.ts';
import { languages, sectionKeys, sections, type Lang, type Section } from '../../src/i18n/locales.ts';
import { formatMonth, formatNumber } from '../../src/i18n/format.ts';
import { gregorianParts, solarHijriParts } from '../../src/utils/dates.ts';
import { archivePath, searchPath, sectionPath, tagPath } from '../../src/utils/urls.ts';
import { openSite, pathOf, type Site } from '../helpers/browser.ts';
import { byId, section, sectionHeadings, translationsOf } from '../helpers/content.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const sectionLang = (key: Section): Lang => sections[key].lang;

async function h1(page: Page) {
  return (await page.textContent('h1'))?.trim();
}

async function htmlLangDir(page: Page) {
  return [await page.getAttribute('html', 'lang'), await page.getAttribute('html', 'dir')];
}

describe.each(sectionKeys)('journeys in the %s section', (key) => {
  const lang = sectionLang(key);
  const articles = section(key);
  const pages = Math.ceil(articles.length / settings.pageSize);
  // An article with other versions, on the second page of the index where there is one.
  const onLastVisited = articles.slice(Math.min(pages, 2) * settings.pageSize - settings.pageSize, Math.min(pages, 2) * settings.pageSize);
  const subject = onLastVisited.find((a) => translationsOf(a).length > 0)!;
  const otherSections = sectionKeys.filter((s) => s !== key);

  it('goes front page → section (→ page 2) → article → another version → back', async () => {
    expect(subject, 'an article with another version on the page visited').toBeDefined();
    const page = await site.page();
    await page.goto(site.url('/'));
    await page.click(`section[aria-labelledby="section-${key}"] h2 a`);
    expect(pathOf(page)).toBe(sectionPath(key));
    expect(await htmlLangDir(page)).toEqual([languages[lang].tag, languages[lang].dir]);

    if (pages > 1) {
      await page.click('nav.pagination a[rel="next"]');
      expect(pathOf(page)).toBe(sectionPath(key, 2));
    }

    await page.click(`main article h2 a[href="${subject.path}"]`);
    expect(pathOf(page)).toBe(subject.path);
    expect(await h1(page)).toBe(subject.data.title);
    expect(await htmlLangDir(page)).toEqual([languages[subject.lang].tag, languages[subject.lang].dir]);

    const versions = translationsOf(subject);
    const listed = await page.$$eval('article nav.translations a', (as) => as.map((a) => a.getAttribute('href')));
    expect(listed.sort()).toEqual(versions.map((v) => v.path).sort());
    // The last version listed: a version in another section's script where there is one.
    const version = versions.at(-1)!;
    await page.click(`article nav.translations a[href="${version.path}"]`);
    expect(pathOf(page)).toBe(version.path);
    expect(await h1(page)).toBe(version.data.title);
    expect(await htmlLangDir(page)).toEqual([languages[version.lang].tag, languages[version.lang].dir]);

    await page.goBack();
    expect(pathOf(page)).toBe(subject.path);
    expect(await h1(page)).toBe(subject.data.title);
    await page.context().close();
  });

  it('switches language: to every other version of an article, else to every other section', async () => {
    const page = await site.page();
    const switchLinks = () => page.$$eval('.topbar .switch a', (as) => as.map((a) => a.getAttribute('href')!));
    await page.goto(site.url(subject.path));
    const versions = translationsOf(subject).map((v) => v.path);
    expect(await switchLinks()).toEqual(versions);
    await page.click(`.topbar .switch a[href="${versions.at(-1)}"]`);
    expect(pathOf(page)).toBe(versions.at(-1));

    const untranslated = articles.find((a) => translationsOf(a).length === 0);
    if (untranslated) {
      await page.goto(site.url(untranslated.path));
      expect(await switchLinks()).toEqual(otherSections.map((s) => sectionPath(s)));
      await page.click('.topbar .switch a >> nth=0');
      expect(pathOf(page)).toBe(sectionPath(otherSections[0]!));
    }
    for (const pathIn of [(s: Section) => tagPath(s), (s: Section) => archivePath(s), searchPath]) {
      for (const other of otherSections) {
        await page.goto(site.url(pathIn(key)));
        await page.click(`.topbar .switch a[href="${pathIn(other)}"]`);
        expect(pathOf(page)).toBe(pathIn(other));
        expect(await page.getAttribute('html', 'lang')).toBe(languages[sectionLang(other)].tag);
      }
    }
    await page.context().close();
  });

  it('follows an article tag to the tag page, which lists the article', async () => {
    const article = articles.find((a) => a.data.tags?.length)!;
    const tag: string = article.data.tags[0];
    const page = await site.page();
    await page.goto(site.url(article.path));
    await page.click(`nav.tags a:text-is("${tag}")`);
    expect(pathOf(page)).toBe(tagPath(key, tag));
    expect(await h1(page)).toContain(tag);
    // Follow the tag's pagination until the article turns up.
    for (;;) {
      if (await page.$(`main article a[href="${article.path}"]`)) break;
      const next = await page.$('nav.pagination a[rel="next"]');
      expect(next, `${article.path} listed under ${tag}`).not.toBeNull();
      await next!.click();
    }
    await page.context().close();
  });

  it('finds an article through the archive, by year and month of its calendar', async () => {
    const article = articles[articles.length - 1]!;
    // The section language's calendar, by date arithmetic: Solar Hijri for Dari and Pashto.
    const { year, month } = languages[lang].calendar === 'persian' ? solarHijriParts(article.data.date) : gregorianParts(article.data.date);
    const page = await site.page();
    await page.goto(site.url(sectionPath(key)));
    // Inner pages carry a compact bar (sections, search, languages); the archive is linked from the footer.
    await page.click(`footer a[href="${archivePath(key)}"]`);
    expect(pathOf(page)).toBe(archivePath(key));
    // Years are headings in the section's calendar and digits (۱۳۹۵ on the Dari and Pashto pages).
    const years = await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent?.trim()));
    expect(years).toContain(formatNumber(year, lang));
    const label = formatMonth(year, month, lang);
    await page.click(`main a:text-is("${label}")`);
    expect(pathOf(page)).toBe(archivePath(key, year, month));
    expect(await h1(page)).toBe(label);
    expect(await page.$(`main article a[href="${article.path}"]`)).not.toBeNull();
    await page.context().close();
  });
});

describe('the German piece in European Languages', () => {
  const korridor = byId.get('en/wakhan-korridor')!;
  const dari = byId.get('fa/dahliz-wakhan')!;

  it('is reached from the section index, reads as German, and switches to the Dari version and back', async () => {
    expect(korridor.lang).toBe('de');
    const page = await site.page();
    await page.goto(site.url(sectionPath('en')));
    // Follow the index until the piece turns up.
    for (;;) {
      if (await page.$(`main article h2 a[href="${korridor.path}"]`)) break;
      await page.click('nav.pagination a[rel="next"]');
    }
    expect(await page.getAttribute(`main article:has(a[href="${korridor.path}"])`, 'lang')).toBe('de');
    await page.click(`main article h2 a[href="${korridor.path}"]`);
    expect(pathOf(page)).toBe(korridor.path);
    expect(await htmlLangDir(page)).toEqual(['de', 'ltr']);
    expect(await h1(page)).toBe(korridor.data.title);
    expect((await page.textContent('article header time'))?.trim()).toBe('18. Mai 2021');
    expect(await page.textContent('.prose')).toContain('„Dach der Welt“');

    await page.click(`.topbar .switch a[href="${dari.path}"]`);
    expect(pathOf(page)).toBe(dari.path);
    expect(await htmlLangDir(page)).toEqual(['fa-AF', 'rtl']);
    // From the Dari version, its switch leads back to the German one, named in German.
    expect((await page.textContent(`.topbar .switch a[href="${korridor.path}"]`))?.trim()).toBe('Deutsch');
    await page.click(`.topbar .switch a[href="${korridor.path}"]`);
    expect(pathOf(page)).toBe(korridor.path);
    await page.context().close();
  });
});

describe('table of contents', () => {
  // A Dari article with three or more sections, one of them named with a zero-width non-joiner.
  const article = section('fa').find((a) => {
    const headings = sectionHeadings(a);
    return headings.length >= 3 && headings.some((h) => h.includes('\u200c'));
  })!;

  it('links each Dari heading by an id that keeps its ZWNJ, and scrolls to it', async () => {
    expect(article, 'a Dari article with a ZWNJ heading').toBeDefined();
    const heading = sectionHeadings(article).find((h) => h.includes('\u200c'))!;
    const page = await site.page({ viewport: { width: 390, height: 700 } });
    await page.goto(site.url(article.path));
    const links = await page.$$eval('nav.toc a', (as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
    expect(links.length).toBe(sectionHeadings(article).length);

    const link = links.find((l) => l.text === heading)!;
    expect(link, `contents entry for ${heading}`).toBeDefined();
    expect(link.href).toContain('\u200c');
    // On a phone the contents list starts closed: the reader opens it first.
    const toc = page.locator('nav.toc details');
    if ((await toc.count()) && !(await toc.evaluate((d) => (d as HTMLDetailsElement).open))) await page.click('nav.toc summary');
    await page.click(`nav.toc a[href="${link.href}"]`);
    const target = await page.evaluate(() => {
      const el = document.querySelector(':target');
      return el && { tag: el.tagName, text: el.textContent, top: el.getBoundingClientRect().top };
    });
    expect(target).toMatchObject({ tag: 'H2', text: heading });
    // Scrolled to: the heading is at the top of the viewport, not somewhere below.
    expect(Math.abs(target!.top)).toBeLessThan(50);
    await page.context().close();
  });
});
