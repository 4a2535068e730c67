import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateFromParts } from './iso-date';
import { isWithinWorkingHours, londonDateOf, londonTimeOf } from './london-time';
import { createWorkingDayCalendar } from './working-days';

const calendar = createWorkingDayCalendar();
const at = (iso: string): Date => new Date(iso);
const anyInstant = fc.date({ min: at('1900-01-01T00:00:00Z'), max: at('2100-12-31T00:00:00Z'), noInvalidDate: true });

describe('londonTimeOf around the March clock change (01:00 GMT → 02:00 BST)', () => {
  it('keeps Saturday evening on Saturday before the change', () => {
    expect(londonTimeOf(at('2024-03-30T23:30:00Z'))).toEqual({ date: '2024-03-30', hour: 23, minute: 30 });
    expect(londonTimeOf(at('2024-03-30T23:59:59.999Z'))).toEqual({ date: '2024-03-30', hour: 23, minute: 59 });
    expect(londonTimeOf(at('2024-03-31T00:00:00Z'))).toEqual({ date: '2024-03-31', hour: 0, minute: 0 });
  });

  it('jumps from 00:59 GMT to 02:00 BST', () => {
    expect(londonTimeOf(at('2024-03-31T00:59:00Z'))).toEqual({ date: '2024-03-31', hour: 0, minute: 59 });
    expect(londonTimeOf(at('2024-03-31T01:00:00Z'))).toEqual({ date: '2024-03-31', hour: 2, minute: 0 });
  });

  it('moves the date an hour before UTC midnight once BST has started', () => {
    expect(londonTimeOf(at('2024-03-31T22:59:00Z'))).toEqual({ date: '2024-03-31', hour: 23, minute: 59 });
    expect(londonTimeOf(at('2024-03-31T23:00:00Z'))).toEqual({ date: '2024-04-01', hour: 0, minute: 0 });
    expect(londonTimeOf(at('2025-03-30T23:30:00Z'))).toEqual({ date: '2025-03-31', hour: 0, minute: 30 });
  });
});

describe('londonTimeOf around the October clock change (02:00 BST → 01:00 GMT)', () => {
  it('puts 23:30 UTC on Saturday into Sunday in London', () => {
    expect(londonTimeOf(at('2024-10-26T22:59:00Z'))).toEqual({ date: '2024-10-26', hour: 23, minute: 59 });
    expect(londonTimeOf(at('2024-10-26T23:00:00Z'))).toEqual({ date: '2024-10-27', hour: 0, minute: 0 });
    expect(londonTimeOf(at('2024-10-26T23:30:00Z'))).toEqual({ date: '2024-10-27', hour: 0, minute: 30 });
  });

  it('shows the repeated hour twice', () => {
    expect(londonTimeOf(at('2024-10-27T00:30:00Z'))).toEqual({ date: '2024-10-27', hour: 1, minute: 30 });
    expect(londonTimeOf(at('2024-10-27T01:30:00Z'))).toEqual({ date: '2024-10-27', hour: 1, minute: 30 });
  });

  it('agrees with UTC again after the change', () => {
    expect(londonTimeOf(at('2024-10-27T23:30:00Z'))).toEqual({ date: '2024-10-27', hour: 23, minute: 30 });
    expect(londonTimeOf(at('2024-10-28T00:00:00Z'))).toEqual({ date: '2024-10-28', hour: 0, minute: 0 });
  });
});

