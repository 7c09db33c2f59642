/**
 * `npm run dev` as an editor uses it (issue 14, "Editors see what they are
 * doing"), on a copy of the site: a draft carries its banner in the
 * article's language; a file that fails the check shows its error in the
 * browser, with file, line and message, instead of the last good version,
 * without a second, false error for its translation partner; fixing the
 * file brings the page back; a picture beside an article shows, and its
 * replacement shows in its place. The production side (no banner, no
 * draft) is checked on the built fixture site.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copySite, htmlFiles } from '../helpers/fixture-site.ts';
import { distDir, projectRoot } from '../helpers/paths.ts';

const fixture = join(projectRoot, 'tests/fixtures/valid/articles');
const en = readFileSync(join(fixture, 'en/wheat-prices-herat.md'), 'utf8');
const fa = readFileSync(join(fixture, 'fa/wheat-prices-herat.md'), 'utf8');
const faDraft = fa.replace('draft: false', 'draft: true');
const enPage = '/en/2017/01/wheat-prices-herat/';
const faPage = '/fa/2017/01/wheat-prices-herat/';

/** A free local port. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

let root = '';
let dev: ChildProcess | undefined;
let output = '';
let base = '';

/** Writes a file under the copy's content/. */
function write(rel: string, text: string) {
  mkdirSync(dirname(join(root, 'content', rel)), { recursive: true });
  writeFileSync(join(root, 'content', rel), text);
}

/** A page as a browser asks for it. */
const page = async (path: string) => {
  const res = await fetch(base + path, { headers: { accept: 'text/html' } });
  return { status: res.status, body: await res.text() };
};

beforeAll(async () => {
  root = copySite();
  write('articles/en/wheat-prices-herat.md', en);
  write('articles/fa/wheat-prices-herat.md', faDraft);
  cpSync(join(projectRoot, 'tests/fixtures/images/relative/fa'), join(root, 'content/articles/fa'), { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    // As an editor's terminal has it: Vitest's own variables (NODE_ENV=test,
    // VITEST=true) make Astro's dev server answer 404 to every page.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))), NODE_ENV: 'development', SITE_URL: '', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (d: Buffer) => (output += d));
  dev.stderr!.on('data', (d: Buffer) => (output += d));
  // Pages are asked for only once the content is synced: the site keeps its list of articles once read.
  await vi.waitFor(
    async () => {
      if (dev!.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
      expect(output).toContain('watching for file changes');
      expect((await page(enPage)).status).toBe(200);
    },
    { timeout: 240_000, interval: 1000 },
  );
}, 300_000);

afterAll(() => {
  dev?.kill();
});

/** Writes a content file and waits until the page shows what `expected` wants. */
async function save(rel: string, text: string, path: string, expected: (p: { status: number; body: string }) => void) {
  write(rel, text);
  await vi.waitFor(async () => expected(await page(path)), { timeout: 60_000, interval: 500 });
}

describe('npm run dev for editors', () => {
  it('shows a draft with a banner in its language, and a published article without one', async () => {
    const draft = await page(faPage);
    expect(draft.status).toBe(200);
    // (The dev server adds data-astro-source-* attributes to every element.)
    expect(draft.body).toMatch(/<p class="draft-banner"[^>]*><strong[^>]*>پیش‌نویس<\/strong>/);
    expect(draft.body).toMatch(/<code dir="ltr"[^>]*>draft: false<\/code>/);
    const published = await page(enPage);
    expect(published.body).not.toContain('draft-banner');
  });

  it('shows a broken file’s error on every page, once, then the page again when it is fixed', async () => {
    const broken = faDraft.replace(/^title: "(.*)"$/m, 'title: "$1');
    await save('articles/fa/wheat-prices-herat.md', broken, enPage, (p) => expect(p.status).toBe(500));
    const { body } = await page(enPage);
    expect(body).toContain('<title>Content check: 1 problem</title>');
    expect(body).toContain('<code>content/articles/fa/wheat-prices-herat.md:2</code>');
    expect(body).toContain('the quote (&quot;) that opens the value on this line is never closed');
    // The English partner is not reported as pointing to a missing article.
    expect(body).not.toContain('translationKey');
    expect((await page('/')).status).toBe(500);

    await save('articles/fa/wheat-prices-herat.md', faDraft, enPage, (p) => expect(p.status).toBe(200));
    expect((await page(faPage)).body).toContain('draft-banner');
  });
});

describe('npm run dev with pictures', () => {
  const picturePage = '/fa/2024/03/bazar-kabul-tasweer/';
  const firstPicture = (body: string) => /<picture[\s\S]*?<img\b[^>]*?\bsrc="([^"]+)"[^>]*?\bwidth="(\d+)"/.exec(body);

  it('shows a picture beside the article through the image endpoint, and the new file when it is replaced', async () => {
    const before = firstPicture((await page(picturePage)).body);
    expect(before).not.toBeNull();
    const image = await fetch(base + before![1]!.replaceAll('&amp;', '&'));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
    // A narrower picture under the same name: the page asks for it at its own width.
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6a4a2a' } }).jpeg().toFile(join(root, 'content/articles/fa/bazar-kabul-tasweer/bazar.jpg'));
    await vi.waitFor(async () => expect(firstPicture((await page(picturePage)).body)?.[2]).toBe('640'), { timeout: 60_000, interval: 500 });
  });
});

describe('a production build', () => {
  it('has no draft banner and no trace of its style', () => {
    // The fixture site has drafts in fa/ and en/: none is built, and no page carries the banner's style.
    const files = htmlFiles(distDir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readFileSync(join(distDir, file), 'utf8'), file).not.toContain('draft-banner');
  });
});
