/**
 * What editors type as a date, and what the site makes of it: the Kabul
 * calendar day, zoneless times in Kabul, Solar Hijri dates typed into a
 * Gregorian field, other digits and other forms (src/utils/date-input.ts),
 * and the time-zone arithmetic behind them (src/utils/dates.ts).
 */
import { formatDate } from '../../src/i18n/format.ts';
import { describe, expect, it } from 'vitest';
import { readDate, YEARS } from '../../src/utils/date-input.ts';
import {
  isoDateOrTime, isoDateTime, isoDay, rfc822DateTime, solarHijriToGregorian, zonedInstant, zoneOffsetMs,
} from '../../src/utils/dates.ts';

/** The instant a reading gives, as UTC ISO; or its message. */
function read(value: string, what?: string): string {
  const r = readDate(value, what);
  return r.ok ? r.date.toISOString() : r.message;
}

describe('a date alone is a Kabul calendar day', () => {
  it('starts at 00:00 in Kabul, not at 00:00 UTC (04:30 in Kabul)', () => {
    expect(read('2025-05-10')).toBe('2025-05-09T19:30:00.000Z');
    expect(readDate('2025-05-10')).toMatchObject({ ok: true, dateOnly: true });
  });

  it('is shown, filed and written as that same day', () => {
    const r = readDate('2017-01-13');
    if (!r.ok) throw new Error(r.message);
    expect(isoDay(r.date)).toBe('2017-01-13');
    expect(formatDate(r.date, 'fa')).toBe('۲۴ جدی ۱۳۹۵');
    expect(isoDateTime(r.date)).toBe('2017-01-13T00:00:00+04:30');
    expect(rfc822DateTime(r.date)).toBe('Fri, 13 Jan 2017 00:00:00 +0430');
  });

  it('takes the offset Kabul had on the day (UTC+4:00 before 1945), from the time-zone database', () => {
    expect(read('1940-01-01')).toBe('1939-12-31T20:00:00.000Z');
    expect(isoDateTime(new Date('1939-12-31T20:00:00Z'))).toBe('1940-01-01T00:00:00+04:00');
  });
});

describe('a date and time', () => {
  it('without a zone is Kabul wall-clock time: 2024-03-19T23:00 is 29 Hoot 1402', () => {
    expect(read('2024-03-19T23:00')).toBe('2024-03-19T18:30:00.000Z');
    const r = readDate('2024-03-19T23:00');
    expect(r.ok && formatDate(r.date, 'fa')).toBe('۲۹ حوت ۱۴۰۲');
    expect(r).toMatchObject({ dateOnly: false });
  });

  it.each([
    ['2024-03-19 23:00', '2024-03-19T18:30:00.000Z'],
    ['2024-03-19t23:00:30', '2024-03-19T18:30:30.000Z'],
    ['2024-03-19T09:05:07.25', '2024-03-19T04:35:07.250Z'],
    ['2024-03-19T9:05', '2024-03-19T04:35:00.000Z'],
  ])('reads %s as Kabul time', (value, instant) => {
    expect(read(value)).toBe(instant);
  });

  it.each([
    ['2024-03-19T23:00Z', '2024-03-19T23:00:00.000Z'],
    ['2024-03-19T23:00:00z', '2024-03-19T23:00:00.000Z'],
    ['2024-03-19T23:00+04:30', '2024-03-19T18:30:00.000Z'],
    ['2024-03-19T23:00-0500', '2024-03-20T04:00:00.000Z'],
    ['2024-03-19 23:00:00 +02', '2024-03-19T21:00:00.000Z'],
    ['2024-03-19 23:00:00.1 -5:30', '2024-03-20T04:30:00.100Z'],
  ])('reads %s, with a zone, as that instant', (value, instant) => {
    expect(read(value)).toBe(instant);
  });

  it('refuses a time of day that does not exist, and an impossible offset', () => {
    expect(read('2020-08-14T24:00')).toBe('date "2020-08-14T24:00" has no such time of day; write the time from 00:00 to 23:59');
    expect(read('2020-08-14T10:60')).toMatch(/no such time of day/);
    expect(read('2020-08-14T10:00:60')).toMatch(/no such time of day/);
    expect(read('2020-08-14T10:00+15:00')).toBe(
      'date "2020-08-14T10:00+15:00" has an impossible UTC offset; write one like +04:30, or none for Kabul time',
    );
    expect(read('2020-08-14T10:00+04:75')).toMatch(/impossible UTC offset/);
  });

  it('refuses a date followed by something that is not a time', () => {
    expect(read('2020-08-14T')).toBe('date "2020-08-14T" is not a date like 2017-01-13 or a date and time like 2017-01-13T10:00');
    expect(read('2020-08-14 noon')).toMatch(/is not a date like 2017-01-13 or a date and time/);
  });
});

