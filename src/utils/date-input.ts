/**
 * Reading a date as an editor types it in frontmatter (`date`, `updated`,
 * a source's `date`), for the schema every reader shares
 * (`src/schemas/article.ts`).
 *
 * The rules (also in the README's editor section):
 * - `2017-01-13` is a Kabul calendar day: the instant 00:00 in
 *   `site.timeZone`, so an article dated today is published from midnight
 *   in Kabul, not from 04:30 (midnight UTC).
 * - `2017-01-13T10:00` (or with a space, with seconds) without a zone is
 *   Kabul wall-clock time; with `Z` or an offset (`+04:30`, `-0500`) it is
 *   that instant.
 * - Eastern Arabic (۲۰۲۰-۰۸-۱۴) and Arabic-Indic (٢٠٢٠-٠٨-١٤) digits are read
 *   as the same date, and invisible direction marks a right-to-left editor
 *   slips in are ignored: the editor sees the right date and could not
 *   tell what to fix.
 * - Years from 1900 to 2100 are accepted. A year before 1900 that is a real
 *   Solar Hijri date (1399-05-24) is refused with its Gregorian date to
 *   write, since that is what an Afghan editor almost always meant; other
 *   years outside the range are typos, refused with a word to check them.
 * - Anything else that reads unambiguously as a date (2020/08/14, 14-08-2020,
 *   "14 August 2020", "۲۴ اسد ۱۳۹۹") is refused with the exact value to
 *   write, so files keep one form that every tool reads the same way.
 */
import {
  afghanMonths, afghanMonthsLatin, dariGregorianMonths, englishMonths, iranianMonths,
  solarHijriToGregorian, toAsciiDigits, toEasternDigits, zonedInstant, type DateParts,
} from './dates.ts';

/** The Gregorian years a date may have; outside them a year is a typo or another calendar. */
export const YEARS = { first: 1900, last: 2100 } as const;

export type DateReading =
  /** `dateOnly`: no time was given, so `date` is 00:00 Kabul time on that day. */
  | { readonly ok: true; readonly date: Date; readonly dateOnly: boolean }
  | { readonly ok: false; readonly message: string };

/** Marks that change nothing visible in a date: bidi marks and controls, zero-width characters, the BOM. */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
/** Hyphens, dashes, slashes, dots and the Arabic date separator an editor may put between the parts. */
const SEP = '[-/.\\u2010-\\u2015\\u2212\\uFE63\\uFF0D\\u060D\\u066B\\s]';
/** The time that may follow a date, and its zone. */
const TIME = /^(?:[Tt]| +)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)? *(?:([Zz])|([+-])(\d{1,2})(?::?(\d{2}))?)?$/;
const YEAR_FIRST = new RegExp(`^(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})(?=$|[Tt ])(.*)$`);
const YEAR_LAST = new RegExp(`^(\\d{1,2})${SEP}(\\d{1,2})${SEP}(\\d{4})(?=$|[Tt ])(.*)$`);

/** Solar Hijri years whose days fall within YEARS. */
const SOLAR_HIJRI_YEARS = { first: YEARS.first - 622, last: YEARS.last - 621 };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = ({ year, month, day }: DateParts) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

