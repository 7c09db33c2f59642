/**
 * The RSS feeds at archive scale, on a synthetic archive: the newest items
 * only, the language of each item, and addresses that are valid URIs.
 */
import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site.ts';
import { languages } from '../../src/i18n/locales.ts';
import type { Article } from '../../src/utils/articles.ts';
import { directed, feedXml } from '../../src/utils/feeds.ts';
import { toUri } from '../../src/utils/uri.ts';
import { articlePath } from '../../src/utils/urls.ts';
import { attribute, feedAddresses, uriProblem } from '../helpers/feeds.ts';
import { parseXml, texts, wellFormednessErrors } from '../helpers/xml.ts';

const origin = 'https://www.afgazad.com';
const RLM = '\u200F';

/** Addresses as editors paste them from a browser's address bar. */
const pastedSources = [
  'https://www.bbc.com/persian/afghanistan-کابل?q=باران',
  'https://bücher.example/buch|neu/^x/[1]/{2}',
  'https://fa.wikipedia.org/wiki/کابل_(شهر)#تاریخ',
  'https://example.org/100%-sure?a=%zz&b=%41',
  'https://thediplomat.com/2017/01/azerbaijans-growing-military-cooperation-with-pakistan/',
  'http://کابل.example/خبر',
];

function article(n: number, lang: 'fa' | 'en'): Article {
  const slug = `piece-${n}`;
  const date = new Date(Date.UTC(2024, 0, 1) - n * 3_600_000);
  const title = lang === 'fa' ? (n % 3 === 0 ? `NATO و افغانستان ${n}` : `گزارش شماره ${n}`) : `Report ${n}`;
  return {
    entry: {} as Article['entry'],
    id: `${lang}/${slug}`,
    section: lang,
    lang,
    slug,
    path: articlePath(lang, slug, date),
    data: {
      title,
      dek: lang === 'fa' ? `JF-17 در گزارش ${n}` : `Dek ${n} & <more>`,
      authors: ['A. Writer'],
      date,
      sources: [{ name: 'Outlet', url: pastedSources[n % pastedSources.length]! }],
      tags: lang === 'fa' ? ['امنیت', 'C++ & co'] : ['Security'],
      draft: false,
    },
  };
}

// 1,200 articles, newest first, the two sections interleaved unevenly.
const all = Array.from({ length: 1200 }, (_, n) => article(n, n % 5 < 2 ? 'en' : 'fa'));
const section = (lang: 'fa' | 'en') => all.filter((a) => a.section === lang);
const feeds = [
  { name: '/rss.xml', lang: undefined, articles: all },
  { name: '/fa/rss.xml', lang: 'fa' as const, articles: section('fa') },
  { name: '/en/rss.xml', lang: 'en' as const, articles: section('en') },
];

