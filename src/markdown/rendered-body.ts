/**
 * Where rendered article bodies live, and what their renderer reported.
 *
 * Each body is rendered once per version, in worker threads (see
 * `render-pool.ts`), by whichever comes first: `npm run check` (also the
 * check at the start of every build and on every save in `npm run dev`) or
 * the article loader. Two files are written per version, named by its digest:
 *
 * - `node_modules/.astro/article-bodies/<digest>.json`: the HTML, headings
 *   and reading time, read by the one page that shows the article;
 * - `<digest>.report.json`: every message the Markdown plugins left on the
 *   file (sanitizer removals, leftovers from other generators, raw HTML that
 *   swallows the article…) and the article's links to this site, read by the
 *   check on every run. It is written last, so it marks a finished render.
 *
 * The content data store keeps only frontmatter and the digest. This keeps
 * it (which Astro bundles into the build as a single string) small at any
 * archive size, and lets every check and every build, warm or cold, print
 * every warning without rendering anything twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
// The pure-JS build: synchronous, no WebAssembly to initialise first.
import { parse as parseImports } from 'es-module-lexer/js';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import type { MediaRef } from './rehype-embeds.ts';
import type { BodyImage } from './rehype-images.ts';

export type { BodyImage };

export interface RenderedBody {
  readonly html: string;
  readonly headings: readonly MarkdownHeading[];
  readonly readingMinutes: number;
  /** The local pictures, by the index their placeholder carries (`<img data-aa-image="N">`, see `rehype-images.ts`). */
  readonly images?: readonly BodyImage[];
}

/**
 * One message a Markdown plugin left on the file (`file.message(…)`), with
 * lines counted from the top of the article file, frontmatter included.
 */
export interface BodyMessage {
  /** 1-based line where the reported node starts; absent if the plugin gave no place. */
  readonly line?: number;
  readonly column?: number;
  readonly reason: string;
  /** The plugin's rule, kebab-case (`removed-element`, `unclosed-raw-html`, …). */
  readonly ruleId?: string;
  /** `true` for an error that must stop the check and the build; otherwise a warning. */
  readonly fatal: boolean;
}

/** A link (`<a href>`) of the rendered body that may point into this site. */
export interface BodyLink {
  /** As written (after Markdown and the sanitizer): `/fa/…`, `../x`, `https://www.afgazad.com/…`. */
  readonly href: string;
  readonly line?: number;
}

/** What the check needs from one render; written next to the body. */
export interface BodyReport {
  readonly messages: readonly BodyMessage[];
  readonly links: readonly BodyLink[];
  /** Files beside the article that its video and audio use (`rehype-embeds.ts`); the check looks for them on every run. */
  readonly media?: readonly MediaRef[];
  /** The local pictures, for the check (does the file exist, is it a picture) and the loader (what to import). */
  readonly images?: readonly BodyImage[];
}

/** A message to a Markdown worker. */
export interface RenderJob {
  readonly seq: number;
  /** The section folder; with the frontmatter's `lang`, it picks the article's language and so the Markdown options. */
  readonly section: string;
  /** The whole file, frontmatter included: the worker keeps its lines so positions count from the top. */
  readonly contents: string;
  /** Absolute path of the Markdown file (plugins read the language folder from it). */
  readonly filePath: string;
  /** The `.json` body file to write; the report goes next to it (`reportFile`). */
  readonly outFile: string;
}

export interface RenderReply {
  readonly seq: number;
  readonly error?: string;
}

/** Relative to the project root, where `astro build` and `astro dev` run. */
export const BODIES_DIR = join('node_modules', '.astro', 'article-bodies');

/** The rendered body of one version of an article. */
export function bodyFile(digest: string | number, root = process.cwd()): string {
  return join(root, BODIES_DIR, `${digest}.json`);
}

/**
 * The report next to a body file.
 * @example reportFile('/p/node_modules/.astro/article-bodies/ab12.json') // '/p/node_modules/.astro/article-bodies/ab12.report.json'
 */
export function reportFile(outFile: string): string {
  return outFile.replace(/\.json$/, '.report.json');
}