function existsInGregorian({ year, month, day }: DateParts): boolean {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Why a Gregorian year cannot be used, or undefined when it can. */
function yearProblem(year: number): string | undefined {
  const range = `dates here are Gregorian, from ${YEARS.first} to ${YEARS.last}; check the year`;
  if (year < YEARS.first) return `is before ${YEARS.first}: ${range}`;
  if (year > YEARS.last) return `is after ${YEARS.last}: ${range}`;
  return undefined;
}

/**
 * The message for a date that reads as Solar Hijri, or undefined when the
 * year is not a Solar Hijri year of the site's range.
 */
function solarHijriMessage(shown: string, sh: DateParts, tail: string): string | undefined {
  if (sh.year < SOLAR_HIJRI_YEARS.first || sh.year > SOLAR_HIJRI_YEARS.last) return undefined;
  const gregorian = solarHijriToGregorian(sh.year, sh.month, sh.day);
  if (gregorian && yearProblem(gregorian.year)) return undefined;
  if (!gregorian) {
    return `${shown} is neither a Gregorian date from ${YEARS.first} on nor a day of the Solar Hijri calendar; write the Gregorian date, YYYY-MM-DD`;
  }
  const dari = `${toEasternDigits(sh.day)} ${afghanMonths[sh.month - 1]} ${toEasternDigits(sh.year)}`;
  return `${shown} looks like a Solar Hijri date, ${sh.day} ${afghanMonthsLatin[sh.month - 1]} ${sh.year} (${dari}); dates here are Gregorian: write ${iso(gregorian)}${tail}`;
}

/** The message for a Gregorian date typed in another form: the value to write instead, or why there is none. */
function rewriteMessage(shown: string, date: DateParts, tail: string, how: string): string {
  const problem = yearProblem(date.year);
  if (problem) return `${shown} ${problem}`;
  if (!existsInGregorian(date)) return `${shown} does not exist in the calendar`;
  return `${shown} ${how}; write ${iso(date)}${tail}`;
}

const fold = (s: string) => s.replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/\u200C/g, ' ').toLowerCase();
const monthNames = new Map<string, { calendar: 'gregorian' | 'solarHijri'; month: number }>();
for (const [names, calendar] of [
  [englishMonths, 'gregorian'], [dariGregorianMonths, 'gregorian'], [afghanMonths, 'solarHijri'], [iranianMonths, 'solarHijri'],
] as const) {
  names.forEach((name, i) => monthNames.set(fold(name), { calendar, month: i + 1 }));
}
englishMonths.forEach((name, i) => monthNames.set(fold(name.slice(0, 3)), { calendar: 'gregorian', month: i + 1 }));
monthNames.set('sept', { calendar: 'gregorian', month: 9 });
afghanMonthsLatin.forEach((name, i) => monthNames.set(fold(name), { calendar: 'solarHijri', month: i + 1 }));

/** "14 August 2020", "August 14, 2020", "۲۴ اسد ۱۳۹۹": a message with the value to write. */
function monthNameMessage(shown: string, text: string): string | undefined {
  const words = fold(text).replace(/[,،]/g, ' ').trim().split(/\s+/);
  if (words.length !== 3) return undefined;
  const [a, b, c] = words as [string, string, string];
  const [dayWord, name] = /^\d{1,2}$/.test(a) ? [a, b] : [b, a];
  const month = monthNames.get(name.replace(/\.$/, ''));
  if (!month || !/^\d{1,2}$/.test(dayWord) || !/^\d{4}$/.test(c)) return undefined;
  const date = { year: Number(c), month: month.month, day: Number(dayWord) };
  if (month.calendar === 'solarHijri') {
    return solarHijriMessage(shown, date, '') ?? `${shown} names a Solar Hijri month; write the Gregorian date, YYYY-MM-DD`;
  }
  return rewriteMessage(shown, date, '', 'is not a date like 2017-01-13');
}

/** Reads the time and zone after a valid date; `tail` is empty for a date alone. */
function instantOf(shown: string, date: DateParts, tail: string): DateReading {
  if (tail === '') return { ok: true, date: zonedInstant(date), dateOnly: true };
  const t = TIME.exec(tail);
  if (!t) return { ok: false, message: `${shown} is not a date like 2017-01-13 or a date and time like 2017-01-13T10:00` };
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, message: `${shown} has no such time of day; write the time from 00:00 to 23:59` };
  }
  // Digits, not float arithmetic: ".57" is 570 ms exactly.
  const millisecond = t[4] ? Number(`${t[4].slice(1)}00`.slice(0, 3)) : 0;
  const wall = { ...date, hour, minute, second, millisecond };
  if (!t[5] && !t[6]) return { ok: true, date: zonedInstant(wall), dateOnly: false };
  const offsetMinutes = t[5] ? 0 : (t[6] === '-' ? -1 : 1) * (Number(t[7]) * 60 + Number(t[8] ?? 0));
  if (Math.abs(offsetMinutes) > 14 * 60 || Number(t[8] ?? 0) > 59) {
    return { ok: false, message: `${shown} has an impossible UTC offset; write one like +04:30, or none for Kabul time` };
  }
  const utc = new Date(Date.UTC(2000, 0, 1, hour, minute, second, millisecond));
  utc.setUTCFullYear(date.year, date.month - 1, date.day);
  return { ok: true, date: new Date(utc.getTime() - offsetMinutes * 60_000), dateOnly: false };
}

