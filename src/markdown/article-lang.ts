/**
 * The section a Markdown file belongs to, read from its folder
 * (`content/articles/<lang>/…`), for rehype plugins that behave per language.
 */
import type { VFile } from 'vfile';
import { isLang, type Lang } from '../i18n/locales.ts';

/**
 * @example articleLangOf(new VFile({ path: '/site/content/articles/fa/x.md' })) // 'fa'
 */
export function articleLangOf(file: VFile): Lang | undefined {
  const folder = /[\\/]articles[\\/]([^\\/]+)[\\/]/.exec(file.path ?? '')?.[1];
  return folder && isLang(folder) ? folder : undefined;
}
