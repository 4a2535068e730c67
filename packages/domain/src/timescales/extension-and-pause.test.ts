import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/index';
import { checkExtension, DEFAULT_TIMESCALES, dueAfterPause, extensionMaximum, latestExtendedDueOn, ragStatus, stageDueDates } from './timescales';

const calendar = createWorkingDayCalendar();
const base = { stage: 1 as const, alreadyExtended: false, reason: 'We are waiting for a report from another team.', timescales: DEFAULT_TIMESCALES, calendar };

describe('extending a timescale', () => {
  it('allows up to the stage maximum in working days past the due date, across bank holidays', () => {
    // Monday 14 December 2026; Christmas falls on the Friday and Boxing Day is kept on Monday 28th.
    expect(latestExtendedDueOn(1, '2026-12-14', DEFAULT_TIMESCALES, calendar)).toBe('2026-12-30');
    expect(checkExtension({ ...base, originalDueOn: '2026-12-14', currentDueOn: '2026-12-14', requestedDueOn: '2026-12-30' })).toEqual({ ok: true, newDueOn: '2026-12-30' });
    expect(checkExtension({ ...base, originalDueOn: '2026-12-14', currentDueOn: '2026-12-14', requestedDueOn: '2026-12-31' })).toEqual({ ok: false, reason: 'too_long' });
  });

  it('gives stage 2 its own, longer maximum', () => {
    expect(extensionMaximum(1, DEFAULT_TIMESCALES)).toBe(10);
    expect(extensionMaximum(2, DEFAULT_TIMESCALES)).toBe(20);
    const stageTwo = { ...base, stage: 2 as const, originalDueOn: '2026-11-02', currentDueOn: '2026-11-02' };
    expect(latestExtendedDueOn(2, '2026-11-02', DEFAULT_TIMESCALES, calendar)).toBe('2026-11-30');
    expect(checkExtension({ ...stageTwo, requestedDueOn: '2026-11-30' })).toEqual({ ok: true, newDueOn: '2026-11-30' });
    expect(checkExtension({ ...stageTwo, requestedDueOn: '2026-12-01' })).toEqual({ ok: false, reason: 'too_long' });
  });

  it('moves a date that is not a working day to the next one, and holds that date to the maximum', () => {
    // Due Friday 6 November 2026: ten working days on is Friday 20 November.
    const due = { ...base, originalDueOn: '2026-11-06', currentDueOn: '2026-11-06' };
    expect(checkExtension({ ...due, requestedDueOn: '2026-11-15' })).toEqual({ ok: true, newDueOn: '2026-11-16' });
    expect(checkExtension({ ...due, requestedDueOn: '2026-11-20' })).toEqual({ ok: true, newDueOn: '2026-11-20' });
    // The Saturday after the last allowed day would become the Monday after it: too long.
    expect(checkExtension({ ...due, requestedDueOn: '2026-11-21' })).toEqual({ ok: false, reason: 'too_long' });
  });

  it('is refused a second time, without a reason, or for a date that is not later', () => {
    const due = { ...base, originalDueOn: '2026-12-14', currentDueOn: '2026-12-14' };
    expect(checkExtension({ ...due, alreadyExtended: true, requestedDueOn: '2026-12-16' })).toEqual({ ok: false, reason: 'already_extended' });
    expect(checkExtension({ ...due, reason: '   ', requestedDueOn: '2026-12-16' })).toEqual({ ok: false, reason: 'no_reason' });
    expect(checkExtension({ ...due, requestedDueOn: '2026-12-14' })).toEqual({ ok: false, reason: 'not_later' });
    expect(checkExtension({ ...due, requestedDueOn: '2026-12-01' })).toEqual({ ok: false, reason: 'not_later' });
  });

  it('allows nothing past the due date when the organisation sets no extension', () => {
    const none = { ...DEFAULT_TIMESCALES, stage_1_extension_max: 0 };
    expect(latestExtendedDueOn(1, '2026-12-14', none, calendar)).toBe('2026-12-14');
    expect(checkExtension({ ...base, timescales: none, originalDueOn: '2026-12-14', currentDueOn: '2026-12-14', requestedDueOn: '2026-12-15' })).toEqual({ ok: false, reason: 'too_long' });
  });
});

