/**
 * Writes `_headers` and `_redirects` into the build output at the end of
 * every `astro build`, from `src/config/http.ts` (through
 * `src/config/host-files.ts`): Netlify and Cloudflare Pages read them from the
 * published folder and do not serve them. Written every build, so they can
 * never lag behind the source.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHeadersFile, renderRedirectsFile } from '../config/host-files.ts';

export default function hostConfig(): AstroIntegration {
  return {
    name: 'aa-aa:host-config',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        writeFileSync(join(root, '_headers'), renderHeadersFile());
        writeFileSync(join(root, '_redirects'), renderRedirectsFile());
      },
    },
  };
}
