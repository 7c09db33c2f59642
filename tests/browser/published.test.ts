/**
 * The site as published, in Chromium: nginx serves the built test site with
 * deploy/nginx/afgazad.conf, so every response carries the real
 * Content-Security-Policy header beside each page's `<meta>` (the browser
 * enforces both). Pages render with their fonts and search finds articles
 * (module script, Pagefind's worker and WebAssembly) with no CSP violation.
 * Skipped, saying so, only where nginx is not installed.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectionKeys } from '../../src/i18n/locales.ts';
import { searchPath } from '../../src/utils/urls.ts';
import { CHROMIUM } from '../helpers/browser.ts';
import { pageIn, pagesIn } from '../helpers/dist.ts';
import { findNginx, startNginx, type Nginx } from '../helpers/nginx.ts';
import { distDir } from '../helpers/paths.ts';

const bin = findNginx();
if (!bin) console.warn('SKIPPED tests/browser/published.test.ts: no nginx on this machine (apt-get install nginx, as .ci/run does).');

describe.skipIf(!bin)('the published site (nginx, real headers) in Chromium', () => {
  let nginx: Nginx;
  let browser: Browser;
  beforeAll(async () => {
    [nginx, browser] = await Promise.all([startNginx(bin!, distDir), chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] })]);
  });
  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
  });

  /** A page that records every CSP violation it meets. */
  async function open(path: string): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const response = await page.goto(nginx.origin + path);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    return { page, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
  }

  it.each(sectionKeys)('%s: an article renders with its fonts and no CSP violation', async (section) => {
    const article = pagesIn(distDir).find((p) => p.startsWith(`/${section}/`) && /\/\d{4}\/\d{2}\/[^/]+\/$/.test(p))!;
    const { page, violations } = await open(article);
    await page.evaluate(() => document.fonts.ready);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it.each(sectionKeys)('%s: search finds an article under the header policy', async (section) => {
    const article = pagesIn(distDir).find((p) => p.startsWith(`/${section}/`) && /\/\d{4}\/\d{2}\/[^/]+\/$/.test(p))!;
    const word = (pageIn(distDir, article).querySelector('h1')?.textContent ?? '').split(/\s+/).find((w) => w.length > 3)!;
    const { page, violations } = await open(searchPath(section));
    await page.fill('#search-input', word);
    await page.press('#search-input', 'Enter');
    await page.waitForFunction(() => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return status !== '' && !status.endsWith('…');
    });
    expect(await page.$$eval('#search-results a', (as) => as.length), `results for «${word}»`).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });
});
