/**
 * The shared splitter (`src/utils/bidi.ts`): which left-to-right runs inside
 * right-to-left text are isolated. Families of inputs, generated where the
 * family is open (symbols, punctuation, digit sets); how the runs are drawn
 * is checked in Chromium by tests/browser/bidi.test.ts.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import TableOfContents from '../../src/components/TableOfContents.astro';
import { groupRuns, ltrRuns, ltrSegments } from '../../src/utils/bidi.ts';

/** The isolated runs' texts. */
const runs = (text: string) => ltrSegments(text).filter((s) => s.ltr).map((s) => s.text);
/** A Dari sentence around `inner`. */
const dari = (inner: string, after = ' را می‌بینیم') => `در این گزارش ${inner}${after}`;

const DIGIT_SETS = { ascii: '0123456789', dari: '۰۱۲۳۴۵۶۷۸۹', arabic: '٠١٢٣٤٥٦٧٨٩' } as const;
const inDigits = (n: string, set: string) => n.replace(/\d/g, (d) => set[Number(d)]!);
/** The Dari sentence's own punctuation, which never goes inside a run. */
const DARI_PUNCTUATION = ['،', '؛', '؟', '»', '.', ':', ',', '!'];

const latinWord = fc.stringMatching(/^[A-Za-z][a-z]{0,7}$/);

describe('whole runs', () => {
  it('keeps the symbols attached to a word with it, and the Dari punctuation after it outside', () => {
    const prefix = fc.constantFrom('', '-', '--', '.', '#', '@', '$', '~/', '+', '/', '°');
    const suffix = fc.constantFrom('', '++', '#', '/', '%', '+', '*', '-', '=', '°', '&');
    fc.assert(
      fc.property(prefix, latinWord, suffix, fc.constantFrom(...DARI_PUNCTUATION), (p, word, s, punctuation) => {
        expect(runs(dari(`${p}${word}${s}`, `${punctuation} را`))).toEqual([`${p}${word}${s}`]);
      }),
    );
  });

  it('takes a phrase with the spaces and punctuation between its words as one run', () => {
    const separator = fc.constantFrom(' ', ', ', ': ', '. ', ' (', ') ', ' / ', ' – ', ' & ', '-', '.', '_', '@', "'");
    fc.assert(
      fc.property(fc.array(fc.tuple(latinWord, separator), { minLength: 1, maxLength: 6 }), latinWord, (pairs, lastWord) => {
        const phrase = pairs.map(([w, sep]) => w + sep).join('') + lastWord;
        const isolated = runs(dari(phrase));
        expect(isolated).toHaveLength(1);
        expect(phrase).toContain(isolated[0]!.replace(/^\(|\)$/g, ''));
        expect(isolated[0]).toMatch(new RegExp(`^\\(?${pairs[0]![0]}`));
      }),
    );
    expect(runs('Photo: A. Karimi (Kabul), CC BY 4.0, via Example Commons')).toEqual(['Photo: A. Karimi (Kabul), CC BY 4.0, via Example Commons']);
  });

  it('splits Latin words that a Dari comma, semicolon, question mark, guillemet or word separates', () => {
    expect(runs('سازمان‌های UNAMA، WFP و UNHCR؛ Linux یا macOS؟ «Hello world»')).toEqual(['UNAMA', 'WFP', 'UNHCR', 'Linux', 'macOS', 'Hello world']);
  });

  it('keeps numbers after a word: attached ones, and those in ASCII digits after a space', () => {
    expect(runs(dari('GPT-4o'))).toEqual(['GPT-4o']);
    expect(runs(dari('Windows 11'))).toEqual(['Windows 11']);
    expect(runs(dari('CC BY 4.0'))).toEqual(['CC BY 4.0']);
    expect(runs(dari('S/RES/2593 (2021)'))).toEqual(['S/RES/2593 (2021)']);
    // A number in the sentence's own digits after a space is the sentence's.
    expect(runs('در برابر USD ۲٪ ارزش')).toEqual(['USD']);
  });

  it('lets a number in ASCII digits lead a word after a space ("42 MW", "$15–25 million", "-5 °C")', () => {
    for (const lead of ['42', '$15–25', '-5', '+2.5', '3.2', '15']) {
      for (const word of ['MW', 'million', '°C', 'km', 'March 2024']) expect(runs(dari(`${lead} ${word}`))).toEqual([`${lead} ${word}`]);
    }
    expect(runs('ظرفیت ۴۲ MW')).toEqual(['MW']);
    // A number closed by a stop or colon numbers the Dari sentence.
    expect(runs('۳. 1. pwd (نمایش مسیر)')).toEqual(['pwd']);
    expect(runs('مرحلهٔ 2: WSL را نصب کنید')).toEqual(['WSL']);
  });

  it('leaves out brackets and quotation marks around the whole run, keeps those paired inside it', () => {
    for (const [open, close] of [['(', ')'], ['[', ']'], ['"', '"'], ['“', '”'], ['‘', '’']] as const) {
      expect(runs(dari(`${open}WHO${close}`))).toEqual(['WHO']);
      expect(runs(dari(`f${open}x${close}`))).toEqual([`f${open}x${close}`]);
    }
    expect(runs(dari('Nature (London)'))).toEqual(['Nature (London)']);
    expect(runs('(نسخهٔ GPT-4) آمد')).toEqual(['GPT-4']);
    // A quotation mark nothing opened is an apostrophe.
    expect(runs(dari('the students’'))).toEqual(['the students’']);
  });

  it('leaves a dash that joins a run to a Dari word between them', () => {
    for (const dash of ['-', '‐', '–']) {
      expect(runs(`شمار Regex${dash}ها و i${dash}ام`)).toEqual(['Regex', 'i']);
      expect(runs(`ضد${dash}virus آمد`)).toEqual(['virus']);
    }
    expect(runs('با --help و C++ها')).toEqual(['--help', 'C++']);
  });

  it('keeps the stop that closes an abbreviation, not a sentence', () => {
    expect(runs('e.g. در متن')).toEqual(['e.g.']);
    expect(runs('نمایندهٔ U.S. حاضر نبود')).toEqual(['U.S.']);
    expect(runs('زبان Python. سپس')).toEqual(['Python']);
    expect(runs('نشانی https://example.org/a/. سپس')).toEqual(['https://example.org/a/']);
    expect(runs('به info@example.org، یا')).toEqual(['info@example.org']);
  });
});

