/**
 * Pictures beside articles: the body plugin (src/markdown/rehype-images.ts)
 * turns local pictures into placeholders the page fills with <Picture> and
 * makes figures by the caption convention; the check (src/validation/images.ts)
 * says, with file and line, what is wrong with a picture or its file; and the
 * sizes the image service is asked for fit the column and Google's ratios.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { articleLanguage, type Lang } from '../../src/i18n/locales.ts';
import { markdownOptionsFor, syntaxHighlight } from '../../src/markdown/pipeline.ts';
import { isForeignSrc, localImagePath } from '../../src/markdown/rehype-images.ts';
import { newArticle } from '../../src/editor/new-article.ts';
import { columnWidths } from '../../src/utils/images.ts';
import { cropSize, RATIOS } from '../../src/utils/lead-image.ts';
import { checkContent } from '../../src/validation/check.ts';
import { INSPECTIONS_FILE, isMediaPath } from '../../src/validation/images.ts';
import { PictureCache, PICTURES_FILE } from '../../src/loaders/pictures.ts';
import { notedPagePictures, notePagePictures } from '../../src/utils/page-pictures.ts';
import { projectRoot } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp.ts';

type Section = 'fa' | 'ps' | 'en';
const processors = new Map<Lang, ReturnType<typeof createMarkdownProcessor>>();

/** Renders a body as the workers do, with the plugins' messages (Astro's processor drops the VFile, so a first plugin keeps it). */
async function render(markdown: string, { section = 'fa' as Section, draft = false } = {}) {
  const lang = articleLanguage(section, undefined);
  let processor = processors.get(lang);
  if (!processor) {
    const options = markdownOptionsFor(lang);
    const keep = () => (_: unknown, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
      file.data.astro!.frontmatter!.file = file;
    };
    processors.set(lang, (processor = createMarkdownProcessor({ ...options, remarkPlugins: [keep, ...options.remarkPlugins], syntaxHighlight })));
  }
  const frontmatter: Record<string, unknown> = { draft };
  const result = await (await processor).render(markdown, { frontmatter, fileURL: pathToFileURL(`/site/content/articles/${section}/bazar.md`) });
  const file = frontmatter.file as { messages: { reason: string; line?: number; fatal?: boolean | null }[]; data: { aaImages?: unknown[] } };
  const doc = parseHTML(`<!doctype html><html><body>${result.code}</body></html>`).document;
  return { html: result.code, doc, messages: file.messages, images: file.data.aaImages ?? [] };
}

