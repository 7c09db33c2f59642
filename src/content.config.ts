/**
 * The articles collection. The section is the folder (`content/articles/<section>/`,
 * see the registry in `src/i18n/locales.ts`) and the slug is the file name,
 * so neither is typed in the frontmatter.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { articleFields, datesInOrder, leadImageField } from './schemas/article.ts';
import { articleLoader } from './loaders/articles.ts';

const articles = defineCollection({
  // Like glob({ pattern: '**/*.md' }), with Markdown rendered in worker
  // threads and kept out of the data store (see src/loaders/articles.ts).
  // The id is the path without extension ("en/azerbaijan-pakistan"),
  // verbatim: slug rules are enforced by validation, never silently fixed.
  loader: articleLoader({ base: 'content/articles' }),
  // The lead picture's src through the content layer's image(): the file is
  // imported (hashed URL, processed by the image service) and the page gets
  // its ImageMetadata (width, height, format).
  schema: ({ image }) => z.strictObject({ ...articleFields, image: leadImageField(image()).optional() }).superRefine(datesInOrder),
});

export const collections = { articles };
