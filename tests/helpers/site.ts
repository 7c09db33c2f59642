/**
 * The articles the test site's content (tests/fixtures/site/) says the site
 * should publish, read from the files independently of Astro. (Reading the
 * build itself: `dist.ts`.)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentDir } from './paths.ts';
import { articlePath } from '../../src/utils/urls.ts';
import { isLang, sectionKeys, sections, type Lang, type Section } from '../../src/i18n/locales.ts';

export interface SourceArticle {
  /** "<section>/<slug>" */
  id: string;
  /** The section folder it lives in: the first segment of its URL. */
  section: Section;
  /** The language it is written in: its `lang:` frontmatter, else its section's. */
  lang: Lang;
  slug: string;
  data: Record<string, any>;
  path: string;
  published: boolean;
}

/**
 * A frontmatter date as the site must read it, worked out independently: a
 * date alone is 00:00 in Kabul (UTC+4:30 since 1945, no daylight saving).
 */
export function kabulDate(value: string | Date): Date {
  return new Date(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+04:30` : value);
}

/**
 * The test site's articles, read straight from the files (independently of
 * Astro), from the folder of every section in the registry, with the URL
 * each should have and whether it should be published.
 */
export function sourceArticles(now = new Date()): SourceArticle[] {
  return sectionKeys.flatMap((section) => {
    const dir = join(contentDir, section);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((file) => {
        const text = readFileSync(join(dir, file), 'utf8');
        const data = parseYaml(text.split(/^---$/m)[1]!) as Record<string, any>;
        const date = kabulDate(data.date);
        const slug = file.replace(/\.md$/, '');
        if (data.lang !== undefined && !isLang(data.lang)) throw new Error(`${section}/${file}: lang: ${data.lang} is not in the registry`);
        return {
          id: `${section}/${slug}`,
          section,
          lang: (data.lang as Lang | undefined) ?? sections[section].lang,
          slug,
          data: { ...data, date, ...(data.updated ? { updated: kabulDate(data.updated) } : {}) },
          path: articlePath(section, slug, date),
          published: data.draft !== true && date.getTime() <= now.getTime(),
        };
      });
  });
}

/**
 * The translation groups of a set of articles: every article with a
 * `translationKey`, by key. A group of one is a piece with no other version.
 */
export function translationGroups(articles: readonly SourceArticle[]): Map<string, SourceArticle[]> {
  const groups = new Map<string, SourceArticle[]>();
  for (const a of articles) {
    const key = a.data.translationKey as string | undefined;
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return groups;
}
