import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDate,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  epochDayOf,
  isIsoDate,
  isLeapYear,
  isoDateFromEpochDay,
  isoDateFromParts,
  isoDateParts,
  parseIsoDate,
} from './iso-date';

// 0001-01-01 and 9999-12-31 as days since 1970-01-01.
const FIRST_DAY = -719162;
const LAST_DAY = 2932896;

const epochDay = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
const isoDate = epochDay.map(isoDateFromEpochDay);

function viaDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

describe('isIsoDate and parseIsoDate', () => {
  it('accept real calendar dates written YYYY-MM-DD', () => {
    for (const date of ['2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01', '9999-12-31', '2023-04-30']) {
      expect(isIsoDate(date)).toBe(true);
      expect(parseIsoDate(date)).toBe(date);
    }
  });

  it('reject impossible dates and other shapes', () => {
    for (const value of [
      '2023-02-29',
      '1900-02-29',
      '2100-02-29',
      '2023-04-31',
      '2023-13-01',
      '2023-00-10',
      '2023-01-00',
      '0000-01-01',
      '2023-1-01',
      '20230101',
      '2023/01/01',
      '2023-01-01T00:00:00Z',
      '+02023-01-01',
      '２０２３-01-01',
      '',
    ]) {
      expect(isIsoDate(value)).toBe(false);
      expect(parseIsoDate(value)).toBeUndefined();
    }
    expect(isIsoDate(undefined)).toBe(false);
    expect(isIsoDate(20230101)).toBe(false);
    expect(isIsoDate(new Date())).toBe(false);
  });

  it('parseIsoDate trims surrounding spaces', () => {
    expect(parseIsoDate(' 2024-03-31\n')).toBe('2024-03-31');
  });

  it('agrees with Date on which strings are real dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const utc = new Date(Date.UTC(year, month - 1, day));
          const real = utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
          expect(isIsoDate(text)).toBe(real);
        },
      ),
    );
  });
});

describe('isLeapYear and daysInMonth', () => {
  it('follow the Gregorian rules', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2023, month))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });
});

describe('isoDateFromParts and isoDateParts', () => {
  it('pad to four-digit years and two-digit months and days', () => {
    expect(isoDateFromParts(2024, 3, 5)).toBe('2024-03-05');
    expect(isoDateFromParts(33, 4, 3)).toBe('0033-04-03');
  });

  it('refuse impossible parts with a RangeError', () => {
    expect(() => isoDateFromParts(2023, 2, 29)).toThrow(RangeError);
    expect(() => isoDateFromParts(2023, 0, 1)).toThrow(RangeError);
    expect(() => isoDateFromParts(10000, 1, 1)).toThrow(RangeError);
    expect(() => isoDateFromParts(2023, 1.5, 1)).toThrow(RangeError);
    expect(() => isoDateParts('2023-02-29')).toThrow(RangeError);
  });

  it('are inverses', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const { year, month, day } = isoDateParts(date);
        expect(isoDateFromParts(year, month, day)).toBe(date);
      }),
    );
  });
});

describe('epoch days', () => {
  it('count from 1970-01-01 and cover years 1 to 9999', () => {
    expect(epochDayOf('1970-01-01')).toBe(0);
    expect(epochDayOf('1969-12-31')).toBe(-1);
    expect(epochDayOf('2000-03-01')).toBe(11017);
    expect(epochDayOf('0001-01-01')).toBe(FIRST_DAY);
    expect(epochDayOf('9999-12-31')).toBe(LAST_DAY);
    expect(() => isoDateFromEpochDay(FIRST_DAY - 1)).toThrow(RangeError);
    expect(() => isoDateFromEpochDay(LAST_DAY + 1)).toThrow(RangeError);
    expect(() => isoDateFromEpochDay(0.5)).toThrow(RangeError);
  });

  it('round-trip', () => {
    fc.assert(
      fc.property(epochDay, (day) => {
        expect(epochDayOf(isoDateFromEpochDay(day))).toBe(day);
      }),
    );
  });

  it('agree with UTC midnights in Date', () => {
    fc.assert(
      fc.property(epochDay, (day) => {
        expect(isoDateFromEpochDay(day)).toBe(viaDate(day));
      }),
    );
  });

  it('follow one another without gaps, including across leap days and centuries', () => {
    expect(isoDateFromEpochDay(epochDayOf('2024-02-28') + 1)).toBe('2024-02-29');
    expect(isoDateFromEpochDay(epochDayOf('2100-02-28') + 1)).toBe('2100-03-01');
    expect(isoDateFromEpochDay(epochDayOf('1999-12-31') + 1)).toBe('2000-01-01');
    expect(isoDateFromEpochDay(epochDayOf('0100-02-28') + 1)).toBe('0100-03-01');
  });
});

describe('addDays and daysBetween', () => {
  it('handle month, year and leap boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-03-31', 0)).toBe('2024-03-31');
    expect(addDays('2024-01-31', 365)).toBe('2025-01-30');
  });

  it('ignore clock changes: the day after the spring-forward Sunday is the Monday', () => {
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
    expect(addDays('2024-10-27', 1)).toBe('2024-10-28');
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
  });

  it('refuse fractional days and invalid dates', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
  });

  it('compose: addDays(addDays(d, a), b) = addDays(d, a + b)', () => {
    const offset = fc.integer({ min: -100_000, max: 100_000 });
    const middleDate = fc.integer({ min: -200_000, max: 200_000 }).map(isoDateFromEpochDay);
    fc.assert(
      fc.property(middleDate, offset, offset, (date, a, b) => {
        expect(addDays(addDays(date, a), b)).toBe(addDays(date, a + b));
      }),
    );
  });

  it('daysBetween inverts addDays', () => {
    const middleDate = fc.integer({ min: -200_000, max: 200_000 }).map(isoDateFromEpochDay);
    fc.assert(
      fc.property(middleDate, fc.integer({ min: -100_000, max: 100_000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });
});

describe('dayOfWeek', () => {
  it('names known days, 0 = Sunday', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2024-03-31')).toBe(0);
    expect(dayOfWeek('2024-03-30')).toBe(6);
    expect(dayOfWeek('2022-12-25')).toBe(0);
    expect(dayOfWeek('2021-12-25')).toBe(6);
    expect(dayOfWeek('0001-01-01')).toBe(1);
  });

  it('agrees with Date.getUTCDay', () => {
    fc.assert(
      fc.property(epochDay, (day) => {
        expect(dayOfWeek(isoDateFromEpochDay(day))).toBe(new Date(day * 86_400_000).getUTCDay());
      }),
    );
  });

  it('advances by one each day, even before 1970', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY - 1 }), (day) => {
        expect(dayOfWeek(isoDateFromEpochDay(day + 1))).toBe((dayOfWeek(isoDateFromEpochDay(day)) + 1) % 7);
      }),
    );
  });
});

describe('compareIsoDate', () => {
  it('orders as the epoch days do', () => {
    fc.assert(
      fc.property(epochDay, epochDay, (a, b) => {
        expect(compareIsoDate(isoDateFromEpochDay(a), isoDateFromEpochDay(b))).toBe(Math.sign(a - b));
      }),
    );
  });

  it('sorts an array of dates', () => {
    expect(['2024-01-10', '0999-12-31', '2023-12-31', '2024-01-09'].sort(compareIsoDate)).toEqual([
      '0999-12-31',
      '2023-12-31',
      '2024-01-09',
      '2024-01-10',
    ]);
  });

  it('refuses invalid dates rather than ordering them as text', () => {
    expect(() => compareIsoDate('2024-1-1', '2024-01-01')).toThrow(RangeError);
  });
});
