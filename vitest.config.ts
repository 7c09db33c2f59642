/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * Three projects, one per folder of tests/ (a test file's folder is its
 * project): `npx vitest run --project unit` runs without building anything.
 * - unit: functions and scripts, no site build at all;
 * - build: the built HTML, feeds and sitemaps of the site built once from
 *   tests/fixtures/site/ (global setup), and fixture builds of their own;
 * - browser: the same site, and fixture builds, in Chromium.
 */
const siteBuild = {
  // The site is built once per `vitest` run, for whichever of the two projects starts first.
  globalSetup: ['tests/helpers/build-site.ts'],
  // Builds and browsers on a busy machine are slow, not wrong: these limits
  // only catch a hang (speed targets live in `npm run bench`). A fixture build
  // is killed after BUILD_TIMEOUT_MS (tests/helpers/build-site.ts).
  testTimeout: 20 * 60_000,
  hookTimeout: 60 * 60_000,
};

// Astro's Vite config, so tests resolve modules exactly as the site does.
export default getViteConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Temp folders are removed after each test file, whatever the isolation.
    setupFiles: ['tests/helpers/setup.ts'],
    projects: [
      // Unit test files share one module graph per worker (isolate: false):
      // loading zod, unified and the rest again for each of ~20 files cost
      // about a third of the project's CPU time. What a file changes it puts
      // back (environment variables; temp folders through tests/helpers/temp.ts).
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], ...siteBuild } },
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], ...siteBuild } },
    ],
  },
});
