/**
 * An article's pictures as the pages hand them to Astro's image service:
 * the `ImageMetadata` made from the records the loader keeps
 * (`loaders/pictures.ts`), in the shape Astro gives an imported picture.
 *
 * - On a build, `src` is the original's content-hashed URL
 *   (`/_astro/lead.3f9a0c1d2e4b.jpg`): the image service names its encoded
 *   files after it and caches them by that name, and reads the original
 *   there (put in place by `utils/picture-originals.ts`) only for a
 *   file it has not encoded before; `fsPath` lets Astro remove that
 *   original from `dist/` afterwards, as it does for an imported picture.
 * - In the dev server, `src` is the file itself (`/@fs/…?origWidth=…`), as
 *   Vite's import gives it, so the dev image endpoint reads it fresh. Which
 *   one is `__AA_PICTURES_FROM_SOURCE__`, set from Astro's command by
 *   `integrations/picture-originals.ts`.
 *
 * Only in Astro (it reads the Vite define above). Paths are resolved from
 * the working directory, as `readRenderedBody` does: Astro builds from the
 * project root. Not from `astro:config/server`'s `root`: that module is the
 * build's serialised manifest, and with it in every page's imports a kept
 * 1,000-article site rendered all its pages again on the build after a
 * code change, not only on the change's own build.
 */
import type { ImageMetadata } from 'astro';
import { resolve } from 'node:path';
import { BODY_IMAGES_FIELD, isPictureRef, type PictureRef } from '../loaders/picture-ref.ts';
import type { Article, ArticleEntry } from './articles.ts';

/** True in the dev server (a Vite define, see the file's comment); absent outside Astro. */
declare const __AA_PICTURES_FROM_SOURCE__: boolean | undefined;
const fromSource = typeof __AA_PICTURES_FROM_SOURCE__ !== 'undefined' && __AA_PICTURES_FROM_SOURCE__;

/**
 * The image service's `ImageMetadata` for a picture record.
 * @example pictureMetadata(ref).src // '/_astro/lead.3f9a0c1d2e4b.jpg' (build) or '/@fs/site/content/articles/fa/a/lead.jpg?origWidth=1800&…' (dev)
 */
export function pictureMetadata(ref: PictureRef): ImageMetadata {
  const fsPath = resolve(ref.file);
  const format = ref.format as ImageMetadata['format'];
  const query = new URLSearchParams({ origWidth: String(ref.width), origHeight: String(ref.height), origFormat: ref.format });
  const src = fromSource ? `/@fs${fsPath.startsWith('/') ? '' : '/'}${fsPath}?${query}` : ref.url;
  const meta = { src, width: ref.width, height: ref.height, format } as ImageMetadata;
  // Not enumerable, as on Astro's own: the image service hashes the enumerable fields.
  Object.defineProperty(meta, 'fsPath', { value: fsPath, enumerable: false });
  return meta;
}

/** The lead picture block with its file as `ImageMetadata`. */
export interface LeadPicture {
  readonly src: ImageMetadata;
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly decorative?: boolean;
}

/**
 * The article's lead picture, ready for `<Picture>` and `getImage()`;
 * undefined when it has none, or its file is missing or not a picture (the
 * check refuses such an article before a build renders it).
 */
export function leadPictureOf(article: Pick<Article, 'data'>): LeadPicture | undefined {
  const image = article.data.image;
  if (!image || !isPictureRef(image.src)) return undefined;
  return { ...image, src: pictureMetadata(image.src) };
}

/**
 * An article's body pictures, by the index of their placeholder in the
 * rendered body (`<img data-aa-image="N">`): `ImageMetadata`, or null when
 * the file was missing or is not a picture.
 */
export function bodyPicturesOf(entry: ArticleEntry): readonly (ImageMetadata | null)[] {
  const refs = ((entry.data as Record<string, unknown>)[BODY_IMAGES_FIELD] as readonly unknown[] | undefined) ?? [];
  return refs.map((ref) => (isPictureRef(ref) ? pictureMetadata(ref) : null));
}
