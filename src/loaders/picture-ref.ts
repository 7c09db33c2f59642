/**
 * The picture record an article entry's data keeps (made by
 * `loaders/pictures.ts`, turned into `ImageMetadata` by
 * `utils/pictures.ts`). Its own module so that pages read it without the
 * loader's code.
 */

/** Where the loader puts an article's body pictures in its data, by placeholder index (a `PictureRef`, or null). */
export const BODY_IMAGES_FIELD = 'bodyImages';

/**
 * One picture file, as an entry's data keeps it: what a page needs, and no
 * more. Serialisable (the data store is JSON); `utils/pictures.ts` makes
 * the `ImageMetadata` from it. The loader's own record of the file (its
 * place in `dist/`, size and modification time: `PictureRecord` in
 * `loaders/pictures.ts`) stays in the loader's cache file: the data store
 * is read, parsed, bundled into the build and parsed again on every build
 * (Astro's `astro:data-layer-content`), so each byte per picture in it is
 * paid several times (BENCHMARKS.md, "Pictures at 10,000, session 22").
 */
export interface PictureRef {
  /** The source file, relative to the project root, with `/`. */
  readonly file: string;
  /** The original's URL path on the site (`/_astro/lead.3f9a0c1d2e4b.jpg`, under the configured base): named by content, as Vite names assets. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  /** As Astro's probe names it: `jpg`, `png`, `webp`, `avif`, `gif`, `tiff`, `svg`. */
  readonly format: string;
}

/** Whether a value from an entry's data is a picture record. */
export function isPictureRef(value: unknown): value is PictureRef {
  return typeof value === 'object' && value !== null && 'file' in value && 'url' in value && 'width' in value && 'format' in value;
}
