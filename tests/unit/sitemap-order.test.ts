import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { presortPages } from '../../src/integrations/sitemap.ts';

const site = new URL('https://www.example.org/');
// What @astrojs/sitemap does with the pages' URLs (generate-sitemap.js).
const packageOrder = (urls: string[]) => [...urls].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const href = (pathname: string) => new URL(pathname, site).href;

describe("the sitemap's page order", () => {
  it('is the order @astrojs/sitemap sorts into, so its own sort is one pass', () => {
    const segment = fc.constantFrom('fa', 'ps', 'en', 'page', 'tags', 'کابل', 'کتاب‌ها', '2024', '03', '10', '9', 'a-b', 'C++');
    fc.assert(
      fc.property(fc.array(fc.array(segment, { minLength: 1, maxLength: 4 }), { maxLength: 40 }), (paths) => {
        const pages = paths.map((p) => ({ pathname: `${encodeURI(p.join('/'))}/` }));
        const urls = presortPages(pages, site).map((p) => href(p.pathname));
        expect(urls).toEqual(packageOrder(urls));
      }),
    );
  });

  it('numbers pages as a reader counts (page 2 before page 10) and keeps the pages it is given', () => {
    const pages = [{ pathname: '/fa/page/10/' }, { pathname: 'fa/page/2/' }, { pathname: 'en/' }];
    expect(presortPages(pages, site).map((p) => p.pathname)).toEqual(['en/', 'fa/page/2/', '/fa/page/10/']);
  });
});
