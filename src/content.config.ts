/**
 * The articles collection. The language is the folder (`content/articles/fa/`
 * or `content/articles/en/`) and the slug is the file name, so neither is
 * typed in the frontmatter.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleFields } from './schemas/article.ts';

const articles = defineCollection({
  loader: glob({
    pattern: '**/*.md',
    base: './content/articles',
    // The id is the path without extension ("en/azerbaijan-pakistan"),
    // verbatim: slug rules are enforced by validation, never silently fixed.
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
  }),
  schema: z.strictObject({
    ...articleFields,
    /** The same piece in the other language, as "fa/slug" or "en/slug". */
    translation: reference('articles').optional(),
  }),
});

export const collections = { articles };
