/**
 * A static file server over a build's output, the way a static host serves the site:
 * `/x/` → `x/index.html`, percent-decoded paths (Dari tag and author URLs),
 * the built 404 page for anything missing. Browser tests start one on a free
 * port; nothing here is fetched from another host.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { distDir } from './paths.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

async function fileFor(root: string, pathname: string): Promise<string | undefined> {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.(\/|\\|$))+/, '');
  let file = join(root, safe);
  if (!file.startsWith(root)) return undefined;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    await stat(file);
    return file;
  } catch {
    return undefined;
  }
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` (the test site's output, paths.ts `distDir`, unless another build's output is given). */
export async function startStaticServer(root = distDir): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    // Like most static hosts: a directory asked for without its slash is redirected.
    if (!pathname.endsWith('/') && !extname(pathname)) {
      const dir = await fileFor(root, pathname + '/');
      if (dir) {
        res.writeHead(301, { location: pathname + '/' }).end();
        return;
      }
    }
    const file = await fileFor(root, pathname);
    const status = file ? 200 : 404;
    const body = await readFile(file ?? join(root, '404.html'));
    res.writeHead(status, { 'content-type': TYPES[extname(file ?? '.html')] ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

