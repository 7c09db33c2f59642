/**
 * The Markdown cases from real editors (tests/fixtures/markdown/), built as
 * a site: what a reader gets on the article page, contents list included.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWithContent, type FixtureBuild } from '../helpers/fixture-site.ts';
import { pageIn, pagesIn } from '../helpers/dist.ts';
import { markdownCase } from '../helpers/markdown.ts';

const CASES = [
  'headings-punctuation-only',
  'headings-modifier-letter',
  'headings-h1-in-body',
  'markdown-bold-before-zwnj',
  'links-autolink-dari-punctuation',
  'links-domain-note-possessive',
  'bidi-whole-latin-runs',
];

let build: FixtureBuild;

beforeAll(() => {
  const files: Record<string, string> = {};
  for (const name of CASES) {
    const { lang, file, text } = markdownCase(name);
    files[`articles/${lang}/${file}`] = text;
  }
  build = buildWithContent(files);
});

/** The built article page of a case. */
function page(name: string): Document {
  const slug = markdownCase(name).file.replace(/\.md$/, '');
  const path = pagesIn(build.dist).find((p) => p.endsWith(`/${slug}/`));
  expect(path, `a page for ${slug}`).toBeDefined();
  return pageIn(build.dist, path!);
}

describe('the Markdown cases, built', () => {
  it('build', () => {
    expect(build.exitCode, build.output).toBe(0);
  });

  it.each(CASES)('%s: one h1, and every contents link lands on its heading', (name) => {
    const doc = page(name);
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    for (const a of doc.querySelectorAll('nav.toc a')) {
      const id = decodeURIComponent(a.getAttribute('href')!.slice(1));
      expect(id).not.toBe('');
      expect(doc.getElementById(id)?.textContent).toBe(a.textContent);
    }
  });

  it('lists the body # headings in the contents, as sections under the title', () => {
    const doc = page('headings-h1-in-body');
    expect([...doc.querySelectorAll('.prose h2')].map((h) => h.textContent)).toEqual(['کدام رشته آیندهٔ بهتری دارد؟', 'چگونه درآمدم را بیشتر کنم؟']);
    expect([...doc.querySelectorAll('nav.toc a')].map((a) => a.textContent)).toEqual(['کدام رشته آیندهٔ بهتری دارد؟', 'چگونه درآمدم را بیشتر کنم؟']);
  });

  it('links the punctuation-only heading from the contents', () => {
    const doc = page('headings-punctuation-only');
    expect([...doc.querySelectorAll('nav.toc a')].map((a) => a.textContent)).toEqual(['پیشینه', '؟', 'پیامدها']);
  });

  it('keeps ʰ in the heading', () => {
    expect(page('headings-modifier-letter').querySelector('.prose h2')!.textContent).toBe('The tʰ sound in Pashto');
  });

  it('shows bold, not asterisks, before the ZWNJ', () => {
    const p = page('markdown-bold-before-zwnj').querySelector('.prose p')!;
    expect(p.querySelector('strong')?.textContent).toBe('«صلح»');
    expect(p.textContent).not.toContain('*');
  });

  it('ends the bare addresses before the Dari comma and question mark', () => {
    const hrefs = [...page('links-autolink-dari-punctuation').querySelectorAll('.prose a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.org/report', 'https://example.org/faq']);
  });

  it('puts the domain note after the possessive', () => {
    expect(page('links-domain-note-possessive').querySelector('.prose p')!.textContent).toBe('Reuters’s (reuters.com) correspondent reported from Herat.');
  });

  it('isolates whole Latin runs, symbols included, in the title, the breadcrumbs and the body', () => {
    const doc = page('bidi-whole-latin-runs');
    const isolated = (selector: string) => [...doc.querySelectorAll(`${selector} bdi`)].map((b) => b.textContent);
    expect(isolated('h1')).toEqual(['C++']);
    expect(isolated('.breadcrumbs [aria-current]')).toEqual(['C++']);
    expect(isolated('.prose')).toEqual(['C++', 'Photo: A. Karimi (Kabul), CC BY 4.0, via Example Commons', '--help']);
  });
});
