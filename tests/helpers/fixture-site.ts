/**
 * Builds a throw-away copy of the site around fixture articles: the real
 * config, layouts and pages, with `content/` replaced. The copy lives in the
 * system temp folder, so the real `content/` and `dist/` are never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { projectRoot } from './paths.ts';

export interface FixtureBuild {
  readonly root: string;
  readonly dist: string;
  /** Everything the build printed (stdout and stderr). */
  readonly output: string;
  readonly exitCode: number;
}

/** Copies the site without content, node_modules or build output. */
export function copySite(): string {
  const root = mkdtempSync(join(tmpdir(), 'aa-site-'));
  for (const entry of readdirSync(projectRoot)) {
    if (['content', 'node_modules', 'dist', '.astro', '.git', 'tests', '.scratch', '.bench'].includes(entry)) continue;
    cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

/** Writes `files` (paths relative to the copy's `content/`) and runs `astro build`. */
export function buildWithContent(files: Record<string, string>): FixtureBuild {
  const root = copySite();
  for (const [rel, text] of Object.entries(files)) {
    const target = join(root, 'content', rel);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    encoding: 'utf8',
    // Vitest sets NODE_ENV=test; the fixture must build as production does.
    env: { ...process.env, NODE_ENV: 'production', SITE_URL: '', FORCE_COLOR: '0', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${run.stdout}${run.stderr}`;
  const exitCode = run.status ?? 1;
  return { root, dist: join(root, 'dist'), output, exitCode };
}

/** Every HTML file of a build, relative to its dist folder. */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dist, join(e.parentPath, e.name)));
}
