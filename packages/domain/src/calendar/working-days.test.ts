import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankHolidaysEnglandAndWales } from './bank-holidays';
import { type IsoDate, addDays, dayOfWeek, epochDayOf, isoDateFromEpochDay, isoDateParts } from './iso-date';
import { createWorkingDayCalendar } from './working-days';

const calendar = createWorkingDayCalendar();

const dateBetween = (from: IsoDate, to: IsoDate): fc.Arbitrary<IsoDate> =>
  fc.integer({ min: epochDayOf(from), max: epochDayOf(to) }).map(isoDateFromEpochDay);

const anyDate = dateBetween('1990-01-01', '2060-12-31');
const steps = fc.integer({ min: 1, max: 400 });

/**
 * A deliberately naive model to compare against: walks one day at a time and rebuilds the
 * holiday list on every call.
 */
function modelCalendar(extraNonWorkingDays: readonly IsoDate[] = [], extraWorkingDays: readonly IsoDate[] = []) {
  const isWorkingDay = (date: IsoDate): boolean => {
    if (extraWorkingDays.includes(date)) return true;
    if (extraNonWorkingDays.includes(date)) return false;
    const weekday = dayOfWeek(date);
    if (weekday === 0 || weekday === 6) return false;
    return !bankHolidaysEnglandAndWales(isoDateParts(date).year).some((holiday) => holiday.date === date);
  };
  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    if (n === 0) return isWorkingDay(date) ? date : addWorkingDays(date, 1);
    const step = Math.sign(n);
    let remaining = Math.abs(n);
    let current = date;
    while (remaining > 0) {
      current = addDays(current, step);
      if (isWorkingDay(current)) remaining -= 1;
    }
    return current;
  };
  const workingDaysBetween = (from: IsoDate, to: IsoDate): number => {
    if (to < from) return 0 - workingDaysBetween(to, from);
    let count = 0;
    for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date)) count += 1;
    return count;
  };
  return { isWorkingDay, addWorkingDays, workingDaysBetween };
}

const model = modelCalendar();

