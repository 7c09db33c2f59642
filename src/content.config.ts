/**
 * The articles collection. The section is the folder (`content/articles/<section>/`,
 * see the registry in `src/i18n/locales.ts`) and the slug is the file name,
 * so neither is typed in the frontmatter.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { articleFields, datesInOrder } from './schemas/article.ts';
import { articleLoader } from './loaders/articles.ts';

const articles = defineCollection({
  // Like glob({ pattern: '**/*.md' }), with Markdown rendered in worker
  // threads and kept out of the data store (see src/loaders/articles.ts).
  // The id is the path without extension ("en/azerbaijan-pakistan"),
  // verbatim: slug rules are enforced by validation, never silently fixed.
  loader: articleLoader({ base: 'content/articles' }),
  schema: z.strictObject(articleFields).superRefine(datesInOrder),
});

export const collections = { articles };
