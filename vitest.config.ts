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
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], ...siteBuild } },
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], ...siteBuild } },
    ],
  },
});
