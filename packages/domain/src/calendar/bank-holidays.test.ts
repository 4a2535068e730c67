import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BANK_HOLIDAY_KEYS,
  type BankHoliday,
  bankHolidayExceptions,
  bankHolidaysByRule,
  bankHolidaysEnglandAndWales,
  easterSunday,
} from './bank-holidays';
import { addDays, dayOfWeek, isoDateFromParts, isoDateParts } from './iso-date';

function listOf(text: string): BankHoliday[] {
  return text
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [date, key] = entry.split('=');
      return { date, key } as BankHoliday;
    });
}

function datesOf(year: number): string[] {
  return bankHolidaysEnglandAndWales(year).map((holiday) => holiday.date);
}

function dateOf(holidays: BankHoliday[], key: string): string {
  const holiday = holidays.find((candidate) => candidate.key === key);
  if (holiday === undefined) throw new Error(`No ${key}`);
  return holiday.date;
}

const isWeekday = (date: string): boolean => dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6;

/*
 * The published gov.uk lists for England and Wales, written out by hand rather than derived, so
 * the rules and the exceptions are checked against what people were actually given off.
 */
const PUBLISHED: Record<number, string> = {
  2018: `2018-01-01=new-year 2018-03-30=good-friday 2018-04-02=easter-monday 2018-05-07=early-may
         2018-05-28=spring 2018-08-27=summer 2018-12-25=christmas 2018-12-26=boxing-day`,
  2019: `2019-01-01=new-year 2019-04-19=good-friday 2019-04-22=easter-monday 2019-05-06=early-may
         2019-05-27=spring 2019-08-26=summer 2019-12-25=christmas 2019-12-26=boxing-day`,
  // VE Day 75: early May moved from Monday 4 to Friday 8. Boxing Day on Saturday → Monday 28.
  2020: `2020-01-01=new-year 2020-04-10=good-friday 2020-04-13=easter-monday 2020-05-08=early-may
         2020-05-25=spring 2020-08-31=summer 2020-12-25=christmas 2020-12-28=boxing-day`,
  // Christmas on Saturday → Monday 27 and Tuesday 28.
  2021: `2021-01-01=new-year 2021-04-02=good-friday 2021-04-05=easter-monday 2021-05-03=early-may
         2021-05-31=spring 2021-08-30=summer 2021-12-27=christmas 2021-12-28=boxing-day`,
  // New Year on Saturday; Platinum Jubilee; State Funeral; Christmas on Sunday.
  2022: `2022-01-03=new-year 2022-04-15=good-friday 2022-04-18=easter-monday 2022-05-02=early-may
         2022-06-02=spring 2022-06-03=platinum-jubilee 2022-08-29=summer
         2022-09-19=state-funeral-queen-elizabeth-ii 2022-12-26=boxing-day 2022-12-27=christmas`,
  // New Year on Sunday; Coronation.
  2023: `2023-01-02=new-year 2023-04-07=good-friday 2023-04-10=easter-monday 2023-05-01=early-may
         2023-05-08=coronation-king-charles-iii 2023-05-29=spring 2023-08-28=summer
         2023-12-25=christmas 2023-12-26=boxing-day`,
  2024: `2024-01-01=new-year 2024-03-29=good-friday 2024-04-01=easter-monday 2024-05-06=early-may
         2024-05-27=spring 2024-08-26=summer 2024-12-25=christmas 2024-12-26=boxing-day`,
  2025: `2025-01-01=new-year 2025-04-18=good-friday 2025-04-21=easter-monday 2025-05-05=early-may
         2025-05-26=spring 2025-08-25=summer 2025-12-25=christmas 2025-12-26=boxing-day`,
  // Boxing Day on Saturday → Monday 28.
  2026: `2026-01-01=new-year 2026-04-03=good-friday 2026-04-06=easter-monday 2026-05-04=early-may
         2026-05-25=spring 2026-08-31=summer 2026-12-25=christmas 2026-12-28=boxing-day`,
  // Christmas on Saturday again.
  2027: `2027-01-01=new-year 2027-03-26=good-friday 2027-03-29=easter-monday 2027-05-03=early-may
         2027-05-31=spring 2027-08-30=summer 2027-12-27=christmas 2027-12-28=boxing-day`,
};

