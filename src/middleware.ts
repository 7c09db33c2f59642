/**
 * Every HTML page preloads the web-font files its own text needs, and no
 * others: read from the finished page (its inline `@font-face` rules, and
 * its text in Persian script, where Vazirmatn is the face), so the masthead,
 * the footer and the article are all counted and no template has to know.
 *
 * Why: a file picked by `unicode-range` is requested only once the page has
 * been laid out; when it arrives the whole page is laid out again and moves.
 * A Dari article with a Latin word (CASA-1000, an English source's name)
 * needs both Vazirmatn files; preloaded, both come early and together, and
 * the page takes one font swap instead of two (BENCHMARKS.md "Page weight
 * and Lighthouse"). A page whose text needs only the Persian-script file
 * does not download the Latin one.
 */
import { defineMiddleware } from 'astro:middleware';
import { preloadsFor } from './utils/font-files.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const preloads = preloadsFor(html);
  // Right after the charset and viewport, ahead of the inline CSS: the browser's preload scanner starts them first.
  const out = preloads ? html.replace(/(<meta name="viewport"[^>]*>)/, `$1${preloads}`) : html;
  return new Response(out, { status: response.status, statusText: response.statusText, headers: response.headers });
});