describe('RSS feeds at archive scale', () => {
  it.each(feeds)('$name carries only the newest site.feedItems articles, newest first', async ({ lang, articles }) => {
    expect(site.feedItems).toBe(50);
    const doc = parseXml(await feedXml(articles, lang, origin));
    const items = [...doc.getElementsByTagName('item')];
    expect(items.map((i) => texts(i, 'guid')[0])).toEqual(articles.slice(0, site.feedItems).map((a) => `${origin}${a.path}`));
  });

  it.each(feeds)('$name is well-formed, and every address in it is a valid absolute URI', async ({ lang, articles }) => {
    const xml = await feedXml(articles, lang, origin);
    expect(await wellFormednessErrors(xml)).toEqual([]);
    const addresses = feedAddresses(parseXml(xml));
    expect(addresses.length).toBeGreaterThan(site.feedItems * 3);
    expect(addresses.map(uriProblem).filter(Boolean)).toEqual([]);
  });

  it.each(feeds)('$name marks the language of every item with xml:lang', async ({ lang, articles }) => {
    const doc = parseXml(await feedXml(articles, lang, origin));
    const items = [...doc.getElementsByTagName('item')];
    expect(items.map((i) => i.getAttribute('xml:lang'))).toEqual(articles.slice(0, site.feedItems).map((a) => languages[a.lang].tag));
    expect(texts(doc, 'language')).toEqual(lang ? [languages[lang].tag] : []);
  });

  it('gives each item of the feed of both sections its language as dc:language too', async () => {
    const doc = parseXml(await feedXml(all, undefined, origin));
    const items = [...doc.getElementsByTagName('item')];
    expect(new Set(items.map((i) => i.getAttribute('xml:lang')))).toEqual(new Set(['fa-AF', 'en']));
    for (const i of items) expect(texts(i, 'dc:language')).toEqual([i.getAttribute('xml:lang')]);
  });

  it('percent-encodes pasted source addresses without changing where they lead', async () => {
    const doc = parseXml(await feedXml(all, undefined, origin));
    const sources = [...doc.getElementsByTagName('source')].map((s) => attribute(s, 'url'));
    expect(sources).toEqual(all.slice(0, site.feedItems).map((a) => toUri(a.data.sources[0]!.url)));
    expect(sources).toContain('https://xn--bcher-kva.example/buch%7Cneu/%5Ex/%5B1%5D/%7B2%7D');
    expect(sources).toContain('https://example.org/100%25-sure?a=%25zz&b=%41');
  });

  it('starts a Dari title or dek that opens with a Latin word with a right-to-left mark, and nothing else', async () => {
    const doc = parseXml(await feedXml(section('fa'), 'fa', origin));
    const items = [...doc.getElementsByTagName('item')];
    const titles = items.map((i) => texts(i, 'title')[0]!);
    expect(titles.filter((t) => t.startsWith(`${RLM}NATO`)).length).toBeGreaterThan(0);
    expect(titles.filter((t) => t.startsWith('گزارش')).length).toBeGreaterThan(0);
    for (const i of items) expect(texts(i, 'description')[0]!.startsWith(`${RLM}JF-17`)).toBe(true);
    // The text itself is untouched.
    expect(titles.map((t) => t.replace(RLM, ''))).toEqual(section('fa').slice(0, site.feedItems).map((a) => a.data.title));
  });
});

describe('directed', () => {
  it.each([
    ['NATO و افغانستان', 'rtl', `${RLM}NATO و افغانستان`],
    ['۲۰۲۴: NATO', 'rtl', `${RLM}۲۰۲۴: NATO`],
    ['۱۴۰۳', 'rtl', `${RLM}۱۴۰۳`],
    ['«گزارش» NATO', 'rtl', '«گزارش» NATO'],
    ['Kabul', 'ltr', 'Kabul'],
    ['2024', 'ltr', '2024'],
    ['کابل, the capital', 'ltr', '\u200Eکابل, the capital'],
  ] as const)('%s in %s', (text, dir, expected) => {
    expect(directed(text, dir)).toBe(expected);
  });
});

describe('toUri', () => {
  it.each([
    ['https://www.bbc.com/persian/افغانستان', 'https://www.bbc.com/persian/%D8%A7%D9%81%D8%BA%D8%A7%D9%86%D8%B3%D8%AA%D8%A7%D9%86'],
    ['https://bücher.example/a|b', 'https://xn--bcher-kva.example/a%7Cb'],
    ['https://کابل.example/', 'https://xn--mgbc8fxs.example/'],
    ['https://x.example/a b?q=ش ش#frag#more', 'https://x.example/a%20b?q=%D8%B4%20%D8%B4#frag%23more'],
    ['https://x.example/%d8%a8/%zz', 'https://x.example/%d8%a8/%25zz'],
    ['https://x.example/😀', 'https://x.example/%F0%9F%98%80'],
    ['https://thediplomat.com/2017/01/x/', 'https://thediplomat.com/2017/01/x/'],
  ])('%s → %s', (iri, uri) => {
    expect(toUri(iri)).toBe(uri);
    expect(uriProblem(toUri(iri))).toBeUndefined();
    expect(toUri(toUri(iri))).toBe(toUri(iri));
  });

  it('throws on what is not an absolute URL', () => {
    expect(() => toUri('/en/')).toThrow(TypeError);
  });
});