/** Historic years with one-off changes, from the proclamations of the time. */
const HISTORIC: Record<number, string> = {
  1981: `1981-01-01=new-year 1981-04-17=good-friday 1981-04-20=easter-monday 1981-05-04=early-may
         1981-05-25=spring 1981-07-29=royal-wedding 1981-08-31=summer 1981-12-25=christmas
         1981-12-28=boxing-day`,
  1995: `1995-01-02=new-year 1995-04-14=good-friday 1995-04-17=easter-monday 1995-05-08=early-may
         1995-05-29=spring 1995-08-28=summer 1995-12-25=christmas 1995-12-26=boxing-day`,
  1999: `1999-01-01=new-year 1999-04-02=good-friday 1999-04-05=easter-monday 1999-05-03=early-may
         1999-05-31=spring 1999-08-30=summer 1999-12-27=christmas 1999-12-28=boxing-day
         1999-12-31=millennium`,
  2002: `2002-01-01=new-year 2002-03-29=good-friday 2002-04-01=easter-monday 2002-05-06=early-may
         2002-06-03=golden-jubilee 2002-06-04=spring 2002-08-26=summer 2002-12-25=christmas
         2002-12-26=boxing-day`,
  2011: `2011-01-03=new-year 2011-04-22=good-friday 2011-04-25=easter-monday 2011-04-29=royal-wedding
         2011-05-02=early-may 2011-05-30=spring 2011-08-29=summer 2011-12-26=boxing-day
         2011-12-27=christmas`,
  2012: `2012-01-02=new-year 2012-04-06=good-friday 2012-04-09=easter-monday 2012-05-07=early-may
         2012-06-04=spring 2012-06-05=diamond-jubilee 2012-08-27=summer 2012-12-25=christmas
         2012-12-26=boxing-day`,
  2016: `2016-01-01=new-year 2016-03-25=good-friday 2016-03-28=easter-monday 2016-05-02=early-may
         2016-05-30=spring 2016-08-29=summer 2016-12-26=boxing-day 2016-12-27=christmas`,
};

// Oudin's algorithm (1940), independent of the Meeus/Jones/Butcher one under test.
function oudinEaster(year: number): string {
  const div = (a: number, b: number): number => Math.trunc(a / b);
  const c = div(year, 100);
  const n = year - 19 * div(year, 19);
  const k = div(c - 17, 25);
  let i = c - div(c, 4) - div(c - k, 3) + 19 * n + 15;
  i -= 30 * div(i, 30);
  i -= div(i, 28) * (1 - div(i, 28) * div(29, i + 1) * div(21 - n, 11));
  let j = year + div(year, 4) + i + 2 - c + div(c, 4);
  j -= 7 * div(j, 7);
  const l = i - j;
  const month = 3 + div(l + 40, 44);
  const day = l + 28 - 31 * div(month, 4);
  return isoDateFromParts(year, month, day);
}

