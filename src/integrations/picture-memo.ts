/**
 * Opens the picture memo (`utils/picture-memo.ts`) at the
 * start of a build and saves it at the end, in Astro's cache folder: one
 * file per output folder (`picture-memo/<digest of outDir>.json`), as
 * `prune-dist` keeps its records, since test fixtures build elsewhere with
 * the same cache.
 *
 * The memo's generation, which must match for any of it to be used: Astro's
 * version (it names the files: `hashTransform`), the image config (service,
 * its settings), `base`, `site` and the assets folder (in every URL), and
 * the text of every file in `src/utils`, `src/loaders` and `src/config`:
 * the code that makes the markup (widths, formats, `sizes`, the preview
 * crops) lives there. That is wider than needed on purpose: a change to
 * any of them makes every picture again through `getImage()` once, the
 * warm cost of a build without the memo, rather than risk a stale one.
 *
 * Not in the dev server (its hooks are the build's).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closePictureMemo, PictureMemo, pictureMemo, setPictureMemo } from '../utils/picture-memo.ts';

/** Folders of `srcDir` whose files the memo's results depend on (see the file's comment). */
const CODE_FOLDERS = ['utils', 'loaders', 'config'];

/** Every file under `dir`, as `path\0content` in path order; empty for a missing folder. */
function folderText(dir: string): string {
  let names: string[];
  try {
    names = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return '';
  }
  return names.map((file) => `${file}\0${readFileSync(file, 'utf8')}`).join('\0');
}

export default function pictureMemoIntegration(): AstroIntegration {
  let options: ConstructorParameters<typeof PictureMemo>[0] | undefined;
  return {
    name: 'aa:picture-memo',
    hooks: {
      'astro:config:done': ({ config }) => {
        const outDir = fileURLToPath(config.outDir);
        const srcDir = fileURLToPath(config.srcDir);
        const astroVersion = (createRequire(import.meta.url)('astro/package.json') as { version: string }).version;
        const generation = createHash('sha256')
          .update(JSON.stringify([astroVersion, config.image, config.base, config.site ?? '', config.build.assets]))
          .update(CODE_FOLDERS.map((folder) => folderText(join(srcDir, folder))).join('\0'))
          .digest('base64url');
        const key = createHash('sha256').update(outDir).digest('hex').slice(0, 16);
        options = { file: join(fileURLToPath(config.cacheDir), 'picture-memo', `${key}.json`), outDir, base: config.base, generation };
      },
      'astro:build:start': () => {
        if (options) setPictureMemo(new PictureMemo(options));
      },
      'astro:build:done': ({ logger }) => {
        const memo = pictureMemo();
        if (!memo) return;
        memo.save();
        // What it reused stays readable for `prune-dist`, whose hook may run after this one.
        closePictureMemo();
        if (memo.hits > 0) logger.info(`${memo.hits} picture result(s) reused from the last build (${memo.reused.size} files kept), ${memo.misses} made`);
      },
    },
  };
}
