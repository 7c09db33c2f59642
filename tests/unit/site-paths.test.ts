/**
 * The content check's map of the site's pages (`SitePaths`), for links in
 * articles: a tag's or an author's pages are its front page and, when it is
 * longer than that, its year pages (`namePaths`), not `page/N/` to its end.
 */
import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site.ts';
import { SitePaths, type SiteArticle } from '../../src/validation/site-paths.ts';
import { articlePath } from '../../src/utils/urls.ts';

/** An English article of `iso` with the tags given (English files by the Gregorian calendar). */
function article(n: number, iso: string, tags: readonly string[]): SiteArticle {
  const date = new Date(`${iso}T12:00:00Z`);
  const slug = `a${n}`;
  return { section: 'en', slug, url: articlePath('en', slug, date), date, draft: false, tags, authors: ['Test Writer'], display: `${slug}.md` };
}

describe('links to tag and author pages', () => {
  // One page and two more articles: 2024 has the newest eight, 2023 the rest.
  const long = Array.from({ length: site.pageSize * site.namePages + 2 }, (_, i) => article(i, i < site.pageSize ? '2024-06-01' : '2023-06-01', ['Herat']));
  const paths = new SitePaths([...long, article(99, '2022-06-01', ['Bamyan'])]);
  const kind = (href: string) => paths.resolve(href, undefined).kind;

  it('lead to a front page and to the year pages of a tag longer than its front page', () => {
    for (const href of ['/en/tags/herat/', '/en/tags/herat/2024/', '/en/tags/herat/2023/', '/en/authors/test-writer/', '/en/authors/test-writer/2022/', '/en/tags/bamyan/']) {
      expect(kind(href), href).toBe('page');
    }
  });

  it('lead nowhere past the front page by number, to a year the tag lacks, or to the year of a tag that fits on its front page', () => {
    for (const href of ['/en/tags/herat/page/2/', '/en/tags/herat/2022/', '/en/tags/herat/2024/page/2/', '/en/tags/bamyan/2022/']) {
      expect(kind(href), href).toBe('nowhere');
    }
  });
});
