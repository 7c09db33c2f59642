/**
 * A static file server over a built site, the way a static host serves it,
 * for the benchmark's search phase and the browser tests alike:
 * `/x/` → `x/index.html`, percent-decoded paths (Dari tag and author URLs),
 * a directory asked for without its slash redirected, the built `404.html`
 * for anything missing, and (`gzip: true`) gzip for text (HTML, JS, JSON,
 * CSS), as a host compresses it. Pagefind's own files (`.pf_meta`,
 * `.pf_index`, `.pf_fragment`, `.pagefind`) are gzip already and served as
 * they are, so the bytes counted are the bytes a reader's browser would
 * download from a real host. `PUBLISHED` adds what the site asks of its
 * host (src/config/http.ts): headers, `Content-Encoding` on Pagefind's
 * chunks, redirects. The server counts what it sends (`sent`),
 * worker requests included. Nothing is fetched from another host.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileHeadersFor, headersFor, redirectFor } from '../../src/config/http.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
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

/** One response as it went out: the path asked for and the bytes written to the socket (status line, headers and body). */
export interface Sent {
  readonly path: string;
  readonly bytes: number;
}

export interface StaticServer {
  readonly origin: string;
  /** Every response so far, in the order they finished. */
  readonly sent: readonly Sent[];
  /** Responses started and not yet finished. */
  inflight(): number;
  /** `performance.now()` when the last response finished. */
  lastDone(): number;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Compress text on the fly when the browser accepts gzip (the benchmark counts bytes as a host sends them). Default false. */
  readonly gzip?: boolean;
  /** Port to listen on; default 0 (a free one). */
  readonly port?: number;
  /** Address to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** Headers to add to every response for a request path, whatever its status (`npm run preview` sends the site's, from src/config/http.ts). */
  readonly headers?: (path: string) => Record<string, string>;
  /** Headers to add to a found file's response only (`npm run preview` sends `Content-Encoding: gzip` with Pagefind's chunks, from src/config/http.ts). */
  readonly fileHeaders?: (path: string) => Record<string, string>;
  /** A redirect of the site's own for a request path, tried before any file. */
  readonly redirect?: (path: string) => { readonly to: string; readonly status: number } | undefined;
}

/** Served as the published site is (`npm run preview`, Lighthouse, the search benchmark): the site's headers and redirects, gzip. */
export const PUBLISHED: ServeOptions = { gzip: true, headers: headersFor, fileHeaders: fileHeadersFor, redirect: redirectFor };

/**
 * Serves `root` on a free local port.
 * @example const server = await serveStatic('/tmp/site/dist', { gzip: true }); … await server.close();
 */
export async function serveStatic(root: string, { gzip = false, port: listenPort = 0, host = '127.0.0.1', headers: extraHeaders, fileHeaders, redirect }: ServeOptions = {}): Promise<StaticServer> {
  const gzipped = new Map<string, Buffer>();
  const sent: Sent[] = [];
  let inflight = 0;
  let lastDone = performance.now();
  const server: Server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    // Bytes on the wire, from the socket's own count (keep-alive sockets carry several responses, one at a time).
    const before = req.socket.bytesWritten;
    inflight++;
    res.on('close', () => {
      inflight--;
      lastDone = performance.now();
      sent.push({ path: decodeURIComponent(pathname), bytes: req.socket.bytesWritten - before });
    });
    const extra = extraHeaders?.(decodeURIComponent(pathname)) ?? {};
    const own = redirect?.(decodeURIComponent(pathname));
    if (own) {
      // `to` is decoded (a tag's name may be Dari); a header is ASCII.
      res.writeHead(own.status, { ...extra, location: encodeURI(own.to) }).end();
      return;
    }
    // Like most static hosts: a directory asked for without its slash is redirected.
    if (!pathname.endsWith('/') && !extname(pathname) && (await fileFor(root, pathname + '/'))) {
      res.writeHead(301, { ...extra, location: pathname + '/' }).end();
      return;
    }
    const found = await fileFor(root, pathname);
    const file = found ?? (await fileFor(root, '/404.html'));
    if (!file) {
      res.writeHead(404, extra).end();
      return;
    }
    const ext = extname(file);
    // The 404 page is served under the 404 page's headers (short cache), not the asked path's.
    const own404 = found ? extra : (extraHeaders?.('/404.html') ?? {});
    const headers: Record<string, string> = { ...own404, ...(found ? fileHeaders?.(decodeURIComponent(pathname)) : {}), 'content-type': TYPES[ext] ?? 'application/octet-stream' };
    let body: Buffer = await readFile(file);
    if (gzip && COMPRESSED.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipped.get(file) ?? gzipped.set(file, gzipSync(body, { level: 6 })).get(file)!;
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(found ? 200 : 404, headers);
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    sent,
    inflight: () => inflight,
    lastDone: () => lastDone,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
