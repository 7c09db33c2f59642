/**
 * The lead picture as link previews and search engines take it, made by
 * Astro's image service from the article's `image.src`:
 *
 * - Open Graph (`og:image`): a JPEG 1200 px wide (the width Facebook,
 *   WhatsApp and Telegram show sharply; they do not all read AVIF or WebP),
 *   with its width, height and alt;
 * - `NewsArticle.image`: the three crops Google asks for, 16:9, 4:3 and 1:1,
 *   each 1200 px on its long side when the picture is large enough
 *   (https://developers.google.com/search/docs/appearance/structured-data/article),
 *   cut from the middle; the service never enlarges, so a smaller original
 *   gives smaller crops (the check warns under 1200 px wide).
 *
 * Only in Astro (it imports `astro:assets`); the JSON-LD shape itself is in
 * `structured-data.ts`.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { placeOriginal } from './picture-originals.ts';
import { absoluteUrl } from './urls.ts';

export interface SharedImage {
  /** Absolute URL. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly type: string;
}

/** The long side Google and Open Graph ask for, in pixels. */
export const SHARE_WIDTH = 1200;

/** Google's three ratios, widest first. */
export const RATIOS = [16 / 9, 4 / 3, 1] as const;

/**
 * The largest crop of `ratio` (width / height ≥ 1) that fits in the
 * original, no wider than `SHARE_WIDTH`.
 * @example cropSize({ width: 1800, height: 1200 }, 1) // { width: 1200, height: 1200 }
 * @example cropSize({ width: 1600, height: 1000 }, 1) // { width: 1000, height: 1000 }
 */
export function cropSize(original: { width: number; height: number }, ratio: number): { width: number; height: number } {
  const width = Math.min(SHARE_WIDTH, original.width, Math.floor(original.height * ratio));
  return { width, height: Math.round(width / ratio) };
}

async function jpeg(src: ImageMetadata, width: number, height: number | undefined, alt: string): Promise<SharedImage> {
  placeOriginal(src);
  const image = await getImage({ src, width, ...(height ? { height, fit: 'cover', position: 'center' } : {}), format: 'jpg', quality: 82 });
  return {
    url: absoluteUrl(image.src),
    width: Number(image.attributes.width),
    height: Number(image.attributes.height),
    alt,
    type: 'image/jpeg',
  };
}

/**
 * A lead picture for link previews (`og`) and for `NewsArticle` (`ratios`:
 * 16:9, 4:3, 1:1), each with `alt`.
 * @example (await sharedLeadImage(leadPictureOf(article)!.src, 'Kabul')).og.url // 'https://www.afgazad.com/_astro/valley.Bc1x.jpg'
 */
export async function sharedLeadImage(src: ImageMetadata, alt: string): Promise<{ og: SharedImage; ratios: SharedImage[] }> {
  const og = await jpeg(src, Math.min(SHARE_WIDTH, src.width), undefined, alt);
  const ratios = await Promise.all(RATIOS.map((r) => cropSize(src, r)).map((size) => jpeg(src, size.width, size.height, alt)));
  return { og, ratios };
}
