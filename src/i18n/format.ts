/**
 * Numbers and dates as each language writes them, through `Intl` with the
 * registry's tags: Eastern Arabic digits for Dari and Pashto (CLDR's default
 * numbering for `fa-AF` and `ps-AF`), the Solar Hijri calendar where the
 * language reckons in it, month names from CLDR unless the registry keeps a
 * house spelling (`languages[…].months`, with the reason there).
 *
 * Every date is shown on the day the newsroom's time zone (`site.timeZone`,
 * Asia/Kabul) saw it.
 */
import { site } from '../config/site.ts';
import { languages, type Lang, type LanguageSpec } from './locales.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let found = cache.get(key) as T | undefined;
  if (!found) cache.set(key, (found = make()));
  return found;
}

const spec = (lang: Lang): LanguageSpec => languages[lang];

/**
 * A number in the language's digits, without grouping (years, counts, page numbers).
 * @example formatNumber(1395, fa) // '۱۳۹۵'
 * @example formatNumber(5, en) // '5'
 */
export function formatNumber(value: number, lang: Lang): string {
  return memo(`n:${lang}`, () => new Intl.NumberFormat(spec(lang).tag, { useGrouping: false })).format(value);
}

function dateFormat(lang: Lang, calendar: LanguageSpec['calendar'], options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${lang}:${calendar}:${JSON.stringify(options)}`;
  return memo(key, () => new Intl.DateTimeFormat(`${spec(lang).tag}-u-ca-${calendar}`, { timeZone: site.timeZone, ...options }));
}

/** Year, month (1-based) and day of an instant in a calendar, in Kabul, as numbers. */
function numericParts(date: Date, calendar: LanguageSpec['calendar']): { year: number; month: number; day: number } {
  const parts = memo(`p:${calendar}`, () =>
    new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, { timeZone: site.timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }),
  ).formatToParts(date);
  const pick = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: pick('year'), month: pick('month'), day: pick('day') };
}

/**
 * The name of month `month` (1-based) of the language's calendar, or of the
 * given calendar: the house spelling if the registry keeps one, else CLDR's.
 * @example monthName(10, fa) // 'جدی'
 * @example monthName(1, fa, 'gregory') // 'جنوری'
 */
export function monthName(month: number, lang: Lang, calendar: LanguageSpec['calendar'] = spec(lang).calendar): string {
  const house = spec(lang).months;
  if (house && calendar === spec(lang).calendar) return house[month - 1]!;
  return dateFormat(lang, calendar, { month: 'long' }).format(inMonth(month, calendar));
}

/**
 * An instant in the middle of month `month` (1-based) of a calendar, to ask
 * `Intl` for its name: month names do not change from year to year.
 */
function inMonth(month: number, calendar: LanguageSpec['calendar']): Date {
  if (calendar === 'gregory') return new Date(Date.UTC(2001, month - 1, 15, 12));
  // 1 Hamal 1380 was 21 March 2001; months 1–6 have 31 days, 7–11 have 30.
  const start = month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30;
  return new Date(Date.UTC(2001, 2, 21, 12) + (start + 14) * 86_400_000);
}

/**
 * A date as a page in `lang` writes it, in the language's calendar (or the
 * one given): "۲۴ جدی ۱۳۹۵" in Dari, "13 January 2017" in English.
 * @example formatDate(new Date('2017-01-13T00:00:00+04:30'), fa) // '۲۴ جدی ۱۳۹۵'
 * @example formatDate(new Date('2017-01-13T00:00:00+04:30'), fa, 'gregory') // '۱۳ جنوری ۲۰۱۷'
 */
export function formatDate(date: Date, lang: Lang, calendar: LanguageSpec['calendar'] = spec(lang).calendar): string {
  const l = spec(lang);
  const houseMonths = l.months !== undefined && calendar === l.calendar;
  if (!l.dayMonthYear && !houseMonths) return dateFormat(lang, calendar, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  const { year, month, day } = numericParts(date, calendar);
  return `${formatNumber(day, lang)} ${monthName(month, lang, calendar)} ${formatNumber(year, lang)}`;
}

/**
 * A month of the language's calendar by name, for archive headings.
 * @example formatMonth(1395, 10, fa) // 'جدی ۱۳۹۵'
 * @example formatMonth(2017, 1, en) // 'January 2017'
 */
export function formatMonth(year: number, month: number, lang: Lang): string {
  return `${monthName(month, lang)} ${formatNumber(year, lang)}`;
}

/**
 * The year, month and day a language files an instant under, in its own
 * calendar (Solar Hijri for Dari), in Kabul.
 * @example calendarParts(new Date('2017-01-13T00:00:00+04:30'), fa) // { year: 1395, month: 10, day: 24 }
 */
export function calendarParts(date: Date, lang: Lang): { year: number; month: number; day: number } {
  return numericParts(date, spec(lang).calendar);
}
