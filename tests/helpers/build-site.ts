/**
 * Vitest global setup: builds the site once (production mode, the real
 * `astro build`) so build-output tests read the same `dist/` a reader gets.
 * Set REUSE_DIST=1 to skip the build while iterating on tests locally.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, projectRoot } from './paths.ts';

/**
 * Runs `astro build` in `cwd` with a clean environment. Under Vitest the
 * process carries NODE_ENV=test and Vite's MODE/DEV/PROD, which would make a
 * development build: drafts and future articles included.
 */
export function astroBuild(cwd: string, env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
}

export default function setup() {
  if (process.env.REUSE_DIST === '1' && existsSync(distDir)) return;
  astroBuild(projectRoot);
}
