/**
 * The language a Markdown file is written in, for plugins that behave per
 * language: the `lang` its frontmatter names, else its section's (the folder,
 * `content/articles/<section>/…`). See `articleLanguage` in the registry.
 */
import type { VFile } from 'vfile';
import { articleLanguage, isSection, type Lang } from '../i18n/locales.ts';

/**
 * @example articleLangOf(new VFile({ path: '/site/content/articles/en/x.md', data: { astro: { frontmatter: { lang: de } } } })) // de
 */
export function articleLangOf(file: VFile): Lang | undefined {
  const folder = /[\\/]articles[\\/]([^\\/]+)[\\/]/.exec(file.path ?? '')?.[1];
  if (!folder || !isSection(folder)) return undefined;
  const lang = (file.data as { astro?: { frontmatter?: { lang?: unknown } } }).astro?.frontmatter?.lang;
  return articleLanguage(folder, typeof lang === 'string' ? lang : undefined);
}
