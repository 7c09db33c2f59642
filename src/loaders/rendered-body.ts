/**
 * Where rendered article bodies live. The article loader renders each body
 * once, in worker threads, into `node_modules/.astro/article-bodies/<digest>.json`;
 * the content data store only keeps the frontmatter and that digest. Pages read
 * the one body they show. This keeps the data store (which Astro bundles into
 * the build as a single string) small at any archive size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarkdownHeading } from '@astrojs/markdown-remark';

export interface RenderedBody {
  readonly html: string;
  readonly headings: readonly MarkdownHeading[];
  readonly readingMinutes: number;
}

/** A message to a Markdown worker. */
export interface RenderJob {
  readonly seq: number;
  /** The language folder ("fa", "en"), which picks the Markdown options. */
  readonly lang: string;
  readonly body: string;
  readonly frontmatter: Record<string, unknown>;
  readonly filePath: string;
  readonly outFile: string;
}

export interface RenderReply {
  readonly seq: number;
  readonly error?: string;
}

/** Relative to the project root, where `astro build` and `astro dev` run. */
export const BODIES_DIR = join('node_modules', '.astro', 'article-bodies');

export function bodyFile(digest: string | number, root = process.cwd()): string {
  return join(root, BODIES_DIR, `${digest}.json`);
}

/**
 * The rendered body of an article entry.
 * @example const { html, readingMinutes } = readRenderedBody(article.entry.digest)
 */
export function readRenderedBody(digest: string | number | undefined): RenderedBody {
  if (digest === undefined) throw new Error('article entry has no digest: was it loaded by articleLoader()?');
  return JSON.parse(readFileSync(bodyFile(digest), 'utf8')) as RenderedBody;
}
