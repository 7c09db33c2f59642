/**
 * What the site asks of the server that publishes it, in one place: the
 * security headers, how long each kind of file may be cached, the site's own
 * redirects and the 404 page. Everything that serves `dist/` is generated
 * from this file or tested against it:
 *
 * - the CSP `<meta>` of every page (`astro.config.mjs` takes `cspDirectives`);
 * - `dist/_headers` and `dist/_redirects` for Netlify and Cloudflare Pages
 *   (`src/integrations/host-config.ts`, at the end of every build);
 * - the nginx server block `deploy/nginx/afgazad.conf`
 *   (`npm run nginx-config` writes it; a unit test fails when it is stale);
 * - `npm run preview` (`scripts/preview.ts`).
 *
 * Path patterns use the syntax both hosts' `_headers` read: `*` at the end
 * matches the rest of the path, `:name` exactly one segment.
 */
import type { AstroUserConfig } from 'astro';
import { sectionKeys } from '../i18n/locales.ts';

type CspOptions = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;
/** One directive as Astro's `security.csp.directives` takes it ("img-src 'self' https:"). */
export type CspDirective = NonNullable<CspOptions['directives']>[number];

/**
 * The page policy, shared by the `<meta>` on every page and the header.
 * Astro adds `script-src`/`style-src` with the hashes of each page's inline
 * code to the `<meta>`; the header gets its own (`headerCsp`).
 */
