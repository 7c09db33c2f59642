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
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { normalizeSearchText } from '../utils/search-text.ts';

/** Where the search page loads the index from (see `components/SearchBox.astro`). */
export const PAGEFIND_DIR = 'pagefind';

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'aa-aa:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        let count = 0;
        for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || entry.name !== 'index.html') continue;
          const file = join(entry.parentPath, entry.name);
          const html = await readFile(file, 'utf8');
          if (!html.includes('data-pagefind-body')) continue;
          const url = `/${relative(root, entry.parentPath).split(sep).join('/')}/`;
          const added = await index.addHTMLFile({ url, content: normalizeSearchText(html) });
          if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
          count++;
        }
        const written = await index.writeFiles({ outputPath: join(root, PAGEFIND_DIR) });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`indexed ${count} articles for search`);
      },
    },
  };
}
