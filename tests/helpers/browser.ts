/**
 * Browser tests drive Debian's Chromium (`/usr/bin/chromium`, installed by
 * `.ci/run`) through playwright-core against the test site (paths.ts
 * `distDir`) served locally. No test downloads a browser, and the pages fetch
 * nothing from another host.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from './static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
  narrowest: { width: 320, height: 640 },
} as const;

export interface Site {
  browser: Browser;
  server: StaticServer;
  /** Requests any page made to another host (they are aborted); should stay empty. */
  offsite: string[];
  /** A fresh page in its own context (no shared cache or history). */
  page(options?: BrowserContextOptions): Promise<Page>;
  url(path: string): string;
  close(): Promise<void>;
}

/** Starts the server (over the test site, or another build's output) and the browser; call `close()` in `afterAll`. */
export async function openSite(root?: string): Promise<Site> {
  const [server, browser] = await Promise.all([
    startStaticServer(root),
    chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }),
  ]);
  const offsite: string[] = [];
  return {
    browser,
    server,
    offsite,
    url: (path) => new URL(path, server.origin).href,
    async page(options = {}) {
      const context = await browser.newContext({ viewport: viewports.desktop, ...options });
      const page = await context.newPage();
      // The pages must be self-contained: requests off the local server are refused and recorded.
      await context.route(
        (url) => !url.href.startsWith(server.origin),
        (route) => {
          offsite.push(route.request().url());
          return route.abort();
        },
      );
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The decoded path of the page's URL (Dari tag URLs arrive percent-encoded). */
export function pathOf(page: Page): string {
  return decodeURIComponent(new URL(page.url()).pathname);
}
