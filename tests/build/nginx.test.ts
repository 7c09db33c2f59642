/**
 * The nginx server block (deploy/nginx/afgazad.conf), for real: Debian's
 * nginx serves the built test site on a local port, as the current user,
 * and every file's response carries what the build's `_headers` gives that
 * path on Netlify or Cloudflare Pages (one source: src/config/http.ts);
 * folders without their slash are redirected (301), missing paths get the
 * built 404 page with status 404, hashed assets a year's immutable cache and
 * HTML a short one. Skipped, saying so, only where nginx is not installed
 * (`.ci/run` installs it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileHeadersFor, headersFor, LONG_CACHE, securityHeaders, SHORT_CACHE, siteRedirects } from '../../src/config/http.ts';
import { renderHeadersFile, renderRedirectsFile } from '../../src/config/host-files.ts';
import { sectionKeys } from '../../src/i18n/locales.ts';
import { pagesIn } from '../helpers/dist.ts';
import { hostHeadersFor, parseHeadersFile } from '../helpers/host-files.ts';
import { findNginx, startNginx, type Nginx } from '../helpers/nginx.ts';
import { distDir } from '../helpers/paths.ts';

const bin = findNginx();
if (!bin) console.warn('SKIPPED tests/build/nginx.test.ts: no nginx on this machine (apt-get install nginx, as .ci/run does).');

/** Every file of the build as the path a browser asks for (percent-encoded; index.html as its folder). */
function builtPaths(): string[] {
  return readdirSync(distDir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.name.startsWith('_'))
    .map((e) => encodeURI('/' + relative(distDir, join(e.parentPath, e.name)).replaceAll('\\', '/').replace(/(^|\/)index\.html$/, '$1')))
    .sort();
}

const sorted = (headers: Record<string, string>) => JSON.stringify(Object.entries(headers).sort());
const get = (nginx: Nginx, path: string, init: RequestInit = {}) => fetch(nginx.origin + path, { redirect: 'manual', ...init });

