/**
 * The search folding (src/search/fold-core.ts, folding.ts): Lucene's
 * Persian normalization per language, digits of every script, the ZWNJ and
 * detached affixes, the query stemmer, and the way back from the index form
 * to the article's own words. The browser test (search-recall.test.ts)
 * measures the same through Pagefind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayText, foldText, indexText } from '../../src/search/fold-core.ts';
import { foldRules, foldSpelling, indexHtml, searchQuery } from '../../src/search/folding.ts';

/** Pagefind's key for a word: its letters and digits, lower-cased (fossick/mod.rs). */
const key = (word: string) => word.replace(/[^\p{Alphabetic}\p{N}]/gu, '').toLowerCase();
/** Pagefind's parts of a word with ASCII punctuation inside (fossick/splitting.rs). */
const parts = (word: string) => word.replace(/[!-/:-@[-`{-~]/g, ' ').split(/\s+/).filter((p) => new TextEncoder().encode(p).length > 1);
/** Every key Pagefind gives a text made by `indexText`. */
const keys = (text: string) => new Set(text.split(/\s+/).flatMap((w) => [key(w), ...parts(w).map(key)]).filter(Boolean));
/** Whether a folded query finds a text the way Pagefind does: every query word a prefix of some key. */
const finds = (query: string, text: string) => {
  const k = [...keys(indexText(text, foldRules('fa')))];
  return searchQuery(query, 'fa')
    .split(' ')
    .map(key)
    .every((q) => k.some((w) => w.startsWith(q)));
};

describe('letters, marks and digits (Lucene Persian normalization, per language)', () => {
  it.each([
    ['يى', 'یی'],
    ['ك', 'ک'],
    ['ة', 'ه'],
    ['ۀ', 'ه'],
    ['هٔ', 'ه'],
    ['أإآٱ', 'اااا'],
    ['ؤ', 'و'],
    ['ئ', 'ی'],
    ['کوکنـــار', 'کوکنار'],
    ['مُدیرِ', 'مدیر'],
    ['2016 ١٣٩٨ ۱۴۰۳ ४२', '۲۰۱۶ ۱۳۹۸ ۱۴۰۳ ۴۲'],
  ])('Dari: %s → %s', (from, to) => {
    expect(foldSpelling(from, 'fa')).toBe(to);
  });

  it('keeps Pashto letters that are Dari variants: ي ې ۍ ئ ۀ', () => {
    expect(foldSpelling('ي ې ۍ ئ ۀ', 'ps')).toBe('ي ې ۍ ئ ۀ');
    expect(foldSpelling('كابل آب', 'ps')).toBe('کابل اب');
  });

  it('writes digits in each language’s own', () => {
    expect(foldSpelling('۲۰۱۶ ١٣٩٨', 'en')).toBe('2016 1398');
    expect(foldSpelling('2016', 'ps')).toBe('۲۰۱۶');
  });
});

describe('the ZWNJ, detached affixes and the stemmer', () => {
  it.each([
    // query, text
    ['می پیمایند', 'کوچی‌ها دشت را می‌پیمایند.'],
    ['میپیمایند', 'کوچی‌ها دشت را می‌پیمایند.'],
    ['می‌پیمایند', 'کوچی‌ها دشت را می پیمایند.'],
    ['می‌پیمایند', 'کوچی‌ها دشت را میپیمایند.'],
    ['نمی شود', 'این کار نمی‌شود.'],
    ['کتاب ها', 'این کتاب را خواندم.'],
    ['کتاب‌ها', 'این کتاب را خواندم.'],
    ['کتاب', 'این کتاب‌ها را خواندم.'],
    ['کتابهای', 'این کتاب ها را خواندم.'],
    ['بزرگترین', 'بزرگ‌ترین شهر'],
    ['مردان', 'مرد پیر'],
    ['خانه ای', 'خانه‌ای کوچک'],
    ['کوکنار', 'کشت کوکنـــار'],
    ['معاهدۀ', 'معاهدهٔ آب'],
    ['١٣٩٨', 'سال ۱۳۹۸'],
    ['2016', 'سال ۲۰۱۶'],
    ['ازاد', 'آزادی بیان'],
    ['مسیول', 'مسئول شرکت'],
    ['رويا', 'رؤیای کودکی'],
  ])('"%s" finds "%s"', (query, text) => {
    expect(finds(query, text)).toBe(true);
  });

  it('does not find what is not there', () => {
    expect(finds('منبع', 'کتاب‌ها و خانه‌ها')).toBe(false);
    expect(finds('کتاب ها', 'خانه‌ها')).toBe(false);
  });
});

describe('the way back to the article’s words', () => {
  it('gives back every text exactly, whatever it holds', () => {
    const dari = fc.constantFrom(...'ابپتثجحخدذرزژسشصضطظعغفقکگلمنوهیيكىةۀأإآٱؤئء‌ـَُِّ۰۱۲۳٤5 ~^|!#$,.«»؟،'.split(''));
    fc.assert(
      fc.property(fc.array(fc.oneof(dari, fc.constantFrom(' ', 'می ', ' ها', '\u200c')), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(displayText(indexText(text, foldRules('fa')))).toBe(text);
      }),
    );
  });

  it('leaves words that fold to themselves as they are, and HTML outside text alone', () => {
    expect(indexText('کابل شهر بزرگ است', foldRules('fa'))).toBe('کابل شهر بزرگ است');
    expect(indexHtml('<p class="آ">آب &amp; <b>x</b></p><script>"آ"</script>', 'fa')).toMatch(/^<p class="آ">\|اب\|[^ ]+\| &amp; <b>x<\/b><\/p><script>"آ"<\/script>$/);
  });

  it('gives back the page\'s text when Pagefind joins text nodes folded one at a time (words against inline elements)', () => {
    // Pagefind reads the text with the tags taken out: a folded word ending where
    // an element ends meets the next node's punctuation, and one starting there the previous node's.
    const html = '<h1><bdi>CASA-1000</bdi>: <b>آزادی</b>، (<a href="/x/">۲۰۱۶</a>) <em>كتاب</em>ها <i>می</i>‌آید</h1>';
    const text = (h: string) => h.replace(/<[^>]*>/g, '');
    expect(displayText(text(indexHtml(html, 'fa')))).toBe(text(html));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('b', 'bdi', 'a'), fc.constantFrom('آزاد', 'CASA-1000', '۲۰۱۶', 'كتاب', 'می‌آید', 'x')), { minLength: 1 }), fc.array(fc.constantFrom('', ' ', '،', ':', '(', ')', '.', '؟ ')), (runs, glue) => {
        const page = runs.map(([tag, word], i) => `${glue[i] ?? ''}<${tag}>${word}</${tag}>`).join('');
        expect(displayText(text(indexHtml(page, 'fa')))).toBe(text(page));
      }),
    );
  });

  it('indexes a ZWNJ word whole and by part, the carried original out of the keys', () => {
    expect(keys(indexText('می‌پیمایند', foldRules('fa')))).toEqual(new Set(['میپیمایند', 'می', 'پیمایند']));
    expect(keys(indexText('آزاد', foldRules('fa')))).toEqual(new Set(['ازاد']));
    expect(foldText('آزاد', foldRules('fa'))).toBe('ازاد');
  });
});

describe('results only the nearest-prefix fallback found', () => {
  it('are told from real ones by the words that matched', async () => {
    const { holdsQuery } = await import('../../src/search/fold-core.ts');
    const content = indexText('تا کابل می‌پیمایند آزاد', foldRules('fa'));
    // An unknown «تاریخ» makes Pagefind match «تا», the longest word it starts with.
    expect(holdsQuery('تاریخ', content, [0])).toBe(false);
    expect(holdsQuery('کاب', content, [1])).toBe(true);
    expect(holdsQuery('پیمایند', content, [2])).toBe(true);
    expect(holdsQuery('میپیمایند ازاد', content, [2, 3])).toBe(true);
    expect(holdsQuery('کابل تاریخ', content, [0, 1])).toBe(false);
  });
});
