/**
 * The publishing configuration comes from one source (src/config/http.ts):
 * the committed nginx server block is what the source generates, and
 * `_headers`/`_redirects` say what the source says. (tests/build/nginx.test.ts
 * serves the built site with nginx and compares every response with `_headers`.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspDirectives, fileHeadersFor, gzipEncodedPaths, headerCsp, headersFor, LONG_CACHE, matchesPattern, redirectFor, securityHeaders, SHORT_CACHE, siteRedirects } from '../../src/config/http.ts';
import { renderHeadersFile, renderNginxConf, renderRedirectsFile } from '../../src/config/host-files.ts';
import { sectionKeys } from '../../src/i18n/locales.ts';
import { projectRoot } from '../helpers/paths.ts';
import { parseHeadersFile, parseRedirectsFile } from '../helpers/host-files.ts';

describe('one source for the publishing configuration', () => {
  it('deploy/nginx/afgazad.conf is what src/config/http.ts generates (else run `npm run nginx-config`)', () => {
    expect(readFileSync(join(projectRoot, 'deploy', 'nginx', 'afgazad.conf'), 'utf8')).toBe(renderNginxConf());
  });

  it('the CSP header carries every directive of the pages\' <meta>, and frame-ancestors', () => {
    const header = headerCsp.split(/;\s*/);
    for (const directive of cspDirectives) expect(header).toContain(directive);
    expect(header).toContain("frame-ancestors 'none'");
    expect(header.find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline');
  });

  it('_headers gives every path the security headers, Cache-Control only where it is long, Content-Encoding only on the gzip files', () => {
    const rules = parseHeadersFile(renderHeadersFile());
    const all = rules.find((r) => r.pattern === '/*')!;
    expect(all.headers).toEqual(securityHeaders);
    for (const rule of rules.filter((r) => r !== all)) {
      expect(rule.headers).toEqual({ 'Cache-Control': LONG_CACHE, ...(gzipEncodedPaths.includes(rule.pattern) ? { 'Content-Encoding': 'gzip' } : {}) });
    }
    // One block per pattern: both hosts merge matching rules, and a repeated pattern would read as a mistake.
    expect(new Set(rules.map((r) => r.pattern)).size).toBe(rules.length);
  });

  it.each([
    ['/pagefind/fa/0/index/fa_b4d5551.pf_index', true],
    ['/pagefind/en/delta/fragment/en_34838c6.pf_fragment', true],
    // Same gzip data, but in the folder of pagefind.js: loaded while the page warms up, left alone.
    ['/pagefind/fa/0/pagefind.fa-af_59d356273292b.pf_meta', false],
    ['/pagefind/fa/0/wasm.unknown.pagefind', false],
    ['/pagefind/fa/0/pagefind.js', false],
    ['/pagefind/fa/search.json', false],
    ['/fa/', false],
  ])('%s is sent as gzip data: %s', (path, gzip) => {
    expect(fileHeadersFor(path)).toEqual(gzip ? { 'Content-Encoding': 'gzip' } : {});
    const fromFile = parseHeadersFile(renderHeadersFile()).filter((r) => matchesPattern(r.pattern, path));
    expect(Object.assign({}, ...fromFile.map((r) => r.headers))['Content-Encoding']).toBe(gzip ? 'gzip' : undefined);
    // Never on every response: the 404 page for a missing chunk is plain HTML.
    expect(headersFor(path)['Content-Encoding']).toBeUndefined();
  });

  it.each([
    ['/_astro/vazirmatn-arabic-wght-normal.Cafbb7Zc.woff2', LONG_CACHE],
    ['/_astro/SearchBox.astro_astro_type_script_index_0_lang.wBaJ1N-i.js', LONG_CACHE],
    ['/pagefind/fa/0/index/fa_b4d5551.pf_index', LONG_CACHE],
    ['/pagefind/en/delta/fragment/en_34838c6.pf_fragment', LONG_CACHE],
    ['/pagefind/fa/0/pagefind-entry.json', SHORT_CACHE],
    ['/pagefind/fa/0/pagefind.js', SHORT_CACHE],
    ['/pagefind/fa/search.json', SHORT_CACHE],
    ['/fa/', SHORT_CACHE],
    ['/fa/2024/03/x/', SHORT_CACHE],
    ['/rss.xml', SHORT_CACHE],
    ['/sitemap-index.xml', SHORT_CACHE],
    ['/news-sitemap.xml', SHORT_CACHE],
    ['/404.html', SHORT_CACHE],
  ])('%s is cached %s', (path, cache) => {
    expect(headersFor(path)['Cache-Control']).toBe(cache);
    // _headers says the same, with the hosts' default for paths it leaves alone.
    const fromFile = parseHeadersFile(renderHeadersFile()).filter((r) => matchesPattern(r.pattern, path));
    expect(Object.assign({ 'Cache-Control': SHORT_CACHE }, ...fromFile.map((r) => r.headers))['Cache-Control']).toBe(cache);
  });

  it('the patterns match one segment per :name and the rest at *', () => {
    expect(matchesPattern('/pagefind/:section/:bundle/index/*', '/pagefind/fa/0/index/x.pf_index')).toBe(true);
    expect(matchesPattern('/pagefind/:section/:bundle/index/*', '/pagefind/fa/index/x.pf_index')).toBe(false);
    expect(matchesPattern('/_astro/*', '/x/_astro/a.js')).toBe(false);
    expect(matchesPattern('/fa/page', '/fa/page/')).toBe(false);
  });

  it('_redirects and redirectFor() hold the site\'s own redirects, for every section in the registry', () => {
    expect(parseRedirectsFile(renderRedirectsFile())).toEqual(siteRedirects());
    for (const section of sectionKeys) {
      expect(redirectFor(`/${section}/page/1/`)).toEqual({ from: `/${section}/page/1/`, to: `/${section}/`, status: 301 });
      expect(redirectFor(`/${section}/page/2/`)).toBeUndefined();
      // A folder without its slash is the server's job (rules for it loop on Netlify).
      expect(redirectFor(`/${section}`)).toBeUndefined();
    }
  });

  it('a retired tag or author page (paginated to its end, before the years) goes to its front page, with the name as typed', () => {
    const [section] = sectionKeys;
    expect(redirectFor(`/${section}/tags/مهاجرت‌ها/page/3/`)).toEqual({ from: `/${section}/tags/مهاجرت‌ها/page/3/`, to: `/${section}/tags/مهاجرت‌ها/`, status: 301 });
    expect(redirectFor(`/${section}/authors/fuad-shahbazov/page/12`)?.to).toBe(`/${section}/authors/fuad-shahbazov/`);
    // The pages by year, and a tag's front page, are pages, not redirects.
    expect(redirectFor(`/${section}/tags/herat/1395/page/2/`)).toBeUndefined();
    expect(redirectFor(`/${section}/tags/herat/`)).toBeUndefined();
    expect(redirectFor(`/${section}/tags/page/`)).toBeUndefined();
    expect(renderRedirectsFile()).toContain(`/${section}/tags/:name/page/:page/ /${section}/tags/:name/ 301`);
  });
});