describe('pictures in the body', () => {
  const text = readFileSync(join(projectRoot, 'tests/fixtures/images/relative/fa/bazar-kabul-tasweer.md'), 'utf8');
  const body = text.replace(/^---\n[\s\S]*?\n---/, (fm) => fm.replace(/[^\n]/g, ' '));

  it('turns both pictures of the images-relative case into placeholders in figures, caption and credit kept', async () => {
    const { doc, html, images, messages } = await render(body);
    const figures = [...doc.querySelectorAll('figure')];
    expect(figures).toHaveLength(2);
    expect(doc.querySelectorAll('img[data-aa-image]')).toHaveLength(2);
    // Astro's own step would have left <img> with neither src nor alt.
    expect(html).not.toContain('__ASTRO_IMAGE_');
    expect(images).toEqual([
      { src: './bazar-kabul-tasweer/bazar.jpg', alt: 'نمای کلی بازار میوهٔ خشک در کابل', line: 15 },
      { src: './bazar-kabul-tasweer/dokan.png', alt: 'یک دکان کوچک با کیسه‌های کشمش', line: 20 },
    ]);
    // The italic credit line stays under the first picture; the title is the second one's caption, not a tooltip.
    expect(figures[0]!.querySelector('figcaption .credit')?.textContent).toBe('عکس: گزارشگر آزمایشی');
    expect(figures[1]!.querySelector('figcaption .caption')?.textContent).toBe('دکان کشمش‌فروشی');
    expect(figures[1]!.querySelector('[title]')).toBeNull();
    expect(messages).toEqual([]);
  });

  it('reads an italic line as a caption, unless it starts with a credit word or the picture has a title', async () => {
    const caption = (await render('![Herders](./bazar/a.jpg)\n*Yurts in the Little Pamir*', { section: 'en' })).doc;
    expect(caption.querySelector('figcaption .caption')?.textContent).toBe('Yurts in the Little Pamir');
    expect(caption.querySelector('figcaption .credit')).toBeNull();
    const credit = (await render('![Herders](./bazar/a.jpg)\n*Photo: AA-AA*', { section: 'en' })).doc;
    expect(credit.querySelector('figcaption .credit')?.textContent).toBe('Photo: AA-AA');
    const both = (await render('![Herders](./bazar/a.jpg "Yurts")\n*AA-AA*', { section: 'en' })).doc;
    expect([both.querySelector('.caption')?.textContent, both.querySelector('.credit')?.textContent]).toEqual(['Yurts', 'AA-AA']);
    // A Pashto credit word in a Pashto article.
    const ps = (await render('![یورتونه](./bazar/a.jpg)\n*انځور: AA-AA*', { section: 'ps' })).doc;
    expect(ps.querySelector('figcaption .credit')?.textContent).toBe('انځور: AA-AA');
    // A picture inside a sentence stays a picture, not a figure.
    const inline = (await render('Text ![Herders](./bazar/a.jpg) more text.', { section: 'en' })).doc;
    expect(inline.querySelector('figure')).toBeNull();
    expect(inline.querySelector('img[data-aa-image]')).not.toBeNull();
  });

  it('refuses a Markdown picture with no alt text, with its line; raw HTML alt="" is decorative on purpose', async () => {
    const { messages } = await render('Para.\n\n![](./bazar/a.jpg)\n\n<img src="./bazar/b.jpg" alt="">\n\n<img src="./bazar/c.jpg">\n');
    expect(messages.map((m) => [m.line, m.fatal, /no alt text/.test(m.reason)])).toEqual([
      [3, true, true],
      [7, true, true],
    ]);
  });

  it('refuses a picture from another host in a published article, and says how to bring it in; a draft gets a warning', async () => {
    const published = await render('![A map](https://example.org/maps/wakhan.png)\n');
    expect(published.messages).toHaveLength(1);
    expect(published.messages[0]!.fatal).toBe(true);
    expect(published.messages[0]!.reason).toContain('download the file');
    expect(published.messages[0]!.reason).toContain('./bazar/wakhan.png');
    expect((await render('![A map](//cdn.example.org/a.png)\n', { draft: true })).messages[0]!.fatal).toBe(false);
  });

  it('normalises paths the way the content layer imports them', () => {
    expect(localImagePath('bazar/x.jpg')).toBe('./bazar/x.jpg');
    expect(localImagePath('./bazar/my%20photo.jpg?v=2')).toBe('./bazar/my photo.jpg');
    expect(isForeignSrc('https://example.org/a.jpg')).toBe(true);
    expect(isForeignSrc('data:image/png;base64,AAAA')).toBe(true);
    expect(isForeignSrc('bazar/a.jpg')).toBe(false);
  });
});

describe('sizes asked of the image service', () => {
  it('fits the column, never wider than the original', () => {
    expect(columnWidths(1800)).toEqual([360, 540, 720, 1080, 1344]);
    expect(columnWidths(800)).toEqual([360, 540, 720, 800]);
    expect(columnWidths(300)).toEqual([300]);
  });
  it('crops Google’s three ratios at 1200 px on the long side when the original allows', () => {
    expect(RATIOS.map((r) => cropSize({ width: 1800, height: 1200 }, r))).toEqual([
      { width: 1200, height: 675 },
      { width: 1200, height: 900 },
      { width: 1200, height: 1200 },
    ]);
    expect(cropSize({ width: 1600, height: 1000 }, 1)).toEqual({ width: 1000, height: 1000 });
  });
});

describe('pictures noted for the sitemap (src/utils/page-pictures.ts)', () => {
  it('keeps each page\'s pictures once, in order, for the whole process', async () => {
    const path = '/fa/2024/03/notes-test/';
    expect(notedPagePictures(path)).toBeUndefined();
    notePagePictures(path, ['https://x.org/_astro/a.jpg', 'https://x.org/_astro/b.png', 'https://x.org/_astro/a.jpg']);
    // Another copy of the module (the route's bundle, the integration's) sees the same notes.
    vi.resetModules();
    const copy = await import('../../src/utils/page-pictures.ts');
    expect(copy.notedPagePictures(path)).toEqual(['https://x.org/_astro/a.jpg', 'https://x.org/_astro/b.png']);
  });
});

