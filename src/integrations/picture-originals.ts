/**
 * Puts each article picture's original where Astro's image step reads it on
 * a build: `dist/_astro/<name>.<hash>.<ext>`, the URL the page's
 * `ImageMetadata` names (`utils/pictures.ts`). Astro reads the original
 * from there only for a file it has not encoded before (the rest come from
 * its cache, `node_modules/.astro/assets`), and deletes it afterwards, as
 * it deletes a Vite-imported picture nothing links to. At the end of the
 * build this removes any left: a draft's, or a picture the article route
 * reused from the last build (`utils/picture-memo.ts`), for which the image
 * step read nothing and so deleted nothing. A copied original (below) is as
 * new as the build and `prune-dist` would keep it: it must go here.
 *
 * A hard link, not a copy: a photo is several MB, and an archive has
 * thousands. A link costs one system call and no bytes; an original
 * already in place costs one `stat`. Where `dist/` is on another disk than
 * the content, the file is copied.
 *
 * The list is the loader's, written at the content sync that starts every
 * build (`loaders/pictures.ts`).
 *
 * It also tells the pages whether they run in the dev server
 * (`PICTURES_FROM_SOURCE`, a Vite define from Astro's `command`), where a
 * picture is served from its file instead: `import.meta.env.DEV` follows
 * `NODE_ENV`, which a test runner or a shell may have set to anything.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pictureOriginals } from '../loaders/pictures.ts';

/** The name the pages read (`utils/pictures.ts`): true in the dev server, false in a build. */
export const PICTURES_FROM_SOURCE = '__AA_PICTURES_FROM_SOURCE__';

export default function pictureOriginalsIntegration(): AstroIntegration {
  let root = '';
  let outDir = '';
  /** The originals this build put in (or found in) dist/, absolute paths. */
  let placedFiles: string[] = [];
  return {
    name: 'aa:picture-originals',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { [PICTURES_FROM_SOURCE]: JSON.stringify(command === 'dev') } } });
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        let placed = 0;
        const dirs = new Set<string>();
        placedFiles = [];
        for (const ref of pictureOriginals(root)) {
          const dest = join(outDir, ref.out);
          placedFiles.push(dest);
          if (existsSync(dest)) continue;
          const dir = dirname(dest);
          if (!dirs.has(dir)) mkdirSync(dir, { recursive: true });
          dirs.add(dir);
          const src = join(root, ref.file);
          try {
            linkSync(src, dest);
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'EEXIST') continue;
            // Another disk (EXDEV), or a file system without hard links.
            if (code === 'EXDEV' || code === 'EPERM' || code === 'ENOTSUP') copyFileSync(src, dest);
            else if (code !== 'ENOENT') throw error;
          }
          placed++;
        }
        logger.debug(`${placed} picture original(s) put in dist/ for the image step`);
      },
      'astro:build:done': () => {
        // Those the image step took are gone already (see the file's comment).
        for (const file of placedFiles) rmSync(file, { force: true });
        placedFiles = [];
      },
    },
  };
}
