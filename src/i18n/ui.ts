/**
 * UI strings: one dictionary per locale, looked up through `useTranslations`.
 */
import { locales, type Lang } from './locales.ts';
import { formatNumber } from '../utils/dates.ts';
import { en, type UIKey, type UIDictionary } from './ui/en.ts';
import { fa } from './ui/fa.ts';

const dictionaries: Record<Lang, UIDictionary> = { en, fa };

/**
 * Returns the translator for a locale. `{name}` placeholders are filled from
 * `vars`; numbers are written in the locale's digits.
 * @example useTranslations('fa')('article.readingTime', { n: 5 }) // '۵ دقیقه'
 */
export function useTranslations(lang: Lang) {
  const dict = dictionaries[lang];
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
 * locale's plural rules and digits.
 * @example articleCount('en', 1) // '1 article'
 */
export function articleCount(lang: Lang, n: number): string {
  const form = new Intl.PluralRules(locales[lang].lang).select(n) === 'one' ? 'list.count.one' : 'list.count.other';
  return useTranslations(lang)(form, { n });
}
