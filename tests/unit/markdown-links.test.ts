/**
 * Links in article bodies: bare addresses end before Dari punctuation, a
 * stray invisible character never drops or breaks a link, the address text
 * is never "educated" by SmartyPants, and the domain note never splits a word.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkAutolinks, { trailingPunctuation } from '../../src/markdown/remark-autolinks.ts';
import { wordTail } from '../../src/markdown/rehype-external-links.ts';
import { markdownCase, renderBody } from '../helpers/markdown.ts';

const ZWNJ = '\u200c';
const INVISIBLE = { ZWNJ, ZWJ: '\u200d', LRM: '\u200e', RLM: '\u200f', ALM: '\u061c', BOM: '\ufeff', 'word joiner': '\u2060' };

/** Each link's href and text, and the paragraph's text. */
async function links(lang: 'fa' | 'ps' | 'en', markdown: string) {
  const { doc } = await renderBody(lang, markdown);
  const p = doc.querySelector('p')!;
  return { links: [...p.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]), text: p.textContent!.replaceAll(/ \([a-z.]+\)/g, '') };
}

describe('bare addresses end before Dari punctuation', () => {
  it('links the case addresses without the comma or question mark (links-autolink-dari-punctuation)', async () => {
    const { lang, body } = markdownCase('links-autolink-dari-punctuation');
    const { doc } = await renderBody(lang, body);
    const [first, second] = [...doc.querySelectorAll('p')];
    expect([...first!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.org/report']);
    expect(first!.textContent).toBe('متن کامل را در https://example.org/report، ببینید.');
    expect([...second!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.org/faq']);
    expect(second!.textContent).toBe('آیا پرسش‌ها در https://example.org/faq؟ پاسخ یافته است.');
  });

  const PUNCTUATION = ['،', '؛', '؟', '»', '٫', '٬', '۔', '…', '—', '.', ',', '!', '؟»', '،)', ').', '»،', ZWNJ];
  const ADDRESSES = [
    ['https://example.org/report', 'https://example.org/report'],
    ['http://example.org/a?b=1', 'http://example.org/a?b=1'],
    ['www.example.org/report', 'http://www.example.org/report'],
    ['https://fa.wikipedia.org/wiki/افغانستان', 'https://fa.wikipedia.org/wiki/%D8%A7%D9%81%D8%BA%D8%A7%D9%86%D8%B3%D8%AA%D8%A7%D9%86'],
    ['info@example.org', 'mailto:info@example.org'],
  ];
  for (const [address, href] of ADDRESSES) {
    it.each(PUNCTUATION)(`${address} followed by "%s"`, async (after) => {
      const { links: found, text } = await links('fa', `در ${address}${after} ببینید.`);
      expect(found).toEqual([[href, address]]);
      expect(text).toBe(`در ${address}${after} ببینید.`);
    });
  }

  it.each([
    ['«https://example.org/q»', 'https://example.org/q'],
    ['(https://example.org/r)', 'https://example.org/r'],
    ['https://x.org/a(b)،', 'https://x.org/a(b)'],
    ['https://fa.wikipedia.org/wiki/«آ»', 'https://fa.wikipedia.org/wiki/%C2%AB%D8%A2%C2%BB'],
    ['“https://example.org/s”', 'https://example.org/s'],
  ])('keeps a bracket or quotation mark only when the address opened it: %s', async (markdown, href) => {
    expect((await links('fa', markdown)).links.map(([h]) => h)).toEqual([href]);
  });

  it.each([
    ['**https://example.org/a**، و', 'strong'],
    ['_www.example.org/a_؛ و', 'em'],
    ['~~https://example.org/a~~؟ و', 'del'],
    ['**«https://example.org/a»**\u200cها', 'strong'],
  ])('ends before the punctuation, so the emphasis around it holds: %s', async (markdown, tag) => {
    const { doc } = await renderBody('fa', markdown.replace('\\u200c', ZWNJ));
    const a = doc.querySelector('a')!;
    expect(a.getAttribute('href')).toMatch(/^https?:\/\/(www\.)?example\.org\/a$/);
    expect(doc.querySelector(tag)!.textContent).toContain(a.textContent);
    expect(doc.querySelector('p')!.textContent).not.toMatch(/[*_~]/);
  });

  it('ends at a closing guillemet or quotation mark the address did not open, whatever follows', async () => {
    expect((await links('fa', 'https://x.org/a»ها و https://x.org/b”c و https://x.org/«c»d')).links.map(([h]) => h)).toEqual([
      'https://x.org/a',
      'https://x.org/b',
      'https://x.org/%C2%ABc%C2%BBd',
    ]);
  });

  it('changes nothing GFM does with ASCII punctuation (generated addresses and trails)', () => {
    const plain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
    const ours = unified().use(remarkParse).use(remarkGfm).use(remarkAutolinks).use(remarkRehype).use(rehypeStringify);
    const starts = ['', 'see ', '(', '*', '**', '_', '~~', '"', "'", '[', '<'];
    const addresses = ['https://example.org', 'http://example.org/a/b?c=d&e=f#g', 'www.example.org/x_(y)', 'a.b-c@example.org', 'https://x.org/a(b)c', 'www.x.org/~u'];
    const trails = ['', '.', ',', ').', '))', '**', '*,', '_', '~~', '?!', '&amp;', '&x', ']', '](x)', '"', "'s", ';', ':', '>', '<b>', '.)', ' and more.'];
    for (const start of starts)
      for (const address of addresses)
        for (const tail of trails) {
          const line = `${start}${address}${tail}`;
          expect(String(ours.processSync(line)), line).toBe(String(plain.processSync(line)));
        }
  });

  it('measures the trailing punctuation', () => {
    expect(trailingPunctuation('https://example.org/report،')).toBe(1);
    expect(trailingPunctuation('https://example.org/a.،')).toBe(2);
    expect(trailingPunctuation('https://x.org/a(b)')).toBe(0);
    expect(trailingPunctuation('https://x.org/a)')).toBe(1);
  });

  it('leaves addresses written in full as they are', async () => {
    expect((await links('fa', '<https://example.org/keep،>')).links).toEqual([['https://example.org/keep%D8%8C', 'https://example.org/keep،']]);
  });
});

describe('an invisible character before an address', () => {
  for (const [name, mark] of Object.entries(INVISIBLE)) {
    it(`${name} inside [text](…) keeps the link`, async () => {
      expect((await links('fa', `[متن](${mark}https://example.org/x${mark}) و ![](${mark}https://example.org/i.png)`)).links).toEqual([['https://example.org/x', 'متن']]);
      const { doc } = await renderBody('fa', `![عکس](${mark}https://example.org/i.png)\n\n[متن][r]\n\n[r]: ${mark}https://example.org/r`);
      expect(doc.querySelector('img')!.getAttribute('src')).toBe('https://example.org/i.png');
      expect(doc.querySelector('a')!.getAttribute('href')).toBe('https://example.org/r');
    });

    it(`${name} inside <…> makes the same link as without it`, async () => {
      for (const [address, href] of [['https://example.org/y', 'https://example.org/y'], ['www.example.org/y', 'http://www.example.org/y'], ['info@example.org', 'mailto:info@example.org']]) {
        const { links: found, text } = await links('fa', `در <${mark}${address}> ببینید`);
        expect(found).toEqual([[href, address]]);
        expect(text).toBe(`در ${address} ببینید`);
      }
    });

    it(`${name} before a bare address still links it`, async () => {
      for (const [address, href] of [['https://example.org/z', 'https://example.org/z'], ['www.example.org/z', 'http://www.example.org/z'], ['info@example.org', 'mailto:info@example.org']]) {
        expect((await links('fa', `در ${mark}${address}، ببینید`)).links).toEqual([[href, address]]);
      }
    });
  }
});

describe('address text in English articles', () => {
  it('is not given curly quotes, dashes or ellipses', async () => {
    const { links: found, text } = await links('en', `See https://x.org/a--b, <https://x.org/it's...> and "https://x.org/c" -- it's [a--b](https://x.org).`);
    expect(found).toEqual([
      ['https://x.org/a--b', 'https://x.org/a--b'],
      ["https://x.org/it's...", "https://x.org/it's..."],
      ['https://x.org/c', 'https://x.org/c'],
      ['https://x.org', 'a—b'],
    ]);
    expect(text).toBe('See https://x.org/a--b, https://x.org/it\'s... and “https://x.org/c” — it’s a—b.');
  });
});

describe('the external-link domain note', () => {
  it('follows the whole possessive (links-domain-note-possessive)', async () => {
    const { lang, body } = markdownCase('links-domain-note-possessive');
    const { doc } = await renderBody(lang, body);
    expect(doc.querySelector('p')!.textContent).toBe('Reuters’s (reuters.com) correspondent reported from Herat.');
  });

  it.each([
    ['en', "[Reuters](https://www.reuters.com/)'s correspondent", 'Reuters’s (reuters.com) correspondent'],
    ['en', "[Reuters](https://www.reuters.com/)'s, and", 'Reuters’s (reuters.com), and'],
    ['en', "[The Times](https://www.thetimes.com/)' man", 'The Times’ (thetimes.com) man'],
    ['en', '[NATO](https://www.nato.int/)-led forces', 'NATO-led (nato.int) forces'],
    ['en', '[Reuters](https://www.reuters.com/) reported', 'Reuters (reuters.com) reported'],
    ['en', '([Reuters](https://www.reuters.com/)).', '(Reuters (reuters.com)).'],
    ['fa', `[رویترز](https://www.reuters.com/)${ZWNJ}ها گفتند`, `رویترز${ZWNJ}ها (reuters.com) گفتند`],
    ['fa', '[ناتو](https://www.nato.int/)یی، و', 'ناتویی (nato.int)، و'],
    ['fa', `[ناتو](https://www.nato.int/)${ZWNJ}ای.`, `ناتو${ZWNJ}ای (nato.int).`],
    ['fa', '«[ناتو](https://www.nato.int/)»', '«ناتو (nato.int)»'],
    ['fa', "[Reuters](https://www.reuters.com/)'s", "Reuters's (reuters.com)"],
    ['en', '<a href="https://www.reuters.com/"><b>Reuters</b> </a>is', 'Reuters  (reuters.com)is'],
  ] as const)('%s: %s', async (lang, markdown, expected) => {
    const { doc } = await renderBody(lang, markdown);
    expect(doc.querySelector('p')!.textContent).toBe(expected);
  });

  it('finds the rest of the word', () => {
    expect(wordTail('Reuters', '’s correspondent')).toBe('’s');
    expect(wordTail('رویترز', `${ZWNJ}ها گزارش`)).toBe(`${ZWNJ}ها`);
    expect(wordTail('Reuters', ', which')).toBe('');
    expect(wordTail('Reuters', "' said")).toBe("'");
    expect(wordTail('NATO', "' said")).toBe('');
    expect(wordTail('Mahnaz Razavi ', 'is')).toBe('');
    expect(wordTail('(AP)', 's')).toBe('');
  });
});
