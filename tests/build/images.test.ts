/**
 * Pictures beside articles, through a real build: the images-relative case
 * (tests/fixtures/images/relative, from an editor's real layout) must come
 * out as responsive pictures in modern formats with their alt text, width
 * and height, its credit line under the first; and a warm build must encode
 * nothing again (Astro's assets cache).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { byId, published } from '../helpers/content.ts';
import { pagePictures } from '../../src/integrations/sitemap.ts';
import { pageIn } from '../helpers/dist.ts';
import { distDir, projectRoot } from '../helpers/paths.ts';
import { sitemapFiles } from '../helpers/seo.ts';
import { buildWithContent, rebuild, type FixtureBuild } from '../helpers/fixture-site.ts';

const caseDir = join(projectRoot, 'tests/fixtures/images/relative');
/** Every file of the case, as it would be dropped into content/articles/. */
function caseFiles(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  for (const e of readdirSync(caseDir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name === 'expected.txt') continue;
    const abs = join(e.parentPath, e.name);
    files[`articles/${relative(caseDir, abs)}`] = readFileSync(abs);
  }
  return files;
}

let build: FixtureBuild;
let doc: Document;
beforeAll(() => {
  build = buildWithContent(caseFiles());
  if (build.exitCode !== 0) throw new Error(build.output.slice(-3000));
  doc = parseHTML(readFileSync(join(build.dist, 'fa/2024/03/bazar-kabul-tasweer/index.html'), 'utf8')).document;
});

/** Every file the case's page names in its pictures (`src` and `srcset`), as site paths. */
function pictureUrls(): string[] {
  return [...doc.querySelectorAll('.prose picture source, .prose picture img')].flatMap((el) =>
    [el.getAttribute('src'), ...(el.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(' ')[0])].filter(Boolean),
  ) as string[];
}

