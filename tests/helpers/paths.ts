/**
 * Where the test suite's files are. The suite judges the site's code, never
 * the editors' articles: build and browser tests read a site built from the
 * fixture articles in `tests/fixtures/site/`, into a folder outside the
 * project, so the project's own `content/` and `dist/` play no part in
 * `npm test` (`npm run check` judges `content/`).
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The fixture content the shared test site is built from (laid out like `content/`). */
export const siteFixtureDir = join(projectRoot, 'tests', 'fixtures', 'site');
/** Its articles, `<lang>/<slug>.md`: what the shared test site should contain. */
export const contentDir = join(siteFixtureDir, 'articles');

/**
 * The copy of the site that global setup builds (`tests/helpers/build-site.ts`),
 * one per checkout, so two worktrees never share it. In the system temp folder:
 * inside the project, Astro's and TypeScript's file scans would find it.
 */
export const testSiteRoot = join(tmpdir(), `aa-test-site-${createHash('sha256').update(projectRoot).digest('hex').slice(0, 12)}`);
/** That build's output, which build and browser tests read (never the project's `dist/`). */
export const distDir = join(testSiteRoot, 'dist');