describe.skipIf(!bin)('nginx serving the built site with deploy/nginx/afgazad.conf', () => {
  let nginx: Nginx;
  beforeAll(async () => {
    nginx = await startNginx(bin!, distDir);
  });
  afterAll(async () => {
    await nginx?.stop();
  });

  it('nginx reads the server block without a warning', () => {
    expect(nginx.errorLog()).not.toMatch(/\[(warn|error|crit|alert|emerg)\]/);
  });

  it('the build wrote _headers and _redirects from the source', () => {
    expect(readFileSync(join(distDir, '_headers'), 'utf8')).toBe(renderHeadersFile());
    expect(readFileSync(join(distDir, '_redirects'), 'utf8')).toBe(renderRedirectsFile());
  });

  it('every file gets the headers _headers gives it (one source for both hosts and nginx)', async () => {
    const rules = parseHeadersFile(readFileSync(join(distDir, '_headers'), 'utf8'));
    const paths = builtPaths();
    expect(paths.length).toBeGreaterThan(50);
    const differences: string[] = [];
    for (const path of paths) {
      const response = await get(nginx, path, { method: 'HEAD' });
      if (response.status !== 200) differences.push(`${path}: status ${response.status}`);
      const fromFile = hostHeadersFor(rules, decodeURI(path));
      for (const [name, value] of Object.entries(fromFile)) {
        if (response.headers.get(name) !== value) differences.push(`${path}: ${name} is ${response.headers.get(name)}, _headers says ${value}`);
      }
      // npm run preview sends the same (headersFor and fileHeadersFor, scripts/preview.ts).
      if (sorted({ ...headersFor(decodeURI(path)), ...fileHeadersFor(decodeURI(path)) }) !== sorted(fromFile)) differences.push(`${path}: headersFor() differs from _headers`);
    }
    expect(differences).toEqual([]);
  });

  it.each(sectionKeys)('/%s answers 301 to the same address with its slash, and carries the security headers', async (section) => {
    const response = await get(nginx, `/${section}`);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`/${section}/`);
    expect(response.headers.get('content-security-policy')).toBe(securityHeaders['Content-Security-Policy']);
  });

  it('an article, and a Dari tag page, asked for without their slash answer 301 to the canonical address', async () => {
    const pages = pagesIn(distDir);
    const article = pages.find((p) => /^\/[^/]+\/\d{4}\/\d{2}\/[^/]+\/$/.test(p))!;
    const tag = pages.find((p) => /\/tags\/%[^/]+\/$/.test(p))!;
    for (const page of [article, tag]) {
      const response = await get(nginx, page.slice(0, -1));
      expect(response.status, page).toBe(301);
      expect(decodeURI(response.headers.get('location')!)).toBe(decodeURI(page));
      expect((await get(nginx, page)).status).toBe(200);
    }
  });

  it('the site\'s own redirects (page 1 of an index is the index)', async () => {
    for (const { from, to, status } of siteRedirects()) {
      const response = await get(nginx, from);
      expect(response.status, from).toBe(status);
      expect(response.headers.get('location'), from).toBe(to);
    }
  });

  it('a retired tag page (/page/N/, before the years) goes to the tag\'s front page, the Dari name percent-encoded as sent', async () => {
    const tag = pagesIn(distDir).find((p) => /^\/[^/]+\/tags\/%[^/]+\/$/.test(p))!;
    for (const old of [`${tag}page/3/`, `${tag}page/2`]) {
      const response = await get(nginx, old);
      expect(response.status, old).toBe(301);
      expect(response.headers.get('location'), old).toBe(tag);
    }
  });

  it.each(['/no-such-page/', `/${sectionKeys[0]}/2024/03/no-such-article/`, `/${sectionKeys[0]}/2024/`, '/_astro/no-such-file.js'])('%s answers 404 with the built 404 page, cached short', async (path) => {
    const response = await get(nginx, path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe(SHORT_CACHE);
    expect(response.headers.get('content-security-policy')).toBe(securityHeaders['Content-Security-Policy']);
    expect(await response.text()).toBe(readFileSync(join(distDir, '404.html'), 'utf8'));
  });

  it('a hashed font and script are cached a year, immutable, with their types; Pagefind\'s hashed chunks too', async () => {
    const paths = builtPaths();
    const font = paths.find((p) => /^\/_astro\/.+\.woff2$/.test(p))!;
    const script = paths.find((p) => /^\/_astro\/.+\.js$/.test(p))!;
    const fragment = paths.find((p) => /^\/pagefind\/.+\/fragment\/.+\.pf_fragment$/.test(p))!;
    for (const [path, type] of [[font, 'font/woff2'], [script, 'application/javascript'], [fragment, 'application/octet-stream']] as const) {
      const response = await get(nginx, path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe(LONG_CACHE);
      expect(response.headers.get('content-type'), path).toContain(type);
    }
  });

  it('Pagefind\'s index chunks and fragments go out as gzip data the browser inflates (Pagefind then skips its own inflate); a missing one gets the plain 404 page', async () => {
    const paths = builtPaths();
    for (const kind of ['index', 'fragment']) {
      const path = paths.find((p) => new RegExp(`^/pagefind/[^/]+/[^/]+/${kind}/`).test(p))!;
      const response = await get(nginx, path, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('content-encoding'), path).toBe('gzip');
      // fetch() inflates as a browser does: what Pagefind's code receives starts with its signature.
      expect(new TextDecoder().decode((await response.arrayBuffer()).slice(0, 12)), path).toBe('pagefind_dcd');
      // Asked for without gzip: any Content-Encoding on the 404 page would be ours, not nginx's compression of HTML.
      const missing = await get(nginx, path.replace(/[^/]+$/, 'no-such-chunk.pf_' + kind), { headers: { 'accept-encoding': 'identity' } });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-encoding')).toBeNull();
      expect(await missing.text()).toBe(readFileSync(join(distDir, '404.html'), 'utf8'));
    }
  });

  it('HTML, feeds, sitemaps and the search manifests are cached short; HTML is UTF-8 and gzipped', async () => {
    for (const path of [`/${sectionKeys[0]}/`, '/', '/rss.xml', '/sitemap-index.xml', '/news-sitemap.xml', `/pagefind/${sectionKeys[0]}/search.json`]) {
      const response = await get(nginx, path, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe(SHORT_CACHE);
    }
    const page = await get(nginx, `/${sectionKeys[0]}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-encoding')).toBe('gzip');
    for (const [name, value] of Object.entries(securityHeaders)) expect(page.headers.get(name), name).toBe(value);
  });
});
