/**
 * The articles the test site's content (tests/fixtures/site/) says the site
 * should publish, read from the files independently of Astro. (Reading the
 * build itself: `dist.ts`.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentDir } from './paths.ts';
import { articlePath } from '../../src/utils/urls.ts';
import type { Lang } from '../../src/i18n/locales.ts';

export interface SourceArticle {
  id: string;
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
 * Astro), with the URL each should have and whether it should be published.
 */
export function sourceArticles(now = new Date()): SourceArticle[] {
  return (['fa', 'en'] as const).flatMap((lang) =>
    readdirSync(join(contentDir, lang))
      .filter((f) => f.endsWith('.md'))
      .map((file) => {
        const text = readFileSync(join(contentDir, lang, file), 'utf8');
        const data = parseYaml(text.split(/^---$/m)[1]!) as Record<string, any>;
        const date = kabulDate(data.date);
        const slug = file.replace(/\.md$/, '');
        return {
          id: `${lang}/${slug}`,
          lang,
          slug,
          data: { ...data, date, ...(data.updated ? { updated: kabulDate(data.updated) } : {}) },
          path: articlePath(lang, slug, date),
          published: data.draft !== true && date.getTime() <= now.getTime(),
        };
      }),
  );
}
