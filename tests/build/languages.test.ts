/**
 * What the registry model (languages and sections as data,
 * src/i18n/locales.ts) must guarantee on the built test site, checked on
 * named fixture pieces with values written out by hand rather than worked
 * out by the site's code: a Pashto section in its own language, month names
 * and digits; a German piece in European Languages, in German throughout but
 * under /en/; a piece in four versions (Wakhan: Dari, Pashto, English,
 * German) whose every page and sitemap entry lists all four; and a front
 * page with a block per section in registry order. The general rules (every
 * article, every section) are in site.test.ts, seo.test.ts and
 * navigation.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site.ts';
import { sectionKeys } from '../../src/i18n/locales.ts';
import { distDir } from '../helpers/paths.ts';
import { byId, section } from '../helpers/content.ts';
import { headAlternates, jsonLdOf, meta, pageIn, sitemapUrls } from '../helpers/seo.ts';
import type { SourceArticle } from '../helpers/site.ts';

const origin = site.url;
function piece(id: string): SourceArticle {
  const found = byId.get(id);
  if (!found) throw new Error(`tests/fixtures/site/articles/${id}.md is missing or unpublished`);
  return found;
}
const html = (doc: Document) => doc.documentElement;
const textOf = (doc: Document, selector: string) => doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

describe('the Pashto section', () => {
  const casa = piece('ps/casa-1000-breshna-lika');

  it('has Pashto pages: lang="ps-AF", right to left, Arabic script', () => {
    for (const path of ['/ps/', '/ps/archive/', '/ps/tags/', '/ps/search/', ...section('ps').map((a) => a.path)]) {
      const doc = pageIn(distDir, path);
      expect([html(doc).getAttribute('lang'), html(doc).getAttribute('dir'), html(doc).getAttribute('data-script')], path).toEqual(['ps-AF', 'rtl', 'Arab']);
    }
  });

  it('dates an article of 20 May 2016 in the Solar Hijri calendar with the Pashto month name and Eastern digits, the Gregorian date beside it', () => {
    expect(casa.data.date.toISOString()).toBe('2016-05-19T19:30:00.000Z');
    expect(casa.path).toBe('/ps/2016/05/casa-1000-breshna-lika/');
    const doc = pageIn(distDir, casa.path);
    // 31 Saur (غویی) 1395; the Dari page writes the same day "۳۱ ثور ۱۳۹۵".
    expect(textOf(doc, 'article header time')).toBe('۳۱ غویی ۱۳۹۵');
    expect(textOf(doc, 'article header .gregorian')).toMatch(/^\(۲۰ \S+ ۲۰۱۶\)$/);
    expect(textOf(pageIn(distDir, piece('fa/casa-1000-khat-e-bargh').path), 'article header time')).toBe('۳۱ ثور ۱۳۹۵');
    expect(textOf(doc, 'article header .byline')).not.toMatch(/[0-9]/);
  });

  it('speaks Pashto in its interface', () => {
    const doc = pageIn(distDir, casa.path);
    expect(textOf(doc, 'nav.breadcrumbs li:first-child a')).toBe('کورپاڼه');
    expect(textOf(doc, 'nav.breadcrumbs li:nth-child(2) a')).toBe('پښتو');
    expect(textOf(doc, 'article header .byline')).toMatch(/^لیکنه:/);
    expect(textOf(doc, 'article nav.translations .heading')).toBe('دا لیکنه په نورو ژبو');
    expect(textOf(doc, '.reading-time')).toMatch(/^د [۰-۹]+ دقیقو لوست$/);
    // The section label: Pashto, and the name in the other script (English).
    expect(textOf(doc, '.section-label span:first-child')).toBe('پښتو');
    expect(textOf(doc, '.section-label [lang="en"]')).toBe('Pashto');
  });

  it('files its archive under Pashto month names with Eastern digits', () => {
    const doc = pageIn(distDir, '/ps/archive/1395/02/');
    expect(textOf(doc, 'h1')).toBe('غویی ۱۳۹۵');
    expect([...doc.querySelectorAll('main article h2 a')].map((a) => a.getAttribute('href'))).toEqual([casa.path]);
  });
});

describe('the German piece in European Languages', () => {
  const korridor = piece('en/wakhan-korridor');
  const doc = pageIn(distDir, korridor.path);

  it('lives under /en/ (its section), with its own language on the page', () => {
    expect(korridor.section).toBe('en');
    expect(korridor.lang).toBe('de');
    expect(korridor.path).toBe('/en/2021/05/wakhan-korridor/');
    expect([html(doc).getAttribute('lang'), html(doc).getAttribute('dir'), html(doc).getAttribute('data-script')]).toEqual(['de', 'ltr', 'Latn']);
    expect(meta(doc, 'og:locale')).toEqual(['de_DE']);
    expect(jsonLdOf(doc)[0].inLanguage).toBe('de');
    expect(textOf(doc, 'nav.breadcrumbs li:nth-child(2) a')).toBe('Europäische Sprachen');
    expect(doc.querySelector('nav.breadcrumbs li:nth-child(2) a')?.getAttribute('href')).toBe('/en/');
  });

  it('writes its date the German way', () => {
    expect(textOf(doc, 'article header time')).toBe('18. Mai 2021');
    expect(doc.querySelector('article header .gregorian')).toBeNull();
  });

  it('sets German quotation marks „…“ where the editor typed straight ones', () => {
    const prose = doc.querySelector('.prose')!.textContent!;
    expect(prose).toContain('„Dach der Welt“');
    expect(prose).not.toContain('"Dach der Welt"');
    expect(prose).not.toContain('“Dach der Welt”');
  });

  it('speaks German in its interface', () => {
    expect(textOf(doc, 'nav.breadcrumbs li:first-child a')).toBe('Startseite');
    expect(textOf(doc, 'article header .byline')).toMatch(/^Von Farid Ahmadzai/);
    expect(textOf(doc, '.reading-time')).toMatch(/^\d+ Min\. Lesezeit$/);
    expect(textOf(doc, 'article nav.translations .heading')).toBe('Dieser Artikel in anderen Sprachen');
    expect([...doc.querySelectorAll('.topbar ul a')].map((a) => a.textContent!.trim())).toEqual(['Dari', 'Paschtu', 'Europäische Sprachen', 'Suche']);
    expect(textOf(doc, '.section-label span:first-child')).toBe('Europäische Sprachen');
    expect(textOf(doc, '.section-label [lang="fa-AF"]')).toBe('زبان‌های اروپایی');
  });

  it('is listed on the European Languages index, marked as German, with its German date', () => {
    const listed = [...pageIn(distDir, '/en/').querySelectorAll('main article'), ...pageIn(distDir, '/en/page/2/').querySelectorAll('main article')].find(
      (card) => card.querySelector('h2 a')?.getAttribute('href') === korridor.path,
    );
    expect(listed?.getAttribute('lang')).toBe('de');
    expect(listed?.querySelector('time')?.textContent).toBe('18. Mai 2021');
  });
});

describe('a piece in four versions (Wakhan)', () => {
  const versions = ['fa/dahliz-wakhan', 'ps/wakhan-dahliz', 'en/wakhan-corridor', 'en/wakhan-korridor'].map(piece);
  const cluster = new Map([
    ['fa-AF', `${origin}/fa/2020/08/dahliz-wakhan/`],
    ['ps-AF', `${origin}/ps/2020/08/wakhan-dahliz/`],
    ['en', `${origin}/en/2021/05/wakhan-corridor/`],
    ['de', `${origin}/en/2021/05/wakhan-korridor/`],
  ]);

  it('is one translation group', () => {
    expect(new Set(versions.map((v) => v.data.translationKey))).toEqual(new Set(['wakhan-corridor']));
    expect(versions.map((v) => `${origin}${v.path}`)).toEqual([...cluster.values()]);
  });

  it.each(versions.map((v) => [v.id, v] as const))('%s lists all four versions as hreflang alternates, in registry order', (_, v) => {
    const alternates = headAlternates(pageIn(distDir, v.path));
    expect([...alternates]).toEqual([...cluster]);
  });

  it('lists the same four alternates for each version in the sitemap', () => {
    const entries = new Map(sitemapUrls(distDir).map((u) => [u.loc, u.alternates]));
    for (const url of cluster.values()) expect(entries.get(url), url).toEqual(cluster);
  });

  it.each(versions.map((v) => [v.id, v] as const))('%s links the three other versions in the language switch and in its list of versions', (_, v) => {
    const doc = pageIn(distDir, v.path);
    const others = versions.filter((o) => o !== v);
    const names: Record<string, string> = { fa: 'دری', ps: 'پښتو', en: 'English', de: 'Deutsch' };
    const switchLinks = [...doc.querySelectorAll('.topbar .switch a')];
    expect(switchLinks.map((a) => [a.getAttribute('href'), a.textContent!.trim()])).toEqual(others.map((o) => [o.path, names[o.lang]]));
    const listed = [...doc.querySelectorAll('article nav.translations a')];
    expect(listed.map((a) => [a.getAttribute('href'), a.textContent!.trim()])).toEqual(others.map((o) => [o.path, o.data.title]));
  });

  it('names the earliest version the original: the Dari piece (same day as the Pashto one, first section)', () => {
    const [fa, ...rest] = versions.map((v) => jsonLdOf(pageIn(distDir, v.path))[0]);
    expect(fa.workTranslation.map((w: { inLanguage: string }) => w.inLanguage).sort()).toEqual(['de', 'en', 'ps-AF']);
    for (const ld of rest) expect(ld.translationOfWork.url).toBe(cluster.get('fa-AF'));
  });
});

describe('the front page', () => {
  const doc = pageIn(distDir, '/');

  it('shows a block per section in registry order: Dari, Pashto, European Languages', () => {
    expect(sectionKeys).toEqual(['fa', 'ps', 'en']);
    const blocks = [...doc.querySelectorAll('main section')];
    expect(blocks.map((b) => b.querySelector('h2')!.textContent!.trim())).toEqual(['دری', 'پښتو', 'European Languages']);
    expect(blocks.map((b) => b.getAttribute('lang'))).toEqual([null, 'ps-AF', 'en']);
    expect(blocks.map((b) => b.getAttribute('dir'))).toEqual([null, 'rtl', 'ltr']);
    expect(blocks[1]!.querySelectorAll('article').length).toBe(section('ps').length);
    expect(blocks[1]!.querySelector('article time')?.textContent).toMatch(/^[۰-۹]+ \S+ [۰-۹]+$/);
  });
});
