/**
 * The pictures each built article page shows, as the sitemap lists them
 * (`<image:image>`): noted by the article route while the build runs, read
 * by the sitemap integration when it ends, so the sitemap does not read
 * every pictured page back from `dist/` (about 2 s of a 10,000-article
 * build, BENCHMARKS.md "Pictures at 10,000: transforms out of the manifest").
 *
 * The route's code is a bundle of its own and the integration is loaded
 * with the config, so the two share no module: the notes live on
 * `globalThis` under a registered symbol, as Astro keeps its own image list
 * (`globalThis.astroAsset`). A build that renders pages in another process
 * leaves the notes empty, and the sitemap then reads the pages
 * (`pagePictures` in `integrations/sitemap.ts`).
 */

const KEY = Symbol.for('aa-aa.page-pictures');

type Notes = Map<string, readonly string[]>;

function notes(): Notes {
  const holder = globalThis as { [KEY]?: Notes };
  return (holder[KEY] ??= new Map());
}

/**
 * Notes the pictures the page at `path` shows: absolute URLs, the lead
 * picture first as previews take it (`og:image`), then each body picture's
 * fallback file, each once (the order `pagePictures` reads from a page).
 * @example notePagePictures('/fa/2024/03/bazar/', ['https://x.org/_astro/lead.Ab1.jpg'])
 */
export function notePagePictures(path: string, urls: readonly string[]): void {
  notes().set(path, [...new Set(urls)]);
}

/**
 * The pictures noted for the page at `path` in this process; undefined when
 * none were noted for it (not an article page, or rendered elsewhere).
 * @example notedPagePictures('/fa/2024/03/bazar/') // ['https://x.org/_astro/lead.Ab1.jpg']
 */
export function notedPagePictures(path: string): readonly string[] | undefined {
  return notes().get(path);
}
