/**
 * A worker thread that renders article Markdown to HTML with the site's
 * pipeline (`src/markdown/pipeline.ts`) and writes the result to the
 * rendered-body cache: the body, then its report (every message the plugins
 * left on the file, and the links that may point into this site). Runs under
 * plain Node (type stripping), outside Vite.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { threadId, parentPort } from 'node:worker_threads';
import { createMarkdownProcessor, extractFrontmatter } from '@astrojs/markdown-remark';
import yaml from 'js-yaml';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { site } from '../config/site.ts';
import { articleLanguage, defaultSection, isSection, type Lang } from '../i18n/locales.ts';
import { markdownOptionsFor, syntaxHighlight } from './pipeline.ts';
import { MEDIA_BASE, type MediaRef } from './rehype-embeds.ts';
import { reportFile, type BodyImage, type BodyLink, type BodyMessage, type BodyReport, type RenderJob, type RenderReply, type RenderedBody } from './rendered-body.ts';

/**
 * Astro's processor returns the HTML but not the VFile, whose `messages`
 * hold what every plugin reported. The frontmatter object we pass in is the
 * one the processor puts on `file.data.astro`, so a first plugin can hang
 * the VFile on it for us to read after the render.
 */
const FILE = Symbol('vfile');
type Frontmatter = Record<string | symbol, unknown>;

function remarkHandOverFile() {
  return (_tree: MdastRoot, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Frontmatter } }).astro?.frontmatter;
    if (frontmatter) frontmatter[FILE] = file;
  };
}

/**
 * Collects `<a href>` that may lead into this site, from the tree as it will
 * be published (after the sanitizer): relative and root-relative addresses,
 * and absolute ones on the site's own host. The check resolves them against
 * every page the site will have.
 */
function rehypeCollectLinks() {
  const ownHost = new URL(site.url).hostname.replace(/^www\./, '');
  return (tree: HastRoot, file: VFile) => {
    const links: BodyLink[] = [];
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a' || typeof node.properties?.href !== 'string') return;
      const href = node.properties.href.trim();
      // Files published from beside the article (rehype-embeds.ts) are checked as media, not pages.
      if (href === '' || href.startsWith('#') || href.startsWith(MEDIA_BASE)) return;
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
      if (scheme !== undefined || href.startsWith('//')) {
        if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return;
        let host: string;
        try {
          host = new URL(href, 'https://x.invalid').hostname.replace(/^www\./, '');
        } catch {
          return;
        }
        if (host !== ownHost) return;
      }
      links.push({ href, ...(node.position ? { line: node.position.start.line } : {}) });
    });
    (file.data as { aaLinks?: BodyLink[] }).aaLinks = links;
  };
}

type Renderer = Awaited<ReturnType<typeof createMarkdownProcessor>>;
const renderers = new Map<Lang, Promise<Renderer>>();
/** One processor per language (see markdownOptionsFor), built on first use. */
function rendererFor(lang: Lang): Promise<Renderer> {
  let renderer = renderers.get(lang);
  if (!renderer) {
    const options = markdownOptionsFor(lang);
    renderer = createMarkdownProcessor({
      ...options,
      remarkPlugins: [remarkHandOverFile, ...options.remarkPlugins],
      rehypePlugins: [...options.rehypePlugins, rehypeCollectLinks],
      syntaxHighlight,
    });
    renderers.set(lang, renderer);
  }
  return renderer;
}

/**
 * The body with its frontmatter blanked out character for character (as
 * Astro's `empty-with-spaces`), so every line and column a plugin reports is
 * the line and column in the file the editor has open. Not trimmed, for the
 * same reason; blank lines at the top change nothing in the HTML.
 */
function bodyKeepingLines(contents: string): { body: string; frontmatter: Frontmatter } {
  const raw = extractFrontmatter(contents);
  if (raw === undefined) return { body: contents, frontmatter: {} };
  let frontmatter: Frontmatter = {};
  try {
    const parsed = yaml.load(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) frontmatter = parsed as Frontmatter;
  } catch {
    // Broken YAML is the check's to report, with its line; the body still renders.
  }
  return { body: contents.replace(`---${raw}---`, `   ${raw.replace(/[^\r\n]/g, ' ')}   `), frontmatter };
}

/** Write, then rename: a reader (another build, the check) never sees half a file. */
function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

parentPort!.on('message', async (job: RenderJob) => {
  let reply: RenderReply;
  try {
    const { body: markdown, frontmatter } = bodyKeepingLines(job.contents);
    const section = isSection(job.section) ? job.section : defaultSection;
    const renderer = await rendererFor(articleLanguage(section, typeof frontmatter.lang === 'string' ? frontmatter.lang : undefined));
    const { code, metadata } = await renderer.render(markdown, { frontmatter, fileURL: new URL(`file://${job.filePath}`) });
    const file = frontmatter[FILE] as VFile | undefined;
    const body: RenderedBody = {
      html: code,
      headings: metadata.headings,
      readingMinutes: Number(metadata.frontmatter.readingMinutes ?? 1),
      images: (file?.data as { aaImages?: BodyImage[] } | undefined)?.aaImages ?? [],
    };
    const messages: BodyMessage[] = (file?.messages ?? []).map((m) => ({
      ...(m.line ? { line: m.line } : {}),
      ...(m.column ? { column: m.column } : {}),
      reason: m.reason,
      ...(m.ruleId ? { ruleId: m.ruleId } : {}),
      fatal: m.fatal === true,
    }));
    const data = file?.data as { aaLinks?: BodyLink[]; aaMedia?: MediaRef[] } | undefined;
    const report: BodyReport = { messages, links: data?.aaLinks ?? [], media: data?.aaMedia ?? [], images: body.images ?? [] };
    writeAtomically(job.outFile, JSON.stringify(body));
    // Last: the report's presence says the render is complete.
    writeAtomically(reportFile(job.outFile), JSON.stringify(report));
    reply = { seq: job.seq };
  } catch (error) {
    reply = { seq: job.seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
