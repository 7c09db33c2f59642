/**
 * The articles loader: Astro's glob loader, reshaped for an archive of tens
 * of thousands of pieces.
 *
 * - Markdown is rendered in a pool of worker threads (one per core), not on
 *   Astro's single thread.
 * - The rendered body is written to a cache file named by the entry's digest
 *   (see `rendered-body.ts`); the content data store keeps only frontmatter,
 *   so it stays a few MB instead of hundreds, and Astro does not bundle every
 *   article body into one string.
 * - The digest covers the file and the Markdown pipeline's own source, so a
 *   changed plugin re-renders everything and an unchanged archive renders
 *   nothing. The content check (`npm run check`, and the check at the start
 *   of every build) uses the same digest and workers, and usually renders
 *   first: the loader then finds every body cached.
 * - An unchanged file is known by its `stat` (size, mtime, ctime, inode, the
 *   content check's kept-verdict rule, `src/validation/verdicts.ts`): its
 *   digest is taken from the last sync instead of reading and hashing it
 *   again (400 MB at 10,000 articles, every build).
 * - Pictures (the lead and the body's) are kept as records read once and
 *   checked with a `stat` on later syncs (`pictures.ts`), not as Astro's
 *   `__ASTRO_IMAGE_` imports, which Vite reads, hashes and copies on every
 *   build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { sectionKeys } from '../i18n/locales.ts';
import { mapLimit } from '../utils/concurrency.ts';
import { articleSectionOf } from '../validation/article-path.ts';
import { readFrontmatter } from '../validation/frontmatter.ts';
import { stampOf, Verdicts } from '../validation/verdicts.ts';
import { RenderPool, renderWorkerUrl } from '../markdown/render-pool.ts';
import { BODIES_DIR, bodyDigest, digestOfCacheFile, pipelineFingerprint, readBodyReport, reportFile, type BodyImage } from '../markdown/rendered-body.ts';
import { isForeignSrc, localImagePath } from '../markdown/rehype-images.ts';
import { BODY_MEDIA_FIELD, mediaAddresses } from '../utils/media.ts';
import { PictureCache } from './pictures.ts';
import { BODY_IMAGES_FIELD, isPictureRef, type PictureRef } from './picture-ref.ts';

/**
 * The entry's body pictures, by the index of their placeholder: each a
 * `PictureRef`, or null where the file is missing or not a picture (the
 * check refuses the article then, with the line; the dev server shows the
 * page without it). The bodies themselves stay out of the store (see
 * `rendered-body.ts`).
 */
async function bodyPictures(images: readonly BodyImage[] | undefined, file: string, pictures: PictureCache): Promise<(PictureRef | null)[] | undefined> {
  if (!images?.length) return undefined;
  return Promise.all(images.map(async (image) => (await pictures.ref(join(dirname(file), image.src))) ?? null));
}

/**
 * The frontmatter with the lead picture's `src` made a `PictureRef` when it
 * names a picture beside the article; left as typed otherwise (another
 * host, a missing file: the check reports it, and the page shows none).
 */
async function withLeadPicture(frontmatter: Record<string, unknown>, file: string, pictures: PictureCache): Promise<Record<string, unknown>> {
  const image = frontmatter.image as { src?: unknown } | undefined;
  if (typeof image !== 'object' || image === null || typeof image.src !== 'string' || isForeignSrc(image.src.trim())) return frontmatter;
  const ref = await pictures.ref(join(dirname(file), localImagePath(image.src.trim())));
  return ref ? { ...frontmatter, image: { ...image, src: ref } } : frontmatter;
}

/** Whether a lead picture's `src` is still the typed path of a file beside the article (it was missing or not a picture). */
const isLocalSrc = (src: unknown): boolean => typeof src === 'string' && !isForeignSrc(src.trim());

/** Every picture record in an entry's data (the lead's, the body's). */
function picturesIn(data: Record<string, unknown>): PictureRef[] {
  const lead = (data.image as { src?: unknown } | undefined)?.src;
  const body = (data[BODY_IMAGES_FIELD] as readonly unknown[] | undefined) ?? [];
  return [lead, ...body].filter(isPictureRef);
}

/**
 * The entry's data with the `/media/` addresses its rendered body points at
 * (`bodyMediaOf()`), read from the body once, when the entry is stored: the
 * media route then knows which files to publish without reading any body.
 */
function withBodyMedia(data: Record<string, unknown>, bodyFile: string): Record<string, unknown> {
  const { html } = JSON.parse(readFileSync(bodyFile, 'utf8')) as { html: string };
  return { ...data, [BODY_MEDIA_FIELD]: mediaAddresses(html) };
}

/**
 * The article files under `baseDir` (absolute paths; see
 * `validation/article-path.ts`): one `readdir` per section folder. Not a
 * recursive walk, which enters every article's folder of pictures: ~6,000
 * more `readdir`s, 57 ms of a warm 10,000-article build whose articles
 * have pictures (BENCHMARKS.md, "Pictures at 10,000, session 23").
 */
function articleFiles(baseDir: string): string[] {
  return sectionKeys.flatMap((section) => {
    const folder = join(baseDir, section);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      // A section with no articles yet has no folder.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(folder, e.name));
  });
}

interface Options {
  /** Folder of the Markdown files, relative to the project root. */
  base: string;
}

