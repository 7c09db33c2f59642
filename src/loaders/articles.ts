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
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { mapLimit } from '../utils/concurrency.ts';
import { readFrontmatter } from '../validation/frontmatter.ts';
import { RenderPool, renderWorkerUrl } from '../markdown/render-pool.ts';
import { BODIES_DIR, bodyDigest, digestOfCacheFile, pipelineFingerprint, readBodyReport, reportFile, type BodyImage } from '../markdown/rendered-body.ts';
import { BODY_MEDIA_FIELD, mediaAddresses } from '../utils/media.ts';

/** Where the loader puts an article's body pictures in its data (see `withBodyImages`); read with `bodyImagesOf()`. */
export const BODY_IMAGES_FIELD = 'bodyImages';

/**
 * The entry's data with its body pictures as Astro's content layer expects
 * images in data: `__ASTRO_IMAGE_./slug/photo.jpg`. The data store turns each
 * into an import of the file (so Vite gives it a hashed URL and the image
 * service can encode it), and `getCollection()` hands back its
 * `ImageMetadata`, as the schema's `image()` does for the lead image. The
 * bodies themselves stay out of the store (see `rendered-body.ts`).
 * Pictures the check refuses (not a picture format) are left out: the build
 * stops at the check before any page needs them.
 */
function withBodyImages(data: Record<string, unknown>, images: readonly BodyImage[] | undefined, file: string): Record<string, unknown> {
  if (!images?.length) return data;
  // A missing file would stop the dev server at the import; the check reports it with its line.
  const present = images.map((image) => (existsSync(join(dirname(file), image.src)) ? `__ASTRO_IMAGE_${image.src}` : null));
  return { ...data, [BODY_IMAGES_FIELD]: present };
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
      let pool: RenderPool | undefined;
      let seq = 0;

      /** Loads one file; returns its digest, or undefined if it is not an article. */
      async function sync(file: string): Promise<string | undefined> {
        if (!file.endsWith('.md')) return undefined;
        const rel = relative(baseDir, file).split(sep).join('/');
        const id = rel.replace(/\.md$/, '');
        const bytes = await readFile(file);
        const contents = bytes.toString('utf8');
        const section = id.split('/')[0]!;
        const digest = bodyDigest(fingerprint, section, bytes);
        const outFile = join(bodiesDir, `${digest}.json`);
        const rendered = () => existsSync(outFile) && existsSync(reportFile(outFile));
        const stored = store.get(id);
        // A body picture that was missing last time (null) may be there now.
        const missing = (stored?.data[BODY_IMAGES_FIELD] as readonly unknown[] | undefined)?.includes(null);
        // An entry stored before the loader recorded media addresses is stored again (its body is cached).
        const current = stored !== undefined && stored.data[BODY_MEDIA_FIELD] !== undefined;
        if (stored?.digest === digest && rendered() && !missing && current) return digest;

        // The site's one frontmatter reader: dates stay the strings the editor
        // typed, for the schema's Kabul-day rules (see src/validation/frontmatter.ts).
        const read = readFrontmatter(contents);
        if (!read.ok) throw new Error(`${relative(root, file)}: frontmatter: ${read.problem}`);
        const frontmatter = read.data;
        const filePath = relative(root, file).split(sep).join('/');
        const data = await parseData({ id, data: frontmatter, filePath: file });
        // The worker keeps the body's lines (frontmatter blanked, not cut), so
        // what plugins report counts lines from the top of the file.
        if (!rendered()) {
          pool ??= new RenderPool(renderWorkerUrl(config.srcDir));
          await pool.run({ seq: ++seq, section, contents, filePath: file, outFile });
        }
        store.set({ id, data: withBodyMedia(withBodyImages(data, readBodyReport(outFile)?.images, file), outFile), filePath, digest });
        return digest;
      }

      const files = readdirSync(baseDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.md'))
        .map((e) => join(e.parentPath, e.name));
      const seen = new Set<string>();
      const digests = new Set<string>();
      try {
        // Bounded so that 50,000 files are not all read into memory at once.
        await mapLimit(files, 32, async (file) => {
          const digest = await sync(file);
          if (digest) {
            digests.add(digest);
            seen.add(relative(baseDir, file).split(sep).join('/').replace(/\.md$/, ''));
          }
        });
      } finally {
        await pool?.close();
        pool = undefined;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      // Bodies (and reports) of deleted or edited articles are no longer referenced.
      for (const name of readdirSync(bodiesDir)) {
        const file = join(bodiesDir, name);
        // A `.tmp` is a write in progress (perhaps a check's, in another process), unless it is old: then a killed one's.
        const prune = name.endsWith('.tmp')
          ? Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 600_000
          : !digests.has(digestOfCacheFile(name));
        if (prune) rmSync(file, { force: true });
      }
      logger.info(`${seen.size} articles`);

      if (!watcher) return;
      watcher.add(baseDir);
      const onChange = async (file: string) => {
        if (!file.startsWith(baseDir) || !file.endsWith('.md')) return;
        try {
          await sync(file);
        } catch (error) {
          logger.error((error as Error).message);
        } finally {
          await pool?.close();
          pool = undefined;
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (file: string) => {
        if (file.startsWith(baseDir) && file.endsWith('.md')) store.delete(relative(baseDir, file).split(sep).join('/').replace(/\.md$/, ''));
      });
    },
  };
}
