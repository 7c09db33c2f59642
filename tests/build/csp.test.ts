/**
 * Every page of the real build carries a Content-Security-Policy, so even a
 * script that slipped past the sanitizer would not run.
 */
import { describe, expect, it } from 'vitest';
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
});
