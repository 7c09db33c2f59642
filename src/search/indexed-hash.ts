import { createHash } from 'node:crypto';

/**
 * A hash of what Pagefind reads from an article page: the `<title>` and the
 * element marked `data-pagefind-body` (the `<article>`). Astro re-renders a
 * page when its neighbours change (previous/next links, outside the article),
 * which leaves this part, and so the search index, alone.
 */
export function indexedHash(html: string, url: string): string {
  const marker = html.indexOf('data-pagefind-body');
  if (marker < 0) throw new Error(`search index: ${url} has no data-pagefind-body element`);
  const start = html.lastIndexOf('<', marker);
  const end = html.indexOf('</article>', marker);
  const title = html.slice(html.indexOf('<title>'), html.indexOf('</title>'));
  return createHash('sha256').update(title).update('\0').update(html.slice(start, end)).digest('hex');
}
