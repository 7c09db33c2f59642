/**
 * Pictures in bodies (src/markdown/rehype-images.ts): local images become
 * placeholders the page fills with <Picture>, figures take their caption and
 * credit from the title and the italic line, and the pipeline reports
 * missing alt text and pictures on other hosts with their line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { markdownOptionsFor, syntaxHighlight } from '../../src/markdown/pipeline.ts';
import { isForeignSrc, localImagePath, type BodyImage } from '../../src/markdown/rehype-images.ts';
import { projectRoot } from '../helpers/paths.ts';

const processor = createMarkdownProcessor({ ...markdownOptionsFor('fa' as never), syntaxHighlight });

/** Renders like the worker: frontmatter blanked so lines count from the top of the file. */
async function render(contents: string, section = 'fa') {
  const fm = /^---\n[\s\S]*?\n---/.exec(contents)?.[0] ?? '';
  const body = fm ? contents.replace(fm, fm.replace(/[^\n]/g, ' ')) : contents;
  const frontmatter: Record<string, unknown> = { draft: /\ndraft: true\n/.test(fm) };
  const file: { data?: { aaImages?: BodyImage[] }; messages?: { reason: string; line?: number; fatal?: boolean | null }[] } = {};
  const sym = Symbol.for('test-vfile');
  const r = await (await processor).render(body, {
    frontmatter,
    fileURL: pathToFileURL(`/site/content/articles/${section}/sample.md`),
  });
  void file;
  void sym;
  const doc = parseHTML(`<!doctype html><html><body>${r.code}</body></html>`).document;
  return { html: r.code, doc };
}

describe('images beside the article', () => {
  const text = readFileSync(join(projectRoot, 'tests/fixtures/images/relative/fa/bazar-kabul-tasweer.md'), 'utf8');

  it('turns both pictures of the case into placeholders inside figures, caption and credit kept', async () => {
    const { doc, html } = await render(text);
    const figures = [...doc.querySelectorAll('figure')];
    expect(figures).toHaveLength(2);
    expect(doc.querySelectorAll('img[data-aa-image]')).toHaveLength(2);
    expect(html).not.toContain('__ASTRO_IMAGE_');
    // The italic credit line stays under the first picture.
    expect(figures[0]!.querySelector('figcaption .credit')?.textContent).toBe('عکس: گزارشگر آزمایشی');
    // The title of the second is its caption, and no longer a tooltip.
    expect(figures[1]!.querySelector('figcaption .caption')?.textContent).toBe('دکان کشمش‌فروشی');
    expect(figures[1]!.querySelector('[title]')).toBeNull();
  });

  it('normalises paths the way the content layer imports them', () => {
    expect(localImagePath('bazar/x.jpg')).toBe('./bazar/x.jpg');
    expect(localImagePath('./bazar/my%20photo.jpg?v=2')).toBe('./bazar/my photo.jpg');
    expect(isForeignSrc('https://example.org/a.jpg')).toBe(true);
    expect(isForeignSrc('//cdn.example.org/a.jpg')).toBe(true);
    expect(isForeignSrc('bazar/a.jpg')).toBe(false);
  });
});