export function articleLoader({ base }: Options): Loader {
  return {
    name: 'article-loader',
    load: async ({ config, store, parseData, logger, watcher }: LoaderContext) => {
      const root = fileURLToPath(config.root);
      const baseDir = join(root, base);
      const bodiesDir = join(root, BODIES_DIR);
      mkdirSync(bodiesDir, { recursive: true });
      const fingerprint = pipelineFingerprint(root, fileURLToPath(config.srcDir));
      const pictures = new PictureCache({ root, base: config.base, assetsDir: config.build.assets });
      // Each file's digest by its stat, from the last sync (nothing else is kept: `null` verdicts).
      const digests = new Verdicts<null>(root, `article-loader\0${baseDir}`, fingerprint);
      let pool: RenderPool | undefined;
      let seq = 0;
      /** A path under `baseDir` relative to it, with `/` separators. */
      const inBase = (file: string) => relative(baseDir, file).split(sep).join('/');

      /** Loads one file; returns its digest, or undefined if it is not an article. */
      async function sync(file: string): Promise<string | undefined> {
        const rel = inBase(file);
        const section = articleSectionOf(rel);
        if (section === undefined) return undefined;
        const id = rel.replace(/\.md$/, '');
        const stamp = stampOf(statSync(file));
        const known = digests.byStamp(rel, stamp)?.digest;
        let bytes = known === undefined ? await readFile(file) : undefined;
        const digest = known ?? bodyDigest(fingerprint, section, bytes!);
        digests.keep(rel, stamp, digest, null);
        const outFile = join(bodiesDir, `${digest}.json`);
        const rendered = () => existsSync(outFile) && existsSync(reportFile(outFile));
        const stored = store.get(id);
        // A body picture that was missing last time (null) may be there now;
        // a lead picture that was missing is still the typed string.
        const missing =
          (stored?.data[BODY_IMAGES_FIELD] as readonly unknown[] | undefined)?.includes(null) ||
          isLocalSrc((stored?.data.image as { src?: unknown } | undefined)?.src);
        // An entry stored before the loader recorded media addresses is stored again (its body is cached).
        const current = stored !== undefined && stored.data[BODY_MEDIA_FIELD] !== undefined;
        // A picture can be replaced while the article stays as it was: one stat each.
        const storedPictures = stored ? picturesIn(stored.data) : [];
        if (stored?.digest === digest && rendered() && !missing && current && storedPictures.every((p) => pictures.isFresh(p))) {
          for (const p of storedPictures) pictures.keep(p);
          return digest;
        }

        // The site's one frontmatter reader: dates stay the strings the editor
        // typed, for the schema's Kabul-day rules (see src/validation/frontmatter.ts).
        bytes ??= await readFile(file);
        const contents = bytes.toString('utf8');
        const read = readFrontmatter(contents);
        if (!read.ok) throw new Error(`${relative(root, file)}: frontmatter: ${read.problem}`);
        const frontmatter = read.data;
        const filePath = relative(root, file).split(sep).join('/');
        const data = await parseData({ id, data: await withLeadPicture(frontmatter, file, pictures), filePath: file });
        // The worker keeps the body's lines (frontmatter blanked, not cut), so
        // what plugins report counts lines from the top of the file.
        if (!rendered()) {
          pool ??= new RenderPool(renderWorkerUrl(config.srcDir));
          await pool.run({ seq: ++seq, section, contents, filePath: file, outFile });
        }
        const body = await bodyPictures(readBodyReport(outFile)?.images, file, pictures);
        // The store keeps an entry whose digest is unchanged: drop it first, so new picture records replace the old.
        if (stored?.digest === digest) store.delete(id);
        store.set({ id, data: withBodyMedia(body ? { ...data, [BODY_IMAGES_FIELD]: body } : data, outFile), filePath, digest });
        return digest;
      }

      const files = articleFiles(baseDir);
      const seen = new Set<string>();
      const live = new Set<string>();
      try {
        // Bounded so that 50,000 files are not all read into memory at once.
        await mapLimit(files, 32, async (file) => {
          const digest = await sync(file);
          if (digest) {
            live.add(digest);
            seen.add(inBase(file).replace(/\.md$/, ''));
          }
        });
      } finally {
        await pool?.close();
        pool = undefined;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      pictures.save();
      digests.save();
      // Bodies (and reports) of deleted or edited articles are no longer referenced.
      for (const name of readdirSync(bodiesDir)) {
        const file = join(bodiesDir, name);
        // A `.tmp` is a write in progress (perhaps a check's, in another process), unless it is old: then a killed one's.
        const prune = name.endsWith('.tmp')
          ? Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 600_000
          : !live.has(digestOfCacheFile(name));
        if (prune) rmSync(file, { force: true });
      }
      logger.info(`${seen.size} articles`);

      if (!watcher) return;
      watcher.add(baseDir);
      const onChange = async (file: string) => {
        if (!file.startsWith(baseDir)) return;
        // A picture edited, replaced or added: the articles that name it take its new record.
        const articles = articleSectionOf(inBase(file)) !== undefined ? [file] : articlesShowing(file);
        try {
          for (const article of articles) await sync(article);
          pictures.save();
          digests.save();
        } catch (error) {
          logger.error((error as Error).message);
        } finally {
          await pool?.close();
          pool = undefined;
        }
      };
      /** The Markdown files whose entries name the picture at `abs` (or, for a picture that was missing, the article of its folder). */
      const articlesShowing = (abs: string): string[] => {
        const rel = relative(root, abs).split(sep).join('/');
        const found = new Set<string>();
        for (const entry of store.values()) {
          if (!entry.filePath) continue;
          const named = picturesIn(entry.data).some((p) => p.file === rel);
          const inFolder = rel.startsWith(entry.filePath.replace(/\.md$/, '/'));
          if (named || inFolder) found.add(join(root, entry.filePath));
        }
        return [...found];
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (file: string) => {
        if (file.startsWith(baseDir) && articleSectionOf(inBase(file)) !== undefined) store.delete(inBase(file).replace(/\.md$/, ''));
      });
    },
  };
}
