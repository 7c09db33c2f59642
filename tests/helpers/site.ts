/**
 * Reading the built site: pages as DOM documents, and the list of articles
 * that the content folder says should be published.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { contentDir, distDir } from './paths.ts';
import { articlePath } from '../../src/utils/urls.ts';
import type { Lang } from '../../src/i18n/locales.ts';

/** The built HTML file of a site path ("/en/" → dist/en/index.html). */
export function htmlFileOf(path: string): string {
  return join(distDir, path.endsWith('/') ? `${path}index.html` : path);
}

export function pageExists(path: string): boolean {
  return existsSync(htmlFileOf(path));
}

export function readPage(path: string): Document {
  return parseHTML(readFileSync(htmlFileOf(path), 'utf8')).document as unknown as Document;
}

/** Every built HTML page, as site paths. */
export function builtPages(dir = distDir): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => '/' + relative(distDir, join(e.parentPath, e.name)).replace(/index\.html$/, ''));
}

export interface SourceArticle {
  id: string;
  lang: Lang;
  slug: string;
  data: Record<string, any>;
  path: string;
  published: boolean;
}

/**
 * The articles in content/, read straight from the files (independently of
 * Astro), with the URL each should have and whether it should be published.
 */
export function sourceArticles(now = new Date()): SourceArticle[] {
  return (['fa', 'en'] as const).flatMap((lang) =>
    readdirSync(join(contentDir, lang))
      .filter((f) => f.endsWith('.md'))
      .map((file) => {
        const text = readFileSync(join(contentDir, lang, file), 'utf8');
        const data = parseYaml(text.split(/^---$/m)[1]!) as Record<string, any>;
        const date = new Date(data.date);
        const slug = file.replace(/\.md$/, '');
        return {
          id: `${lang}/${slug}`,
          lang,
          slug,
          data: { ...data, date },
          path: articlePath(lang, slug, date),
          published: data.draft !== true && date.getTime() <= now.getTime(),
        };
      }),
  );
}
