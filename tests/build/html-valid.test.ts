/**
 * Every built page is valid HTML by html-validate's recommended rules: the
 * markup a reader's browser, a screen reader and a crawler all parse.
 */
import { describe, expect, it } from 'vitest';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { fileOf, pagesIn } from '../helpers/dist.ts';
import { distDir } from '../helpers/paths.ts';

const validator = new HtmlValidate(
  new StaticConfigLoader({
    extends: ['html-validate:recommended'],
    rules: {
      // HTML allows any id without spaces; Dari heading ids are Dari words.
      'valid-id': ['error', { relaxed: true }],
      // Headlines plus the publication's name often pass 70 characters; search engines truncate, they do not penalise.
      'long-title': 'off',
    },
  }),
);

describe('HTML validity', () => {
  const pages = pagesIn(distDir);

  it('builds pages to check', () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it.each(pages)('%s is valid HTML', async (path) => {
    const report = await validator.validateFile(fileOf(distDir, path));
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });
});