describe('npm run check on pictures', () => {
  const frontmatter = (extra: string[] = []) =>
    ['---', 'title: "Bazaar"', 'dek: "A dek."', 'authors: ["Test Writer"]', 'date: 2024-04-12', 'sources:', '  - name: "Example"', '    url: "https://example.org/x"', ...extra, '---', ''].join('\n');
  async function picture(file: string, width: number, height: number) {
    mkdirSync(join(file, '..'), { recursive: true });
    await sharp({ create: { width, height, channels: 3, background: '#4a6a8a' } }).jpeg().toFile(file);
  }

  it('passes the images-relative case as it is', async () => {
    const root = tempDir('aa-img-case-');
    cpSync(join(projectRoot, 'tests/fixtures/images/relative/fa'), join(root, 'articles/fa'), { recursive: true });
    expect(await checkContent(root, root)).toEqual([]);
  });

  it('reports a missing file, a file that is not a picture, a small lead and a lead with no credit, with file and line', async () => {
    const root = tempDir('aa-img-check-');
    const dir = join(root, 'articles/en/bazaar');
    await picture(join(dir, 'small.jpg'), 800, 600);
    writeFileSync(join(dir, 'notes.jpg'), 'not a picture');
    writeFileSync(
      join(root, 'articles/en/bazaar.md'),
      frontmatter(['image:', '  src: ./bazaar/small.jpg', '  alt: "Stalls"']) + '\nText.\n\n![Stalls](bazaar/missing.jpg)\n\n![Notes](./bazaar/notes.jpg)\n',
    );
    const problems = await checkContent(root, root);
    expect(problems.map((p) => [p.file, p.field, p.line, p.severity ?? 'error', p.message])).toEqual([
      ['articles/en/bazaar.md', 'image.src', 10, 'warning', expect.stringContaining('800 px wide; a lead picture should be at least 1200 px wide')],
      ['articles/en/bazaar.md', 'image.credit', 10, 'warning', expect.stringContaining('no credit')],
      ['articles/en/bazaar.md', 'body', 16, 'error', expect.stringContaining('image ./bazaar/missing.jpg: no such file; put the file in the folder bazaar/')],
      ['articles/en/bazaar.md', 'body', 18, 'error', expect.stringContaining('image ./bazaar/notes.jpg is not a picture')],
    ]);
  });

  it('reads a picture again when it changes, and only then (what sharp found is kept by size and time)', async () => {
    const root = tempDir('aa-img-recheck-');
    const dir = join(root, 'articles/en/bazaar');
    await picture(join(dir, 'lead.jpg'), 800, 600);
    await picture(join(dir, 'body.jpg'), 400, 300);
    writeFileSync(join(root, 'articles/en/bazaar.md'), frontmatter(['image:', '  src: ./bazaar/lead.jpg', '  alt: "Stalls"', '  credit: "X"']) + '\nText.\n\n![Stalls](./bazaar/body.jpg)\n');
    const fields = async () => (await checkContent(root, root)).map((p) => `${p.field}: ${p.severity ?? 'error'}`);
    // A whole second, which utimes can set again exactly.
    const then = new Date('2024-04-12T08:00:00Z');
    utimesSync(join(dir, 'body.jpg'), then, then);
    expect(await fields()).toEqual(['image.src: warning']);
    expect(Object.keys(JSON.parse(readFileSync(join(projectRoot, INSPECTIONS_FILE), 'utf8')))).toEqual(expect.arrayContaining([join(dir, 'lead.jpg'), join(dir, 'body.jpg')]));
    // Same size and time: what sharp found last time stands (the bytes are not read again).
    writeFileSync(join(dir, 'body.jpg'), Buffer.alloc(statSync(join(dir, 'body.jpg')).size, 0x20));
    utimesSync(join(dir, 'body.jpg'), then, then);
    expect(await fields()).toEqual(['image.src: warning']);
    // A larger lead, and a body picture overwritten by something that is not one.
    await picture(join(dir, 'lead.jpg'), 1600, 900);
    writeFileSync(join(dir, 'body.jpg'), 'not a picture any more');
    expect(await fields()).toEqual(['body: error']);
  });

  it('refuses a lead picture from another host in a published article, and one with empty alt unless decorative', async () => {
    const root = tempDir('aa-img-remote-');
    mkdirSync(join(root, 'articles/en'), { recursive: true });
    writeFileSync(
      join(root, 'articles/en/remote.md'),
      frontmatter(['image:', '  src: https://example.org/a.jpg', '  alt: "A"', '  credit: "X"']) + '\nText.\n',
    );
    writeFileSync(join(root, 'articles/en/empty-alt.md'), frontmatter(['image:', '  src: ./empty-alt/a.jpg', '  alt: ""']) + '\nText.\n');
    await picture(join(root, 'articles/en/empty-alt/a.jpg'), 1600, 900);
    const problems = await checkContent(root, root);
    expect(problems.find((p) => p.file.endsWith('remote.md'))?.message).toMatch(/another host.*download the file/);
    expect(problems.find((p) => p.file.endsWith('empty-alt.md') && p.field === 'image.alt')?.message).toMatch(/decorative: true/);
  });

  it('reads pictures beside articles as media, not text, and warns about a folder no article is named after', async () => {
    expect(isMediaPath('articles/fa/bazar/photo.jpg')).toBe(true);
    expect(isMediaPath('articles/fa/bazar.md')).toBe(false);
    const root = tempDir('aa-img-orphan-');
    await picture(join(root, 'articles/fa/old/photo.jpg'), 100, 100);
    const problems = await checkContent(root, root);
    expect(problems).toEqual([expect.objectContaining({ file: 'articles/fa/old', severity: 'warning' })]);
  });
});