describe('the paused clock', () => {
  it('moves the due date on by the working days it stood still, not the weekend', () => {
    // Paused on Thursday 26 November, started again on Tuesday 1 December: Friday, Monday, Tuesday.
    expect(dueAfterPause('2026-12-14', '2026-11-26', '2026-12-01', calendar)).toEqual({ dueOn: '2026-12-17', pausedWorkingDays: 3 });
  });

  it('leaves the date alone when no working day passed', () => {
    expect(dueAfterPause('2026-12-14', '2026-11-26', '2026-11-26', calendar)).toEqual({ dueOn: '2026-12-14', pausedWorkingDays: 0 });
    // Paused on a Friday, the answer came on the Sunday.
    expect(dueAfterPause('2026-12-14', '2026-11-27', '2026-11-29', calendar)).toEqual({ dueOn: '2026-12-14', pausedWorkingDays: 0 });
  });

  it('skips bank holidays when it moves the date', () => {
    // Two working days paused carry a date due on Christmas Eve past Christmas and Boxing Day.
    expect(dueAfterPause('2026-12-24', '2026-11-30', '2026-12-02', calendar)).toEqual({ dueOn: '2026-12-30', pausedWorkingDays: 2 });
  });
});

describe('the clock of one complaint, walked from receipt to its extended date', () => {
  // Received on Monday 7 December 2026. Christmas Day is a Friday, Boxing Day is kept on Monday
  // 28 December and New Year's Day is a Friday: working days in brackets below count from the day
  // after, up to and including the day named.
  const colour = (today: string, dueOn: string) => ragStatus(dueOn, today, calendar, DEFAULT_TIMESCALES.reminder_window);

  it('is due 15 working days after receipt, across the weekends and both Christmas bank holidays', () => {
    // 8-11 Dec (4), 14-18 (9), 21-24 (13), 29 (14), 30 (15).
    expect(stageDueDates(1, '2026-12-07', DEFAULT_TIMESCALES, calendar).responseDueOn).toBe('2026-12-30');
  });

  it('turns amber five working days before it is due, and not over a weekend earlier', () => {
    expect(colour('2026-12-07', '2026-12-30')).toBe('green');
    // Friday 18th: six working days to go (21, 22, 23, 24, 29, 30).
    expect(colour('2026-12-18', '2026-12-30')).toBe('green');
    // Saturday 19th and Sunday 20th count as the Friday.
    expect(colour('2026-12-19', '2026-12-30')).toBe('green');
    expect(colour('2026-12-21', '2026-12-30')).toBe('amber');
  });

  it('moves on by the three working days the clock stood still, skipping Christmas and New Year', () => {
    // Paused on Tuesday 22nd, started again on Tuesday 29th: 23, 24 and 29 December stood still.
    const paused = dueAfterPause('2026-12-30', '2026-12-22', '2026-12-29', calendar);
    // 31 December (1), [New Year's Day, the weekend], 4 January (2), 5 January (3).
    expect(paused).toEqual({ dueOn: '2027-01-05', pausedWorkingDays: 3 });
    // Against the new date, Wednesday 23rd had six working days left (24, 29, 30, 31, 4, 5): green;
    // Christmas Eve five: amber, as is the day it started again.
    expect(colour('2026-12-23', '2027-01-05')).toBe('green');
    expect(colour('2026-12-24', '2027-01-05')).toBe('amber');
    expect(colour('2026-12-29', '2027-01-05')).toBe('amber');
  });

  it('is extended once, by up to ten working days from the date as it stands, and goes red the day after', () => {
    // 6-8 Jan (3), 11-15 (8), 18 (9), 19 (10).
    expect(latestExtendedDueOn(1, '2027-01-05', DEFAULT_TIMESCALES, calendar)).toBe('2027-01-19');
    const extension = { ...base, originalDueOn: '2027-01-05', currentDueOn: '2027-01-05' };
    expect(checkExtension({ ...extension, requestedDueOn: '2027-01-20' })).toEqual({ ok: false, reason: 'too_long' });
    // Saturday 16 January becomes Monday 18th.
    expect(checkExtension({ ...extension, requestedDueOn: '2027-01-16' })).toEqual({ ok: true, newDueOn: '2027-01-18' });
    expect(checkExtension({ ...extension, alreadyExtended: true, requestedDueOn: '2027-01-18' })).toEqual({ ok: false, reason: 'already_extended' });

    // Friday 8th: 11-15 and 18 January are six working days: green; Monday 11th: five: amber.
    expect(colour('2027-01-08', '2027-01-18')).toBe('green');
    expect(colour('2027-01-11', '2027-01-18')).toBe('amber');
    expect(colour('2027-01-18', '2027-01-18')).toBe('amber');
    expect(colour('2027-01-19', '2027-01-18')).toBe('red');
  });
});
