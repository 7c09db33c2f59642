/**
 * The check's picture pass. An article's pictures live in the folder named
 * after it, beside it (`content/articles/fa/bazar.md` and
 * `content/articles/fa/bazar/photo.jpg`). On every run (a picture can change
 * while the article's render stays cached) this looks at each file the lead
 * image (`image.src`) and the body (`![…](…)`, from the render's report)
 * name, and says, with the file and line:
 *
 * - error: the file is missing; it is not a picture (or a kind the image
 *   service cannot read); the lead picture is on another host in a published
 *   article (pages load nothing from other hosts);
 * - warning: the lead picture is under 1200 px wide (link previews and
 *   Google ask for at least that); it has no credit;
 * - warning: a folder beside the articles that no article is named after.
 *
 * What sharp found in a file is kept by its size and modification time
 * (`INSPECTIONS_FILE`), so an unchanged picture costs one `stat` a run.
 *
 * Missing alt text is the schema's (lead) and the Markdown pipeline's
 * (body) to report; remote body pictures too (`markdown/rehype-images.ts`).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, type Stats, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { isForeignSrc, localImagePath } from '../markdown/rehype-images.ts';
import { bodyFile, readBodyReport, type BodyReport } from '../markdown/rendered-body.ts';
import { mapLimit } from '../utils/concurrency.ts';
import type { Problem } from './check.ts';

/** What Astro's image service reads (its VALID_INPUT_FORMATS), by file extension. */
export const PICTURE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'tiff', 'svg'] as const;

/** The narrowest lead picture that makes a sharp link preview (Open Graph, Google Discover: 1200 px). */
export const LEAD_MIN_WIDTH = 1200;

/**
 * Whether a content path is a file in an article's own folder
 * (`articles/<section>/<slug>/…`, not Markdown): a picture or other media,
 * which the check does not read as text.
 * @example isMediaPath('articles/fa/bazar/photo.jpg') // true
 * @example isMediaPath('articles/fa/bazar.md') // false
 */
export function isMediaPath(rel: string): boolean {
  const parts = rel.split('/');
  return parts[0] === 'articles' && parts.length >= 4 && !rel.endsWith('.md');
}

export type Inspection =
  | { readonly kind: 'missing' }
  | { readonly kind: 'not-picture'; readonly detail: string }
  | { readonly kind: 'ok'; readonly width: number; readonly height: number; readonly format: string };

/**
 * Reads a picture's header (sharp; nothing is decoded).
 * @example await inspectPicture('/site/content/articles/fa/bazar/photo.jpg') // { kind: 'ok', width: 1800, height: 1200, format: 'jpeg' }
 */
export async function inspectPicture(abs: string): Promise<Inspection> {
  const info = await stat(abs).catch(() => undefined);
  if (!info?.isFile()) return { kind: 'missing' };
  return readPicture(abs);
}

async function readPicture(abs: string): Promise<Inspection> {
  const ext = path.extname(abs).slice(1).toLowerCase();
  if (!(PICTURE_EXTENSIONS as readonly string[]).includes(ext)) {
    return { kind: 'not-picture', detail: `".${ext}" is not a picture kind the site can publish (${PICTURE_EXTENSIONS.join(', ')})` };
  }
  try {
    const meta = await sharp(abs).metadata();
    if (!meta.width || !meta.height) return { kind: 'not-picture', detail: 'it has no width and height' };
    return { kind: 'ok', width: meta.width, height: meta.height, format: meta.format ?? ext };
  } catch (error) {
    return { kind: 'not-picture', detail: (error as Error).message.split('\n')[0]! };
  }
}

/** Where the picture pass keeps what it found in each file (Astro's cache folder, which a cold build deletes). */
export const INSPECTIONS_FILE = path.join('node_modules', '.astro', 'picture-inspections.json');

interface Inspected {
  readonly size: number;
  readonly mtimeMs: number;
  readonly found: Inspection;
}

/**
 * `inspectPicture`, remembered between runs by the file's size and
 * modification time: an archive's pictures are read by sharp once, not on
 * every check (every build starts with one). Checks of other content
 * folders (the tests') share the file: a run keeps their records, less
 * those whose file is gone.
 */
class Inspections {
  readonly #file: string;
  readonly #previous: Map<string, Inspected>;
  readonly #now = new Map<string, Inspected>();
  /** Whether a picture was read by sharp this run (a new or changed file). */
  #changed = false;

  constructor(projectRoot: string) {
    this.#file = path.join(projectRoot, INSPECTIONS_FILE);
    this.#previous = this.#read();
  }

