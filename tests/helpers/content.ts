/**
 * What the test site's articles (tests/fixtures/site/) say the site should
 * contain, for tests that pick their subjects from them (so adding or
 * editing a fixture article never breaks them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from './paths.ts';
import { sourceArticles, type SourceArticle } from './site.ts';
import type { Lang } from '../../src/i18n/locales.ts';

export const published = sourceArticles().filter((a) => a.published);
export const byId = new Map(published.map((a) => [a.id, a]));

/**
 * The fixture translation pair that uses what editors write beyond plain
 * paragraphs: a very long title, a table, lists inside lists, a quotation, a
 * preformatted block, footnotes, `<details>`, `<abbr>` and pasted HTML the
 * sanitizer cleans. Pages the templates must handle as well as the rest.
 */
export const markdownPieces: SourceArticle[] = ['en/kabul-water-tankers', 'fa/tankerhaye-ab-kabul'].map((id) => {
  const article = byId.get(id);
  if (!article) throw new Error(`tests/fixtures/site/articles/${id}.md is missing or unpublished`);
  return article;
});

/** A section's published articles, newest first (the order of its index). */
export function section(lang: Lang): SourceArticle[] {
  return published
    .filter((a) => a.lang === lang)
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

/** The published translation of an article, when the two name each other (the site links only those). */
export function translationOf(article: SourceArticle): SourceArticle | undefined {
  const other = article.data.translation ? byId.get(article.data.translation) : undefined;
  return other?.data.translation === article.id ? other : undefined;
}

/** The Markdown body of an article (after the frontmatter). */
export function bodyOf(article: SourceArticle): string {
  const text = readFileSync(join(contentDir, article.lang, `${article.slug}.md`), 'utf8');
  return text.slice(text.indexOf('---', 3) + 3);
}

/** The `## ` headings of an article body. */
export function sectionHeadings(article: SourceArticle): string[] {
  return [...bodyOf(article).matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
}
