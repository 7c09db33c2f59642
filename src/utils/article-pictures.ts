/**
 * Every picture an article page shows, made in one place: the lead picture
 * and the body's, as `<picture>` data (`columnPicture`), and the lead
 * picture as link previews and `NewsArticle` take it (`sharedLeadImage`).
 *
 * The article route calls this from `getStaticPaths`, outside any page's
 * render, and hands the result to the page as a prop: the image service's
 * transforms are not recorded per page in the incremental-build manifest,
 * which every build parses and writes whole (see `picture-markup.ts`). The
 * transforms are named by the picture's content-hashed URL, which is in
 * the page's `cacheKey`, and by the widths and formats, which are code in
 * the route's own imports.
 *
 * In a build, each result is remembered (`picture-memo.ts`): a picture
 * whose files the last build left in `dist/` is not given to the image
 * service again, so its transforms are neither hashed nor registered, and
 * the image step does not copy its files again; a new or changed picture,
 * or one whose files are gone, is made as before and its transforms are
 * registered (a kept page's files are then made again).
 *
 * Only in Astro (it imports `astro:assets`).
 */
import type { ImageMetadata } from 'astro';
import type { Article } from './articles.ts';
import { sharedLeadImage, type SharedImage } from './lead-image.ts';
import { COLUMN_SIZES } from './images.ts';
import { columnPicture, type PictureMarkup } from './picture-markup.ts';
import { memoized, srcsetUrls } from './picture-memo.ts';
import { bodyPicturesOf, leadPictureOf } from './pictures.ts';
import { absoluteUrl } from './urls.ts';

/** An article's pictures, ready to print. */
export interface ArticlePictures {
  /** The lead picture above the body; absent when the article has none. */
  readonly lead?: PictureMarkup;
  /** The body's pictures by placeholder index (`<img data-aa-image="N">`), made with an empty `alt` (the page puts the rendered body's); null where the file was missing or is not a picture. */
  readonly body: readonly (PictureMarkup | null)[];
  /** The lead picture for `og:image` and `NewsArticle.image`; absent without one. */
  readonly shared?: { readonly og: SharedImage; readonly ratios: readonly SharedImage[] };
}

/**
 * The pictures of `article`'s page (see the file's comment for where to call it).
 * @example (await articlePictures(article)).lead?.sources[0].type // 'image/webp'
 */
export async function articlePictures(article: Article): Promise<ArticlePictures> {
  const lead = leadPictureOf(article);
  const leadAlt = lead && !lead.decorative ? lead.alt : '';
  const [leadMarkup, body, shared] = await Promise.all([
    lead ? rememberedColumnPicture(lead.src, { alt: leadAlt, lead: true }) : undefined,
    Promise.all(bodyPicturesOf(article.entry).map((file) => (file ? rememberedColumnPicture(file, { alt: '' }) : null))),
    lead ? rememberedSharedImages(lead.src, leadAlt) : undefined,
  ]);
  return { ...(leadMarkup ? { lead: leadMarkup } : {}), body, ...(shared ? { shared } : {}) };
}

/** What a picture's results depend on in its `ImageMetadata`: the enumerable fields, as the image service hashes them. */
const picture = (src: ImageMetadata): unknown[] => [src.src, src.width, src.height, src.format];

/**
 * `columnPicture(src, options)`, remembered between builds (`picture-memo.ts`).
 *
 * Only where the result is made on every build: in a route's
 * `getStaticPaths`, or while rendering a page that has no `cacheKey` (the
 * front page), which Astro never keeps from the last build. A kept page
 * replays the transforms its last render recorded, and a remembered result
 * records none: its files would be pruned.
 * @example (await rememberedColumnPicture(src, { alt: 'Kabul', sizes: '22rem' })).src // '/_astro/lead.Ab1_Z1x.jpg'
 */
export async function rememberedColumnPicture(src: ImageMetadata, { alt, lead = false, sizes = COLUMN_SIZES }: { alt: string; lead?: boolean; sizes?: string }): Promise<PictureMarkup> {
  // Remembered without the alt, which the image service does not use: a
  // picture shown on several pages is one result, and the memo keeps no
  // article text (BENCHMARKS.md, "Pictures at 10,000, session 23").
  const markup = await memoized(['column', ...picture(src), lead, sizes], pictureFiles, () => columnPicture(src, { alt: '', lead, sizes }));
  // The same key order: `alt` stays where `<Picture>` writes it.
  return { ...markup, attributes: { ...markup.attributes, alt } };
}

/** `sharedLeadImage(src, alt)`, remembered between builds as `rememberedColumnPicture` is (the same rules). */
async function rememberedSharedImages(src: ImageMetadata, alt: string): Promise<NonNullable<ArticlePictures['shared']>> {
  const shared = await memoized(['shared', ...picture(src)], sharedFiles, () => sharedLeadImage(src, ''));
  return { og: { ...shared.og, alt }, ratios: shared.ratios.map((image) => ({ ...image, alt })) };
}

/** The image files a `<picture>` names: every `srcset`'s and the fallback. */
const pictureFiles = (markup: PictureMarkup): string[] => [...markup.sources.flatMap((source) => srcsetUrls(source.srcset)), markup.src];

/** The image files of the lead picture's previews. */
const sharedFiles = (shared: NonNullable<ArticlePictures['shared']>): string[] => [shared.og.url, ...shared.ratios.map((image) => image.url)];

/**
 * The pictures the sitemap lists for an article page (`<image:image>`): the
 * lead picture as previews take it, then each body picture's fallback file,
 * as absolute URLs; the route notes them with `notePagePictures`.
 * @example sitemapPictures(await articlePictures(article)) // ['https://www.afgazad.com/_astro/lead.Ab1_Z1x.jpg', 'https://www.afgazad.com/_astro/yurts.Cd2_Y3.png']
 */
export function sitemapPictures(pictures: ArticlePictures): string[] {
  const body = pictures.body.flatMap((picture) => (picture ? [absoluteUrl(picture.src)] : []));
  return [...(pictures.lead && pictures.shared ? [pictures.shared.og.url] : []), ...body];
}