describe('a Solar Hijri date typed into a Gregorian field', () => {
  it('is refused with its Solar Hijri reading and the Gregorian date to write', () => {
    expect(read('1399-05-24')).toBe(
      'date "1399-05-24" looks like a Solar Hijri date, 24 Asad 1399 (۲۴ اسد ۱۳۹۹); dates here are Gregorian: write 2020-08-14',
    );
  });

  it('names the field it is in', () => {
    expect(read('1399-05-24', 'updated')).toMatch(/^updated "1399-05-24" looks like a Solar Hijri date/);
    expect(read('1399-05-24', 'source date')).toMatch(/^source date "1399-05-24" .*write 2020-08-14$/);
  });

  it.each([
    ['۱۳۹۹-۰۵-۲۴', '2020-08-14'],
    ['١٣٩٩-٠٥-٢٤', '2020-08-14'],
    ['1399/05/24', '2020-08-14'],
    ['24/05/1399', '2020-08-14'],
    ['۲۴ اسد ۱۳۹۹', '2020-08-14'],
    ['24 مرداد 1399', '2020-08-14'],
    ['24 Asad 1399', '2020-08-14'],
    ['1403-12-30', '2025-03-20'],
    ['1402-12-29', '2024-03-19'],
    ['1399-05-24T10:00', '2020-08-14T10:00'],
  ])('%s: the message says to write %s', (value, gregorian) => {
    expect(read(value)).toMatch(new RegExp(`looks like a Solar Hijri date, .*; dates here are Gregorian: write ${gregorian}$`));
  });

  it('says so when the date is not a day of the Solar Hijri calendar either', () => {
    // 1402 is not a leap year: Hut has 29 days.
    expect(read('1402-12-30')).toBe(
      'date "1402-12-30" is neither a Gregorian date from 1900 on nor a day of the Solar Hijri calendar; write the Gregorian date, YYYY-MM-DD',
    );
    expect(read('1399-13-01')).toMatch(/neither a Gregorian date/);
  });
});

describe('years outside 1900 to 2100', () => {
  it('holds the documented range', () => {
    expect(YEARS).toEqual({ first: 1900, last: 2100 });
    expect(read('1900-01-01')).toBe('1899-12-31T20:00:00.000Z');
    expect(readDate('2100-12-31').ok).toBe(true);
  });

  it.each(['1850-05-24', '0024-08-14', '1100-01-01'])('refuses %s as before 1900', (value) => {
    expect(read(value)).toBe(`date "${value}" is before 1900: dates here are Gregorian, from 1900 to 2100; check the year`);
  });

  it('refuses a year after 2100', () => {
    expect(read('2205-01-01')).toBe('date "2205-01-01" is after 2100: dates here are Gregorian, from 1900 to 2100; check the year');
  });
});

describe('digits and invisible marks', () => {
  it.each(['۲۰۲۰-۰۸-۱۴', '٢٠٢٠-٠٨-١٤', '۲۰۲۰-08-۱۴', '\u200F۲۰۲۰-۰۸-۱۴\u200E', '\u202B2020-08-14\u202C', ' 2020-08-14 '])(
    'reads %j as 14 August 2020 in Kabul',
    (value) => {
      expect(read(value)).toBe('2020-08-13T19:30:00.000Z');
    },
  );

  it('reads a date and time in Eastern digits', () => {
    expect(read('۲۰۲۴-۰۳-۱۹T۲۳:۰۰')).toBe('2024-03-19T18:30:00.000Z');
  });
});

describe('other ways of writing a date', () => {
  it.each([
    ['2020/08/14', 'date "2020/08/14" is not written as YYYY-MM-DD; write 2020-08-14'],
    ['2020.08.14', 'date "2020.08.14" is not written as YYYY-MM-DD; write 2020-08-14'],
    ['2020-8-14', 'date "2020-8-14" is not written as YYYY-MM-DD; write 2020-08-14'],
    ['2020–08–14', 'date "2020–08–14" is not written as YYYY-MM-DD; write 2020-08-14'],
    ['2020/08/14 10:00', 'date "2020/08/14 10:00" is not written as YYYY-MM-DD; write 2020-08-14 10:00'],
    ['14-08-2020', 'date "14-08-2020" puts the day first; write 2020-08-14'],
    ['14/08/2020', 'date "14/08/2020" puts the day first; write 2020-08-14'],
    ['08/14/2020', 'date "08/14/2020" puts the month first; write 2020-08-14'],
    ['07-07-2020', 'date "07-07-2020" puts the year last; write 2020-07-07'],
    [
      '08-07-2020',
      'date "08-07-2020" could be 8 July or 7 August; write the year first: 2020-07-08 for 8 July, 2020-08-07 for 7 August',
    ],
    ['14 August 2020', 'date "14 August 2020" is not a date like 2017-01-13; write 2020-08-14'],
    ['August 14, 2020', 'date "August 14, 2020" is not a date like 2017-01-13; write 2020-08-14'],
    ['14 Aug. 2020', 'date "14 Aug. 2020" is not a date like 2017-01-13; write 2020-08-14'],
    ['۱۴ اگست ۲۰۲۰', 'date "۱۴ اگست ۲۰۲۰" is not a date like 2017-01-13; write 2020-08-14'],
  ])('%s: %s', (value, message) => {
    expect(read(value)).toBe(message);
  });

  it('applies the calendar and year rules to what it suggests', () => {
    expect(read('2017/02/30')).toBe('date "2017/02/30" does not exist in the calendar');
    expect(read('31-02-2020')).toBe('date "31-02-2020" does not exist in the calendar');
    expect(read('14-08-1850')).toMatch(/is before 1900/);
    expect(read('08-07-1850')).toMatch(/is before 1900/);
    expect(read('31 February 2020')).toBe('date "31 February 2020" does not exist in the calendar');
    expect(read('24 اسد 2020')).toBe('date "24 اسد 2020" names a Solar Hijri month; write the Gregorian date, YYYY-MM-DD');
  });

  it.each(['hello', '13/14/2020', '2020', 'yesterday', '14 Smarch 2020', ''])('refuses %j as not a date', (value) => {
    expect(read(value)).toBe(`date "${value}" is not a date like 2017-01-13`);
  });

  it('refuses a date that does not exist', () => {
    expect(read('2017-02-30')).toBe('date "2017-02-30" does not exist in the calendar');
    expect(read('2023-02-29')).toMatch(/does not exist/);
    expect(read('2024-02-29')).toBe('2024-02-28T19:30:00.000Z');
  });
});

