import { describe, expect, it } from 'vitest';
import { absoluteUrl, articlePath, sectionPath, splitId } from '../../src/utils/urls.ts';
import { paginateList } from '../../src/utils/paginate.ts';
import { site } from '../../src/config/site.ts';

describe('URL building', () => {
  it('puts articles at /{lang}/{yyyy}/{mm}/{slug}/', () => {
    expect(articlePath('en', 'azerbaijan-pakistan', new Date('2017-01-13'))).toBe('/en/2017/01/azerbaijan-pakistan/');
    expect(articlePath('fa', 'x', new Date('2016-11-05'))).toBe('/fa/2016/11/x/');
  });

  it('uses the Kabul month for an article published late on the last day of a month UTC', () => {
    expect(articlePath('en', 'x', new Date('2017-01-31T21:00:00Z'))).toBe('/en/2017/02/x/');
  });

  it('numbers section index pages from /page/2/', () => {
    expect(sectionPath('fa')).toBe('/fa/');
    expect(sectionPath('fa', 1)).toBe('/fa/');
    expect(sectionPath('en', 3)).toBe('/en/page/3/');
  });

  it('builds absolute URLs on the configured origin', () => {
    expect(absoluteUrl('/en/', 'https://staging.example.org')).toBe('https://staging.example.org/en/');
    expect(absoluteUrl('/fa/')).toBe(`${site.url}/fa/`);
  });

  it('splits an article id into folder and slug', () => {
    expect(splitId('fa/some-slug')).toEqual({ folder: 'fa', slug: 'some-slug' });
  });
});

describe('pagination', () => {
  it('splits a list into full pages and a remainder', () => {
    const pages = paginateList([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((p) => [p.current, p.total])).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('always has a first page, even for an empty list', () => {
    expect(paginateList([], 8)).toEqual([{ items: [], current: 1, total: 1 }]);
  });
});
