/**
 * Vitest global setup of the `build` and `browser` projects: builds the site
 * once (production mode, the real `astro build`) from the fixture articles in
 * `tests/fixtures/site/`, in a copy of the project outside it
 * (`testSiteRoot`, see paths.ts), so that build-output and browser tests read
 * what a reader would get from those articles. The project's `content/` and
 * `dist/` are neither read nor written: an editor's article can never fail
 * `npm test`, and `npm test` never clobbers a developer's build.
 *
 * Each run is a clean build (as in CI). Set REUSE_DIST=1 to keep the previous
 * run's test site while iterating on tests.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeSiteCopy } from '../../scripts/bench/site-copy.ts';
import { contentDir, distDir, projectRoot, testSiteRoot } from './paths.ts';

/**
 * How long one `astro build` of a test may run before it is killed: a guard
 * against a hung build, not a speed target (that is `npm run bench`), so it
 * is generous enough for a machine running other builds at the same time.
 */
export const BUILD_TIMEOUT_MS = 20 * 60_000;

function buildTestSite(): void {
  if (process.env.REUSE_DIST === '1' && existsSync(join(distDir, 'index.html'))) {
    console.log(`REUSE_DIST=1: testing the previous build in ${distDir}`);
    return;
  }
  makeSiteCopy(projectRoot, testSiteRoot);
  cpSync(contentDir, join(testSiteRoot, 'content', 'articles'), { recursive: true });
  console.log(`Building the test site from tests/fixtures/site/ into ${distDir}`);
  try {
    execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      cwd: testSiteRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: BUILD_TIMEOUT_MS,
      // Vitest sets NODE_ENV=test, which would make Astro build in a non-production
      // mode (and publish drafts); the site under test is the production build.
      env: { ...process.env, NODE_ENV: 'production', SITE_URL: '' },
    });
  } catch (error) {
    const { status, signal } = error as { status?: number; signal?: string };
    throw new Error(`The test site did not build (${signal ? `killed by ${signal}` : `exit code ${status}`}); Astro's output above says why. Its copy is ${testSiteRoot}.`);
  }
}

/** Both projects that need the site declare this setup; the first one to start builds it. */
const ONCE = Symbol.for('aa.testSiteBuilt');

export default function setup(): void {
  const state = globalThis as { [ONCE]?: true };
  if (state[ONCE]) return;
  buildTestSite();
  state[ONCE] = true;
}
