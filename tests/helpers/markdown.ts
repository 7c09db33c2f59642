/**
 * Renders Markdown the way articles are rendered (the loader's workers:
 * `createMarkdownProcessor` with `markdownOptionsFor` of the article's
 * language, a file in its section's folder, the frontmatter handed to the
 * plugins), and reads the warnings the remark plugins leave on the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import remarkParse from 'remark-parse';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { articleLanguage, type Lang } from '../../src/i18n/locales.ts';
import { markdownOptionsFor, syntaxHighlight } from '../../src/markdown/pipeline.ts';
import { projectRoot } from './paths.ts';

type Section = 'fa' | 'ps' | 'en';
const renderers = new Map<Lang, ReturnType<typeof createMarkdownProcessor>>();
const fileURL = (section: Section) => pathToFileURL(`/site/content/articles/${section}/sample.md`);

/**
 * An article body rendered to HTML, as a DOM, with the headings `render()`
 * reports. `lang` is the frontmatter's `lang:` (a German piece in `en/`).
 */
export async function renderBody(section: Section, markdown: string, { lang }: { lang?: Lang } = {}) {
  const language = articleLanguage(section, lang);
  let renderer = renderers.get(language);
  if (!renderer) renderers.set(language, (renderer = createMarkdownProcessor({ ...markdownOptionsFor(language), syntaxHighlight })));
  const frontmatter = lang ? { lang } : {};
  const { code, metadata } = await (await renderer).render(markdown, { fileURL: fileURL(section), frontmatter });
  const doc = parseHTML(`<!doctype html><html><body>${code}</body></html>`).document;
  return { html: code, doc, headings: metadata.headings };
}

/** The warnings and errors the Markdown plugins report for a body (`file.message`). */
export async function markdownMessages(section: Section, markdown: string) {
  const processor = unified().use(remarkParse).use(markdownOptionsFor(articleLanguage(section, undefined)).remarkPlugins as PluggableList);
  const file = new VFile({ value: markdown, path: fileURL(section) });
  await processor.run(processor.parse(file), file);
  return file.messages;
}

/** A case copied from real editors' input: `tests/fixtures/markdown/<name>/<lang>/<file>.md`. */
export function markdownCase(name: string): { lang: Section; file: string; text: string; body: string } {
  const dir = join(projectRoot, 'tests', 'fixtures', 'markdown', name);
  const lang = readdirSync(dir)[0] as Section;
  const file = readdirSync(join(dir, lang))[0]!;
  const text = readFileSync(join(dir, lang, file), 'utf8');
  return { lang, file, text, body: text.replace(/^---\n[\s\S]*?\n---\n/, '').trim() };
}
