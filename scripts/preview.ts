/**
 * `npm run preview [-- --port 4321] [--host 127.0.0.1]`: serves the built
 * site (`dist/`) as the published site behaves: `/fa` answers 301 → `/fa/`,
 * a missing path gets the built 404 page with status 404, and every
 * response carries the headers and redirects of `src/config/http.ts` (the
 * ones `_headers`, `_redirects` and the nginx server block send). Text is
 * gzipped as a host would. Stop it with Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PUBLISHED, serveStatic } from './bench/static-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' } } });
const root = join(process.cwd(), 'dist');
if (!existsSync(join(root, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` first.');
  process.exit(1);
}
const server = await serveStatic(root, { ...PUBLISHED, port: Number(values.port), host: values.host });
console.log(`Serving dist/ at ${server.origin}/ (Ctrl-C to stop)`);
