/**
 * The picture record an article entry's data keeps (made by
 * `loaders/pictures.ts`, turned into `ImageMetadata` by
 * `utils/pictures.ts`). Its own module so that pages read it without the
 * loader's code.
 */

/** Where the loader puts an article's body pictures in its data, by placeholder index (a `PictureRef`, or null). */
export const BODY_IMAGES_FIELD = 'bodyImages';

/**
 * One picture file, as an entry's data keeps it. Serialisable (the data
 * store is JSON); `utils/pictures.ts` makes the `ImageMetadata` from it.
 */
export interface PictureRef {
  /** The source file, relative to the project root, with `/`. */
  readonly file: string;
  /** The original's place in the built site, relative to `dist/` (`_astro/lead.3f9a0c1d2e4b.jpg`): named by content, as Vite names assets. */
  readonly out: string;
  /** Its URL path on the site (`out` under the configured base). */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  /** As Astro's probe names it: `jpg`, `png`, `webp`, `avif`, `gif`, `tiff`, `svg`. */
  readonly format: string;
  /** Size in bytes and modification time in ms when it was read: a change of either reads the file again. */
  readonly size: number;
  readonly mtimeMs: number;
}

/** Whether a value from an entry's data is a picture record. */
export function isPictureRef(value: unknown): value is PictureRef {
  return typeof value === 'object' && value !== null && 'file' in value && 'out' in value && 'width' in value && 'format' in value;
}
