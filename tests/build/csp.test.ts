/**
 * Every page of the real build carries a Content-Security-Policy, so even a
 * script that slipped past the sanitizer would not run.
 */
import { describe, expect, it } from 'vitest';
import { headerCsp } from '../../src/config/http.ts';
import { pageIn, pagesIn } from '../helpers/dist.ts';
import { distDir } from '../helpers/paths.ts';

describe('Content-Security-Policy', () => {
  const pages = pagesIn(distDir);

  it('covers a built site', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)('%s has a CSP <meta> in <head> allowing only its own scripts', (path) => {
    const meta = pageIn(distDir, path).querySelector('head meta[http-equiv="content-security-policy"]');
    const policy = meta?.getAttribute('content') ?? '';
    expect(policy).toMatch(/(?:^|;)\s*script-src 'self'/);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
  });

  // The header (src/config/http.ts) is enforced beside each page's <meta>:
  // it must never be the narrower one for what a page runs.
  it.each(pages)('%s runs no inline script the CSP header would block, and its <meta> allows nothing the header does not', (path) => {
    const doc = pageIn(distDir, path);
    const inline = [...doc.querySelectorAll('script:not([src])')].filter((s) => !/^application\/(ld\+)?json$/.test(s.getAttribute('type') ?? ''));
    expect(inline.map((s) => s.outerHTML.slice(0, 80))).toEqual([]);
    const header = new Map(headerCsp.split(/;\s*/).map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
    const meta = doc.querySelector('head meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    for (const directive of meta.split(/;\s*/).filter(Boolean)) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      const allowed = header.get(name!) ?? header.get('default-src')!;
      // Hashes: inline styles are covered by the header's 'unsafe-inline'; no inline script runs (above).
      const missing = sources.filter((s) => !allowed.includes(s) && !(s.startsWith("'sha256-") && (name === 'script-src' || allowed.includes("'unsafe-inline'"))));
      expect(missing, `${name} in ${path}`).toEqual([]);
    }
  });
});