export const cspDirectives: readonly CspDirective[] = [
  "default-src 'self'",
  "img-src 'self' https: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/**
 * The Content-Security-Policy header: the page policy plus what a `<meta>`
 * cannot say (`frame-ancestors`), for every response, SVG and feeds included.
 * A browser enforces the header and the page's `<meta>` both, so a page gets
 * the narrower of the two: the header must allow what any page's `<meta>`
 * allows, and the `<meta>` keeps each page to its own.
 * - `script-src 'self' 'wasm-unsafe-eval'`: the site's scripts are files
 *   (the search page's, and Pagefind's worker and WebAssembly); no page has
 *   an inline script to run (JSON-LD is data, which CSP does not govern;
 *   tests/build/host-config.test.ts holds it).
 * - `style-src 'self' 'unsafe-inline'`: the CSS is inlined in every page
 *   (`build.inlineStylesheets`) and its hashes change with every stylesheet
 *   edit; a header kept in an nginx file cannot follow them, and the page's
 *   `<meta>` already narrows inline styles to this build's hashes.
 */
export const headerCsp: string = [
  ...cspDirectives,
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every response (pages, assets, redirects and the 404 page). */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': headerCsp,
  // For browsers older than frame-ancestors: the site is never framed.
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // Sources linked from an article see that readers came from the site (its origin), never which page.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // A news site asks for none of these; an injected frame or script cannot either.
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()',
  // Ignored over plain HTTP (RFC 6797 §8.1); no includeSubDomains: other hosts of the domain are not ours to decide.
  'Strict-Transport-Security': 'max-age=31536000',
};

/** A year, immutable: the file's name changes whenever its content does. */
export const LONG_CACHE = 'public, max-age=31536000, immutable';

/**
 * Everything else (HTML, feeds, sitemaps, robots.txt, the search manifests,
 * Pagefind's entry files, the favicon): a browser or CDN revalidates each
 * time (a 304 when unchanged), so an hourly rebuild, a scheduled article or
 * a correction is seen at once. It is also what Netlify and Cloudflare Pages
 * send by default, which is why `_headers` need not (and must not: both hosts
 * would send two values) set it for these paths.
 */
export const SHORT_CACHE = 'public, max-age=0, must-revalidate';

/** Paths whose files are named by their content, each cached for a year. */
export const longCachePaths: readonly string[] = [
  // Vite's output: scripts, fonts (the Vazirmatn subsets), images, all named `<name>.<hash>.<ext>`.
  '/_astro/*',
  // Pagefind names its index chunks and fragments by their content; its
  // entry files (pagefind.js, pagefind-entry.json, the wasm) and our
  // search.json keep their names across builds and stay short. The `.pf_meta`
  // file is hashed too, but shares its folder with pagefind.js and is a
  // single small request per search: not worth a pattern neither host has.
  '/pagefind/:section/:bundle/index/*',
  '/pagefind/:section/:bundle/fragment/*',
];

/**
 * Paths whose files are gzip data already, sent as they are with
 * `Content-Encoding: gzip` so that the browser inflates them in its network
 * stack. Pagefind gzips its index chunks and fragments and inflates them
 * itself in JavaScript unless the bytes it gets start with its signature
 * `pagefind_dcd`, which they do once the browser has inflated them
 * (Pagefind 0.5.0, pagefind/pagefind#28). The first search of a page
 * fetches and inflates a fresh chunk: 20–200 ms of JavaScript saved, on the
 * reader's critical path (BENCHMARKS.md, "Search: the index sent as gzip").
 * A host that drops the header, or compresses the bytes once more, leaves
 * Pagefind inflating them itself: slower, never wrong. `.pf_meta` and the
 * WebAssembly are gzip too, but share a folder with `pagefind.js` (no
 * pattern both hosts read tells them apart) and load while the page warms
 * up, before any query.
 */
export const gzipEncodedPaths: readonly string[] = ['/pagefind/:section/:bundle/index/*', '/pagefind/:section/:bundle/fragment/*'];

/** The page served, with status 404, for any path with no file. */
export const NOT_FOUND_PAGE = '/404.html';

/**
 * One permanent redirect of the site's own. `from` is a path, or a pattern
 * whose `:name` segments match one segment each (the `_redirects` syntax of
 * Netlify and Cloudflare Pages); `to` may use the same names.
 */
export interface Redirect {
  readonly from: string;
  readonly to: string;
  readonly status: 301;
}

/**
 * Where tag and author pages were paginated newest first to their end,
 * `<front page>page/<n>/`, before they were split by year (commit 8303c82,
 * README "Tags and authors"): the segment names of `tagPath` and
 * `authorPath` in `utils/urls.ts`.
 */
const RETIRED_LIST_PAGES = ['tags', 'authors'] as const;

/**
 * The site's own redirects:
 * - page 1 of a section index is the index itself (pagination starts its
 *   addresses at /page/2/), and a hand-shortened `/<section>/page/` goes
 *   there too;
 * - the retired pages of a tag or an author (`/fa/tags/هرات/page/3/`), which
 *   search engines, feeds and readers' bookmarks still hold, go to its front
 *   page, its newest articles and its years, not to a 404. No one page of
 *   the new layout holds what an old page held: page 3 of a tag showed
 *   other articles every week.
 * A folder asked for without its slash (`/fa`, `/fa/2024/03/x`) is not
 * listed: every static server redirects it itself (nginx and Netlify with
 * 301, Cloudflare Pages with 308), and Netlify refuses rules that add a
 * slash (they loop).
 */
export function siteRedirects(): Redirect[] {
  const both = (path: string) => [path, `${path}/`];
  return sectionKeys.flatMap((section) => [
    ...['/page', '/page/1'].flatMap((tail) => both(`/${section}${tail}`)).map((from) => ({ from, to: `/${section}/`, status: 301 as const })),
    ...RETIRED_LIST_PAGES.flatMap((list) => both(`/${section}/${list}/:name/page/:page`).map((from) => ({ from, to: `/${section}/${list}/:name/`, status: 301 as const }))),
  ]);
}

/**
 * Whether a `_headers` path pattern matches a request path.
 * @example matchesPattern('/pagefind/:section/:bundle/index/*', '/pagefind/fa/0/index/fa_1.pf_index') // true
 */
export function matchesPattern(pattern: string, path: string): boolean {
  return patternRegExp(pattern).test(path);
}

/**
 * A pattern as the source of a regular expression over the path (nginx's
 * `map` and `location` in the server block use it as it is); with `named`,
 * each `:name` segment is a named group (for a redirect's `to`).
 * @example patternSource('/pagefind/:section/:bundle/index/*') // '^/pagefind/[^/]+/[^/]+/index/'
 * @example patternSource('/fa/tags/:name/page/:page', true) // '^/fa/tags/(?<name>[^/]+)/page/(?<page>[^/]+)$'
 */
export function patternSource(pattern: string, named = false): string {
  const body = pattern
    .split('/')
    .map((part) => (part.startsWith(':') ? (named ? `(?<${part.slice(1)}>[^/]+)` : '[^/]+') : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return '^' + (body.endsWith('*') ? body.slice(0, -1) : body + '$');
}

/**
 * `patternSource` as a RegExp.
 * @example patternRegExp('/_astro/*').test('/_astro/a.1b2c.js') // true
 */
export function patternRegExp(pattern: string): RegExp {
  return new RegExp(patternSource(pattern));
}

/**
 * The headers a response to `path` carries, whatever its status.
 * @example headersFor('/_astro/x.1a2b.woff2')['Cache-Control'] // LONG_CACHE
 */
export function headersFor(path: string): Record<string, string> {
  const long = longCachePaths.some((pattern) => matchesPattern(pattern, path));
  return { ...securityHeaders, 'Cache-Control': long ? LONG_CACHE : SHORT_CACHE };
}

/**
 * The headers a file found at `path` is sent with, on top of `headersFor`
 * (never on a 404: the 404 page is plain HTML).
 * @example fileHeadersFor('/pagefind/fa/0/fragment/fa_1.pf_fragment') // { 'Content-Encoding': 'gzip' }
 */
export function fileHeadersFor(path: string): Record<string, string> {
  return gzipEncodedPaths.some((pattern) => matchesPattern(pattern, path)) ? { 'Content-Encoding': 'gzip' } : {};
}

/**
 * The redirect for a request path (decoded, as the reader typed it), if the
 * site has one of its own, with `to` filled in from the path. A server
 * sends `to` percent-encoded (`encodeURI`): a tag's name may be Dari.
 * @example redirectFor('/en/page/1/') // { from: '/en/page/1/', to: '/en/', status: 301 }
 * @example redirectFor('/fa/tags/هرات/page/3/')?.to // '/fa/tags/هرات/'
 */
export function redirectFor(path: string): Redirect | undefined {
  for (const redirect of siteRedirects()) {
    const match = new RegExp(patternSource(redirect.from, true)).exec(path);
    if (match) return { from: path, to: redirect.to.replace(/:(\w+)/g, (_, name: string) => match.groups?.[name] ?? ''), status: redirect.status };
  }
  return undefined;
}
