/**
 * Reading a built site the way a crawler does: `<head>` links and JSON-LD
 * of each page, and the sitemaps. Every function takes the output folder,
 * so the real build and the fixture build are read alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtIn, indexablePagesIn, pageIn, pagesIn } from './dist.ts';
import { parseXml } from './xml.ts';

export { builtIn, fileOf, indexablePagesIn, isNoindex, pageIn, pagesIn } from './dist.ts';

/** hreflang → absolute URL, from a page's `<head>`. */
export function headAlternates(doc: Document): Map<string, string> {
  return new Map([...doc.querySelectorAll('head link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!]));
}

export function meta(doc: Document, property: string): string[] {
  return [...doc.querySelectorAll(`head meta[property="${property}"], head meta[name="${property}"]`)].map((m) => m.getAttribute('content')!);
}

/** Every JSON-LD block of a page, parsed. */
export function jsonLdOf(doc: Document): any[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!));
}

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
  /** hreflang → absolute URL */
  alternates: Map<string, string>;
}

/** The sitemap files the index names, as paths inside `dist`. */
export function sitemapFiles(dist: string): string[] {
  const index = parseXml(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8'));
  return [...index.getElementsByTagName('loc')].map((l) => new URL(l.textContent!).pathname);
}

/** Every `<url>` of every sitemap the index names. */
export function sitemapUrls(dist: string): SitemapUrl[] {
  return sitemapFiles(dist).flatMap((file) => {
    const doc = parseXml(readFileSync(join(dist, file), 'utf8'));
    return [...doc.getElementsByTagName('url')].map((url) => ({
      loc: url.getElementsByTagName('loc')[0]!.textContent!,
      lastmod: url.getElementsByTagName('lastmod')[0]?.textContent ?? undefined,
      alternates: new Map([...url.getElementsByTagName('xhtml:link')].map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!])),
    }));
  });
}

/**
 * Checks every hreflang cluster of a built site, in `<head>` and in the
 * sitemap: each alternate is a built page on `origin`, the cluster includes
 * the page itself, every member lists the very same cluster (reciprocity),
 * and the sitemap says exactly what `<head>` says. Returns the clusters seen.
 */
export function expectConsistentClusters(dist: string, origin: string, expect: typeof import('vitest').expect): Map<string, Map<string, string>> {
  const toPath = (url: string) => {
    expect(url.startsWith(`${origin}/`), url).toBe(true);
    return new URL(url).pathname;
  };
  const clusters = new Map<string, Map<string, string>>();
  for (const path of pagesIn(dist)) {
    const alternates = headAlternates(pageIn(dist, path));
    if (alternates.size === 0) continue;
    clusters.set(path, alternates);
    expect([...alternates.values()], `${path} lists itself`).toContain(`${origin}${path}`);
    for (const href of alternates.values()) {
      const target = toPath(href);
      expect(builtIn(dist, target), `${path} → ${target} is built`).toBe(true);
      expect(headAlternates(pageIn(dist, target)), `${target} lists the same cluster as ${path}`).toEqual(alternates);
    }
  }
  const fromSitemap = new Map(sitemapUrls(dist).map((u) => [toPath(u.loc), u.alternates]));
  for (const path of indexablePagesIn(dist)) {
    expect(fromSitemap.get(path), `sitemap alternates of ${path}`).toEqual(clusters.get(path) ?? new Map());
  }
  return clusters;
}

/** The required elements of every `<url>` in a news sitemap, read with an XML parser. */
export function newsEntries(xml: string): { loc: string; name: string; language: string; date: string; title: string }[] {
  const doc = parseXml(xml);
  const root = doc.documentElement;
  if (root.localName !== 'urlset' || root.getAttribute('xmlns') !== 'http://www.sitemaps.org/schemas/sitemap/0.9') throw new Error('not a sitemaps.org <urlset>');
  return [...doc.getElementsByTagName('url')].map((url) => {
    const one = (name: string) => {
      const found = url.getElementsByTagName(name);
      if (found.length !== 1) throw new Error(`<url> needs exactly one <${name}>, has ${found.length}`);
      return found[0]!.textContent!;
    };
    const publication = url.getElementsByTagName('news:publication')[0];
    if (!publication || publication.parentElement?.tagName !== 'news:news') throw new Error('<news:publication> must sit in <news:news>');
    return { loc: one('loc'), name: one('news:name'), language: one('news:language'), date: one('news:publication_date'), title: one('news:title') };
  });
}
