/**
 * Vitest global setup: builds the site once (production mode, the real
 * `astro build`) so build-output tests read the same `dist/` a reader gets.
 * Set REUSE_DIST=1 to skip the build while iterating on tests locally.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { distDir, projectRoot } from './paths.ts';

export default function setup() {
  if (process.env.REUSE_DIST === '1' && existsSync(distDir)) return;
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: projectRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    // Vitest sets NODE_ENV=test, which would make Astro build in a non-production
    // mode (and publish drafts); the site under test is the production build.
    env: { ...process.env, NODE_ENV: 'production', SITE_URL: '' },
  });
}
