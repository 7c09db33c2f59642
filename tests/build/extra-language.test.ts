/**
 * Adding a language is data. A copy of the site gets a language no code
 * names, with only the changes the README lists (the registry, one
 * dictionary per language, a content folder): Southern Uzbek in Arabic
 * script as a new right-to-left section, and French as a further language of
 * European Languages (tests/fixtures/extra-language/). The copy builds, and
 * every page type is checked for its `lang`/`dir`, its date format and
 * digits, its labels in its own language (never English), its feed, its
 * sitemap entries and its search index.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/ui/en.ts';
import type { UIDictionary } from '../../src/i18n/ui/en.ts';
import { sectionKeys } from '../../src/i18n/locales.ts';
import { fr } from '../fixtures/extra-language/ui/fr.ts';
import { uz } from '../fixtures/extra-language/ui/uz.ts';
import { builtIn, pageIn, pagesIn } from '../helpers/dist.ts';
import { copySite, rebuild, type FixtureBuild } from '../helpers/fixture-site.ts';
import { projectRoot } from '../helpers/paths.ts';

const fixture = join(projectRoot, 'tests/fixtures/extra-language');

/** Each existing section's name in the two new languages, in registry order. */
const labelsOfExisting: Record<string, { uz: string; fr: string }> = {
  fa: { uz: 'دری', fr: 'Dari' },
  ps: { uz: 'پشتو', fr: 'Pachto' },
  en: { uz: 'اوروپا تیللری', fr: 'Langues européennes' },
};

/**
 * The registry with the two languages and the new section added: plain text
 * edits at the places the README names, nothing else.
 */
function extendRegistry(source: string): string {
  let s = source;
  const lastImport = s.lastIndexOf('\nimport ');
  const lineEnd = s.indexOf('\n', lastImport + 1);
  s = `${s.slice(0, lineEnd + 1)}import { fr } from './ui/fr.ts';\nimport { uz } from './ui/uz.ts';\n${s.slice(lineEnd + 1)}`;
  s = s.replace(
    '} as const satisfies Record<string, LanguageSpec>;',
    `  uz: {
    tag: 'uz-Arab-AF',
    dir: 'rtl',
    name: 'اوزبېکچه',
    ogLocale: 'uz_AF',
    calendar: 'persian',
    script: 'Arab',
    // Afghan Uzbek names the Solar Hijri months as Dari does; CLDR has no names for them in uz-Arab.
    months: ['حمل', 'ثور', 'جوزا', 'سرطان', 'اسد', 'سنبله', 'میزان', 'عقرب', 'قوس', 'جدی', 'دلو', 'حوت'],
    dayMonthYear: true,
    letterForms: { '\\u064A': '\\u06CC', '\\u0643': '\\u06A9' },
    ui: uz,
  },
  fr: {
    tag: 'fr',
    dir: 'ltr',
    name: 'Français',
    ogLocale: 'fr_FR',
    calendar: 'gregory',
    script: 'Latn',
    quotes: { double: ['«\\u202F', '\\u202F»'], single: ['‹\\u202F', '\\u202F›'] },
    letterForms: {},
    ui: fr,
  },
} as const satisfies Record<string, LanguageSpec>;`,
  );
  let n = 0;
  s = s.replace(/labels: \{ /g, (m) => {
    const key = sectionKeys[n++]!;
    const { uz: u, fr: f } = labelsOfExisting[key]!;
    return `${m}uz: '${u}', fr: '${f}', `;
  });
  if (n !== sectionKeys.length) throw new Error(`registry: found ${n} section labels for ${sectionKeys.length} sections`);
  s = s.replace("otherLanguages: ['de']", "otherLanguages: ['de', 'fr']");
  s = s.replace(
    '} as const satisfies Record<string, SectionSpec>;',
    `  uz: { lang: 'uz', labels: { uz: 'اوزبېکچه', fa: 'ازبکی', ps: 'ازبکي', en: 'Uzbek', de: 'Usbekisch', fr: 'Ouzbek' } },
} as const satisfies Record<string, SectionSpec>;`,
  );
  return s;
}

/** Every Markdown file under a folder, as `{ 'articles/uz/x.md': text }`. */
function articlesIn(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.md')) out[relative(dir, join(e.parentPath, e.name)).replaceAll('\\', '/')] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [`articles/${k}`, v]));
}

/** The visible text of the chrome around the article: navigation, breadcrumbs, byline, section label, footer. */
function chromeText(doc: Document): string {
  const parts = ['.topbar', '.breadcrumbs', '.byline', '.section-label', '.reading-time', 'footer', '.pagination', 'h1'];
  return parts.flatMap((sel) => [...doc.querySelectorAll(sel)].map((e) => e.textContent ?? '')).join(' ');
}

/** UI strings of English that would betray a fallback (the placeholders cut away). */
const englishStrings = Object.values(en)
  .map((v) => v.replace(/\{\w+\}/g, '').trim())
  .filter((v) => v.length >= 4 && /[a-z]{3}/i.test(v) && !['Site', 'Contact'].includes(v));

let build: FixtureBuild;
let changed: string[] = [];

beforeAll(() => {
  const root = copySite();
  const registry = join(root, 'src/i18n/locales.ts');
  writeFileSync(registry, extendRegistry(readFileSync(registry, 'utf8')));
  for (const name of ['uz.ts', 'fr.ts']) cpSync(join(fixture, 'ui', name), join(root, 'src/i18n/ui', name));
  // What changed under src/ compared with the project: only the registry and the two dictionaries.
  const walk = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).replaceAll('\\', '/'));
  changed = walk(join(root, 'src')).filter((rel) => {
    try {
      return readFileSync(join(root, 'src', rel), 'utf8') !== readFileSync(join(projectRoot, 'src', rel), 'utf8');
    } catch {
      return true;
    }
  });
  build = rebuild(root, articlesIn(join(fixture, 'articles')));
});

