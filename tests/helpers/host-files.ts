/**
 * Readers of the `_headers` and `_redirects` formats (Netlify, Cloudflare
 * Pages), as far as the site writes them, so tests can say what a host
 * would send for a path.
 */
import { matchesPattern, SHORT_CACHE, type Redirect } from '../../src/config/http.ts';

export interface HeaderRule {
  readonly pattern: string;
  readonly headers: Record<string, string>;
}

/** Rules in file order: a path line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const colon = line.indexOf(':');
      if (colon < 0 || rules.length === 0) throw new Error(`_headers: cannot read line ${JSON.stringify(line)}`);
      const name = line.slice(0, colon).trim();
      const rule = rules.at(-1)!;
      if (name in rule.headers) throw new Error(`_headers: ${name} twice for ${rule.pattern}`);
      rule.headers[name] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

/**
 * What a host sends for `path` from those rules: every matching rule's
 * headers; a header set by two matching rules is an error (Cloudflare Pages
 * would join the values with a comma, Netlify keep one), and Cache-Control
 * is the hosts' default where no rule sets it.
 */
export function hostHeadersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules.filter((r) => matchesPattern(r.pattern, path))) {
    for (const [name, value] of Object.entries(rule.headers)) {
      if (name in out) throw new Error(`_headers sets ${name} twice for ${path}`);
      out[name] = value;
    }
  }
  return { 'Cache-Control': SHORT_CACHE, ...out };
}

/** `from to status` lines. */
export function parseRedirectsFile(text: string): Redirect[] {
  return text
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [from, to, status] = line.trim().split(/\s+/);
      if (!from || !to || status !== '301') throw new Error(`_redirects: cannot read line ${JSON.stringify(line)}`);
      return { from, to, status: 301 as const };
    });
}
