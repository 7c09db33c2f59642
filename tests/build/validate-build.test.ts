/**
 * The content check runs in every build: a broken article stops `astro build`
 * with the same `file: field: message` lines as `npm run check`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWithContent } from '../helpers/fixture-site.ts';
import { projectRoot } from '../helpers/paths.ts';

const fixture = (rel: string) => readFileSync(join(projectRoot, 'tests/fixtures', rel), 'utf8');

describe('astro build', () => {
  it('fails on content errors and lists every one with file and field', () => {
    const build = buildWithContent({
      'articles/en/good.md': fixture('valid/articles/en/wheat-prices-herat.md').replace(/^translationKey: .*\n/m, ''),
      'articles/en/impossible-date.md': fixture('invalid/impossible-date/articles/en/impossible-date.md'),
      'articles/en/url-mixed-case.md': fixture('invalid/url-mixed-case/articles/en/url-mixed-case.md'),
    });
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toContain('content/articles/en/impossible-date.md: date: date "2017-02-30" does not exist in the calendar');
    expect(build.output).toContain('content/articles/en/url-mixed-case.md: sources[0].url: source url must be an absolute http:// or https:// address');
    expect(build.output).toMatch(/Content check failed: 2 problem\(s\) in 2 file\(s\)/);
  });
});
