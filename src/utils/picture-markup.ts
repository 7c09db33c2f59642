/**
 * A `<picture>` as data: what Astro's `<Picture>` component writes, made
 * with the same `getImage()` calls, so a page can compute it in one place
 * and print it in another (`components/images/PictureMarkup.astro`).
 *
 * Why not `<Picture>` itself on article pages: every `getImage()` made while
 * a page renders is recorded against that page in Astro's incremental-build
 * manifest (`node_modules/.astro/incremental-build.json`), each transform
 * with its whole options object, and the manifest is parsed and written
 * whole by every build: at 10,000 articles with pictures it grew from 10 MB
 * to 100 MB and a warm build took 1.6× as long (BENCHMARKS.md, "Pictures at
 * 10,000: transforms out of the manifest"). Made in the article route's
 * `getStaticPaths` instead, outside any page's render, the transforms are
 * registered with the image step on every build and recorded nowhere.
 *
 * Only in Astro (it imports `astro:assets`).
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { COLUMN_SIZES, columnWidths, fallbackWidth } from './images.ts';
import { placeOriginal } from './picture-originals.ts';

/** One `<source>`: its attributes in the order `<Picture>` writes them. */
export interface PictureSource {
  readonly srcset: string;
  /** MIME type, `image/avif`. */
  readonly type: string;
  readonly sizes: string;
}

/** A `<picture>`: its sources, smallest format first, and the fallback `<img>`. */
export interface PictureMarkup {
  readonly sources: readonly PictureSource[];
  /** The fallback `<img src>`. */
  readonly src: string;
  /** The `<img>`'s other attributes in `<Picture>`'s order (`alt`, `loading`, …, `width`, `height`); no `srcset` or `sizes` (see `columnPicture`); `alt` is the one given here, the page may put its own in its place. */
  readonly attributes: Readonly<Record<string, string | number>>;
}

/** The lead picture's formats, before the fallback: see `columnPicture`. */
const LEAD_FORMATS = ['webp'] as const;
/** Every other picture's formats, smallest file first. */
const COLUMN_FORMATS = ['avif', 'webp'] as const;

/** MIME type of an output format (the image service names JPEG `jpg`). */
const mimeType = (format: string): string => `image/${format === 'jpg' ? 'jpeg' : format}`;

/**
 * One picture at the text column's width, through Astro's image service
 * (sharp): AVIF and WebP `<source>`s with a `srcset` of `columnWidths`, and
 * a fallback `<img>` of one JPEG or PNG file (the original's kind, as in
 * `<Picture>`) at `fallbackWidth`, with `width` and `height` so nothing
 * shifts while it loads.
 *
 * The fallback has no `srcset` (where `<Picture>` writes one per width):
 * every browser that reads `<source type>` decodes WebP (all current
 * engines; Safari since 14), so only a browser without WebP, a feed reader
 * or a crawler takes the `<img>`, and each width of it cost a JPEG or PNG
 * encode on a cold build and a transform hashed on every warm one (4 of the
 * 10 a lead picture made, 4 of 15 a body picture). It is the 2× column
 * width, the file `<Picture>` put in `src` too: the same file and URL as
 * before (the sitemap lists it), sharp for a crawler and on a high-density
 * screen, and its `width` and `height` keep the picture's aspect ratio.
 *
 * Lazy unless `lead`: the lead picture is the page's largest paint, so it
 * loads at once with high priority, and in WebP only: it is decoded while
 * the first frame is drawn, and Chromium decodes AVIF in about twice WebP's
 * time (BENCHMARKS.md, "The pictured article's first frame"), a cost a slow
 * phone pays in full before the page shows; the smaller AVIF file is worth
 * more below the fold, where the decode waits for the reader's scroll.
 * Encoded images are kept in `node_modules/.astro/assets` between builds.
 * @param sizes the `sizes` attribute, where the picture is narrower than the text column
 * @example (await columnPicture(src, { alt: 'Kabul', lead: true })).sources[0].type // 'image/webp'
 */
export async function columnPicture(src: ImageMetadata, { alt, lead = false, sizes = COLUMN_SIZES }: { alt: string; lead?: boolean; sizes?: string }): Promise<PictureMarkup> {
  const width = fallbackWidth(src.width);
  const props = {
    src,
    alt,
    width,
    height: Math.round((src.height * width) / src.width),
    loading: lead ? 'eager' : 'lazy',
    decoding: lead ? 'auto' : 'async',
    fetchpriority: lead ? 'high' : 'auto',
  } as const;
  const formats = lead ? LEAD_FORMATS : COLUMN_FORMATS;
  // JPEG stays JPEG, anything else falls back to PNG, as in <Picture>.
  const fallbackFormat = src.format === 'jpg' || src.format === 'jpeg' || src.format === 'gif' || src.format === 'svg' ? src.format : 'png';
  placeOriginal(src);
  const optimized = await Promise.all(formats.map((format) => getImage({ ...props, widths: columnWidths(src.width), sizes, format })));
  // One file: no `widths`, and no `sizes`, which an <img> without `srcset` must not have.
  const fallback = await getImage({ ...props, format: fallbackFormat });
  const { class: _class, ...attributes } = fallback.attributes as Record<string, string | number>;
  return {
    sources: optimized.map((image) => ({ srcset: image.srcSet.attribute, type: mimeType(image.options.format ?? ''), sizes })),
    src: fallback.src,
    attributes,
  };
}