describe('a language added as data (Uzbek in Arabic script as a section, French in European Languages)', () => {
  it('changes nothing but the registry and the two dictionaries, and builds', () => {
    expect(changed.sort()).toEqual(['i18n/locales.ts', 'i18n/ui/fr.ts', 'i18n/ui/uz.ts']);
    expect(build.exitCode, build.output).toBe(0);
  });

  const uzPages = () => pagesIn(build.dist).filter((p) => p.startsWith('/uz/') && p.endsWith('/'));

  it('gives the Uzbek section every page type: index, article, tags, author, archive, search', () => {
    const pages = uzPages().map(decodeURI);
    expect(pages).toContain('/uz/');
    expect(pages).toContain('/uz/2020/08/wakhan-yolagi/');
    expect(pages).toContain('/uz/tags/');
    expect(pages).toContain('/uz/tags/بدخشان/');
    expect(pages.some((p) => p.startsWith('/uz/authors/'))).toBe(true);
    expect(pages).toContain('/uz/archive/');
    expect(pages).toContain('/uz/archive/1399/05/');
    expect(pages).toContain('/uz/search/');
  });

  it('sets lang, dir and the script on every Uzbek page, with labels in Uzbek and no English', () => {
    for (const path of uzPages()) {
      const doc = pageIn(build.dist, path);
      const html = doc.documentElement;
      expect([html.getAttribute('lang'), html.getAttribute('dir'), html.getAttribute('data-script')], path).toEqual(['uz-Arab-AF', 'rtl', 'Arab']);
      expect(doc.querySelector('.topbar')?.getAttribute('aria-label'), path).toBe(uz['nav.label']);
      const chrome = chromeText(doc);
      for (const english of englishStrings) expect(chrome, `${decodeURI(path)}: "${english}"`).not.toContain(english);
      expect(chrome, path).toContain(uz['nav.archive']);
    }
  });

  it('dates Uzbek articles in the Solar Hijri calendar with Eastern Arabic digits', () => {
    const doc = pageIn(build.dist, encodeURI('/uz/2020/08/wakhan-yolagi/'));
    expect(doc.querySelector('.byline time')?.textContent).toBe('۲۴ اسد ۱۳۹۹');
    expect(doc.querySelector('.reading-time')?.textContent).toMatch(/^[۰-۹]+ دقیقه‌لیک اوقیش$/);
    const archive = pageIn(build.dist, encodeURI('/uz/archive/'));
    expect(archive.querySelector('h2')?.textContent).toBe('۱۳۹۹');
    expect(archive.body.textContent).toContain('اسد ۱۳۹۹');
  });

  it('links every version of the piece, Uzbek and French included, both ways', () => {
    const clusters = ['/fa/2020/08/dahliz-wakhan/', '/uz/2020/08/wakhan-yolagi/', '/en/2021/05/corridor-wakhan/'].map((path) =>
      [...pageIn(build.dist, encodeURI(path)).querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => l.getAttribute('hreflang')).sort(),
    );
    for (const cluster of clusters) expect(cluster).toEqual(['fa-AF', 'fr', 'uz-Arab-AF']);
  });

  it('writes the French piece in French, under its section’s URL, with French quotation marks and dates', () => {
    const doc = pageIn(build.dist, '/en/2021/05/corridor-wakhan/');
    expect([doc.documentElement.getAttribute('lang'), doc.documentElement.getAttribute('dir')]).toEqual(['fr', 'ltr']);
    expect(doc.querySelector('.byline time')?.textContent).toBe('18 mai 2021');
    expect(doc.querySelector('.prose')?.textContent).toContain('«\u202Fle toit du monde\u202F»');
    expect(doc.querySelector('.prose')?.textContent).toContain('d’environ');
    expect(doc.querySelector('.breadcrumbs')?.getAttribute('aria-label')).toBe(fr['breadcrumbs.label']);
    expect(doc.querySelector('meta[property="og:locale"]')?.getAttribute('content')).toBe('fr_FR');
    const chrome = chromeText(doc);
    expect(chrome).toContain(fr['nav.archive']);
    expect(chrome).toContain('Langues européennes');
  });

  it('has a feed for the new section, and marks the French item in European Languages', () => {
    const uzFeed = readFileSync(join(build.dist, 'uz/rss.xml'), 'utf8');
    expect(uzFeed).toContain('<language>uz-Arab-AF</language>');
    expect(uzFeed.match(/<item xml:lang="uz-Arab-AF">/g)).toHaveLength(2);
    const enFeed = readFileSync(join(build.dist, 'en/rss.xml'), 'utf8');
    expect(enFeed).toContain('<item xml:lang="fr">');
    expect(enFeed).toContain('<dc:language>fr</dc:language>');
  });

  it('lists the new pages in the sitemap, with their alternates', () => {
    const sitemap = readFileSync(join(build.dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/uz/2020/08/wakhan-yolagi/</loc>');
    expect(sitemap).toContain('hreflang="uz-Arab-AF"');
    expect(sitemap).toContain('hreflang="fr"');
  });

  it('indexes the new section for search in a folder of its own', () => {
    expect(builtIn(build.dist, '/pagefind/uz/search.json')).toBe(true);
    const manifest = JSON.parse(readFileSync(join(build.dist, 'pagefind/uz/search.json'), 'utf8')) as { bundles: string[] };
    expect(manifest.bundles.length).toBeGreaterThan(0);
  });

  it('shows the new section on the front page and the 404 page, in its own language', () => {
    const front = pageIn(build.dist, '/');
    const block = [...front.querySelectorAll('section.section')].find((s) => s.getAttribute('lang') === 'uz-Arab-AF');
    expect(block?.getAttribute('dir')).toBe('rtl');
    expect(block?.textContent).toContain(uz['section.all']);
    const notFound = readFileSync(join(build.dist, '404.html'), 'utf8');
    expect(notFound).toContain(uz['404.title']);
  });

  it('keeps every dictionary complete: the new ones have every English key', () => {
    const keys = Object.keys(en).sort();
    for (const dict of [uz, fr] as UIDictionary[]) expect(Object.keys(dict).sort()).toEqual(keys);
  });
});
