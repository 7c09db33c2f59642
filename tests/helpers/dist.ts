/**
 * Reading a build's output folder: its pages as site paths and as DOM
 * documents. Every function takes the folder, so the real build and the
 * fixture builds are read alike.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';

/** Built pages as URL paths: percent-encoded, as in links (Dari tag and author pages are not ASCII). */
export function pagesIn(dist: string): string[] {
  return readdirSync(dist, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => encodeURI('/' + relative(dist, join(e.parentPath, e.name)).replaceAll('\\', '/').replace(/index\.html$/, '')))
    .sort();
}

/** Whether a page asks crawlers not to index it (`<meta name="robots" content="noindex">`). */
export function isNoindex(doc: Document): boolean {
  return [...doc.querySelectorAll('head meta[name="robots"]')].some((m) => /\bnoindex\b/.test(m.getAttribute('content') ?? ''));
}

/** The directory pages ("/en/…/") a crawler may index: what the sitemap should list. */
export function indexablePagesIn(dist: string): string[] {
  return pagesIn(dist).filter((p) => p.endsWith('/') && !isNoindex(pageIn(dist, p)));
}

export function fileOf(dist: string, path: string): string {
  const file = decodeURI(path);
  return join(dist, file.endsWith('/') ? `${file}index.html` : file);
}

export function builtIn(dist: string, path: string): boolean {
  return existsSync(fileOf(dist, path));
}

export function pageIn(dist: string, path: string): Document {
  return parseHTML(readFileSync(fileOf(dist, path), 'utf8')).document as unknown as Document;
}

