import { describe, expect, it } from 'vitest';
import { checkNonWorkingDay, checkNonWorkingDayRemoval, latestNonWorkingDay, NON_WORKING_DAY_LIMITS } from './non-working-day';

// Tuesday 24 November 2026.
const today = '2026-11-24';
const day = (date: string, over: { description?: unknown; alreadyAdded?: string[] } = {}) =>
  checkNonWorkingDay({ date, description: 'description' in over ? over.description : 'Office closed for the move', today, alreadyAdded: over.alreadyAdded ?? [] });

describe('a day added to the calendar', () => {
  it('is a weekday from today on, with a description, kept trimmed', () => {
    expect(checkNonWorkingDay({ date: '2026-12-04', description: '  Office move  ', today, alreadyAdded: [] })).toEqual({ ok: true, date: '2026-12-04', description: 'Office move' });
    expect(day(today)).toMatchObject({ ok: true, date: today });
  });

  it('must be given, and be a real date', () => {
    expect(day('missing')).toEqual({ ok: false, problems: [{ field: 'date', message: 'date.required' }] });
    expect(day('')).toEqual({ ok: false, problems: [{ field: 'date', message: 'date.required' }] });
    expect(day('invalid')).toEqual({ ok: false, problems: [{ field: 'date', message: 'date.invalid' }] });
    expect(day('2027-02-29')).toEqual({ ok: false, problems: [{ field: 'date', message: 'date.invalid' }] });
  });

  it('is not in the past', () => {
    expect(day('2026-11-23')).toEqual({ ok: false, problems: [{ field: 'date', message: 'date.inPast' }] });
  });

  it('is not past the end of the year after next', () => {
    expect(latestNonWorkingDay(today)).toBe(`${2026 + NON_WORKING_DAY_LIMITS.yearsAhead}-12-31`);
    expect(day('2028-12-29').ok).toBe(true);
    expect(day('2029-01-02')).toEqual({ ok: false, problems: [{ field: 'date', message: 'date.tooFar' }] });
  });

  it('is not already a day off: a weekend, a bank holiday (named) or a day added before', () => {
    expect(day('2026-11-28')).toEqual({ ok: false, problems: [{ field: 'date', message: 'date.weekend' }] });
    expect(day('2026-11-29')).toEqual({ ok: false, problems: [{ field: 'date', message: 'date.weekend' }] });
    expect(day('2026-12-25')).toEqual({ ok: false, problems: [{ field: 'date', message: 'date.bankHoliday', holiday: 'christmas' }] });
    // Boxing Day 2026 is a Saturday: the bank holiday is Monday 28 December.
    expect(day('2026-12-28')).toEqual({ ok: false, problems: [{ field: 'date', message: 'date.bankHoliday', holiday: 'boxing-day' }] });
    expect(day('2027-05-03')).toEqual({ ok: false, problems: [{ field: 'date', message: 'date.bankHoliday', holiday: 'early-may' }] });
    expect(day('2026-12-04', { alreadyAdded: ['2026-12-04'] })).toEqual({ ok: false, problems: [{ field: 'date', message: 'date.alreadyAdded' }] });
  });

  it('needs a description of at most the limit, with no control characters, told with the date problem at once', () => {
    expect(day('2026-11-28', { description: '   ' })).toEqual({
      ok: false,
      problems: [
        { field: 'date', message: 'date.weekend' },
        { field: 'description', message: 'description.required' },
      ],
    });
    expect(day('2026-12-04', { description: undefined })).toEqual({ ok: false, problems: [{ field: 'description', message: 'description.required' }] });
    expect(day('2026-12-04', { description: 'x'.repeat(NON_WORKING_DAY_LIMITS.description) }).ok).toBe(true);
    expect(day('2026-12-04', { description: 'x'.repeat(NON_WORKING_DAY_LIMITS.description + 1) })).toEqual({ ok: false, problems: [{ field: 'description', message: 'description.tooLong' }] });
    expect(day('2026-12-04', { description: 'Closed\u0007' })).toEqual({ ok: false, problems: [{ field: 'description', message: 'description.invalidCharacters' }] });
  });
});

describe('taking a day off the calendar again', () => {
  const added = ['2026-11-20', today, '2026-12-04'];
  it('is allowed for a day still ahead', () => {
    expect(checkNonWorkingDayRemoval('2026-12-04', today, added)).toEqual({ ok: true });
  });

  it('is refused for today and days gone by, which have been counted already', () => {
    expect(checkNonWorkingDayRemoval(today, today, added)).toEqual({ ok: false, reason: 'day_passed' });
    expect(checkNonWorkingDayRemoval('2026-11-20', today, added)).toEqual({ ok: false, reason: 'day_passed' });
  });

  it('is refused for a day that is not on the list, or not a date', () => {
    expect(checkNonWorkingDayRemoval('2026-12-07', today, added)).toEqual({ ok: false, reason: 'not_listed' });
    expect(checkNonWorkingDayRemoval('next week', today, added)).toEqual({ ok: false, reason: 'not_listed' });
  });
});
