/**
 * Mixed-direction lines as a Dari reader sees them. Each line of
 * tests/fixtures/bidi/corpus.txt is drawn in Chromium, inside a Dari article
 * page of the test site (its fonts and styles), three times:
 * - the reference: the runs the corpus marks (⟦ ⟧), each in its own <bdi>;
 * - as the body of a Dari article: the line through the site's Markdown
 *   pipeline (`renderBody`, the loader's processor with `rehype-bidi`);
 * - as a title or standfirst: `BidiText.astro` rendered by Astro.
 * Each drawing is read back in on-screen order, character by character, left
 * to right, a bracket taken as the glyph it is drawn with (mirrored at a
 * right-to-left level), and the site's drawings must read as the reference.
 * The line with no isolation at all is drawn too, for the count it prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BidiText from '../../src/components/BidiText.astro';
import { openSite, type Site } from '../helpers/browser.ts';
import { byId, section } from '../helpers/content.ts';
import { searchPath } from '../../src/utils/urls.ts';
import { renderBody } from '../helpers/markdown.ts';
import { projectRoot } from '../helpers/paths.ts';

const corpus = readFileSync(join(projectRoot, 'tests/fixtures/bidi/corpus.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'));
const plain = (line: string) => line.replace(/[⟦⟧]/g, '');
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const reference = (line: string) => escape(line).replace(/⟦/g, '<bdi>').replace(/⟧/g, '</bdi>');

/**
 * The characters of each element in `[data-line]`, in the order they are
 * drawn, left to right. Position comes from each character's box; the
 * direction it is drawn in (which decides a bracket's glyph) from where the
 * caret lands on its left edge: before it for left-to-right, after it for
 * right-to-left.
 */
function readDrawn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹' };
    return [...document.querySelectorAll<HTMLElement>('[data-line]')].map((line) => {
      const drawn: { char: string; x: number }[] = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const chars = [...node.data];
        let offset = 0;
        for (const char of chars) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + char.length);
          const box = range.getClientRects()[0];
          if (box && box.width > 0.5) {
            let glyph = char;
            if (MIRROR[char]) {
              const caret = document.caretPositionFromPoint(box.left + Math.min(1, box.width / 4), box.top + box.height / 2);
              const rtl = caret?.offsetNode === node && caret.offset === offset + char.length;
              if (rtl) glyph = MIRROR[char];
            }
            drawn.push({ char: glyph, x: box.left + box.width / 2 });
          }
          offset += char.length;
        }
      }
      return drawn
        .sort((a, b) => a.x - b.x)
        .map((d) => d.char)
        .join('');
    });
  });
}

let site: Site;
let page: Page;
const bodyHtml: string[] = [];
const titleHtml: string[] = [];

beforeAll(async () => {
  const container = await AstroContainer.create();
  for (const line of corpus) {
    const { html } = await renderBody('fa', plain(line));
    bodyHtml.push(html.trim());
    titleHtml.push((await container.renderToString(BidiText, { props: { text: plain(line), lang: 'fa' } })).trim());
  }
  site = await openSite();
  page = await site.page();
  // A Dari article page, so the lines get the site's Dari fonts and styles.
  await page.goto(site.url(section('fa')[0]!.path));
  await page.evaluate(
    (lines) => {
      const prose = document.querySelector('.prose')!;
      prose.replaceChildren();
      for (const [kind, html] of lines) {
        const holder = document.createElement('div');
        holder.innerHTML = html;
        // One line each, however long: the order within a line is what is compared.
        const line = (holder.firstElementChild?.tagName === 'P' ? holder.firstElementChild : holder) as HTMLElement;
        line.dataset.line = kind;
        line.style.whiteSpace = 'nowrap';
        prose.append(line.tagName === 'P' ? line : holder);
      }
    },
    corpus.flatMap((line, i): [string, string][] => [
      ['reference', `<p>${reference(line)}</p>`],
      ['body', bodyHtml[i]!],
      ['title', `<p>${titleHtml[i]}</p>`],
      ['bare', `<p>${escape(plain(line))}</p>`],
    ]),
  );
  await page.evaluate(() => document.fonts.ready);
});

afterAll(async () => {
  await site?.close();
});

describe('mixed-direction lines in Chromium', () => {
  it(`has at least 60 lines, each shown by the site with its text unchanged`, async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    const texts = await page.evaluate(() => [...document.querySelectorAll('[data-line]')].map((e) => e.textContent));
    expect(texts).toEqual(corpus.flatMap((line) => Array<string>(4).fill(plain(line))));
  });

  it('draws every line, in a body and in a title, as it reads with each run in its own <bdi>', async () => {
    const drawn = await readDrawn(page);
    const wrong: string[] = [];
    let matched = 0;
    let bare = 0;
    corpus.forEach((line, i) => {
      const [ref, body, title, plainLine] = drawn.slice(4 * i, 4 * i + 4);
      if (body === ref && title === ref) matched++;
      if (plainLine === ref) bare++;
      if (body !== ref) wrong.push(`body  ${line}\n  site ${bodyHtml[i]}\n  drawn ${body}\n  ref   ${ref}`);
      if (title !== ref) wrong.push(`title ${line}\n  site ${titleHtml[i]}\n  drawn ${title}\n  ref   ${ref}`);
    });
    console.log(`bidi corpus: ${matched} of ${corpus.length} lines drawn as the reference (${bare} with no isolation at all)`);
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});

describe('the search result line', () => {
  it('isolates a whole run in a Dari result title and excerpt, the highlight inside it', async () => {
    const article = byId.get('fa/casa-1000-khat-e-bargh')!;
    const results = await site.page();
    await results.goto(`${site.url(searchPath('fa'))}?q=CASA`);
    const item = results.locator(`#search-results li:has(a[href="${article.path}"])`);
    await item.waitFor();
    expect(await item.locator('a bdi').allTextContents()).toEqual(['CASA-1000']);
    const excerpt = await item.locator('p bdi').evaluateAll((bdis) => bdis.map((b) => ({ text: b.textContent, marked: b.querySelector('mark')?.textContent })));
    // Pagefind highlights the whole word it matched ("CASA-1000:"); the run keeps its part of it.
    expect(excerpt.some(({ text, marked }) => text === 'CASA-1000' && marked === 'CASA-1000')).toBe(true);
  });
});

