/**
 * Body headings: usable ids for every heading, text kept character for
 * character, `#` headings under the title, and the table of contents built
 * from what `render()` reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slug } from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { headingIds, PAGE_IDS } from '../../src/markdown/rehype-heading-ids.ts';
import { shownLevel } from '../../src/markdown/rehype-heading-levels.ts';
import { tocSections } from '../../src/utils/toc.ts';
import { markdownCase, renderBody } from '../helpers/markdown.ts';
import { projectRoot } from '../helpers/paths.ts';

const ZWNJ = '\u200c';

/** Every heading of a rendered body: level, id, text; and the contents entries built from render(). */
async function outline(lang: 'fa' | 'ps' | 'en', markdown: string) {
  const { doc, headings } = await renderBody(lang, markdown);
  const shown = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({ level: Number(h.tagName[1]), id: h.id, text: h.textContent }));
  return { doc, shown, headings, toc: tocSections(headings) };
}

/** Headings with nothing to slug: punctuation, symbols, invisible characters. */
const NOTHING_TO_SLUG = ['؟', '…', '—', '?!', '!!!', '«»', '؛', '٪', '()', '🙂', '***', ZWNJ, '- -', '؟ ؟', '#', '%', '.'];

describe('heading ids', () => {
  it('give a punctuation-only heading a usable id and a working contents link (headings-punctuation-only)', async () => {
    const { lang, body } = markdownCase('headings-punctuation-only');
    const { doc, shown, toc } = await outline(lang, body);
    const question = shown.find((h) => h.text === '؟')!;
    expect(question.id).toBe('بخش');
    expect(toc.map((h) => h.slug)).toEqual(shown.map((h) => h.id));
    for (const entry of toc) expect(doc.getElementById(entry.slug)?.textContent).toBe(entry.text);
  });

  it.each(NOTHING_TO_SLUG)('give "%s" a non-empty id with a letter, unique on the page', async (text) => {
    const { shown, headings } = await outline('en', `## ${text}\n\n## ${text}\n\n## Section\n`);
    const ids = shown.map((h) => h.id);
    for (const id of ids) expect(id).toMatch(/[\p{L}\p{N}]/u);
    expect(new Set(ids).size).toBe(ids.length);
    expect(headings.map((h) => h.slug)).toEqual(ids);
  });

  it('keep a modifier letter as it is, in the text and the id (headings-modifier-letter)', async () => {
    const { lang, body } = markdownCase('headings-modifier-letter');
    const { shown, headings } = await outline(lang, body);
    expect(shown).toEqual([{ level: 2, id: 'the-tʰ-sound-in-pashto', text: 'The tʰ sound in Pashto' }]);
    expect(headings[0]!.text).toBe('The tʰ sound in Pashto');
  });

  // Letters from transliteration and from both scripts, next to ZWNJs.
  const KEEP = [
    'The tʰ sound in Pashto', 'ʿAbd al-Ghaffār', 'Paʂto and Pax̌tó', 'Kandahārʼs wells', 'ˈstress', 'Ωmega and ǂ', 'ʰ‌ʰ',
    'پرسش‌های پایین‌دست', 'ʰ در متن‌ها', 'می‌رود، ولی نمی‌ماند', 'Budget {2024}', '`${x}` in code', 'A <b>bold</b> word',
  ];

  it.each(KEEP)('keeps every character of "%s": the text as written, the id GitHub-style with its ZWNJs', async (text) => {
    const { shown, headings } = await outline('fa', `## ${text}\n`);
    const expected = text.replace(/`/g, '').replace(/<\/?b>/g, '');
    expect(shown[0]!.text).toBe(expected);
    expect(headings[0]!.text).toBe(expected);
    expect(shown[0]!.id).toBe(expected.split(ZWNJ).map((part) => slug(part)).join(ZWNJ));
    // Nothing but the ZWNJ differs from GitHub's own id.
    expect(shown[0]!.id.replaceAll(ZWNJ, '')).toBe(slug(expected));
  });

  it('never take an id the page or the footnotes already use', async () => {
    const { shown } = await outline('en', '## Main\n\n## Footnote label\n\n## TOC heading\n\nText[^1].\n\n[^1]: Note.\n');
    expect(shown.map((h) => h.id)).toEqual(['main-1', 'footnote-label-1', 'toc-heading-1', 'footnote-label']);
  });

  it('leave footnote markers and domain notes out of the id and the contents entry', async () => {
    const { shown, headings } = await outline('fa', '## عنوان[^1]\n\n## ببینید [Reuters](https://www.reuters.com/) امروز\n\nمتن.\n\n[^1]: یادداشت.\n');
    expect(shown.slice(0, 2).map((h) => h.id)).toEqual(['عنوان', 'ببینید-reuters-امروز']);
    expect(headings.slice(0, 2).map((h) => h.text)).toEqual(['عنوان', 'ببینید Reuters امروز']);
  });

  it('reserve every id the page templates write', () => {
    const written = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.astro')) for (const m of readFileSync(path, 'utf8').matchAll(/\bid="([^"{]+)"/g)) written.add(m[1]!);
      }
    };
    walk(join(projectRoot, 'src'));
    expect(written.size).toBeGreaterThan(0);
    for (const id of written) expect(PAGE_IDS, id).toContain(id);
  });

  it('number repeats the way github-slugger does', () => {
    expect(headingIds(['Why', 'Why', 'Why 1', 'Main', '؟', '…'], 'section', ['main'])).toEqual(['why', 'why-1', 'why-1-1', 'main-1', 'section', 'section-1']);
    expect(headingIds(['پرسش‌های پایین‌دست'], 'بخش')).toEqual(['پرسش‌های-پایین‌دست']);
    // The stand-in for the ZWNJ is never a letter the page already uses.
    expect(headingIds(['ʰ‌ʱ', 'tʰ'], 'section')).toEqual(['ʰ‌ʱ', 'tʰ']);
  });
});

describe('heading levels', () => {
  it('puts body # headings under the title and into the contents (headings-h1-in-body)', async () => {
    const { lang, body } = markdownCase('headings-h1-in-body');
    const { shown, toc } = await outline(lang, body);
    expect(shown.map((h) => h.level)).toEqual([2, 2]);
    expect(toc.map((h) => h.text)).toEqual(['کدام رشته آیندهٔ بهتری دارد؟', 'چگونه درآمدم را بیشتر کنم؟']);
  });

  it.each([
    ['# A\n\n## B\n\n### C\n\n# D', [2, 3, 4, 2]],
    ['# A\n\n###### F', [2, 6]],
    ['# A\n\n### C', [2, 4]],
    ['A\n===\n\nB\n---', [2, 3]],
    ['<h1>Raw</h1>\n\n## B', [2, 3]],
    ['## A\n\n### B', [2, 3]],
    ['### A\n\n#### B', [3, 4]],
  ] as const)('shows %j at levels %j', async (markdown, levels) => {
    const { shown } = await outline('en', markdown);
    expect(shown.map((h) => h.level)).toEqual(levels);
  });

  it('leaves the footnotes heading where it is', async () => {
    const { shown } = await outline('en', '# A\n\nText[^1].\n\n[^1]: Note.\n');
    expect(shown.map((h) => [h.level, h.id])).toEqual([[2, 'a'], [2, 'footnote-label']]);
  });

  it('caps at h6', () => {
    expect([1, 2, 5, 6].map((l) => shownLevel(l, true))).toEqual([2, 3, 6, 6]);
    expect([2, 6].map((l) => shownLevel(l, false))).toEqual([2, 6]);
  });
});

describe('table of contents', () => {
  const h = (depth: number, slug: string) => ({ depth, slug, text: slug });

  it('lists the top-level sections, two or more, without the footnotes heading', () => {
    expect(tocSections([h(2, 'a'), h(3, 'b'), h(2, 'c'), h(2, 'footnote-label')]).map((x) => x.slug)).toEqual(['a', 'c']);
    expect(tocSections([h(2, 'a'), h(3, 'b'), h(2, 'footnote-label')])).toEqual([]);
    expect(tocSections([h(3, 'a'), h(4, 'b'), h(3, 'c')]).map((x) => x.slug)).toEqual(['a', 'c']);
    expect(tocSections([])).toEqual([]);
  });
});
