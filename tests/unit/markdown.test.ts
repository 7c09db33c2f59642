/**
 * The Markdown pipeline as articles are rendered (per language), run on
 * small documents: SmartyPants, heading ids, direction fixes, footnotes.
 */
import { describe, expect, it } from 'vitest';
import { pathSegment } from '../../src/utils/slugs.ts';
import { renderBody } from '../helpers/markdown.ts';

/** A body rendered as the article loader renders articles: per language, with that language's plugins. */
async function render(section: 'fa' | 'ps' | 'en', markdown: string, lang?: 'de') {
  const { doc, headings } = await renderBody(section, markdown, { lang });
  return { doc, headings };
}

describe('SmartyPants, per article language', () => {
  const text = `He said "don't go" -- it's 'maybe'...`;
  it('gives English articles English quotes, dashes and ellipses', async () => {
    const { doc } = await render('en', text);
    expect(doc.querySelector('p')!.textContent).toBe('He said “don’t go” — it’s ‘maybe’…');
  });

  it('gives German articles German quotes, keeping the apostrophe ’', async () => {
    const { doc } = await render('en', 'Das "Dach der Welt" und \'Pamir\' -- geht\'s?', 'de');
    expect(doc.querySelector('p')!.textContent).toBe('Das „Dach der Welt“ und ‚Pamir‘ — geht’s?');
  });

  it('leaves Dari and Pashto as typed: those are rules for Latin-script prose', async () => {
    for (const section of ['fa', 'ps'] as const) {
      const { doc } = await render(section, 'او گفت "نه" -- «باشد»...');
      expect(doc.querySelector('p')!.textContent, section).toBe('او گفت "نه" -- «باشد»...');
    }
  });
});

describe('heading ids', () => {
  it('keep the zero-width non-joiner of Dari headings, and render() reports the same ids', async () => {
    const { doc, headings } = await render('fa', '## پرسش‌های پایین‌دست\n\nمتن.\n\n## آبیاری، مهم‌تر از برق\n');
    const ids = [...doc.querySelectorAll('h2')].map((h) => h.id);
    expect(ids).toEqual(['پرسش\u200cهای-پایین\u200cدست', 'آبیاری-مهم\u200cتر-از-برق']);
    expect(headings.map((h) => h.slug)).toEqual(ids);
  });

  it('are GitHub-style for English and unique within a page', async () => {
    const { doc } = await render('en', '## Why it matters\n\n## Why it matters\n');
    expect([...doc.querySelectorAll('h2')].map((h) => h.id)).toEqual(['why-it-matters', 'why-it-matters-1']);
  });

  it('keep the heading text itself byte for byte', async () => {
    const { doc } = await render('fa', '## پرسش‌های پایین‌دست\n');
    expect(doc.querySelector('h2')!.textContent).toBe('پرسش\u200cهای پایین\u200cدست');
  });

  it('slug a ZWNJ into a hyphen in URL segments, never an invisible character', () => {
    expect(pathSegment('مهاجرت‌ها', 'fa')).toBe('مهاجرت-ها');
    expect(pathSegment('Fuad Shahbazov', 'en')).toBe('fuad-shahbazov');
  });
});

describe('direction in article bodies', () => {
  it('isolates Latin names and numbers in Dari text, leaving the Dari punctuation outside', async () => {
    const { doc } = await render('fa', 'ملوانان در AMAN-2013، تمرین بحری، و با ظرفیت 42 MW شرکت کردند (Istiglal).');
    expect([...doc.querySelectorAll('p bdi')].map((b) => b.textContent)).toEqual(['AMAN-2013', '42 MW', 'Istiglal']);
    expect(doc.querySelector('p')!.textContent).toBe('ملوانان در AMAN-2013، تمرین بحری، و با ظرفیت 42 MW شرکت کردند (Istiglal).');
  });

  it('keeps a URL in one isolated run, with its final slash and without the full stop of the sentence', async () => {
    const { doc } = await render('fa', 'به نشانی https://www.afgazad.com/ مراجعه کنید.');
    expect([...doc.querySelectorAll('p bdi')].map((b) => b.textContent)).toEqual(['https://www.afgazad.com/']);
  });

  it('reads a run across links and emphasis, and isolates it once', async () => {
    const { doc } = await render('fa', 'عکس: *Photo: [A. Karimi](https://example.org/k) (Kabul), CC BY 4.0* و **Node.js** 24 آمد.');
    const outer = [...doc.querySelectorAll('p bdi')].filter((b) => !b.parentElement!.closest('bdi'));
    expect(outer.map((b) => b.textContent)).toEqual(['Photo: A. Karimi (example.org) (Kabul), CC BY 4.0', 'Node.js 24']);
  });

  it('keeps an English quotation in italics, ending in its own full stop, in the run that leads to it', async () => {
    const { doc } = await render('fa', 'او نوشت: **Grady Booch, author**: *Clean code is simple and direct.*');
    const outer = [...doc.querySelectorAll('p bdi')].filter((b) => !b.parentElement!.closest('bdi'));
    expect(outer.map((b) => b.textContent)).toEqual(['Grady Booch, author: Clean code is simple and direct.']);
  });

  it('leaves a footnote reference after a Latin word to the Dari sentence, and keeps a superscript unit in the run', async () => {
    const { doc } = await render('fa', 'در Kabul[^1] و مساحت 20 km<sup>2</sup> است.\n\n[^1]: یادداشت.\n');
    expect([...doc.querySelectorAll('p bdi')].map((b) => b.innerHTML)).toEqual(['Kabul', '20 km<sup>2</sup>']);
  });

  it('isolates runs in list items, table cells and headings', async () => {
    const { doc } = await render('fa', '## راهنمای C++ و Rust\n\n- گزینهٔ --help\n\n| ستون | شماره |\n|---|---|\n| Python 3.12 | +93 700 123 456 |\n');
    expect([...doc.querySelectorAll('h2 bdi, li bdi, td bdi')].map((b) => b.textContent)).toEqual(['C++', 'Rust', '--help', 'Python 3.12', '+93 700 123 456']);
  });

  it('leaves English bodies alone', async () => {
    const { doc } = await render('en', 'The JF-17 costs 25 million.');
    expect(doc.querySelectorAll('bdi').length).toBe(0);
  });

  it('sets code blocks left to right and inline code to auto, in both languages', async () => {
    for (const lang of ['fa', 'en'] as const) {
      const { doc } = await render(lang, 'متن `x = 1` متن\n\n```\nlet a = 1;\n```\n');
      expect(doc.querySelector('pre')!.getAttribute('dir')).toBe('ltr');
      expect(doc.querySelector('p code')!.getAttribute('dir')).toBe('auto');
      expect(doc.querySelector('p code bdi')).toBeNull();
    }
  });
});

describe('footnotes', () => {
  it('speak Dari in Dari articles: label, back-link names and reference numbers', async () => {
    const { doc } = await render('fa', 'متن[^1].\n\n[^1]: یادداشت.\n');
    expect(doc.querySelector('#footnote-label')!.textContent).toBe('پانویس‌ها');
    expect(doc.querySelector('[data-footnote-ref]')!.textContent).toBe('۱');
    expect(doc.querySelector('[data-footnote-backref]')!.getAttribute('aria-label')).toBe('بازگشت به ارجاع ۱');
  });

  it('stay English in English articles', async () => {
    const { doc } = await render('en', 'Text[^1].\n\n[^1]: Note.\n');
    expect(doc.querySelector('#footnote-label')!.textContent).toBe('Footnotes');
    expect(doc.querySelector('[data-footnote-ref]')!.textContent).toBe('1');
  });
});
