/**
 * `npm run nginx-config`: writes `deploy/nginx/afgazad.conf` from
 * `src/config/http.ts`. Run it after changing that file and commit both;
 * tests/unit/host-config.test.ts fails while the two disagree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderNginxConf } from '../src/config/host-files.ts';

export const NGINX_CONF = join('deploy', 'nginx', 'afgazad.conf');

const file = join(process.cwd(), NGINX_CONF);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, renderNginxConf());
console.log(`Wrote ${NGINX_CONF}`);
