/**
 * The configuration files that publish `dist/`, written from `http.ts`:
 * `_headers` and `_redirects` (Netlify and Cloudflare Pages read both from
 * the published folder) and an nginx server block. Text in, text out; the
 * build (`src/integrations/host-config.ts`) and `npm run nginx-config`
 * write them.
 */
import { gzipEncodedPaths, LONG_CACHE, longCachePaths, NOT_FOUND_PAGE, patternSource, securityHeaders, SHORT_CACHE, siteRedirects } from './http.ts';

const GENERATED = 'Generated from src/config/http.ts; edit that file, not this one.';

/**
 * `_headers`: the security headers on every path, the long cache on the
 * content-named paths and `Content-Encoding: gzip` on the gzip files, one
 * block per pattern. No rule sets Cache-Control for `/*`: both hosts would
 * send it twice on the long-cached paths (they merge matching rules), and
 * both already send `SHORT_CACHE` by default.
 * @example renderHeadersFile().startsWith('# Generated') // true
 */
export function renderHeadersFile(): string {
  const lines = [`# ${GENERATED}`, `# Everything else gets the host's default Cache-Control: ${SHORT_CACHE}`, '/*'];
  for (const [name, value] of Object.entries(securityHeaders)) lines.push(`  ${name}: ${value}`);
  const byPattern = new Map<string, string[]>();
  const add = (pattern: string, line: string) => byPattern.set(pattern, [...(byPattern.get(pattern) ?? []), line]);
  for (const pattern of longCachePaths) add(pattern, `  Cache-Control: ${LONG_CACHE}`);
  for (const pattern of gzipEncodedPaths) add(pattern, '  Content-Encoding: gzip');
  for (const [pattern, headers] of byPattern) lines.push('', pattern, ...headers);
  return lines.join('\n') + '\n';
}

/**
 * `_redirects`: the site's own redirects, one `from to status` line each.
 * @example renderRedirectsFile().includes(' 301') // true
 */
export function renderRedirectsFile(): string {
  const lines = [
    `# ${GENERATED}`,
    '# A folder asked for without its slash (/fa → /fa/) is redirected by the host itself;',
    '# Netlify refuses (loops on) rules that add a slash.',
    ...siteRedirects().map((r) => `${r.from} ${r.to} ${r.status}`),
  ];
  return lines.join('\n') + '\n';
}

/**
 * nginx blocks for the redirects with `:name` segments (a retired tag or
 * author page to its front page), one per pattern without its trailing
 * slash. The location matches the decoded path; the target is taken from
 * the request as sent (`$request_uri`), so a Dari name stays
 * percent-encoded in the Location header, as every other address.
 */
function retiredListRedirects(): string[] {
  const patterns = siteRedirects().filter((r) => r.from.includes(':') && !r.from.endsWith('/'));
  return patterns.flatMap(({ from, to }) => {
    const names = [...from.matchAll(/:(\w+)/g)].map(([, name]) => name!);
    const vars = (text: string) => names.reduce((out, name) => out.replaceAll(`:${name}`, `$afgazad_${name}`), text);
    const source = patternSource(from, true).slice(0, -1).replace(/\(\?<(\w+)>/g, '(?<afgazad_$1>');
    return [
      '',
      `    location ~ ${patternSource(from).slice(0, -1)}/?$ {`,
      `        if ($request_uri ~ "${source}/?(?:\\?|$)") {`,
      `            return 301 ${vars(to)};`,
      '        }',
      '    }',
    ];
  });
}

/**
 * The nginx server block (`deploy/nginx/afgazad.conf`), to be included in
 * the `http {}` of a stock nginx.conf (Debian's includes `mime.types`). The
 * headers are set once, at server level, with `always` so that redirects and
 * the 404 page carry them too; no location sets its own (nginx would then
 * drop the server's). Cache-Control comes from a `map` over the path, so the
 * 404 page (an internal redirect to /404.html) is cached short even where a
 * missing asset was asked for. `Content-Encoding` comes from another `map`,
 * without `always`: nginx then sends it with a found file only, never with
 * the 404 page (an empty value sends no header).
 * @example renderNginxConf().includes('error_page 404 /404.html;') // true
 */
export function renderNginxConf(): string {
  const sectionsRe = [...new Set(siteRedirects().flatMap((r) => (r.from.includes(':') ? [] : [r.to])))].map((to) => to.slice(1, -1)).join('|');
  const out = [
    `# ${GENERATED}`,
    '# Regenerate with `npm run nginx-config`; tests/unit/host-config.test.ts fails when it is stale,',
    '# and tests/build/nginx.test.ts serves the built test site with it.',
    '# Include it in the http {} block of nginx.conf (Debian: /etc/nginx/sites-enabled/);',
    '# set listen, server_name and root. For HTTPS add your listen 443 ssl and certificate lines.',
    '',
    'map $uri $afgazad_cache_control {',
    `    default "${SHORT_CACHE}";`,
    ...longCachePaths.map((pattern) => `    "~${patternSource(pattern)}" "${LONG_CACHE}";`),
    '}',
    '',
    'map $uri $afgazad_content_encoding {',
    '    default "";',
    ...gzipEncodedPaths.map((pattern) => `    "~${patternSource(pattern)}" gzip;`),
    '}',
    '',
    'server {',
    '    listen 80;',
    '    server_name afghanistan-azad.example;',
    '    root /srv/afgazad/dist;',
    '    index index.html;',
    '    charset utf-8;',
    '    charset_types text/xml text/plain text/css application/javascript application/json application/rss+xml application/xml image/svg+xml;',
    '    server_tokens off;',
    '    # /fa → 301 /fa/: nginx redirects a folder asked for without its slash. A relative',
    '    # Location keeps the scheme and host the reader used (behind a proxy too).',
    '    absolute_redirect off;',
    '',
    '    gzip on;',
    '    gzip_vary on;',
    "    # Pagefind's files (.pf_*) are gzip already and go out as they are; its index chunks and",
    '    # fragments say so (Content-Encoding), so the browser inflates them, not Pagefind\'s JavaScript.',
    '    gzip_types text/css application/javascript application/json application/xml application/rss+xml image/svg+xml text/plain text/xml;',
    '',
    ...Object.entries(securityHeaders).map(([name, value]) => `    add_header ${name} "${value}" always;`),
    '    add_header Cache-Control $afgazad_cache_control always;',
    '    add_header Content-Encoding $afgazad_content_encoding;',
    '',
    `    error_page 404 ${NOT_FOUND_PAGE};`,
    '    # A folder with no index.html (/fa/2024/) is not found either, not "forbidden".',
    `    error_page 403 =404 ${NOT_FOUND_PAGE};`,
    '',
    '    # The site\'s own redirects (siteRedirects() in src/config/http.ts).',
    `    location ~ ^/(?<afgazad_section>${sectionsRe})/page(/1)?/?$ {`,
    '        return 301 /$afgazad_section/;',
    '    }',
    ...retiredListRedirects(),
    '',
    '    # Files as they are; a folder with its index.html, or 301 to its slash.',
    '    location / {',
    '    }',
    '}',
  ];
  return out.join('\n') + '\n';
}
