/**
 * Writes the Pagefind search index into the build output, as the last step
 * of `astro build` (so `npm run build`, `npm start` and the tests all get it).
 *
 * Only article pages are indexed: they are the pages with `data-pagefind-body`.
 * Pagefind splits the index by each page's `<html lang>`, so the Dari and
 * English sections get separate indexes and each search page loads its own.
 * The HTML handed to Pagefind goes through `normalizeSearchText`, the same
 * folding the search page applies to the reader's query; the pages on disk
 * are left as they are.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { langs } from '../i18n/locales.ts';
import { normalizeSearchText } from '../utils/search-text.ts';

/** Where the search page loads the index from (see `components/SearchBox.astro`). */
export const PAGEFIND_DIR = 'pagefind';

/** Article pages of the build: those Pagefind indexes. */
async function* articlePages(root: string): AsyncGenerator<{ url: string; html: string }> {
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const html = await readFile(join(entry.parentPath, entry.name), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    yield { url: `/${relative(root, entry.parentPath).split(sep).join('/')}/`, html };
  }
}

/** Article pages, by their route shape (`/{lang}/{yyyy}/{mm}/{slug}/`): the only pages with `data-pagefind-body`. */
const ARTICLE_FILE = new RegExp(`^(?:${langs.join('|')})/\\d{4}/\\d{2}/[^/]+/index\\.html$`);

/**
 * A digest of what the index would be built from, without reading the pages:
 * every article page's path, size and modification time (Astro rewrites a page
 * whenever it renders it, and leaves pages it skips untouched), plus the
 * folding applied to them and the lockfile that pins Pagefind.
 */
async function inputsDigest(root: string, lockfile: string): Promise<string> {
  const hash = createHash('sha256').update(normalizeSearchText.toString());
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => ARTICLE_FILE.test(relative(root, file).split(sep).join('/')))
    .sort();
  for (const file of files) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(root, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export default function pagefindIndex(): AstroIntegration {
  let cacheDir = '';
  let projectRoot = '';
  return {
    name: 'aa-aa:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        projectRoot = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const outputPath = join(root, PAGEFIND_DIR);
        // Indexing every article is most of an unchanged rebuild's time at
        // 10,000 articles; when the pages Pagefind would read are the same as
        // last time, the index from last time (kept in dist/, see
        // prune-dist.ts) is still right.
        const inputs = await inputsDigest(root, join(projectRoot, 'package-lock.json'));
        const stamp = join(cacheDir, 'pagefind-inputs.sha256');
        if (existsSync(join(outputPath, 'pagefind.js')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs) {
          logger.info('article pages unchanged: kept the search index');
          return;
        }
        rmSync(outputPath, { recursive: true, force: true });
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        let count = 0;
        for await (const { url, html } of articlePages(root)) {
          const added = await index.addHTMLFile({ url, content: normalizeSearchText(html) });
          if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
          count++;
        }
        const written = await index.writeFiles({ outputPath });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(stamp, inputs);
        logger.info(`indexed ${count} articles for search`);
      },
    },
  };
}
