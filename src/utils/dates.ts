/**
 * Calendar arithmetic and the newsroom's clock: instants in Kabul time, the
 * Solar Hijri and Gregorian day of an instant (ICU's `persian` calendar), the
 * month names editors type (recognised when dates are read: see
 * `date-input.ts` and the importer), and machine-readable timestamps.
 * Showing a date to a reader is the language's business: `i18n/format.ts`.
 *
 * Every date is read in the newsroom's time zone (`site.timeZone`,
 * Asia/Kabul): a date-only `2017-01-13` is the instant 00:00 Kabul time, and
 * an instant is shown on the day Kabul saw it. The zone's offset always comes
 * from Intl (Kabul was UTC+4:00 until 1945, +4:30 since), never a constant.
 */
import { site } from '../config/site.ts';

/** Afghan Solar Hijri month names, Hamal (1) to Hut (12), as editors type them. */
export const afghanMonths = [
  'حمل', 'ثور', 'جوزا', 'سرطان', 'اسد', 'سنبله',
  'میزان', 'عقرب', 'قوس', 'جدی', 'دلو', 'حوت',
] as const;

/** Iranian month names for the same months; recognised on import, never shown. */
export const iranianMonths = [
  'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور',
  'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند',
] as const;

/** English month names, as editors type them. */
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

/** Gregorian month names as written in Dari; recognised when reading dates (shown ones come from `Intl`). */
export const dariGregorianMonths = [
  'جنوری', 'فبروری', 'مارچ', 'اپریل', 'می', 'جون',
  'جولای', 'اگست', 'سپتمبر', 'اکتوبر', 'نومبر', 'دسمبر',
] as const;

/**
 * `YYYY-MM-DD`: the day an instant falls on in Kabul, for `<time datetime>`,
 * file names and today's date in `npm run new`.
 * @example isoDay(new Date('2017-01-12T21:00:00Z')) // '2017-01-13' (01:30 in Kabul)
 */
export function isoDay(date: Date): string {
  const { year, month, day } = gregorianParts(date);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

/**
 * The Gregorian date of a Solar Hijri date, or undefined when the date does
 * not exist (Hut has 29 days outside leap years). ICU does the calendar
 * arithmetic: we estimate the Gregorian day and step until ICU agrees,
 * instead of hand-coding leap rules.
 * @example solarHijriToGregorian(1399, 5, 24) // { year: 2020, month: 8, day: 14 }
 */
export function solarHijriToGregorian(year: number, month: number, day: number): DateParts | undefined {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  // Hamal 1 falls on 20/21 March; months 1-6 have 31 days, 7-11 have 30.
  const dayOfYear = month <= 6 ? (month - 1) * 31 + day : 186 + (month - 7) * 30 + day;
  const estimate = utcMs({ year: year + 621, month: 3, day: 20 }) + (dayOfYear - 1) * DAY_MS;
  for (let offset = -3; offset <= 3; offset++) {
    // Noon UTC is the same calendar day in every zone within ±12 h.
    const candidate = new Date(estimate + offset * DAY_MS + DAY_MS / 2);
    const p = utcPersian(candidate);
    if (p.year === year && p.month === month && p.day === day) {
      return { year: candidate.getUTCFullYear(), month: candidate.getUTCMonth() + 1, day: candidate.getUTCDate() };
    }
  }
  return undefined;
}

const utcPersianFormatter = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric',
});

function utcPersian(date: Date): DateParts {
  const parts = utcPersianFormatter.formatToParts(date);
  const pick = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: pick('year'), month: pick('month'), day: pick('day') };
}

/**
 * The instant a Solar Hijri date begins in Kabul (00:00 Kabul time), or
 * undefined when the date does not exist.
 * @example isoDay(fromSolarHijri(1395, 10, 24)!) // '2017-01-13'
 */
export function fromSolarHijri(year: number, month: number, day: number): Date | undefined {
  const gregorian = solarHijriToGregorian(year, month, day);
  return gregorian && zonedInstant(gregorian);
}

/** Latin names of the Afghan months, for messages to editors ("24 Asad 1399"). */
export const afghanMonthsLatin = [
  'Hamal', 'Sawr', 'Jawza', 'Saratan', 'Asad', 'Sunbula',
  'Mizan', 'Aqrab', 'Qaws', 'Jadi', 'Dalw', 'Hut',
] as const;

/** A wall-clock time: a calendar date and, optionally, a time of day. */
export interface WallClock extends DateParts {
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly millisecond?: number;
}

/** Milliseconds since the epoch of a wall-clock time read as UTC (years 0-99 included). */
function utcMs({ year, month, day, hour = 0, minute = 0, second = 0, millisecond = 0 }: WallClock): number {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, millisecond));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * How far a time zone is ahead of UTC at an instant, in milliseconds, as
 * the IANA database says (Intl); negative west of Greenwich.
 * @throws RangeError for a time zone Intl does not know
 * @example zoneOffsetMs(new Date('2017-01-13T00:00Z')) // 16_200_000 (4 h 30 min, Kabul)
 */
