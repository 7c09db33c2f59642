/**
 * A throw-away copy of the site, for the benchmark and for the tests'
 * fixture builds (`tests/helpers/fixture-site.ts`): the project's files
 * (whatever the build needs today: src/, public/, config, scripts, other
 * content collections) without content/articles, tests, dist/ or caches, and
 * a node_modules made of one symlink per package. Linking package by package
 * keeps Astro's cache (node_modules/.astro, with the rendered article bodies
 * the loader writes and prunes) and Vite's inside the copy, so a copy never
 * reads or writes the project's own caches, and copies built at the same
 * time never delete each other's files.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Top-level paths never copied: build output, caches, VCS, the benchmark's and the tests' own files. */
const SKIP_TOP = new Set(['node_modules', 'dist', '.astro', '.bench', '.git', 'test-results', 'screenshots', 'tests']);
/** Cache folders inside node_modules that belong to one site, not to the packages. */
const SKIP_MODULES = new Set(['.astro', '.vite', '.vite-temp', '.cache']);

function projectFiles(root: string): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\0').filter(Boolean);
  } catch {
    // Not a git checkout (an unpacked tarball): walk the tree instead, but
    // not into node_modules and the other skipped folders.
    return readdirSync(root, { withFileTypes: true })
      .filter((top) => !SKIP_TOP.has(top.name))
      .flatMap((top) =>
        top.isDirectory()
          ? readdirSync(join(root, top.name), { recursive: true, withFileTypes: true })
              .filter((e) => e.isFile())
              .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
          : top.isFile()
            ? [top.name]
            : [],
      );
  }
}

/**
 * Makes `dest` (emptied first) a buildable copy of the site at `projectRoot`,
 * without its articles: write them under `dest/content/articles/<lang>/`, then run
 * `node node_modules/astro/bin/astro.mjs build` with `dest` as the working
 * folder. Throws if the project has no node_modules.
 * @example makeSiteCopy(projectRoot, '/tmp/site'); // then /tmp/site/content/articles/en/x.md
 */
export function makeSiteCopy(projectRoot: string, dest: string): void {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const file of projectFiles(projectRoot)) {
    const top = file.split('/')[0]!;
    if (SKIP_TOP.has(top) || file.startsWith('content/articles/')) continue;
    if (!existsSync(join(projectRoot, file))) continue; // deleted but not yet committed
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    cpSync(join(projectRoot, file), join(dest, file));
  }
  const modules = join(projectRoot, 'node_modules');
  if (!existsSync(modules)) throw new Error(`${modules} is missing: run npm ci first`);
  mkdirSync(join(dest, 'node_modules'));
  for (const name of readdirSync(modules)) {
    if (SKIP_MODULES.has(name)) continue;
    symlinkSync(join(modules, name), join(dest, 'node_modules', name));
  }
}

/** Everything a cold build must not find: output, Astro's and Vite's caches. */
export function clearCaches(site: string): void {
  for (const dir of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache']) {
    rmSync(join(site, dir), { recursive: true, force: true });
  }
}