describe('time-zone arithmetic (src/utils/dates.ts)', () => {
  it('reads offsets from Intl, in milliseconds', () => {
    expect(zoneOffsetMs(new Date('2017-01-13T00:00:00Z'))).toBe(16_200_000);
    expect(zoneOffsetMs(new Date('2024-07-01T00:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(zoneOffsetMs(new Date('2024-07-01T00:00:00Z'), 'UTC')).toBe(0);
    // Local mean time has seconds in its offset.
    expect(zoneOffsetMs(new Date('1880-01-01T00:00:00Z'), 'Asia/Kolkata') % 60_000).not.toBe(0);
    expect(() => zoneOffsetMs(0, 'Not/AZone')).toThrow(RangeError);
  });

  it('finds the instant of a wall-clock time, across daylight saving changes', () => {
    expect(zonedInstant({ year: 2017, month: 1, day: 13 }).toISOString()).toBe('2017-01-12T19:30:00.000Z');
    const berlin = (hour: number, month: number, day: number) =>
      isoDateTime(zonedInstant({ year: 2024, month, day, hour, minute: 30 }, 'Europe/Berlin'), 'Europe/Berlin');
    expect(berlin(12, 7, 1)).toBe('2024-07-01T12:30:00+02:00');
    // 02:30 on 31 March does not exist in Berlin (clocks jump 02:00 → 03:00): moved past the gap.
    expect(berlin(2, 3, 31)).toBe('2024-03-31T03:30:00+02:00');
    // 02:30 on 27 October happens twice: the earlier one.
    expect(berlin(2, 10, 27)).toBe('2024-10-27T02:30:00+02:00');
    expect(zonedInstant({ year: 1, month: 1, day: 1 }, 'UTC').toISOString()).toBe('0001-01-01T00:00:00.000Z');
  });

  it('writes instants in ISO 8601 and RFC 822 with the zone offset', () => {
    expect(isoDateTime(new Date('2024-01-01T12:00:00.123Z'), 'America/New_York')).toBe('2024-01-01T07:00:00.123-05:00');
    expect(isoDateTime(new Date(0), 'UTC')).toBe('1970-01-01T00:00:00+00:00');
    expect(rfc822DateTime(new Date('2024-01-01T12:00:00Z'), 'America/New_York')).toBe('Mon, 01 Jan 2024 07:00:00 -0500');
    expect(rfc822DateTime(new Date('2025-05-09T21:00:00Z'))).toBe('Sat, 10 May 2025 01:30:00 +0430');
    // An offset with seconds (local mean time) cannot be written in either: UTC instead.
    const lmt = new Date('1880-01-01T00:00:00Z');
    expect(isoDateTime(lmt, 'Asia/Kolkata')).toBe(lmt.toISOString());
    expect(rfc822DateTime(lmt, 'Asia/Kolkata')).toBe(lmt.toUTCString());
  });

  it('writes a date for messages as a day when it starts a Kabul day, else in full', () => {
    expect(isoDateOrTime(new Date('2017-01-12T19:30:00Z'))).toBe('2017-01-13');
    expect(isoDateOrTime(new Date('2017-01-13T05:30:00Z'))).toBe('2017-01-13T10:00:00+04:30');
  });

  it('converts Solar Hijri dates to Gregorian dates', () => {
    expect(solarHijriToGregorian(1399, 5, 24)).toEqual({ year: 2020, month: 8, day: 14 });
    expect(solarHijriToGregorian(1404, 1, 1)).toEqual({ year: 2025, month: 3, day: 21 });
    expect(solarHijriToGregorian(1402, 12, 30)).toBeUndefined();
    expect(solarHijriToGregorian(1399, 0, 1)).toBeUndefined();
    expect(solarHijriToGregorian(1399.5, 1, 1)).toBeUndefined();
  });
});
