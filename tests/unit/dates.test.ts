import { describe, expect, it } from 'vitest';
import {
  afghanMonths, formatDate, formatGregorian, formatSolarHijri, fromSolarHijri,
  gregorianParts, isoDay, solarHijriParts, toAsciiDigits, toEasternDigits,
} from '../../src/utils/dates.ts';

describe('Solar Hijri dates for Dari pages', () => {
  it('renders 2017-01-13 as ۲۴ جدی ۱۳۹۵ with the Afghan month name', () => {
    expect(formatSolarHijri(new Date('2017-01-13'))).toBe('۲۴ جدی ۱۳۹۵');
    expect(formatDate(new Date('2017-01-13'), 'fa')).toBe('۲۴ جدی ۱۳۹۵');
  });

  it('never uses the Iranian month names or Latin digits', () => {
    const s = formatSolarHijri(new Date('2017-01-13'));
    expect(s.split(' ')).not.toContain('دی');
    expect(s.split(' ')).toContain('جدی');
    expect(s).not.toMatch(/[0-9]/);
  });

  it('starts the year with Hamal at Nowruz', () => {
    expect(formatSolarHijri(new Date('2024-03-20'))).toBe('۱ حمل ۱۴۰۳');
    expect(formatSolarHijri(new Date('2024-03-19'))).toBe('۲۹ حوت ۱۴۰۲');
  });

  it('names all twelve months in order', () => {
    // The 5th of each Solar Hijri month in 1403 (2024/25).
    const names = Array.from({ length: 12 }, (_, i) => solarHijriParts(fromSolarHijri(1403, i + 1, 5)!).month);
    expect(names).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(afghanMonths).toEqual(['حمل', 'ثور', 'جوزا', 'سرطان', 'اسد', 'سنبله', 'میزان', 'عقرب', 'قوس', 'جدی', 'دلو', 'حوت']);
  });

  it('reads the day in Kabul, not UTC', () => {
    // 21:00 UTC on 12 January is 01:30 on 13 January in Kabul (UTC+4:30).
    const lateEvening = new Date('2017-01-12T21:00:00Z');
    expect(formatSolarHijri(lateEvening)).toBe('۲۴ جدی ۱۳۹۵');
    expect(isoDay(lateEvening)).toBe('2017-01-13');
    expect(gregorianParts(lateEvening)).toEqual({ year: 2017, month: 1, day: 13 });
  });

  it('converts Solar Hijri dates back to Gregorian, leap days included', () => {
    expect(isoDay(fromSolarHijri(1395, 10, 24)!)).toBe('2017-01-13');
    expect(isoDay(fromSolarHijri(1403, 12, 30)!)).toBe('2025-03-20');
    expect(fromSolarHijri(1402, 12, 30)).toBeUndefined();
    expect(fromSolarHijri(1400, 13, 1)).toBeUndefined();
  });
});

describe('Gregorian dates', () => {
  it('renders English dates as 13 January 2017', () => {
    expect(formatDate(new Date('2017-01-13'), 'en')).toBe('13 January 2017');
  });

  it('renders the Gregorian date for Dari pages with Eastern digits', () => {
    expect(formatGregorian(new Date('2017-01-13'), 'fa')).toBe('۱۳ جنوری ۲۰۱۷');
  });
});

describe('digits', () => {
  it('converts between ASCII and Eastern Arabic digits both ways', () => {
    expect(toEasternDigits('JF-17, 2003')).toBe('JF-۱۷, ۲۰۰۳');
    expect(toAsciiDigits('۱۳۹۵/۱۰/۲۴')).toBe('1395/10/24');
    expect(toAsciiDigits('١٣٩٥')).toBe('1395');
  });
});
