/**
 * `npm run preview` serves the built site as the hosts do: `/fa` answers
 * 301 → `/fa/` (Astro's own preview answered 404), a missing page the built
 * 404 page with status 404, and every response the headers of
 * src/config/http.ts. The real script, on the built test site.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG_CACHE, securityHeaders, SHORT_CACHE } from '../../src/config/http.ts';
import { sectionKeys } from '../../src/i18n/locales.ts';
import { distDir, projectRoot, testSiteRoot } from '../helpers/paths.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('npm run preview', () => {
  let child: ChildProcess;
  let origin = '';
  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [join(projectRoot, 'scripts', 'preview.ts'), '--port', String(port)], { cwd: testSiteRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => String(chunk).includes('Serving') && resolve());
      child.once('exit', (code) => reject(new Error(`preview exited with ${code}`)));
    });
  });
  afterAll(() => {
    child?.kill();
  });

  it.each(sectionKeys)('/%s answers 301 to the same address with its slash, with the security headers', async (section) => {
    const response = await fetch(`${origin}/${section}`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`/${section}/`);
    expect(response.headers.get('content-security-policy')).toBe(securityHeaders['Content-Security-Policy']);
  });

  it('a missing page is the built 404 page, status 404, cached short', async () => {
    const response = await fetch(`${origin}/no-such-page/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe(SHORT_CACHE);
    expect(await response.text()).toBe(readFileSync(join(distDir, '404.html'), 'utf8'));
  });

  it('the site\'s own redirects, and the long cache on hashed assets', async () => {
    const redirected = await fetch(`${origin}/${sectionKeys[0]}/page/1/`, { redirect: 'manual' });
    expect([redirected.status, redirected.headers.get('location')]).toEqual([301, `/${sectionKeys[0]}/`]);
    const html = readFileSync(join(distDir, 'index.html'), 'utf8');
    const asset = /(?:src|href)="(\/_astro\/[^"]+)"/.exec(html)?.[1] ?? /url\((\/_astro\/[^)]+)\)/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    expect((await fetch(origin + asset)).headers.get('cache-control')).toBe(LONG_CACHE);
  });
});