export function zoneOffsetMs(instant: Date | number, timeZone: string = site.timeZone): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  // "GMT", "GMT+04:30", "GMT-03:00", or with seconds for local mean time ("GMT+04:36:48").
  const m = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
  if (!m) throw new RangeError(`cannot read the UTC offset of ${timeZone} from "${name}"`);
  if (!m[1]) return 0;
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -ms : ms;
}

/**
 * The instant at which clocks in `timeZone` (the site's, Kabul) show a
 * wall-clock time; a date alone means 00:00, the start of that day there.
 * A time that clocks skip (a daylight-saving gap) is moved forward by the
 * gap, and a time they show twice is the earlier instant, as JavaScript's
 * Temporal does ("compatible"). Kabul keeps no daylight saving time today,
 * but the rule stays right if `site.timeZone` ever changes.
 * @example zonedInstant({ year: 2017, month: 1, day: 13 }).toISOString() // '2017-01-12T19:30:00.000Z'
 */
export function zonedInstant(wall: WallClock, timeZone: string = site.timeZone): Date {
  const local = utcMs(wall);
  // An archive's articles share days: each (zone, wall time) is resolved once
  // (Intl's formatToParts is the cost: about 0.1 ms a call, three or four calls).
  const key = `${timeZone} ${local}`;
  const known = instantMemo.get(key);
  if (known !== undefined) return new Date(known);
  const instant = resolveInstant(local, timeZone);
  instantMemo.set(key, instant);
  return new Date(instant);
}

/** Wall times already resolved by `zonedInstant`, as epoch ms, by "zone local-ms". */
const instantMemo = new Map<string, number>();

function resolveInstant(local: number, timeZone: string): number {
  const before = zoneOffsetMs(local - DAY_MS, timeZone);
  const after = zoneOffsetMs(local + DAY_MS, timeZone);
  const fits = (offset: number) => zoneOffsetMs(local - offset, timeZone) === offset;
  const candidates = [...new Set([before, after])].filter(fits).map((offset) => local - offset);
  // No candidate: the time falls in a gap; the offset before it pushes it past the gap.
  return candidates.length > 0 ? Math.min(...candidates) : local - before;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function wallClockAt(instant: Date, timeZone: string): { wall: Required<WallClock>; offset: number } {
  const offset = zoneOffsetMs(instant, timeZone);
  const shifted = new Date(instant.getTime() + offset);
  return {
    offset,
    wall: {
      year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(),
      hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), second: shifted.getUTCSeconds(),
      millisecond: shifted.getUTCMilliseconds(),
    },
  };
}

/**
 * An instant as ISO 8601 / RFC 3339 in the site's time zone, with its
 * offset: what sitemaps, JSON-LD, Open Graph and the news sitemap carry, so
 * a date-only article reads as its Kabul day, not the UTC evening before.
 * Milliseconds appear only when there are some. An offset with seconds
 * (local mean time, before 1900) cannot be written in ISO 8601, so that
 * instant is given in UTC.
 * @example isoDateTime(new Date('2017-01-12T19:30:00Z')) // '2017-01-13T00:00:00+04:30'
 */
export function isoDateTime(instant: Date, timeZone: string = site.timeZone): string {
  const { wall, offset } = wallClockAt(instant, timeZone);
  if (offset % 60_000 !== 0) return instant.toISOString();
  const ms = wall.millisecond ? `.${pad(wall.millisecond, 3)}` : '';
  const minutes = Math.abs(offset) / 60_000;
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${ms}${zone}`;
}

const rfcWeekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/**
 * An instant as RFC 822 (RSS 2.0's date format) in the site's time zone,
 * with a numeric offset: the same Kabul wall-clock time as the pages show.
 * @example rfc822DateTime(new Date('2017-01-12T19:30:00Z')) // 'Fri, 13 Jan 2017 00:00:00 +0430'
 */
export function rfc822DateTime(instant: Date, timeZone: string = site.timeZone): string {
  const { wall, offset } = wallClockAt(instant, timeZone);
  if (offset % 60_000 !== 0) return instant.toUTCString();
  const weekday = rfcWeekdays[new Date(utcMs(wall)).getUTCDay()];
  const minutes = Math.abs(offset) / 60_000;
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}`;
  return `${weekday}, ${pad(wall.day)} ${englishMonths[wall.month - 1]!.slice(0, 3)} ${pad(wall.year, 4)} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)} ${zone}`;
}

/**
 * A date for a message to an editor: `2017-01-13` when the instant is the
 * start of a Kabul day (what a date-only field gives), else the full
 * `isoDateTime()`.
 * @example isoDateOrTime(new Date('2017-01-12T19:30:00Z')) // '2017-01-13'
 * @example isoDateOrTime(new Date('2017-01-13T05:30:00Z')) // '2017-01-13T10:00:00+04:30'
 */
export function isoDateOrTime(instant: Date, timeZone: string = site.timeZone): string {
  const full = isoDateTime(instant, timeZone);
  return /T00:00:00[+-]/.test(full) ? full.slice(0, 10) : full;
}
