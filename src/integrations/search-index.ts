/**
 * Writes the search index into the build output, as the last step of
 * `astro build`, so `npm run build`, `npm start` and the tests always carry
 * a fresh one (a separate CLI step could be forgotten). The index itself,
 * per section as a base plus a delta, is `src/search/build-index.ts`.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndexes, searchIndexVersion } from '../search/build-index.ts';

export default function searchIndex(): AstroIntegration {
  let root = '';
  let stateDir = '';
  let version = '';
  let workerUrl: URL;
  return {
    name: 'aa-aa:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir);
        workerUrl = new URL('search/index-worker.ts', config.srcDir);
        version = searchIndexVersion(fileURLToPath(new URL('package-lock.json', config.root)));
        // The state belongs to this output folder (test fixtures build elsewhere with the same cache).
        stateDir = join(fileURLToPath(config.cacheDir), 'search-index', createHash('sha256').update(root).digest('hex').slice(0, 16));
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (fileURLToPath(dir) !== root) throw new Error(`search index: built to ${fileURLToPath(dir)}, expected ${root}`);
        // Every page the build wrote or kept (cached pages included, as pruneDist relies on): no walk of dist/.
        const htmlFiles = [...assets.values()].flat().map((url) => fileURLToPath(url)).filter((file) => file.endsWith('.html'));
        await buildSearchIndexes(root, stateDir, version, workerUrl, logger, htmlFiles);
      },
    },
  };
}
