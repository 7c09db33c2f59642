/**
 * UI strings: one dictionary per language (`ui/<code>.ts`, registered in the
 * language's registry entry), looked up through `useTranslations`.
 */
import { formatNumber } from './format.ts';
import { languages, type Lang } from './locales.ts';
import type { UIKey } from './ui/en.ts';

/**
 * Returns the translator for a language. `{name}` placeholders are filled
 * from `vars`; numbers are written in the language's digits.
 * @example useTranslations(fa)('article.readingTime', { n: 5 }) // '۵ دقیقه مطالعه'
 * @throws when the string needs a placeholder `vars` does not give
 */
export function useTranslations(lang: Lang) {
  const dict = languages[lang].ui;
  return function t(key: UIKey, vars: Record<string, string | number> = {}): string {
    return dict[key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = vars[name];
      if (value === undefined) throw new Error(`UI string "${key}" needs a value for {${name}}`);
      return typeof value === 'number' ? formatNumber(value, lang) : value;
    });
  };
}

export type { UIKey };

/**
 * "1 article", "3 articles", "۳ مقاله": a count of articles with the
 * language's plural rules and digits.
 * @example articleCount(en, 1) // '1 article'
 */
export function articleCount(lang: Lang, n: number): string {
  const form = new Intl.PluralRules(languages[lang].tag).select(n) === 'one' ? 'list.count.one' : 'list.count.other';
  return useTranslations(lang)(form, { n });
}
