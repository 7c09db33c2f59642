/**
 * Keeps dist/ between builds and prunes it afterwards. Astro normally empties
 * dist/ before every build; with incremental builds that means deleting and
 * then copying back every unchanged page (tens of thousands of files). With
 * `vite.build.emptyOutDir: false` the unchanged pages stay where they are,
 * and this integration removes, after the build, every file the build did
 * not produce: the pages of deleted or unpublished articles, stale assets.
 * A file counts as produced if Astro reports it as a page's output, or if it
 * was written during this build. Folders named in `keep` are left to the
 * integration that owns them.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Options {
  /** Top-level folders of dist/ that another integration owns and refreshes itself (the search index). */
  keep?: readonly string[];
}

export default function pruneDist({ keep = [] }: Options = {}): AstroIntegration {
  let buildStart = 0;
  return {
    name: 'aa:prune-dist',
    hooks: {
      'astro:build:start': () => {
        buildStart = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        const produced = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) produced.add(fileURLToPath(url));
        let removed = 0;
        const sweep = (folder: string): boolean => {
          let empty = true;
          for (const entry of readdirSync(folder, { withFileTypes: true })) {
            const path = join(folder, entry.name);
            if (entry.isDirectory()) {
              if (sweep(path)) rmdirSync(path);
              else empty = false;
            } else if (produced.has(path) || statSync(path).mtimeMs >= buildStart) {
              empty = false;
            } else {
              unlinkSync(path);
              removed++;
            }
          }
          return empty;
        };
        const kept = new Set(keep.map((name) => join(outDir, name)));
        for (const entry of readdirSync(outDir, { withFileTypes: true })) {
          const path = join(outDir, entry.name);
          if (kept.has(path)) continue;
          if (!entry.isDirectory()) {
            if (!produced.has(path) && statSync(path).mtimeMs < buildStart) {
              unlinkSync(path);
              removed++;
            }
          } else if (sweep(path)) rmdirSync(path);
        }
        if (removed > 0) logger.info(`removed ${removed} file(s) this build did not produce`);
      },
    },
  };
}