describe('images beside the article (images-relative)', () => {
  it('shows both pictures with their alt text, in AVIF and WebP at several widths with a one-file fallback, width and height', () => {
    const pictures = [...doc.querySelectorAll('.prose picture')];
    expect(pictures).toHaveLength(2);
    const alts = pictures.map((p) => p.querySelector('img')!.getAttribute('alt'));
    expect(alts).toEqual(['نمای کلی بازار میوهٔ خشک در کابل', 'یک دکان کوچک با کیسه‌های کشمش']);
    for (const picture of pictures) {
      const types = [...picture.querySelectorAll('source')].map((s) => s.getAttribute('type'));
      expect(types).toEqual(['image/avif', 'image/webp']);
      const img = picture.querySelector('img')!;
      expect(img.getAttribute('src')).toMatch(/^\/_astro\/.+\.(jpg|png)$/);
      // One fallback file: every browser that reads <source> decodes WebP (utils/picture-markup.ts).
      expect(img.hasAttribute('srcset')).toBe(false);
      expect(img.hasAttribute('sizes')).toBe(false);
      expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
      expect(img.getAttribute('loading')).toBe('lazy');
      for (const source of picture.querySelectorAll('source')) {
        expect(source.getAttribute('srcset')!.split(',').length).toBeGreaterThan(1);
        expect(source.getAttribute('sizes')).toBeTruthy();
      }
    }
  });

  it('every picture the page names was written to dist/', () => {
    for (const url of pictureUrls()) expect(readdirSync(join(build.dist, '_astro'))).toContain(url.replace('/_astro/', ''));
  });

  it('gives each fallback <img> the size of its one file, so the picture keeps its shape', async () => {
    for (const img of doc.querySelectorAll('.prose picture img')) {
      const meta = await sharp(join(build.dist, img.getAttribute('src')!)).metadata();
      expect([meta.width, meta.height]).toEqual([Number(img.getAttribute('width')), Number(img.getAttribute('height'))]);
    }
  });

  it('keeps the italic credit line under the first picture, and the title as the second one’s caption', () => {
    const figures = [...doc.querySelectorAll('.prose figure')];
    expect(figures[0]!.querySelector('figcaption')!.textContent).toContain('عکس: گزارشگر آزمایشی');
    expect(figures[1]!.querySelector('figcaption')!.textContent).toContain('دکان کشمش‌فروشی');
    expect(doc.querySelector('.prose img:not([src])')).toBeNull();
  });

  it('a warm build encodes nothing again, and keeps every file of the page it did not render', () => {
    // The cold build encoded (Astro prints the weights); the warm one reuses every file.
    expect(build.output).toMatch(/\(before: [\d.]+kB, after/);
    const warm = rebuild(build.root, {});
    expect(warm.exitCode).toBe(0);
    expect(warm.output).not.toMatch(/\(before: [\d.]+kB, after/);
    expect(warm.output).toMatch(/unchanged page\(s\) kept from the last build/);
    for (const url of pictureUrls()) expect(existsSync(join(build.dist, url))).toBe(true);
  });

  it('a warm build reuses the route’s pictures without the image step, and makes a file gone from dist/ again', () => {
    // utils/picture-memo.ts: no getImage(), so the image step copies none of the page's files (it lists each it handles).
    const warm = rebuild(build.root, {});
    expect(warm.exitCode).toBe(0);
    expect(warm.output).toMatch(/picture result\(s\) reused from the last build/);
    expect(warm.output).not.toMatch(/\/_astro\/(bazar|dokan)\./);
    for (const url of pictureUrls()) expect(existsSync(join(build.dist, url))).toBe(true);
    const gone = pictureUrls()[0]!;
    rmSync(join(build.dist, gone));
    const next = rebuild(build.root, {});
    expect(next.exitCode).toBe(0);
    expect(existsSync(join(build.dist, gone))).toBe(true);
  });

  it('records no image transform per article page in Astro\'s incremental-build manifest', () => {
    // The route makes the pictures outside the page's render (utils/article-pictures.ts): each
    // transform recorded per page made the manifest 10x larger at 10,000 articles (BENCHMARKS.md).
    const manifest = JSON.parse(readFileSync(join(build.root, 'node_modules/.astro/incremental-build.json'), 'utf8')) as {
      routes: Record<string, { paths: Record<string, { staticImages?: unknown[] }> }>;
    };
    const article = Object.entries(manifest.routes).find(([route]) => route.endsWith('[slug].astro'))![1];
    expect(article.paths['/fa/2024/03/bazar-kabul-tasweer/']).toBeDefined();
    for (const entry of Object.values(article.paths)) expect(entry.staticImages).toBeUndefined();
  });

  it('leaves no original in dist/, and takes a picture replaced under the same name on the next build', async () => {
    // Originals are `name.<hash>.ext`; what the image service made, `name.<hash>_<transform>.ext`.
    const originals = () => readdirSync(join(build.dist, '_astro')).filter((f) => /^(bazar|dokan)\.[\w-]{12}\.(jpg|png)$/.test(f));
    expect(originals()).toEqual([]);
    const firstSrc = (html: string) => parseHTML(html).document.querySelector('.prose picture img')!.getAttribute('src')!;
    const page = () => readFileSync(join(build.dist, 'fa/2024/03/bazar-kabul-tasweer/index.html'), 'utf8');
    const before = firstSrc(page());
    const replacement = await sharp({ create: { width: 1400, height: 900, channels: 3, background: '#7a5a3a' } }).jpeg().toBuffer();
    const next = rebuild(build.root, { 'articles/fa/bazar-kabul-tasweer/bazar.jpg': replacement });
    expect(next.exitCode, next.output.slice(-2000)).toBe(0);
    const after = firstSrc(page());
    expect(after).not.toBe(before);
    expect(existsSync(join(build.dist, after))).toBe(true);
    expect(parseHTML(page()).document.querySelector('.prose picture img')!.getAttribute('height')).toBe(String(Math.round((900 * 1344) / 1400)));
    expect(originals()).toEqual([]);
  });
});

/**
 * The lead picture where link previews and search engines read it, on the
 * test site (tests/fixtures/site: the Wakhan, Qosh Tepa and railway pieces
 * carry lead pictures drawn for the project, 1800 × 1200).
 */
describe('the lead picture in previews, structured data and the sitemap', () => {
  const path = byId.get('en/wakhan-corridor')!.path;
  const page = () => pageIn(distDir, path);
  const file = (url: string) => join(distDir, new URL(url).pathname);

  it('is WebP above the fold (cheaper to decode on the first frame than AVIF) and AVIF in the body', () => {
    const types = (selector: string) => [...page().querySelectorAll(`${selector} source`)].map((s) => s.getAttribute('type'));
    expect(types('.lead-image picture')).toEqual(['image/webp']);
    expect(page().querySelector('.lead-image img')!.getAttribute('fetchpriority')).toBe('high');
    expect(types('.prose picture')).toEqual(['image/avif', 'image/webp']);
  });

  it('is og:image, a 1200 px JPEG on the site with its alt, width and height', async () => {
    const meta = (p: string) => page().querySelector(`meta[property="${p}"]`)?.getAttribute('content');
    const url = meta('og:image')!;
    expect(url).toMatch(/^https:\/\/.+\/_astro\/.+\.jpg$/);
    const info = await sharp(file(url)).metadata();
    expect([info.format, info.width, info.height]).toEqual(['jpeg', 1200, 800]);
    expect([meta('og:image:width'), meta('og:image:height'), meta('og:image:type')]).toEqual(['1200', '800', 'image/jpeg']);
    expect(meta('og:image:alt')).toMatch(/^A relief drawing of the Wakhan Corridor/);
  });

  it('gives an article without a lead picture its generated card as og:image', () => {
    const plain = pageIn(distDir, byId.get('en/mes-aynak-copper')!.path);
    expect(plain.querySelector('meta[property="og:image"]')?.getAttribute('content')).toMatch(/\/card\.png\?v=[0-9a-f]{16}$/);
    expect(plain.querySelector('meta[property="og:image:width"]')?.getAttribute('content')).toBe('1200');
    expect(plain.querySelector('meta[property="og:image:alt"]')?.getAttribute('content')).toBeTruthy();
  });

  it('gives NewsArticle the picture in 16:9, 4:3 and 1:1, each 1200 px on its long side, and each author a url', async () => {
    const data = JSON.parse(page().querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(data.image).toHaveLength(3);
    const sizes = await Promise.all((data.image as string[]).map(async (u) => (await sharp(file(u)).metadata()) as { width: number; height: number }));
    expect(sizes.map((s) => [s.width, s.height])).toEqual([
      [1200, 675],
      [1200, 900],
      [1200, 1200],
    ]);
    for (const author of data.author) {
      expect(author.url).toMatch(/^https:\/\/.+\/en\/authors\/[^/]+\/$/);
      expect(existsSync(join(distDir, new URL(author.url).pathname, 'index.html'))).toBe(true);
    }
  });

  it('lists each article picture once in the sitemap (image:image), the lead as previews take it', () => {
    const xml = sitemapFiles(distDir).map((f) => readFileSync(join(distDir, f), 'utf8')).join('');
    const entry = xml.split('<url>').find((u) => u.includes(`${path}</loc>`))!;
    const locs = [...entry.matchAll(/<image:loc>([^<]+)<\/image:loc>/g)].map((m) => m[1]!);
    const og = page().querySelector('meta[property="og:image"]')!.getAttribute('content')!;
    expect(locs[0]).toBe(og);
    // The lead once, then the yurts drawing in the body.
    expect(locs).toHaveLength(2);
    expect(locs[1]).toMatch(/\/_astro\/yurts\.[^/]+\.png$/);
    for (const loc of locs) expect(existsSync(file(loc))).toBe(true);
  });

  it('lists for every article the pictures its built page shows (noted by the route, not read back)', () => {
    const xml = sitemapFiles(distDir).map((f) => readFileSync(join(distDir, f), 'utf8')).join('');
    const articlePaths = new Set(published.map((a) => a.path));
    let pictured = 0;
    for (const u of xml.split('<url>').slice(1)) {
      const url = /<loc>([^<]+)<\/loc>/.exec(u)![1]!;
      const html = join(distDir, new URL(url).pathname, 'index.html');
      if (!articlePaths.has(new URL(url).pathname)) continue;
      const locs = [...u.matchAll(/<image:loc>([^<]+)<\/image:loc>/g)].map((m) => m[1]!);
      expect(locs, url).toEqual(pagePictures(readFileSync(html, 'utf8'), url));
      if (locs.length > 0) pictured++;
    }
    expect(pictured).toBeGreaterThan(2);
  });
});
