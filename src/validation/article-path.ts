/**
 * Where an article lives: a `.md` file directly in a section's folder,
 * `content/articles/<section>/<slug>.md`. The content check refuses a
 * Markdown file anywhere else (`readOne` in `check.ts`), and the articles
 * loader (`src/loaders/articles.ts`) reads only these, so both agree on
 * what is an article. An article's own folder beside it
 * (`<section>/<slug>/`) holds its pictures and other media, never articles.
 */
import { isSection, type Section } from '../i18n/locales.ts';

/**
 * The section whose folder holds the file at `rel` directly (any file:
 * `fa/notes.txt` too), a path relative to the articles folder with `/`
 * separators; undefined anywhere else. The check tells the two mistakes
 * apart: a file outside the section folders, and one there that is no
 * article.
 * @example sectionFolderOf('fa/wakhan-corridor/lead.jpg') // undefined (inside an article's folder)
 */
export function sectionFolderOf(rel: string): Section | undefined {
  const [section, name, ...rest] = rel.split('/');
  return rest.length === 0 && section !== undefined && isSection(section) && name !== undefined ? section : undefined;
}

/**
 * The section of the article at `rel`, a path relative to the articles
 * folder with `/` separators; undefined when no article lives there.
 * @example articleSectionOf('fa/wakhan-corridor.md') // the section fa
 * @example articleSectionOf('fa/wakhan-corridor/notes.md') // undefined (inside an article's folder)
 * @example articleSectionOf('de/notes.md') // undefined (no such section)
 */
export function articleSectionOf(rel: string): Section | undefined {
  return rel.endsWith('.md') ? sectionFolderOf(rel) : undefined;
}