/**
 * The digest a file in `bodiesDir` belongs to (bodies, reports and
 * half-written temporary files alike), so stale versions can be pruned.
 * @example digestOfCacheFile('ab12.report.json') // 'ab12'
 */
export function digestOfCacheFile(name: string): string {
  return name.slice(0, name.indexOf('.') < 0 ? name.length : name.indexOf('.'));
}

/** The module every render runs in (see `render-pool.ts`): the root of what a body depends on. */
const WORKER_MODULE = 'markdown/render-worker.ts';

/**
 * The project's own script modules a module imports, directly or through
 * others: every relative import (static, dynamic with a literal path, and
 * type-only, which is conservative), followed from `entry`. Package imports
 * stop the walk; the lockfile stands for them.
 * @param entry an absolute path to a .ts/.js module
 * @returns absolute paths, `entry` included, sorted
 * @throws if a relative import names a file that does not exist
 * @example moduleGraph('/site/src/markdown/render-worker.ts') // ['/site/src/config/site.ts', …]
 */
export function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.[cm]?[jt]s$/.test(file)) continue; // a JSON module imports nothing
    // es-module-lexer reads TypeScript's imports as written (types are no obstacle to its scan).
    const [imports] = parseImports(readFileSync(file, 'utf8'));
    for (const { n: specifier } of imports) {
      if (!specifier?.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (!existsSync(target)) throw new Error(`${file}: imports ${specifier}, which does not exist`);
      queue.push(target);
    }
  }
  return [...seen].sort();
}

/**
 * A fingerprint of everything a rendered body can depend on: the modules
 * the render worker loads from src/ (`moduleGraph`: the plugins, and the
 * dictionaries, date formatting and site settings they import) and the
 * lockfile that pins the packages. A change to any of them re-renders every
 * body; a change anywhere else in src/ (templates, styles, the search page's
 * script, the check's messages) leaves the cached bodies valid, so it does
 * not cost a 10,000-article site a render of every article.
 * @param root the project root (holds package-lock.json)
 * @param srcDir its `src/` folder
 * @returns 16 hex digits
 * @example pipelineFingerprint('/site', '/site/src') // 'e3b0c44298fc1c14'
 */
export function pipelineFingerprint(root: string, srcDir: string): string {
  const hash = createHash('sha256');
  for (const file of moduleGraph(join(srcDir, WORKER_MODULE))) hash.update(relative(srcDir, file)).update('\0').update(readFileSync(file));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The digest of one version of a body: the pipeline's fingerprint, the
 * section folder and the file's bytes (hashed as read, with no re-encoding
 * of the text: a warm check of 10,000 files does little else). Not the slug:
 * no plugin reads it (they read only the section folder and the frontmatter,
 * see `markdown/article-lang.ts`), so two identical files in one folder share
 * a render. A plugin that starts reading more of the path must add it here.
 * Everything positional in the cache (lines, links) is relative to the file,
 * never to its name.
 * @example bodyDigest('e3b0c44298fc1c14', fa, await readFile(file)) // 'b1946ac92492d2347c62'
 */
export function bodyDigest(fingerprint: string, section: string, bytes: Uint8Array): string {
  return createHash('sha256').update(`${fingerprint}\0${section}\0`).update(bytes).digest('hex').slice(0, 20);
}

/**
 * The rendered body of an article entry.
 * @example const { html, readingMinutes } = readRenderedBody(article.entry.digest)
 */
export function readRenderedBody(digest: string | number | undefined): RenderedBody {
  if (digest === undefined) throw new Error('article entry has no digest: was it loaded by articleLoader()?');
  return JSON.parse(readFileSync(bodyFile(digest), 'utf8')) as RenderedBody;
}

/**
 * The report of a finished render, or undefined if this version was never
 * rendered (or its files were pruned since).
 * @example readBodyReport('/p/node_modules/.astro/article-bodies/ab12.json')?.messages
 */
export function readBodyReport(outFile: string): BodyReport | undefined {
  try {
    return JSON.parse(readFileSync(reportFile(outFile), 'utf8')) as BodyReport;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