describe('londonTimeOf', () => {
  it('writes midnight as hour 0, never 24', () => {
    expect(londonTimeOf(at('2024-01-15T00:00:00Z')).hour).toBe(0);
    expect(londonTimeOf(at('2024-06-30T23:00:00Z'))).toEqual({ date: '2024-07-01', hour: 0, minute: 0 });
  });

  it('matches the UK summer-time rule for any instant from 1996 to 2037', () => {
    // Since 1996: BST from 01:00 UTC on the last Sunday in March to 01:00 UTC on the last Sunday in October.
    const lastSundayAtOneUtc = (year: number, monthIndex: number): number => {
      const last = new Date(Date.UTC(year, monthIndex + 1, 0));
      return Date.UTC(year, monthIndex, last.getUTCDate() - last.getUTCDay(), 1);
    };
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2037, 11, 31) }), (time) => {
        const year = new Date(time).getUTCFullYear();
        const summer = time >= lastSundayAtOneUtc(year, 2) && time < lastSundayAtOneUtc(year, 9);
        const wall = new Date(time + (summer ? 3_600_000 : 0));
        expect(londonTimeOf(new Date(time))).toEqual({
          date: isoDateFromParts(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()),
          hour: wall.getUTCHours(),
          minute: wall.getUTCMinutes(),
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an invalid Date and instants whose London date an IsoDate cannot name', () => {
    expect(() => londonTimeOf(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => londonTimeOf(at('0001-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => londonTimeOf(at('+010000-01-01T00:00:00Z'))).toThrow(RangeError);
  });

  it('handles early years without mistaking them for the 1900s', () => {
    expect(londonDateOf(at('0050-06-01T12:00:00Z'))).toBe('0050-06-01');
  });
});

describe('londonDateOf', () => {
  it('is the date part of londonTimeOf', () => {
    expect(londonDateOf(at('2024-03-30T23:30:00Z'))).toBe('2024-03-30');
    expect(londonDateOf(at('2024-10-26T23:30:00Z'))).toBe('2024-10-27');
    fc.assert(
      fc.property(anyInstant, (instant) => {
        expect(londonDateOf(instant)).toBe(londonTimeOf(instant).date);
      }),
    );
  });

  it('is never more than a day away from the UTC date (London is within hours of UTC)', () => {
    fc.assert(
      fc.property(anyInstant, (instant) => {
        const utcDate = instant.toISOString().slice(0, 10);
        const earlier = new Date(instant.getTime() - 86_400_000).toISOString().slice(0, 10);
        const later = new Date(instant.getTime() + 86_400_000).toISOString().slice(0, 10);
        expect([earlier, utcDate, later]).toContain(londonDateOf(instant));
      }),
    );
  });
});

describe('isWithinWorkingHours', () => {
  it('uses the London hour in winter (GMT)', () => {
    expect(isWithinWorkingHours(at('2024-01-15T08:59:00Z'), calendar)).toBe(false);
    expect(isWithinWorkingHours(at('2024-01-15T09:00:00Z'), calendar)).toBe(true);
    expect(isWithinWorkingHours(at('2024-01-15T16:59:00Z'), calendar)).toBe(true);
    expect(isWithinWorkingHours(at('2024-01-15T17:00:00Z'), calendar)).toBe(false);
  });

  it('uses the London hour in summer (BST), an hour ahead of UTC', () => {
    expect(isWithinWorkingHours(at('2024-07-01T07:59:00Z'), calendar)).toBe(false);
    expect(isWithinWorkingHours(at('2024-07-01T08:00:00Z'), calendar)).toBe(true);
    expect(isWithinWorkingHours(at('2024-07-01T15:59:00Z'), calendar)).toBe(true);
    expect(isWithinWorkingHours(at('2024-07-01T16:00:00Z'), calendar)).toBe(false);
  });

  it('is false all day at weekends and on bank holidays', () => {
    expect(isWithinWorkingHours(at('2024-03-30T12:00:00Z'), calendar)).toBe(false); // Saturday
    expect(isWithinWorkingHours(at('2024-03-29T12:00:00Z'), calendar)).toBe(false); // Good Friday
    expect(isWithinWorkingHours(at('2022-09-19T10:00:00Z'), calendar)).toBe(false); // State Funeral
  });

  it('judges the working day by the London date across the clock change', () => {
    // 08:30 UTC on Monday 31 March 2025 is 09:30 BST: the first working morning after the change.
    expect(isWithinWorkingHours(at('2025-03-31T08:30:00Z'), calendar)).toBe(true);
    // 23:30 UTC on Sunday 30 March 2025 is already Monday in London, but only 00:30.
    expect(isWithinWorkingHours(at('2025-03-30T23:30:00Z'), calendar)).toBe(false);
    expect(isWithinWorkingHours(at('2025-03-30T23:30:00Z'), calendar, { startHour: 0, endHour: 24 })).toBe(true);
    expect(isWithinWorkingHours(at('2025-03-30T22:30:00Z'), calendar, { startHour: 0, endHour: 24 })).toBe(false);
  });

  it('accepts other hours and calendars', () => {
    expect(isWithinWorkingHours(at('2024-01-15T08:30:00Z'), calendar, { startHour: 8 })).toBe(true);
    expect(isWithinWorkingHours(at('2024-01-15T17:30:00Z'), calendar, { endHour: 18 })).toBe(true);
    const closed = createWorkingDayCalendar({ extraNonWorkingDays: ['2024-01-15'] });
    expect(isWithinWorkingHours(at('2024-01-15T10:00:00Z'), closed)).toBe(false);
  });

  it('refuses hours that make no sense', () => {
    expect(() => isWithinWorkingHours(at('2024-01-15T10:00:00Z'), calendar, { startHour: 17, endHour: 9 })).toThrow(
      RangeError,
    );
    expect(() => isWithinWorkingHours(at('2024-01-15T10:00:00Z'), calendar, { startHour: -1 })).toThrow(RangeError);
    expect(() => isWithinWorkingHours(at('2024-01-15T10:00:00Z'), calendar, { endHour: 25 })).toThrow(RangeError);
    expect(() => isWithinWorkingHours(at('2024-01-15T10:00:00Z'), calendar, { startHour: 9.5 })).toThrow(RangeError);
  });
});