  #read(): Map<string, Inspected> {
    try {
      return new Map(Object.entries(JSON.parse(readFileSync(this.#file, 'utf8')) as Record<string, Inspected>));
    } catch {
      // None yet, or unreadable: every picture is read.
      return new Map();
    }
  }

  async inspect(abs: string): Promise<Inspection> {
    // Synchronous, as the check's own stats: thousands of promises through
    // the thread pool cost more than the stats themselves.
    const info: Stats | undefined = statSync(abs, { throwIfNoEntry: false });
    if (!info?.isFile()) return { kind: 'missing' };
    const known = this.#now.get(abs) ?? this.#previous.get(abs);
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
      this.#now.set(abs, known);
      return known.found;
    }
    const found = await readPicture(abs);
    this.#now.set(abs, { size: info.size, mtimeMs: info.mtimeMs, found });
    this.#changed = true;
    return found;
  }

  /** Writes what this run read, unless it read nothing new (every build of an unchanged archive). */
  save(): void {
    if (!this.#changed) return;
    try {
      mkdirSync(path.dirname(this.#file), { recursive: true });
      // Another check may be writing too (a build's and the editor's): each writes whole, by rename.
      const kept = [...this.#read()].filter(([abs]) => !this.#now.has(abs) && existsSync(abs));
      const tmp = `${this.#file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(Object.fromEntries([...kept, ...this.#now])));
      renameSync(tmp, this.#file);
    } catch {
      // A read-only checkout: the next run reads the pictures again.
    }
  }
}

/** One article, as the picture pass needs it. */
export interface ImageCheckInput {
  readonly display: string;
  /** Absolute path of the Markdown file. */
  readonly abs: string;
  /** `leadLine` of its text, if it has one. */
  readonly leadLine?: number;
  /** Its body's render, in the cache (`rendered-body.ts`); absent when bodies are not checked. */
  readonly digest?: string;
  /** That render's report, when the caller has it already; otherwise it is read from the cache. */
  readonly report?: BodyReport;
  readonly draft: boolean;
  readonly image?: { readonly src: string; readonly credit?: string; readonly decorative?: boolean };
}

/**
 * The line of `image:` (or of its `src:`) in an article's text, 1-based;
 * undefined without an `image:` line.
 * @example leadLine('---\ntitle: A\nimage:\n  src: ./a/p.jpg\n---\n') // 4
 */
export function leadLine(source: string): number | undefined {
  const lines = source.split(/\r?\n/);
  const at = lines.findIndex((l) => /^image\s*:/.test(l));
  if (at < 0) return undefined;
  const src = lines.slice(at, at + 8).findIndex((l) => /^\s+src\s*:|\bsrc\s*:/.test(l));
  return at + 1 + Math.max(src, 0);
}

const fixMissing = (slug: string) => `put the file in the folder ${slug}/ beside the article and write its path as ./${slug}/<file name>`;

/**
 * Problems with the pictures of each article (see the file's comment).
 * @param projectRoot where the rendered-body cache is (`node_modules/.astro/article-bodies`)
 * @example await checkImages([{ display: 'content/articles/fa/a.md', abs, leadLine: 4, draft: false, image: { src: './a/p.jpg' } }], root)
 */
export async function checkImages(inputs: readonly ImageCheckInput[], projectRoot: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const inspections = new Inspections(projectRoot);
  await mapLimit(inputs, 16, async (input) => {
    const slug = path.basename(input.abs, '.md');
    const dir = path.dirname(input.abs);
    const push = (field: string, severity: Problem['severity'], message: string, line?: number) =>
      problems.push({ file: input.display, field, ...(severity === 'warning' ? { severity } : {}), message, ...(line ? { line } : {}) });

    const lead = input.image;
    if (lead) {
      const line = input.leadLine;
      if (isForeignSrc(lead.src)) {
        if (!input.draft) {
          push('image.src', 'error', `${lead.src} is on another host, and pages load nothing from other hosts: download the file (with the right to publish it) into ${slug}/ beside the article and write src: ./${slug}/<file name>`, line);
        }
      } else {
        const found = await inspections.inspect(path.resolve(dir, localImagePath(lead.src)));
        if (found.kind === 'missing') push('image.src', 'error', `no file ${lead.src}: ${fixMissing(slug)}`, line);
        else if (found.kind === 'not-picture') push('image.src', 'error', `${lead.src} is not a picture (${found.detail}); save it as JPEG (photos) or PNG (charts)`, line);
        else if (found.width < LEAD_MIN_WIDTH) {
          push('image.src', 'warning', `${lead.src} is ${found.width} px wide; a lead picture should be at least ${LEAD_MIN_WIDTH} px wide for sharp link previews`, line);
        }
      }
      if (!lead.credit && !lead.decorative) push('image.credit', 'warning', 'the lead picture has no credit: say who made it (credit: "AA-AA", credit: "Name / Agency")', line);
    }

    if (input.digest === undefined) return;
    const report = input.report ?? readBodyReport(bodyFile(input.digest, projectRoot));
    for (const image of report?.images ?? []) {
      const found = await inspections.inspect(path.resolve(dir, image.src));
      if (found.kind === 'missing') push('body', 'error', `image ${image.src}: no such file; ${fixMissing(slug)}`, image.line);
      else if (found.kind === 'not-picture') push('body', 'error', `image ${image.src} is not a picture (${found.detail}); save it as JPEG (photos) or PNG (charts)`, image.line);
    }
  });
  inspections.save();
  return problems;
}

/**
 * Folders of media beside the articles that no article is named after
 * (`fa/bazar/` with no `fa/bazar.md`): their pictures are never published.
 * @param mediaRels content paths of the media files (`isMediaPath`)
 * @param articleRels content paths of the Markdown files
 */
export function checkMediaFolders(mediaRels: readonly string[], articleRels: ReadonlySet<string>, display: (rel: string) => string): Problem[] {
  const folders = new Set(mediaRels.map((rel) => rel.split('/').slice(0, 3).join('/')));
  return [...folders]
    .filter((folder) => !articleRels.has(`${folder}.md`))
    .map((folder) => ({
      file: display(folder),
      field: 'file',
      severity: 'warning' as const,
      message: `no article is named ${folder.split('/')[2]}.md beside this folder, so nothing in it is published; an article's pictures go in the folder named after it`,
    }));
}
