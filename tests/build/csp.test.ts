/**
 * Every page of the real build carries a Content-Security-Policy, so even a
 * script that slipped past the sanitizer would not run.
 */
import { describe, expect, it } from 'vitest';
import { builtPages, readPage } from '../helpers/site.ts';

describe('Content-Security-Policy', () => {
  const pages = builtPages();

  it('covers a built site', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)('%s has a CSP <meta> in <head> allowing only its own scripts', (path) => {
    const meta = readPage(path).querySelector('head meta[http-equiv="content-security-policy"]');
    const policy = meta?.getAttribute('content') ?? '';
    expect(policy).toMatch(/(?:^|;)\s*script-src 'self'/);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
  });
});
