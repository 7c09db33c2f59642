/**
 * What the test site's articles (tests/fixtures/site/) say the site should
 * contain, for tests that pick their subjects from them (so adding or
 * editing a fixture article never breaks them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from './paths.ts';
import { sourceArticles, translationGroups, type SourceArticle } from './site.ts';
import type { Section } from '../../src/i18n/locales.ts';

export const published = sourceArticles().filter((a) => a.published);
export const byId = new Map(published.map((a) => [a.id, a]));
/** The published versions of each piece, by `translationKey` (drafts and scheduled versions are not linked). */
export const groups = translationGroups(published);

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

/** Newest first; the id breaks ties (the order of every list on the site). */
export function newestFirst(a: SourceArticle, b: SourceArticle): number {
  return b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);
}

/** A section's published articles, newest first (the order of its index), whatever language each is written in. */
export function section(key: Section): SourceArticle[] {
  return published.filter((a) => a.section === key).sort(newestFirst);
}

/** Every published version of the piece an article belongs to, itself included; just itself when it stands alone. */
export function versionsOf(article: SourceArticle): SourceArticle[] {
  const key = article.data.translationKey as string | undefined;
  return key === undefined ? [article] : groups.get(key)!;
}

/** The other published versions of an article (same `translationKey`): what its page must link. */
export function translationsOf(article: SourceArticle): SourceArticle[] {
  return versionsOf(article).filter((a) => a.id !== article.id);
}

/** The Markdown body of an article (after the frontmatter). */
export function bodyOf(article: SourceArticle): string {
  const text = readFileSync(join(contentDir, article.section, `${article.slug}.md`), 'utf8');
  return text.slice(text.indexOf('---', 3) + 3);
}

/** The `## ` headings of an article body. */
export function sectionHeadings(article: SourceArticle): string[] {
  return [...bodyOf(article).matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
}
