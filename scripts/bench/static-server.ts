/**
 * A static file server over a built site, for the benchmark's search phase:
 * `/x/` → `x/index.html`, percent-decoded paths, and gzip for text (HTML,
 * JS, JSON, CSS), as a static host compresses them. Pagefind's own files
 * (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pagefind`) are gzip already
 * and served as they are, so the bytes counted are the bytes a reader's
 * browser would download from a real host.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
};
/** Types a host compresses on the fly; everything else (fonts, Pagefind's gzip files) goes as it is. */
const COMPRESSED = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml']);

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
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` on a free local port.
 * @example const server = await serveStatic('/tmp/site/dist'); … await server.close();
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const file = await fileFor(root, pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const ext = extname(file);
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream' };
    let body = await readFile(file);
    if (COMPRESSED.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipped.get(file) ?? gzipped.set(file, gzipSync(body, { level: 6 })).get(file)!;
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