describe('easterSunday', () => {
  it('gives known dates, including the earliest and latest possible', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22',
      1943: '1943-04-25',
      1961: '1961-04-02',
      1981: '1981-04-19',
      1990: '1990-04-15',
      1999: '1999-04-04',
      2000: '2000-04-23',
      2001: '2001-04-15',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2013: '2013-03-31',
      2016: '2016-03-27',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [year, easter] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(easter);
  });

  it('agrees with an independent algorithm, and is always a Sunday from 22 March to 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(easter).toBe(oudinEaster(year));
        expect(dayOfWeek(easter)).toBe(0);
        expect(easter >= isoDateFromParts(year, 3, 22) && easter <= isoDateFromParts(year, 4, 25)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('bankHolidaysEnglandAndWales', () => {
  for (const [year, list] of Object.entries({ ...HISTORIC, ...PUBLISHED })) {
    it(`matches the published list for ${year}`, () => {
      expect(bankHolidaysEnglandAndWales(Number(year))).toEqual(listOf(list));
    });
  }

  it('has the one-off days of 2020, 2022 and 2023', () => {
    expect(datesOf(2020)).toContain('2020-05-08');
    expect(datesOf(2020)).not.toContain('2020-05-04');
    expect(datesOf(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
    expect(datesOf(2022)).not.toContain('2022-05-30');
    expect(datesOf(2023)).toEqual(expect.arrayContaining(['2023-05-01', '2023-05-08', '2023-05-29']));
  });

  it('puts Christmas at the weekend on the following weekdays', () => {
    // Saturday
    expect(datesOf(2021).slice(-2)).toEqual(['2021-12-27', '2021-12-28']);
    expect(datesOf(2027).slice(-2)).toEqual(['2027-12-27', '2027-12-28']);
    // Sunday: Boxing Day keeps Monday 26 and Christmas takes Tuesday 27.
    expect(bankHolidaysEnglandAndWales(2022).slice(-2)).toEqual([
      { date: '2022-12-26', key: 'boxing-day' },
      { date: '2022-12-27', key: 'christmas' },
    ]);
    // Friday: Boxing Day on Saturday moves to Monday 28.
    expect(datesOf(2026).slice(-2)).toEqual(['2026-12-25', '2026-12-28']);
  });

  it('is sorted by date and always a weekday, with no day counted twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1978, max: 2200 }), (year) => {
        const dates = datesOf(year);
        expect([...dates].sort()).toEqual(dates);
        expect(new Set(dates).size).toBe(dates.length);
        for (const date of dates) {
          expect(isWeekday(date)).toBe(true);
          expect(isoDateParts(date).year).toBe(year);
        }
      }),
      { numRuns: 223 },
    );
  });

  it('equals the rule list in years without proclamations', () => {
    const yearsWithExceptions = new Set(
      bankHolidayExceptions.map((exception) =>
        exception.kind === 'moved' ? exception.year : isoDateParts(exception.date).year,
      ),
    );
    for (let year = 1978; year <= 2100; year += 1) {
      if (!yearsWithExceptions.has(year)) expect(bankHolidaysEnglandAndWales(year)).toEqual(bankHolidaysByRule(year));
    }
  });

  it('returns a fresh list each time, so a caller cannot change another caller’s holidays', () => {
    const first = bankHolidaysEnglandAndWales(2024);
    first[0]!.date = '2024-01-02';
    first.pop();
    expect(bankHolidaysEnglandAndWales(2024)).toEqual(listOf(PUBLISHED[2024]!));
  });
});

describe('bankHolidaysByRule', () => {
  it('follows each rule in every year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (year) => {
        const holidays = bankHolidaysByRule(year);
        expect(holidays.map((holiday) => holiday.key).sort()).toEqual(
          ['boxing-day', 'christmas', 'early-may', 'easter-monday', 'good-friday', 'new-year', 'spring', 'summer'],
        );
        const easter = easterSunday(year);
        expect(dateOf(holidays, 'good-friday')).toBe(addDays(easter, -2));
        expect(dateOf(holidays, 'easter-monday')).toBe(addDays(easter, 1));

        const earlyMay = isoDateParts(dateOf(holidays, 'early-may'));
        expect(dayOfWeek(dateOf(holidays, 'early-may'))).toBe(1);
        expect(earlyMay.month === 5 && earlyMay.day <= 7).toBe(true);
        for (const [key, month] of [['spring', 5], ['summer', 8]] as const) {
          const { month: heldMonth, day } = isoDateParts(dateOf(holidays, key));
          expect(dayOfWeek(dateOf(holidays, key))).toBe(1);
          expect(heldMonth === month && day >= 25).toBe(true);
        }

        let firstWeekday = isoDateFromParts(year, 1, 1);
        while (!isWeekday(firstWeekday)) firstWeekday = addDays(firstWeekday, 1);
        expect(dateOf(holidays, 'new-year')).toBe(firstWeekday);

        // Christmas and Boxing Day take the first two weekdays from 25 December.
        const weekdays: string[] = [];
        for (let date = isoDateFromParts(year, 12, 25); weekdays.length < 2; date = addDays(date, 1)) {
          if (isWeekday(date)) weekdays.push(date);
        }
        expect([dateOf(holidays, 'christmas'), dateOf(holidays, 'boxing-day')].sort()).toEqual(weekdays);
        // Boxing Day stays on the 26th whenever that is a weekday.
        if (isWeekday(isoDateFromParts(year, 12, 26))) {
          expect(dateOf(holidays, 'boxing-day')).toBe(isoDateFromParts(year, 12, 26));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses years it cannot name', () => {
    expect(() => bankHolidaysByRule(0)).toThrow(RangeError);
    expect(() => bankHolidaysByRule(10000)).toThrow(RangeError);
    expect(() => bankHolidaysByRule(2024.5)).toThrow(RangeError);
    expect(() => bankHolidaysEnglandAndWales(0)).toThrow(RangeError);
  });
});

describe('bankHolidayExceptions', () => {
  it('records each moved holiday’s rule date correctly and moves it within its year', () => {
    for (const exception of bankHolidayExceptions) {
      if (exception.kind !== 'moved') continue;
      expect(exception.from).toBe(dateOf(bankHolidaysByRule(exception.year), exception.key));
      expect(isoDateParts(exception.to).year).toBe(exception.year);
      expect(isWeekday(exception.to)).toBe(true);
    }
  });

  it('adds extra days only on weekdays that were not already holidays', () => {
    for (const exception of bankHolidayExceptions) {
      if (exception.kind !== 'extra') continue;
      expect(isWeekday(exception.date)).toBe(true);
      const ruleDates = bankHolidaysByRule(isoDateParts(exception.date).year).map((holiday) => holiday.date);
      expect(ruleDates).not.toContain(exception.date);
    }
  });

  it('uses only keys the interface knows how to name', () => {
    expect(new Set(BANK_HOLIDAY_KEYS).size).toBe(BANK_HOLIDAY_KEYS.length);
    for (const exception of bankHolidayExceptions) expect(BANK_HOLIDAY_KEYS).toContain(exception.key);
    for (const year of [1981, 1999, 2002, 2011, 2012, 2022, 2023, 2024]) {
      for (const holiday of bankHolidaysEnglandAndWales(year)) expect(BANK_HOLIDAY_KEYS).toContain(holiday.key);
    }
  });
});