/**
 * Reads a frontmatter date as typed (see the rules at the top of this file).
 * `what` names the field in messages, which quote the value as typed and
 * say what to write instead.
 * @example readDate('2025-05-10') // { ok: true, date: 2025-05-09T19:30:00.000Z (00:00 Kabul), dateOnly: true }
 * @example readDate('۲۰۲۰-۰۸-۱۴').ok // true: the same day as 2020-08-14
 * @example readDate('1399-05-24') // { ok: false, message: 'date "1399-05-24" looks like a Solar Hijri date, 24 Asad 1399 (۲۴ اسد ۱۳۹۹); dates here are Gregorian: write 2020-08-14' }
 */
export function readDate(value: string, what = 'date'): DateReading {
  const shown = `${what} "${value}"`;
  const text = toAsciiDigits(value.replace(INVISIBLE, '').replace(/[\u00A0\u202F]/g, ' ').trim());
  const refuse = (message: string): DateReading => ({ ok: false, message });

  const first = YEAR_FIRST.exec(text);
  if (first) {
    const date = { year: Number(first[1]), month: Number(first[2]), day: Number(first[3]) };
    const tail = first[4]!;
    const sh = date.year < YEARS.first ? solarHijriMessage(shown, date, tail) : undefined;
    if (sh) return refuse(sh);
    const exact = text.slice(0, text.length - tail.length) === iso(date);
    if (exact) {
      const problem = yearProblem(date.year);
      if (problem) return refuse(`${shown} ${problem}`);
      if (!existsInGregorian(date)) return refuse(`${shown} does not exist in the calendar`);
      return instantOf(shown, date, tail);
    }
    return refuse(rewriteMessage(shown, date, tail, 'is not written as YYYY-MM-DD'));
  }

  const last = YEAR_LAST.exec(text);
  if (last) {
    const [a, b, year, tail] = [Number(last[1]), Number(last[2]), Number(last[3]), last[4]!];
    const sh = year < YEARS.first ? solarHijriMessage(shown, { year, month: b, day: a }, tail) : undefined;
    if (sh) return refuse(sh);
    if (a > 12 && b <= 12) return refuse(rewriteMessage(shown, { year, month: b, day: a }, tail, 'puts the day first'));
    if (b > 12 && a <= 12) return refuse(rewriteMessage(shown, { year, month: a, day: b }, tail, 'puts the month first'));
    if (a <= 12 && b <= 12) {
      if (a === b) return refuse(rewriteMessage(shown, { year, month: a, day: a }, tail, 'puts the year last'));
      const problem = yearProblem(year);
      if (problem) return refuse(`${shown} ${problem}`);
      const dayFirst = { year, month: b, day: a };
      const monthFirst = { year, month: a, day: b };
      return refuse(
        `${shown} could be ${a} ${englishMonths[b - 1]} or ${b} ${englishMonths[a - 1]}; write the year first: ` +
          `${iso(dayFirst)}${tail} for ${a} ${englishMonths[b - 1]}, ${iso(monthFirst)}${tail} for ${b} ${englishMonths[a - 1]}`,
      );
    }
  }

  return refuse(monthNameMessage(shown, text) ?? `${shown} is not a date like 2017-01-13`);
}
