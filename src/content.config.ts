/**
 * The articles collection. The section is the folder (`content/articles/<section>/`,
 * see the registry in `src/i18n/locales.ts`) and the slug is the file name,
 * so neither is typed in the frontmatter.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { articleFields, datesInOrder, leadImageField } from './schemas/article.ts';
import { articleLoader } from './loaders/articles.ts';

/** A `PictureRef` (src/loaders/picture-ref.ts) in an entry's data. */
const pictureRef = z.strictObject({
  file: z.string(),
  url: z.string(),
  width: z.number(),
  height: z.number(),
  format: z.string(),
});

const articles = defineCollection({
  // Like glob({ pattern: '**/*.md' }), with Markdown rendered in worker
  // threads and kept out of the data store (see src/loaders/articles.ts).
  // The id is the path without extension ("en/azerbaijan-pakistan"),
  // verbatim: slug rules are enforced by validation, never silently fixed.
  loader: articleLoader({ base: 'content/articles' }),
  // The lead picture's src as the loader leaves it: the file's record
  // (file, hashed URL, width, height, format; see src/loaders/picture-ref.ts),
  // which the page makes the image service's ImageMetadata; or the path as
  // typed when there is no such picture (the check reports it).
  schema: z.strictObject({ ...articleFields, image: leadImageField(z.union([pictureRef, z.string()])).optional() }).superRefine(datesInOrder),
});

export const collections = { articles };
