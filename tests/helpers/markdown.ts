/**
 * Renders Markdown the way articles are rendered (the loader's workers:
 * `createMarkdownProcessor` with `markdownOptionsFor(lang)`), and reads the
 * warnings the remark plugins leave on the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import remarkParse from 'remark-parse';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { markdownOptionsFor, syntaxHighlight } from '../../src/markdown/pipeline.ts';
import { projectRoot } from './paths.ts';

type Lang = 'fa' | 'en';
const renderers = new Map<Lang, ReturnType<typeof createMarkdownProcessor>>();
const fileURL = (lang: Lang) => pathToFileURL(`/site/content/articles/${lang}/sample.md`);

/** An article body rendered to HTML, as a DOM, with the headings `render()` reports. */
export async function renderBody(lang: Lang, markdown: string) {
  let renderer = renderers.get(lang);
  if (!renderer) renderers.set(lang, (renderer = createMarkdownProcessor({ ...markdownOptionsFor(lang), syntaxHighlight })));
  const { code, metadata } = await (await renderer).render(markdown, { fileURL: fileURL(lang) });
  const doc = parseHTML(`<!doctype html><html><body>${code}</body></html>`).document;
  return { html: code, doc, headings: metadata.headings };
}

/** The warnings and errors the Markdown plugins report for a body (`file.message`). */
export async function markdownMessages(lang: Lang, markdown: string) {
  const processor = unified().use(remarkParse).use(markdownOptionsFor(lang).remarkPlugins as PluggableList);
  const file = new VFile({ value: markdown, path: fileURL(lang) });
  await processor.run(processor.parse(file), file);
  return file.messages;
}

/** A case copied from real editors' input: `tests/fixtures/markdown/<name>/<lang>/<file>.md`. */
export function markdownCase(name: string): { lang: Lang; file: string; text: string; body: string } {
  const dir = join(projectRoot, 'tests', 'fixtures', 'markdown', name);
  const lang = readdirSync(dir)[0] as Lang;
  const file = readdirSync(join(dir, lang))[0]!;
  const text = readFileSync(join(dir, lang, file), 'utf8');
  return { lang, file, text, body: text.replace(/^---\n[\s\S]*?\n---\n/, '').trim() };
}