describe('picture records the content layer keeps (src/loaders/pictures.ts)', () => {
  const options = (root: string) => ({ root, base: '/', assetsDir: '_astro' });
  async function picture(file: string, width: number, height: number, background = '#4a6a8a') {
    mkdirSync(join(file, '..'), { recursive: true });
    await sharp({ create: { width, height, channels: 3, background } }).jpeg().toFile(file);
  }

  it('gives a picture its size, format and a name by content; the same bytes in two folders one name', async () => {
    const root = tempDir('aa-pic-ref-');
    await picture(join(root, 'content/articles/fa/a/lead.jpg'), 1800, 1200);
    mkdirSync(join(root, 'content/articles/fa/b'), { recursive: true });
    cpSync(join(root, 'content/articles/fa/a/lead.jpg'), join(root, 'content/articles/fa/b/lead.jpg'));
    const cache = new PictureCache(options(root));
    const a = (await cache.ref(join(root, 'content/articles/fa/a/lead.jpg')))!;
    const b = (await cache.ref(join(root, 'content/articles/fa/b/lead.jpg')))!;
    expect(a).toMatchObject({ file: 'content/articles/fa/a/lead.jpg', width: 1800, height: 1200, format: 'jpg' });
    expect(a.url).toMatch(/^\/_astro\/lead\.[\w-]{12}\.jpg$/);
    expect(b.url).toBe(a.url);
    // The entry keeps what a page needs; where the original goes in dist/, its size and time stay in the loader's file.
    expect(Object.keys(a).sort()).toEqual(['file', 'format', 'height', 'url', 'width']);
    expect(await cache.ref(join(root, 'content/articles/fa/a/missing.jpg'))).toBeUndefined();
    writeFileSync(join(root, 'content/articles/fa/a/notes.jpg'), 'not a picture');
    expect(await cache.ref(join(root, 'content/articles/fa/a/notes.jpg'))).toBeUndefined();
  });

  it('keeps a record between syncs while the file is unchanged, and makes a new one when it is replaced', async () => {
    const root = tempDir('aa-pic-keep-');
    const file = join(root, 'content/articles/en/a/photo.jpg');
    await picture(file, 1600, 900);
    const first = new PictureCache(options(root));
    const ref = (await first.ref(file))!;
    first.save();
    expect(JSON.parse(readFileSync(join(root, PICTURES_FILE), 'utf8'))).toEqual([{ ...ref, size: statSync(file).size, mtimeMs: statSync(file).mtimeMs }]);
    const second = new PictureCache(options(root));
    expect(second.isFresh(ref)).toBe(true);
    expect(await second.ref(file)).toEqual(ref);
    await picture(file, 1200, 800, '#8a4a4a');
    expect(second.isFresh(ref)).toBe(false);
    const replaced = (await new PictureCache(options(root)).ref(file))!;
    expect([replaced.width, replaced.height]).toEqual([1200, 800]);
    expect(replaced.url).not.toBe(ref.url);
    // A ref that no record gives (the loader's file deleted) is not fresh: the entry is stored again.
    rmSync(join(root, PICTURES_FILE));
    expect(new PictureCache(options(root)).isFresh(replaced)).toBe(false);
  });
});

describe('npm run new', () => {
  it('writes a commented image block naming the article’s picture folder', () => {
    const made = newArticle({ section: 'en' as never, title: 'Wheat prices climb', today: '2024-03-21' });
    expect(made.ok && made.text).toContain('# image:');
    expect(made.ok && made.text).toContain('#   src: ./wheat-prices-climb/photo.jpg');
    expect(made.ok && made.text).toMatch(/#   credit: "TODO: /);
  });
});