describe('isWorkingDay', () => {
  it('excludes weekends and bank holidays', () => {
    expect(calendar.isWorkingDay('2024-03-28')).toBe(true); // Thursday before Easter
    expect(calendar.isWorkingDay('2024-03-29')).toBe(false); // Good Friday
    expect(calendar.isWorkingDay('2024-03-30')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2024-03-31')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2024-04-01')).toBe(false); // Easter Monday
    expect(calendar.isWorkingDay('2024-04-02')).toBe(true);
    expect(calendar.isWorkingDay('2022-09-19')).toBe(false); // State Funeral
    expect(calendar.isWorkingDay('2022-05-30')).toBe(true); // spring holiday moved away that year
    expect(calendar.isWorkingDay('2020-05-04')).toBe(true); // early May moved to the 8th
    expect(calendar.isWorkingDay('2020-05-08')).toBe(false);
  });

  it('matches the naive model', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(calendar.isWorkingDay(date)).toBe(model.isWorkingDay(date));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses something that is not a date', () => {
    expect(() => calendar.isWorkingDay('2024-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('30/03/2024')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('counts from the day after: received Friday, Saturday or Sunday + 1 is Monday', () => {
    expect(calendar.addWorkingDays('2024-03-01', 1)).toBe('2024-03-04');
    expect(calendar.addWorkingDays('2024-03-02', 1)).toBe('2024-03-04');
    expect(calendar.addWorkingDays('2024-03-03', 1)).toBe('2024-03-04');
    expect(calendar.addWorkingDays('2024-03-04', 1)).toBe('2024-03-05');
  });

  it('counts 15 working days from receipt', () => {
    expect(calendar.addWorkingDays('2024-01-02', 15)).toBe('2024-01-23');
    expect(calendar.addWorkingDays('2024-01-06', 15)).toBe('2024-01-26'); // received on a Saturday
  });

  it('steps over Easter: Thursday before Good Friday + 1 is the Tuesday after Easter Monday', () => {
    expect(calendar.addWorkingDays('2024-03-28', 1)).toBe('2024-04-02');
    expect(calendar.addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
    expect(calendar.addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
    expect(calendar.addWorkingDays('2024-03-29', 1)).toBe('2024-04-02'); // received on Good Friday
  });

  it('steps over Christmas at the weekend and over New Year', () => {
    // 2021: Christmas on Saturday, holidays Monday 27 and Tuesday 28; New Year on Saturday → 3 January.
    expect(calendar.addWorkingDays('2021-12-24', 1)).toBe('2021-12-29');
    expect(calendar.addWorkingDays('2021-12-31', 1)).toBe('2022-01-04');
    // 2022: Christmas on Sunday, holidays Monday 26 and Tuesday 27; New Year on Sunday → 2 January.
    expect(calendar.addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
    expect(calendar.addWorkingDays('2022-12-23', 3)).toBe('2022-12-30');
    expect(calendar.addWorkingDays('2022-12-23', 4)).toBe('2023-01-03');
    expect(calendar.addWorkingDays('2022-12-20', 15)).toBe('2023-01-13');
    // 2027: Christmas on Saturday.
    expect(calendar.addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
  });

  it('steps over the one-off bank holidays of 2020, 2022 and 2023', () => {
    expect(calendar.addWorkingDays('2020-05-07', 1)).toBe('2020-05-11');
    expect(calendar.addWorkingDays('2020-05-01', 1)).toBe('2020-05-04');
    expect(calendar.addWorkingDays('2022-06-01', 1)).toBe('2022-06-06');
    expect(calendar.addWorkingDays('2022-05-27', 1)).toBe('2022-05-30');
    expect(calendar.addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
    expect(calendar.addWorkingDays('2023-05-05', 1)).toBe('2023-05-09');
  });

  it('counts 15 working days across the clock-change weekends', () => {
    // Clocks went forward on Sunday 31 March 2024, which was also Easter Sunday.
    expect(calendar.addWorkingDays('2024-03-28', 15)).toBe('2024-04-22');
    // Clocks went back on Sunday 27 October 2024.
    expect(calendar.addWorkingDays('2024-10-24', 15)).toBe('2024-11-14');
    // Clocks went forward on Sunday 30 March 2025; Easter came three weeks later.
    expect(calendar.addWorkingDays('2025-03-28', 15)).toBe('2025-04-22');
    expect(calendar.addWorkingDays('2025-03-31', 15)).toBe('2025-04-23');
  });

  it('with n = 0 keeps a working day and otherwise moves to the next one', () => {
    expect(calendar.addWorkingDays('2024-03-28', 0)).toBe('2024-03-28');
    expect(calendar.addWorkingDays('2024-03-29', 0)).toBe('2024-04-02');
    expect(calendar.addWorkingDays('2024-03-02', 0)).toBe('2024-03-04');
  });

  it('with negative n counts backwards from the day before', () => {
    expect(calendar.addWorkingDays('2024-04-02', -1)).toBe('2024-03-28');
    expect(calendar.addWorkingDays('2024-03-04', -1)).toBe('2024-03-01');
    expect(calendar.addWorkingDays('2024-03-02', -1)).toBe('2024-03-01');
    expect(calendar.addWorkingDays('2023-01-03', -4)).toBe('2022-12-23');
  });

  it('matches the naive model for any date and any n, forwards and backwards', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -60, max: 60 }), (date, n) => {
        expect(calendar.addWorkingDays(date, n)).toBe(model.addWorkingDays(date, n));
      }),
      { numRuns: 1000 },
    );
  });

  it('never lands on a non-working day and always moves strictly forward for n ≥ 1', () => {
    fc.assert(
      fc.property(anyDate, steps, (date, n) => {
        const due = calendar.addWorkingDays(date, n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(due > date).toBe(true);
      }),
    );
  });

  it('is strictly increasing in n, except from 0 to 1 on a non-working day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -400, max: 400 }), (date, n) => {
        const next = calendar.addWorkingDays(date, n + 1);
        const here = calendar.addWorkingDays(date, n);
        // Received on a Saturday: "by the same working day" and "within one working day" both mean Monday.
        if (n === 0 && !calendar.isWorkingDay(date)) expect(next).toBe(here);
        else expect(next > here).toBe(true);
      }),
    );
  });

  it('lands on the next working day for both 0 and 1 when counted from a weekend or bank holiday', () => {
    expect(calendar.addWorkingDays('1990-01-01', 0)).toBe('1990-01-02');
    expect(calendar.addWorkingDays('1990-01-01', 1)).toBe('1990-01-02');
    expect(calendar.addWorkingDays('2026-11-28', 0)).toBe('2026-11-30');
    expect(calendar.addWorkingDays('2026-11-28', 1)).toBe('2026-11-30');
  });

  it('composes: adding a then b working days is adding a + b (a, b ≥ 1)', () => {
    fc.assert(
      fc.property(anyDate, steps, steps, (date, a, b) => {
        expect(calendar.addWorkingDays(calendar.addWorkingDays(date, a), b)).toBe(calendar.addWorkingDays(date, a + b));
      }),
    );
  });

  it('undoes itself from a working day: back n from forward n is where it started', () => {
    fc.assert(
      fc.property(anyDate, steps, (date, n) => {
        fc.pre(calendar.isWorkingDay(date));
        expect(calendar.addWorkingDays(calendar.addWorkingDays(date, n), -n)).toBe(date);
        expect(calendar.addWorkingDays(calendar.addWorkingDays(date, -n), n)).toBe(date);
      }),
    );
  });

  it('handles spans of many years', () => {
    const start = '2000-01-04';
    const decades = calendar.addWorkingDays(start, 10_000);
    expect(calendar.workingDaysBetween(start, decades)).toBe(10_000);
    expect(calendar.addWorkingDays(decades, -10_000)).toBe(start);
  });

  it('refuses a fractional n and dates outside years 1 to 9999', () => {
    expect(() => calendar.addWorkingDays('2024-01-01', 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2024-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('0001-01-01', -1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days d with from < d ≤ to', () => {
    expect(calendar.workingDaysBetween('2024-03-28', '2024-03-28')).toBe(0);
    expect(calendar.workingDaysBetween('2024-03-28', '2024-04-02')).toBe(1);
    expect(calendar.workingDaysBetween('2024-03-29', '2024-04-01')).toBe(0);
    expect(calendar.workingDaysBetween('2024-04-02', '2024-03-28')).toBe(-1);
    // A weekend backwards holds no working days: plain 0, not -0, so equality checks behave.
    expect(Object.is(calendar.workingDaysBetween('2024-03-31', '2024-03-30'), 0)).toBe(true);
    expect(calendar.workingDaysBetween('2022-12-23', '2023-01-03')).toBe(4);
    expect(calendar.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(254);
  });

  it('inverts addWorkingDays: workingDaysBetween(d, addWorkingDays(d, n)) = n', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 5000 }), (date, n) => {
        expect(calendar.workingDaysBetween(date, calendar.addWorkingDays(date, n))).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('inverts negative steps from a working day too', () => {
    fc.assert(
      fc.property(anyDate, steps, (date, n) => {
        fc.pre(calendar.isWorkingDay(date));
        expect(calendar.workingDaysBetween(date, calendar.addWorkingDays(date, -n))).toBe(-n);
      }),
    );
  });

  it('is antisymmetric and adds up over consecutive spans', () => {
    fc.assert(
      fc.property(anyDate, anyDate, anyDate, (a, b, c) => {
        expect(calendar.workingDaysBetween(a, b)).toBe(0 - calendar.workingDaysBetween(b, a));
        expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c)).toBe(
          calendar.workingDaysBetween(a, c),
        );
      }),
    );
  });

  it('matches the naive model', () => {
    const near = (date: IsoDate) => fc.integer({ min: -120, max: 120 }).map((offset) => addDays(date, offset));
    fc.assert(
      fc.property(
        anyDate.chain((from) => fc.tuple(fc.constant(from), near(from))),
        ([from, to]) => {
          expect(calendar.workingDaysBetween(from, to)).toBe(model.workingDaysBetween(from, to));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('nextWorkingDay and previousWorkingDay', () => {
  it('move strictly, over weekends and holidays', () => {
    expect(calendar.nextWorkingDay('2024-03-28')).toBe('2024-04-02');
    expect(calendar.nextWorkingDay('2024-04-02')).toBe('2024-04-03');
    expect(calendar.nextWorkingDay('2024-03-30')).toBe('2024-04-02');
    expect(calendar.previousWorkingDay('2024-04-02')).toBe('2024-03-28');
    expect(calendar.previousWorkingDay('2023-01-03')).toBe('2022-12-30');
  });

  it('are addWorkingDays by +1 and -1', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(calendar.nextWorkingDay(date)).toBe(calendar.addWorkingDays(date, 1));
        expect(calendar.previousWorkingDay(date)).toBe(calendar.addWorkingDays(date, -1));
      }),
    );
  });
});

describe('extra working and non-working days', () => {
  it('treats an office closure as a non-working day and counts past it', () => {
    const closed = createWorkingDayCalendar({ extraNonWorkingDays: ['2024-03-28'] });
    expect(closed.isWorkingDay('2024-03-28')).toBe(false);
    expect(closed.addWorkingDays('2024-03-27', 1)).toBe('2024-04-02');
    expect(closed.workingDaysBetween('2024-03-27', '2024-04-02')).toBe(1);
    // The shared default calendar is untouched.
    expect(calendar.isWorkingDay('2024-03-28')).toBe(true);
  });

  it('lets an extra working day win over weekends, bank holidays and closures', () => {
    const open = createWorkingDayCalendar({
      extraWorkingDays: ['2024-03-30', '2024-03-29', '2024-04-03'],
      extraNonWorkingDays: ['2024-04-03'],
    });
    expect(open.isWorkingDay('2024-03-30')).toBe(true);
    expect(open.isWorkingDay('2024-03-29')).toBe(true);
    expect(open.isWorkingDay('2024-04-03')).toBe(true);
    expect(open.addWorkingDays('2024-03-28', 1)).toBe('2024-03-29');
    expect(open.addWorkingDays('2024-03-28', 2)).toBe('2024-03-30');
    expect(open.addWorkingDays('2024-03-28', 3)).toBe('2024-04-02');
  });

  it('shifts a due date by one working day exactly when the closure falls inside the span', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 40 }), fc.integer({ min: -10, max: 70 }), (date, n, offset) => {
        const closure = addDays(date, offset);
        fc.pre(calendar.isWorkingDay(closure));
        const closed = createWorkingDayCalendar({ extraNonWorkingDays: [closure] });
        const due = calendar.addWorkingDays(date, n);
        const inside = closure > date && closure <= due;
        expect(closed.addWorkingDays(date, n)).toBe(inside ? calendar.addWorkingDays(date, n + 1) : due);
      }),
    );
  });

  it('matches the naive model with random closures and openings', () => {
    const someDays = fc.uniqueArray(dateBetween('2023-12-01', '2024-02-29'), { maxLength: 15 });
    fc.assert(
      fc.property(
        someDays,
        someDays,
        dateBetween('2023-11-15', '2024-02-29'),
        fc.integer({ min: -30, max: 30 }),
        (closures, openings, date, n) => {
          const custom = createWorkingDayCalendar({ extraNonWorkingDays: closures, extraWorkingDays: openings });
          const naive = modelCalendar(closures, openings);
          expect(custom.isWorkingDay(date)).toBe(naive.isWorkingDay(date));
          expect(custom.addWorkingDays(date, n)).toBe(naive.addWorkingDays(date, n));
          const to = addDays(date, n * 2);
          expect(custom.workingDaysBetween(date, to)).toBe(naive.workingDaysBetween(date, to));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not change when the option arrays are changed afterwards', () => {
    const closures = ['2024-03-28'];
    const closed = createWorkingDayCalendar({ extraNonWorkingDays: closures });
    closures.push('2024-04-02');
    expect(closed.isWorkingDay('2024-04-02')).toBe(true);
  });

  it('refuses entries that are not dates', () => {
    expect(() => createWorkingDayCalendar({ extraNonWorkingDays: ['2024-02-30'] })).toThrow(RangeError);
    expect(() => createWorkingDayCalendar({ extraWorkingDays: ['tomorrow'] })).toThrow(RangeError);
  });
});

describe('bankHolidaysIn', () => {
  it('lists the bank holidays of a year for display', () => {
    expect(calendar.bankHolidaysIn(2023).map((holiday) => holiday.date)).toEqual([
      '2023-01-02',
      '2023-04-07',
      '2023-04-10',
      '2023-05-01',
      '2023-05-08',
      '2023-05-29',
      '2023-08-28',
      '2023-12-25',
      '2023-12-26',
    ]);
  });
});

describe('speed', () => {
  it('handles a million due-date calculations quickly', () => {
    const fresh = createWorkingDayCalendar();
    const received = Array.from({ length: 3650 }, (_, i) => addDays('2015-01-01', i));
    const started = performance.now();
    let last = '';
    for (let i = 0; i < 1_000_000; i += 1) last = fresh.addWorkingDays(received[i % received.length]!, 15);
    const elapsed = performance.now() - started;
    expect(last).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Typically well under a second; the bound only catches a return to per-call holiday work.
    expect(elapsed).toBeLessThan(8000);
  }, 30_000);
});
