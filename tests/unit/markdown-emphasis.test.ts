/**
 * Bold, italic and strikethrough next to a ZWNJ or a Dari suffix: rendered
 * where the rules allow it without changing any other Markdown, warned about
 * (with the line) where readers would still see the markers.
 */
import { createRequire } from 'node:module';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkAutolinks from '../../src/markdown/remark-autolinks.ts';
import remarkEmphasis, { flanking } from '../../src/markdown/remark-emphasis.ts';
import { markdownCase, markdownMessages, renderBody } from '../helpers/markdown.ts';

const ZWNJ = '\u200c';
/** Invisible characters an editor's keyboard or a paste leaves next to a word. */
const INVISIBLE = { ZWNJ, ZWJ: '\u200d', LRM: '\u200e', RLM: '\u200f', ALM: '\u061c', 'word joiner': '\u2060' };
const TAG = { '*': 'em', _: 'em', '**': 'strong', __: 'strong', '~': 'del', '~~': 'del' } as const;
type Marker = keyof typeof TAG;
const MARKERS = Object.keys(TAG) as Marker[];

/** The CommonMark spec's examples (commonmark-spec ships them, untyped). */
const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ number: number; markdown: string; section: string }> };

const plain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
/** remark-gfm with our Markdown extensions (as in src/markdown/pipeline.ts). */
const ours = unified().use(remarkParse).use(remarkGfm).use(remarkEmphasis).use(remarkAutolinks).use(remarkRehype).use(rehypeStringify);
const html = (processor: typeof plain, markdown: string) => String(processor.processSync(markdown));

/** The text of each emphasis element (em, strong, del) in the rendered body, and whether any marker is left as text. */
async function emphasis(markdown: string) {
  const { doc } = await renderBody('fa', markdown);
  const p = doc.querySelector('p')!;
  return { marked: [...p.querySelectorAll('em, strong, del')].map((e) => `${e.tagName.toLowerCase()}:${e.textContent}`), text: p.textContent };
}

describe('emphasis before a ZWNJ or a Dari suffix', () => {
  it('renders the case as bold with the ZWNJ and the suffix after it (markdown-bold-before-zwnj)', async () => {
    const { body } = markdownCase('markdown-bold-before-zwnj');
    const { html: out } = await renderBody('fa', body);
    expect(out).toContain(`<strong>«صلح»</strong>${ZWNJ}طلبانه`);
    expect(out).not.toContain('*');
    expect(await markdownMessages('fa', body)).toEqual([]);
  });

  // Every marker, closed after every kind of closing punctuation, before every invisible character.
  for (const marker of MARKERS) {
    for (const [open, close] of [['«', '»'], ['(', ')'], ['“', '”'], ['[', ']'], ['"', '"'], ['', '؟'], ['', '!']]) {
      for (const [name, mark] of Object.entries(INVISIBLE)) {
        it(`${marker}${open}صلح${close}${marker} + ${name} + suffix`, async () => {
          const word = `${open}صلح${close}`;
          const { marked, text } = await emphasis(`سخنان ${marker}${word}${marker}${mark}طلبانه و ${marker}${word}${marker}${mark}ها.`);
          expect(marked).toEqual([`${TAG[marker]}:${word}`, `${TAG[marker]}:${word}`]);
          expect(text).toBe(`سخنان ${word}${mark}طلبانه و ${word}${mark}ها.`);
        });
      }
    }
    // A suffix joined directly, after a closing bracket or guillemet; mirrored at the start.
    for (const [open, close] of [['«', '»'], ['(', ')'], ['“', '”']]) {
      it(`${marker}${open}ناتو${close}${marker} with the suffix joined, and a prefix joined before ${marker}${open}`, async () => {
        const word = `${open}ناتو${close}`;
        expect((await emphasis(`سخنان ${marker}${word}${marker}یی.`)).marked).toEqual([`${TAG[marker]}:${word}`]);
        expect((await emphasis(`سخنان ضد${ZWNJ}${marker}${word}${marker} و ضد${marker}${word}${marker}.`)).marked).toEqual([`${TAG[marker]}:${word}`, `${TAG[marker]}:${word}`]);
      });
    }
  }

  it('still closes bold after a ZWNJ inside it, and on a bold link with a suffix', async () => {
    expect((await emphasis(`**می${ZWNJ}**رود و **[ناتو](https://www.nato.int)**ها`)).marked).toEqual([`strong:می${ZWNJ}`, 'strong:ناتو (nato.int)']);
  });

  it('treats a format character on the outer side as punctuation, and nothing else changes', () => {
    expect(flanking(42, 0xbb, 0x200c)).toEqual({ open: true, close: true });
    expect(flanking(42, 0xbb, 0x0637)).toEqual({ open: true, close: true });
    expect(flanking(42, 0x22, 0x0637)).toEqual({ open: true, close: false });
    expect(flanking(42, 0x29, 0x66)).toEqual({ open: true, close: false });
    expect(flanking(95, 0x0637, 0x0647)).toEqual({ open: false, close: false });
  });
});

