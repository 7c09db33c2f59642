/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so tests resolve modules exactly as the site does.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One production build of the site, shared by every build-output and browser test.
    globalSetup: ['tests/helpers/build-site.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
