import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { articleFields, BIDI_CONTROLS } from '../../src/schemas/article.ts';

const schema = z.strictObject(articleFields);

const valid = {
  title: 'Azerbaijan Looks to Pakistan',
  dek: 'A standfirst.',
  authors: ['Fuad Shahbazov'],
  date: new Date('2017-01-13'),
  sources: [{ name: 'The Diplomat', url: 'https://thediplomat.com/2017/01/x/' }],
  tags: ['Defence'],
};

function issues(data: unknown) {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('article schema', () => {
  it('accepts a complete article and defaults draft to false', () => {
    const parsed = schema.parse(valid);
    expect(parsed.draft).toBe(false);
    expect(parsed.date.toISOString()).toBe('2017-01-13T00:00:00.000Z');
  });

  it.each(['title', 'authors', 'date', 'dek', 'sources'])('requires %s', (field) => {
    const { [field as keyof typeof valid]: _, ...rest } = valid;
    expect(issues(rest).some((m) => m.startsWith(`${field}:`))).toBe(true);
  });

  it('rejects an impossible date such as 2017-02-30', () => {
    expect(issues({ ...valid, date: '2017-02-30' })).toEqual(['date: date "2017-02-30" does not exist in the calendar']);
  });

  it('reads a date string as 00:00 Kabul time, and a date-time with a zone as that instant', () => {
    expect(schema.parse({ ...valid, date: '2017-01-13' }).date.toISOString()).toBe('2017-01-12T19:30:00.000Z');
    expect(schema.parse({ ...valid, date: '2017-01-13T10:00:00+04:30' }).date.toISOString()).toBe('2017-01-13T05:30:00.000Z');
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', '/relative/path', '//evil.example/x', 'ftp://x.org/'])(
    'rejects the source URL %s',
    (url) => {
      expect(issues({ ...valid, sources: [{ name: 'X', url }] })).toEqual([
        'sources.0.url: source url must be an absolute http:// or https:// address',
      ]);
    },
  );

  it('rejects unknown keys such as a misspelt athors', () => {
    expect(issues({ ...valid, athors: ['x'] }).join('\n')).toMatch(/athors/);
  });

  it('rejects bidi control characters but keeps the zero-width non-joiner byte for byte', () => {
    expect(issues({ ...valid, title: 'abc\u202Edef' })[0]).toMatch(/^title: .*bidirectional control/);
    const zwnj = 'همکاری\u200Cهای نظامی';
    expect(schema.parse({ ...valid, title: zwnj }).title).toBe(zwnj);
    expect(BIDI_CONTROLS.test('\u200C')).toBe(false);
  });

  it('requires at least one author and one source', () => {
    expect(issues({ ...valid, authors: [] })).toEqual(['authors: authors must name at least one author']);
    expect(issues({ ...valid, sources: [] })).toEqual(['sources: sources must name at least one original source']);
  });
});