describe('numbers', () => {
  it('isolates groups of numbers separated by spaces, in every digit set, with their sign', () => {
    const group = fc.array(fc.stringMatching(/^\d{2,4}$/), { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(group, fc.constantFrom('', '+', '(0)'), fc.constantFrom(...Object.values(DIGIT_SETS)), fc.constantFrom(...DARI_PUNCTUATION), (parts, sign, set, punctuation) => {
        const number = inDigits(sign + parts.join(' '), set);
        expect(runs(`با شمارهٔ ${number}${punctuation} تماس بگیرید`)).toEqual([number]);
      }),
    );
  });

  it('isolates a number with a sign, unit or symbol the algorithm would draw on the wrong side', () => {
    for (const number of ['-5', '+93', '12.5%', '€1.20', '$40', '2024-03-15', '#12', '−۸', '۵۰%']) expect(runs(dari(number, ' است'))).toEqual([number]);
  });

  it('leaves numbers the algorithm draws as written', () => {
    for (const set of Object.values(DIGIT_SETS)) {
      for (const number of ['2021', '3.5', '1,000', '1403/01/15', '12:30']) expect(runs(dari(inDigits(number, set), ' است'))).toEqual([]);
    }
    expect(runs('بیکاری ۲۵٪ شد و (۱۴۰۲) آمد')).toEqual([]);
  });
});

describe('properties', () => {
  const alphabet = fc.constantFrom(
    ...'ابپتکگیهو‌ ',
    ...'AbcXyz',
    ...'019۰۹٠٩',
    ...' .,:;-+#%$/()[]«»،؛؟"\'’–_@~*=&!?\u0301',
  );
  const text = fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join(''));

  it('never changes the text, and gives ordered, disjoint, non-empty runs', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(ltrSegments(t).map((s) => s.text).join('')).toBe(t);
        let last = 0;
        for (const { start, end } of ltrRuns(t)) {
          expect(start).toBeGreaterThanOrEqual(last);
          expect(end).toBeGreaterThan(start);
          last = end;
        }
      }),
    );
  });

  it('wraps nothing in text with no Latin letter and no digit', () => {
    fc.assert(
      fc.property(
        text.map((t) => t.replace(/[A-Za-z0-9۰-۹٠-٩]/g, '')),
        (t) => {
          expect(ltrRuns(t)).toEqual([]);
        },
      ),
    );
  });

  it('puts every Latin letter in a run, and no Arabic-script letter or Dari punctuation', () => {
    fc.assert(
      fc.property(text, (t) => {
        const isolated = runs(t);
        expect(isolated.join('')).not.toMatch(/[\p{L}--[A-Za-z]]|[،؛؟«»]/v);
        expect(isolated.join('').replace(/[^A-Za-z]/g, '')).toBe(t.replace(/[^A-Za-z]/g, ''));
        for (const run of isolated) expect(run).toMatch(/^\S.*\S$|^\S$/su);
      }),
    );
  });

  it('splits highlighted pieces at the same runs as their joined text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 5 }), (pieces) => {
        const groups = groupRuns(pieces.map(([t, data]) => ({ text: t, data })));
        const joined = pieces.map(([t]) => t).join('');
        expect(groups.map((g) => g.pieces.map((p) => p.text).join('')).join('')).toBe(joined);
        expect(groups.filter((g) => g.ltr).map((g) => g.pieces.map((p) => p.text).join(''))).toEqual(runs(joined));
      }),
    );
  });
});

describe('the table of contents', () => {
  it('isolates the runs of a Dari heading', async () => {
    const container = await AstroContainer.create();
    const headings = [
      { depth: 2, slug: 'cpp', text: 'آموزش C++ برای خبرنگاران' },
      { depth: 2, slug: 'help', text: 'گزینهٔ --help' },
    ];
    const html = await container.renderToString(TableOfContents, { props: { lang: 'fa', headings } });
    expect([...html.matchAll(/<bdi[^>]*>([^<]*)<\/bdi>/g)].map((m) => m[1])).toEqual(['C++', '--help']);
  });
});
