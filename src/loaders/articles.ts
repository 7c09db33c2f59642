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
 *   nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFrontmatter } from '../validation/frontmatter.ts';
import { BODIES_DIR, type RenderJob, type RenderReply } from './rendered-body.ts';

interface Options {
  /** Folder of the Markdown files, relative to the project root. */
  base: string;
}

/**
 * A fingerprint of everything the Markdown pipeline can depend on: every
 * script module under src/ (plugins import dictionaries, date and number
 * formatting, site settings) and the lockfile that pins the packages. A
 * change to any of them re-renders every body; templates and styles
 * (.astro, .css) do not affect bodies and do not count.
 */
function pipelineFingerprint(root: string, srcDir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(srcDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(?:[cm]?[jt]s|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(relative(srcDir, file)).update(readFileSync(file));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 16);
}

/** A fixed pool of Markdown workers; jobs queue until a worker is free. */
class WorkerPool {
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #queue: { job: RenderJob; done: (error?: string) => void }[] = [];
  readonly #pending = new Map<number, (error?: string) => void>();

  constructor(script: URL, size: number) {
    for (let i = 0; i < size; i++) {
      // A larger young generation: rendering allocates many short-lived nodes.
      const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 48 } });
      worker.on('message', (reply: RenderReply) => {
        this.#pending.get(reply.seq)?.(reply.error);
        this.#pending.delete(reply.seq);
        this.#next(worker);
      });
      worker.on('error', (error) => {
        for (const done of this.#pending.values()) done(String(error.stack ?? error));
        this.#pending.clear();
      });
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  run(job: RenderJob): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: string) => (error ? reject(new Error(error)) : resolve());
      const worker = this.#idle.pop();
      if (worker) this.#send(worker, job, done);
      else this.#queue.push({ job, done });
    });
  }

  #send(worker: Worker, job: RenderJob, done: (error?: string) => void) {
    this.#pending.set(job.seq, done);
    worker.postMessage(job);
  }

  #next(worker: Worker) {
    const item = this.#queue.shift();
    if (item) this.#send(worker, item.job, item.done);
    else this.#idle.push(worker);
  }

  async close() {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

export function articleLoader({ base }: Options): Loader {
  return {
    name: 'article-loader',
    load: async ({ config, store, parseData, generateDigest, logger, watcher }: LoaderContext) => {
      const root = fileURLToPath(config.root);
      const baseDir = join(root, base);
      const bodiesDir = join(root, BODIES_DIR);
      mkdirSync(bodiesDir, { recursive: true });
      const fingerprint = pipelineFingerprint(root, fileURLToPath(config.srcDir));
      let pool: WorkerPool | undefined;
      let seq = 0;

      /** Loads one file; returns its digest, or undefined if it is not an article. */
      async function sync(file: string): Promise<string | undefined> {
        if (!file.endsWith('.md')) return undefined;
        const rel = relative(baseDir, file).split(sep).join('/');
        const id = rel.replace(/\.md$/, '');
        const contents = await readFile(file, 'utf8');
        const digest = generateDigest(`${fingerprint}\n${contents}`);
        const outFile = join(bodiesDir, `${digest}.json`);
        if (store.get(id)?.digest === digest && existsSync(outFile)) return digest;

        // The site's one frontmatter reader: dates stay the strings the editor
        // typed, for the schema's Kabul-day rules (see src/validation/frontmatter.ts).
        const read = readFrontmatter(contents);
        if (!read.ok) throw new Error(`${relative(root, file)}: frontmatter: ${read.problem}`);
        const frontmatter = read.data;
        let body: string;
        try {
          // As Astro's own Markdown entry type does, so that plugins report the same lines.
          const parsed = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
          body = parsed.content.trim();
        } catch (error) {
          throw new Error(`${relative(root, file)}: the frontmatter is not valid YAML: ${(error as Error).message}`);
        }
        const filePath = relative(root, file).split(sep).join('/');
        const data = await parseData({ id, data: frontmatter, filePath: file });
        pool ??= new WorkerPool(new URL('loaders/markdown-worker.ts', config.srcDir), Math.max(1, availableParallelism()));
        await pool.run({ seq: ++seq, lang: id.split('/')[0]!, body, frontmatter, filePath: file, outFile });
        store.set({ id, data, filePath, digest });
        return digest;
      }

      const files = readdirSync(baseDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.md'))
        .map((e) => join(e.parentPath, e.name));
      const seen = new Set<string>();
      const digests = new Set<string>();
      try {
        // Bounded so that 50,000 files are not all read into memory at once.
        let next = 0;
        const lane = async () => {
          while (next < files.length) {
            const file = files[next++]!;
            const digest = await sync(file);
            if (digest) {
              digests.add(digest);
              seen.add(relative(baseDir, file).split(sep).join('/').replace(/\.md$/, ''));
            }
          }
        };
        await Promise.all(Array.from({ length: 32 }, lane));
      } finally {
        await pool?.close();
        pool = undefined;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      // Bodies of deleted or edited articles are no longer referenced.
      for (const name of readdirSync(bodiesDir)) {
        if (!digests.has(name.replace(/\.json$/, ''))) rmSync(join(bodiesDir, name), { force: true });
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
