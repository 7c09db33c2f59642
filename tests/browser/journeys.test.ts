/**
 * A reader's journeys through the built site in Chromium, in both languages:
 * from the front page to an article and its translation and back, the
 * language switch, tags, the archive and the table of contents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { site as settings } from '../../src/config/site.ts';
import { locales, type Lang } from '../../src/i18n/locales.ts';
import { archiveParts, formatMonth, formatNumber } from '../../src/utils/dates.ts';
import { archivePath, sectionPath, tagPath } from '../../src/utils/urls.ts';
import { openSite, pathOf, type Site } from '../helpers/browser.ts';
import { section, sectionHeadings, translationOf } from '../helpers/content.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const other = (lang: Lang): Lang => (lang === 'fa' ? 'en' : 'fa');

async function h1(page: Page) {
  return (await page.textContent('h1'))?.trim();
}

describe.each(['fa', 'en'] as const)('journeys in the %s section', (lang) => {
  const articles = section(lang);
  // An article on the second page of the index that has a published translation.
  const onPage2 = articles.slice(settings.pageSize, settings.pageSize * 2);
  const subject = onPage2.find((a) => translationOf(a))!;

  it('goes front page → section → page 2 → article → translation → back', async () => {
    expect(subject, 'an article on page 2 with a translation').toBeDefined();
    const translation = translationOf(subject)!;
    const page = await site.page();
    await page.goto(site.url('/'));
    await page.click(`section[aria-labelledby="section-${lang}"] h2 a`);
    expect(pathOf(page)).toBe(sectionPath(lang));
    expect(await page.getAttribute('html', 'lang')).toBe(locales[lang].lang);

    await page.click('nav.pagination a[rel="next"]');
    expect(pathOf(page)).toBe(sectionPath(lang, 2));

    await page.click(`main article h2 a[href="${subject.path}"]`);
    expect(pathOf(page)).toBe(subject.path);
    expect(await h1(page)).toBe(subject.data.title);

    await page.click('.translation a');
    expect(pathOf(page)).toBe(translation.path);
    expect(await h1(page)).toBe(translation.data.title);
    expect(await page.getAttribute('html', 'dir')).toBe(locales[translation.lang].dir);

    await page.goBack();
    expect(pathOf(page)).toBe(subject.path);
    expect(await h1(page)).toBe(subject.data.title);
    await page.context().close();
  });

  it('switches language: to the translation, else to the other section', async () => {
    const page = await site.page();
    await page.goto(site.url(subject.path));
    await page.click('.topbar .switch');
    expect(pathOf(page)).toBe(translationOf(subject)!.path);

    const untranslated = articles.find((a) => !translationOf(a));
    if (untranslated) {
      await page.goto(site.url(untranslated.path));
      await page.click('.topbar .switch');
      expect(pathOf(page)).toBe(sectionPath(other(lang)));
    }
    for (const path of [tagPath(lang), archivePath(lang), `/${lang}/search/`]) {
      await page.goto(site.url(path));
      await page.click('.topbar .switch');
      expect(pathOf(page)).toBe(path.replace(`/${lang}/`, `/${other(lang)}/`));
    }
    await page.context().close();
  });

  it('follows an article tag to the tag page, which lists the article', async () => {
    const article = articles.find((a) => a.data.tags?.length)!;
    const tag: string = article.data.tags[0];
    const page = await site.page();
    await page.goto(site.url(article.path));
    await page.click(`nav.tags a:text-is("${tag}")`);
    expect(pathOf(page)).toBe(tagPath(lang, tag));
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
    const { year, month } = archiveParts(article.data.date, lang);
    const page = await site.page();
    await page.goto(site.url(sectionPath(lang)));
    await page.click(`.topbar a[href="${archivePath(lang)}"]`);
    expect(pathOf(page)).toBe(archivePath(lang));
    // Years are headings in the section's calendar and digits (۱۳۹۵ on the Dari page).
    const years = await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent?.trim()));
    expect(years).toContain(formatNumber(year, lang));
    const label = formatMonth(year, month, lang);
    await page.click(`main a:text-is("${label}")`);
    expect(pathOf(page)).toBe(archivePath(lang, year, month));
    expect(await h1(page)).toBe(label);
    expect(await page.$(`main article a[href="${article.path}"]`)).not.toBeNull();
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
