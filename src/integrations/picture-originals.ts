/**
 * Opens the placing of picture originals for a build
 * (`utils/picture-originals.ts`: each original goes into `dist/` when a
 * page first asks the image service for its picture) and, at the end,
 * removes any original still there: one the image step did not delete (a
 * picture it made nothing of). A linked original is as new as the build
 * and `prune-dist` would keep it: it must go here.
 *
 * It also tells the pages whether they run in the dev server
 * (`PICTURES_FROM_SOURCE`, a Vite define from Astro's `command`), where a
 * picture is served from its file instead: `import.meta.env.DEV` follows
 * `NODE_ENV`, which a test runner or a shell may have set to anything.
 */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { closeOriginals, openOriginals } from '../utils/picture-originals.ts';

/** The name the pages read (`utils/pictures.ts`): true in the dev server, false in a build. */
export const PICTURES_FROM_SOURCE = '__AA_PICTURES_FROM_SOURCE__';

export default function pictureOriginalsIntegration(): AstroIntegration {
  let outDir = '';
  let base = '/';
  return {
    name: 'aa:picture-originals',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { [PICTURES_FROM_SOURCE]: JSON.stringify(command === 'dev') } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base;
      },
      'astro:build:start': () => {
        openOriginals(outDir, base);
      },
      'astro:build:done': ({ logger }) => {
        // Those the image step took are gone already (see the file's comment).
        const placed = closeOriginals();
        for (const file of placed) rmSync(file, { force: true });
        if (placed.length > 0) logger.debug(`${placed.length} picture original(s) were put in dist/ for the image step`);
      },
    },
  };
}
