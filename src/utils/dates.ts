/**
 * Date formatting for both sections.
 *
 * English pages use the Gregorian calendar ("13 January 2017"). Dari pages
 * use the Solar Hijri calendar as reckoned in Afghanistan: the same calendar
 * arithmetic as Iran's, but with the Afghan (zodiac) month names, so we take
 * the numeric year/month/day from ICU's `persian` calendar and name the month
 * ourselves. ICU's own `fa` month names are the Iranian ones ("دی"), and its
 * weekday pattern puts a Latin comma in Dari text, so neither is used.
 *
 * Every date is read in the newsroom's time zone (Asia/Kabul), so an article
 * dated late in the evening UTC lands on the day Kabul saw it.
 */
import { site } from '../config/site.ts';
import { locales, type Lang } from '../i18n/locales.ts';

/** Afghan Solar Hijri month names, Hamal (1) to Hut (12). */
export const afghanMonths = [
  'حمل', 'ثور', 'جوزا', 'سرطان', 'اسد', 'سنبله',
  'میزان', 'عقرب', 'قوس', 'جدی', 'دلو', 'حوت',
] as const;

/** Iranian month names for the same months; recognised on import, never shown. */
export const iranianMonths = [
  'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور',
  'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند',
] as const;

export const englishMonths = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export interface DateParts {
  readonly year: number;
  /** 1-based month. */
  readonly month: number;
  readonly day: number;
}

const partsFormatters = {
  persian: new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    timeZone: site.timeZone, year: 'numeric', month: 'numeric', day: 'numeric',
  }),
  gregory: new Intl.DateTimeFormat('en-u-ca-gregory-nu-latn', {
    timeZone: site.timeZone, year: 'numeric', month: 'numeric', day: 'numeric',
  }),
};

function partsOf(date: Date, calendar: keyof typeof partsFormatters): DateParts {
  const parts = partsFormatters[calendar].formatToParts(date);
  const pick = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return { year: pick('year'), month: pick('month'), day: pick('day') };
}

/**
 * The Solar Hijri date of an instant, in Kabul.
 * @example solarHijriParts(new Date('2017-01-13')) // { year: 1395, month: 10, day: 24 }
 */
export function solarHijriParts(date: Date): DateParts {
  return partsOf(date, 'persian');
}

/**
 * The Gregorian date of an instant, in Kabul (used for URLs and archives).
 * @example gregorianParts(new Date('2017-01-13')) // { year: 2017, month: 1, day: 13 }
 */
export function gregorianParts(date: Date): DateParts {
  return partsOf(date, 'gregory');
}

const easternDigits = '۰۱۲۳۴۵۶۷۸۹';

/**
 * Writes ASCII digits in Eastern Arabic (Persian) digits, leaving the rest alone.
 * @example toEasternDigits('1395') // '۱۳۹۵'
 */
export function toEasternDigits(value: string | number): string {
  return String(value).replace(/[0-9]/g, (d) => easternDigits[Number(d)]!);
}

/**
 * Reads Eastern Arabic (Persian) and Arabic-Indic digits as ASCII digits.
 * @example toAsciiDigits('۲۴') // '24'
 */
export function toAsciiDigits(value: string): string {
  return value
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/**
 * Formats a number for a section: Eastern Arabic digits in Dari, without
 * grouping for years.
 * @example formatNumber(5, 'fa') // '۵'
 */
export function formatNumber(value: number, lang: Lang): string {
  return lang === 'fa' ? toEasternDigits(value) : String(value);
}

/**
 * The Solar Hijri date as Afghans write it.
 * @example formatSolarHijri(new Date('2017-01-13')) // '۲۴ جدی ۱۳۹۵'
 */
export function formatSolarHijri(date: Date): string {
  const { year, month, day } = solarHijriParts(date);
  return `${toEasternDigits(day)} ${afghanMonths[month - 1]} ${toEasternDigits(year)}`;
}

/**
 * The Gregorian date, in English or (for Dari pages) with Eastern digits and
 * the Gregorian month names Afghans use in Dari.
 * @example formatGregorian(new Date('2017-01-13'), 'en') // '13 January 2017'
 */
export function formatGregorian(date: Date, lang: Lang): string {
  const { year, month, day } = gregorianParts(date);
  if (lang === 'en') return `${day} ${englishMonths[month - 1]} ${year}`;
  return `${toEasternDigits(day)} ${dariGregorianMonths[month - 1]} ${toEasternDigits(year)}`;
}

/** Gregorian month names as written in Dari (the European months). */
export const dariGregorianMonths = [
  'جنوری', 'فبروری', 'مارچ', 'اپریل', 'می', 'جون',
  'جولای', 'اگست', 'سپتمبر', 'اکتوبر', 'نومبر', 'دسمبر',
] as const;

/**
 * The date a page in `lang` shows: Solar Hijri on Dari pages, Gregorian on English ones.
 * @example formatDate(new Date('2017-01-13'), 'fa') // '۲۴ جدی ۱۳۹۵'
 */
export function formatDate(date: Date, lang: Lang): string {
  return lang === 'fa' ? formatSolarHijri(date) : formatGregorian(date, 'en');
}

/**
 * The year and month a section files an article under: Solar Hijri for
 * Dari, Gregorian for English (the calendar comes from the locale registry).
 * @example archiveParts(new Date('2017-01-13'), 'fa') // { year: 1395, month: 10, day: 24 }
 */
export function archiveParts(date: Date, lang: Lang): DateParts {
  return partsOf(date, locales[lang].calendar);
}

/**
 * A month of the section's calendar, by name.
 * @example formatMonth(1395, 10, 'fa') // 'جدی ۱۳۹۵'
 * @example formatMonth(2017, 1, 'en') // 'January 2017'
 */
export function formatMonth(year: number, month: number, lang: Lang): string {
  const names = locales[lang].calendar === 'persian' ? afghanMonths : englishMonths;
  return `${names[month - 1]} ${formatNumber(year, lang)}`;
}

/**
 * `YYYY-MM-DD` in Kabul, for `<time datetime>` and file names.
 * @example isoDay(new Date('2017-01-13')) // '2017-01-13'
 */
export function isoDay(date: Date): string {
  const { year, month, day } = gregorianParts(date);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The instant (midnight UTC) of a Solar Hijri date, or undefined when the
 * date does not exist. ICU does the calendar arithmetic: we estimate the
 * Gregorian day and step until ICU agrees, instead of hand-coding leap rules.
 * @example fromSolarHijri(1395, 10, 24)?.toISOString().slice(0, 10) // '2017-01-13'
 */
export function fromSolarHijri(year: number, month: number, day: number): Date | undefined {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  // Hamal 1 falls on 20/21 March; months 1-6 have 31 days, 7-11 have 30.
  const dayOfYear = month <= 6 ? (month - 1) * 31 + day : 186 + (month - 7) * 30 + day;
  const estimate = Date.UTC(year + 621, 2, 20) + (dayOfYear - 1) * 86_400_000;
  for (let offset = -3; offset <= 3; offset++) {
    const candidate = new Date(estimate + offset * 86_400_000);
    const p = solarHijriParts(candidate);
    if (p.year === year && p.month === month && p.day === day) return candidate;
  }
  return undefined;
}