describe('other Markdown is unchanged', () => {
  const examples = spec.tests.filter((t) => /emphasis|links|code spans|backslash|entity|autolinks|raw html/i.test(t.section));

  it.each(examples.map((t) => [t.number, t.markdown] as const))('CommonMark example %i renders as remark-gfm alone renders it', (_, markdown) => {
    expect(html(ours, markdown)).toBe(html(plain, markdown));
  });

  /** Deterministic pseudo-random lines built from `alphabet`. */
  function* lines(alphabet: readonly string[], count: number) {
    let seed = 20240608;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < count; i++) yield Array.from({ length: 4 + Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  }
  const ASCII = ['*', '**', '_', '__', '~', '~~', 'a', 'b', 'word', ' ', ' ', '(', ')', '"', "'", '.', ',', '!', '-', '\\*', '`', '[', ']', '2', 'https://x.org/', 'www.a.b', '<', '>', '@x.org', '&amp;'];

  it('renders ASCII text exactly as remark-gfm (2,000 generated lines with markers and addresses)', () => {
    for (const line of lines(ASCII, 2000)) expect(html(ours, line), line).toBe(html(plain, line));
  });

  it('leaves emphasis without Arabic letters or format characters as remark-gfm has it, guillemets and curly quotes included', () => {
    const emphasisOnly = unified().use(remarkParse).use(remarkGfm).use(remarkEmphasis).use(remarkRehype).use(rehypeStringify);
    for (const line of lines([...ASCII, '«', '»', '“', '”', '‘', '’', '（', '）'], 2000)) expect(html(emphasisOnly, line), line).toBe(html(plain, line));
  });
});

describe('the literal-emphasis warning', () => {
  it('names the line, says readers will see the markers and how to fix the text', async () => {
    const messages = await markdownMessages('fa', 'سطر نخست.\n\nسخنان **"صلح"**طلبانه مطرح شد.\n');
    expect(messages).toHaveLength(1);
    const [m] = messages;
    expect(m).toMatchObject({ line: 3, column: 14, ruleId: 'literal-emphasis', source: 'aa' });
    expect(m!.fatal).not.toBe(true);
    expect(m!.reason).toMatch(/readers will see a literal “\*\*”/);
    expect(m!.reason).toMatch(/ZWNJ/);
  });

  it.each([
    ['**"صلح"**طلبانه', 1],
    ['_صلح_ها', 1],
    ['ضد**"صلح"**', 1],
    ['**"peace"**ful', 1],
    ['~~"صلح"~~ها', 1],
  ])('warns once for %s', async (markdown, n) => {
    expect(await markdownMessages('fa', markdown)).toHaveLength(n);
  });

  it.each([
    `**«صلح»**${ZWNJ}طلبانه`,
    '**«صلح»**طلبانه',
    'snake_case_name and file_name_here',
    'Kabul* and *Herat',
    'a * b * c',
    '\\*\\*"x"\\*\\*ها',
    'single ~5 and 10*',
    '`**"x"**ها` in code',
    // Formulas and names, where `_` and `*` are not emphasis (seen in real posts).
    '$\\mathbf{x}_i = \\tilde{d}_i + \\eta_i$ and $\\{\\mathbf{x}_i\\}$',
    '\\begin{align*} x \\end{align*}',
    'فایل‌ها در مسیر *sass_* و *base.scss_* هستند',
  ])('stays quiet for %s', async (markdown) => {
    expect(await markdownMessages('fa', markdown)).toEqual([]);
  });
});
