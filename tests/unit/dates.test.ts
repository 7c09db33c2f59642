import { describe, expect, it } from 'vitest';
import { calendarParts, formatDate, formatMonth, formatNumber, monthName } from '../../src/i18n/format.ts';
import { langs, languages } from '../../src/i18n/locales.ts';
import { afghanMonths, fromSolarHijri, gregorianParts, isoDay, solarHijriParts, toAsciiDigits, toEasternDigits } from '../../src/utils/dates.ts';

/** 13 January 2017 as the newsroom's day: 00:00 in Kabul. */
const jan13 = new Date('2017-01-13T00:00:00+04:30');

describe('Solar Hijri dates for Dari pages', () => {
  it('renders 2017-01-13 as ۲۴ جدی ۱۳۹۵ with the Afghan month name', () => {
    expect(formatDate(jan13, 'fa')).toBe('۲۴ جدی ۱۳۹۵');
  });

  it('never uses the Iranian month names or Latin digits', () => {
    const s = formatDate(jan13, 'fa');
    expect(s.split(' ')).not.toContain('دی');
    expect(s.split(' ')).toContain('جدی');
    expect(s).not.toMatch(/[0-9]/);
  });

  it('starts the year with Hamal at Nowruz', () => {
    expect(formatDate(new Date('2024-03-20T00:00:00+04:30'), 'fa')).toBe('۱ حمل ۱۴۰۳');
    expect(formatDate(new Date('2024-03-19T23:00:00+04:30'), 'fa')).toBe('۲۹ حوت ۱۴۰۲');
  });

  it('names all twelve months in order, with the house spelling of Sonbola', () => {
    const names = Array.from({ length: 12 }, (_, i) => formatDate(fromSolarHijri(1403, i + 1, 5)!, 'fa').split(' ')[1]);
    expect(names).toEqual(['حمل', 'ثور', 'جوزا', 'سرطان', 'اسد', 'سنبله', 'میزان', 'عقرب', 'قوس', 'جدی', 'دلو', 'حوت']);
    expect(afghanMonths).toEqual(names);
    const numbers = Array.from({ length: 12 }, (_, i) => solarHijriParts(fromSolarHijri(1403, i + 1, 5)!).month);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('reads the day in Kabul, not UTC', () => {
    // 21:00 UTC on 12 January is 01:30 on 13 January in Kabul (UTC+4:30).
    const lateEvening = new Date('2017-01-12T21:00:00Z');
    expect(formatDate(lateEvening, 'fa')).toBe('۲۴ جدی ۱۳۹۵');
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

describe('Solar Hijri dates for Pashto pages', () => {
  it('renders 2017-01-13 as ۲۴ مرغومی ۱۳۹۵: Pashto month names, Eastern digits, no era', () => {
    expect(formatDate(jan13, 'ps')).toBe('۲۴ مرغومی ۱۳۹۵');
  });

  it('names the twelve months as Pashto writes them (ګ, not the Persian گ)', () => {
    const names = Array.from({ length: 12 }, (_, i) => monthName(i + 1, 'ps'));
    expect(names).toEqual(['وری', 'غویی', 'غبرګولی', 'چنګاښ', 'زمری', 'وږی', 'تله', 'لړم', 'لیندۍ', 'مرغومی', 'سلواغه', 'کب']);
    expect(formatMonth(1395, 10, 'ps')).toBe('مرغومی ۱۳۹۵');
  });
});

describe('Gregorian dates', () => {
  it('renders English dates as 13 January 2017', () => {
    expect(formatDate(jan13, 'en')).toBe('13 January 2017');
  });

  it('renders German dates as CLDR writes them', () => {
    expect(formatDate(jan13, 'de')).toBe('13. Januar 2017');
  });

  it('renders the Gregorian date for Dari pages with Eastern digits and the Dari month names', () => {
    expect(formatDate(jan13, 'fa', 'gregory')).toBe('۱۳ جنوری ۲۰۱۷');
  });
});

describe('every language in the registry', () => {
  it.each(langs)('%s: a date, a month and a number in its own digits and calendar', (lang) => {
    const { calendar, dir } = languages[lang];
    const digits = dir === 'rtl' ? /^[^0-9]*$/ : /^[^۰-۹]*$/;
    for (const text of [formatDate(jan13, lang), formatNumber(1395, lang)]) expect(text).toMatch(digits);
    const { year, month } = calendarParts(jan13, lang);
    expect([year, month]).toEqual(calendar === 'persian' ? [1395, 10] : [2017, 1]);
    expect(formatMonth(year, month, lang)).not.toMatch(/\bAP\b|undefined/);
  });
});

describe('digits', () => {
  it('converts between ASCII and Eastern Arabic digits both ways', () => {
    expect(toEasternDigits('JF-17, 2003')).toBe('JF-۱۷, ۲۰۰۳');
    expect(toAsciiDigits('۱۳۹۵/۱۰/۲۴')).toBe('1395/10/24');
    expect(toAsciiDigits('١٣٩٥')).toBe('1395');
  });

  it('writes numbers in each language digits, without grouping', () => {
    expect(formatNumber(1395, 'fa')).toBe('۱۳۹۵');
    expect(formatNumber(1395, 'ps')).toBe('۱۳۹۵');
    expect(formatNumber(2017, 'en')).toBe('2017');
  });
});
