/**
 * The content check inside Astro (src/integrations/validate-content.ts):
 * `astro build` stops on an error, a dev server lists problems when it starts,
 * and loading the config as a `dev` command without a server (what Vitest's
 * `getViteConfig` does on every test run) checks nothing: tests never judge
 * the editors' content/.
 */
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import validateContent from '../../src/integrations/validate-content.ts';
import { projectRoot } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp.ts';
import { wantsPage } from '../../src/integrations/validate-content.ts';

type Hooks = Required<AstroIntegration['hooks']>;

/** A page request as the dev server would pass it to the integration's middleware, and what came back. */
interface Answer {
  /** `next()` was called: Astro renders the page as usual. */
  readonly passed: boolean;
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** The integration over a content folder (relative to the project root, or absolute), with a logger that keeps its lines and a fake dev server. */
function integration(contentDir = 'tests/fixtures/invalid/missing-title') {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => lines.push(`${level}: ${message}`);
  const logger = { error: log('error'), warn: log('warn'), info: log('info') };
  const hooks = validateContent({ contentDir }).hooks as Hooks;
  const setup = (command: string) =>
    hooks['astro:config:setup']({ config: { root: pathToFileURL(projectRoot) }, command, logger } as unknown as Parameters<Hooks['astro:config:setup']>[0]);
  const listeners: Record<string, (file: string) => void> = {};
  const watcher = { add: () => watcher, on: (event: string, f: (file: string) => void) => ((listeners[event] = f), watcher) };
  type Middleware = (req: unknown, res: unknown, next: () => void) => Promise<void> | void;
  const middlewares: Middleware[] = [];
  const sent: unknown[] = [];
  const server = { watcher, middlewares: { use: (m: Middleware) => middlewares.push(m) }, ws: { send: (m: unknown) => sent.push(m) } };
  const serve = () => hooks['astro:server:setup']({ server, logger } as unknown as Parameters<Hooks['astro:server:setup']>[0]);
  /** Asks the middleware for `url` with the given Accept header. */
  const request = (url: string, accept = 'text/html,application/xhtml+xml') =>
    new Promise<Answer>((resolve) => {
      let status: number | undefined;
      let headers: Record<string, string> | undefined;
      const res = {
        writeHead: (s: number, h: Record<string, string>) => ((status = s), (headers = h)),
        end: (body?: string) => resolve({ passed: false, status, headers, body }),
      };
      void middlewares[0]!({ method: 'GET', url, headers: { accept } }, res, () => resolve({ passed: true }));
    });
  return { lines, setup, serve, request, listeners, sent };
}
const problem = expect.stringMatching(/^error: tests\/fixtures\/invalid\/missing-title\/articles\/en\/missing-title\.md: title: is missing/);

describe('the content check in Astro', () => {
  it('stops a build after listing every problem', async () => {
    const { lines, setup } = integration();
    await expect(setup('build')).rejects.toThrow(/^Content check failed: 1 problem\(s\) in 1 file\(s\)/);
    expect(lines).toEqual(expect.arrayContaining([problem]));
  });

  it('checks nothing when the config is only loaded as dev (Vitest), and lists problems when a dev server starts', async () => {
    const { lines, setup, serve } = integration();
    await setup('dev');
    expect(lines).toEqual([]);
    await serve();
    expect(lines).toEqual(expect.arrayContaining([problem]));
    expect(lines.at(-1)).toBe('warn: 1 content problem(s); the server keeps running and re-checks when you save.');
  });
});

describe('npm run dev shows content errors in the browser', () => {
  it('answers every page with the errors (file, line, field, message, the line itself), not the last good version', async () => {
    const { setup, serve, request } = integration('tests/fixtures/editor/yaml-partner');
    await setup('dev');
    await serve();
    const page = await request('/en/2017/01/wheat-prices-herat/');
    expect(page).toMatchObject({ passed: false, status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
    expect(page.body).toContain('<title>Content check: 1 problem</title>');
    expect(page.body).toContain('<code>tests/fixtures/editor/yaml-partner/articles/fa/wheat-prices-herat.md:2</code> <span>line 2</span> <span>field <code>frontmatter</code></span>');
    expect(page.body).toContain('broken YAML: the quote (&quot;) that opens the value on this line is never closed');
    // The line as the editor wrote it, under the message.
    expect(page.body).toContain('<pre dir="auto"><span class="n">2</span> title: &quot;قیمت گندم در بازارهای هرات بالا می‌رود</pre>');
    // Only the broken file: its English partner is not reported as alone.
    expect(page.body).not.toContain('translationKey');
    // Scripts, styles and images keep loading, so the page (and Vite's reloading) works.
    expect(await request('/_astro/page.css', 'text/css')).toEqual({ passed: true });
    expect(await request('/@vite/client', '*/*')).toEqual({ passed: true });
  });

  it('leaves pages alone when only warnings or nothing are found', async () => {
    const { setup, serve, request } = integration('tests/fixtures/valid');
    await setup('dev');
    await serve();
    expect(await request('/fa/')).toEqual({ passed: true });
  });

  it('after a save, a page waits for the new verdict, and open pages are told to reload', async () => {
    const dir = tempDir('aa-dev-');
    cpSync(join(projectRoot, 'tests/fixtures/valid'), dir, { recursive: true });
    const { setup, serve, request, listeners, sent } = integration(dir);
    await setup('dev');
    await serve();
    expect(await request('/fa/')).toEqual({ passed: true });

    const file = join(dir, 'articles/en/wheat-prices-herat.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/^title: .*$/m, 'title: Herat: wheat prices climb'));
    listeners.change!(file);
    const broken = await request('/fa/');
    expect(broken).toMatchObject({ passed: false, status: 500 });
    expect(broken.body).toContain('Put the whole value in double quotes: title: &quot;Herat: wheat prices climb&quot;');
    await vi.waitFor(() => expect(sent).toEqual([{ type: 'full-reload' }]));

    writeFileSync(file, good);
    listeners.change!(file);
    expect(await request('/fa/')).toEqual({ passed: true });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
  });

  it('tells page requests from the rest', () => {
    const req = (url: string, accept: string, method = 'GET') => ({ method, url, headers: { accept } });
    expect(wantsPage(req('/fa/2017/01/a/', 'text/html,*/*'))).toBe(true);
    expect(wantsPage(req('/fa/', 'text/html', 'HEAD'))).toBe(true);
    expect(wantsPage(req('/fa/', 'text/html', 'POST'))).toBe(false);
    expect(wantsPage(req('/_astro/a.css', 'text/css'))).toBe(false);
    expect(wantsPage(req('/__astro_dev_toolbar__', 'text/html'))).toBe(false);
    expect(wantsPage(req('/@id/astro:scripts/page.js', '*/*'))).toBe(false);
  });
});
