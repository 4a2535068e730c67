import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar, londonDateOf } from '../calendar/index';
import { fieldProblems } from '../complaint/complaint-input';
import { DEFAULT_TIMESCALES, stageDueDates } from '../timescales/index';
import { checkReceivedOn, dateFromParts, datesForKind, receivedInstant, staffLoggedComplaintSchema, timescaleForKind } from './logged-complaint';

const calendar = createWorkingDayCalendar();

describe('the day it was received', () => {
  it('reads the date boxes, and says what is wrong with them', () => {
    expect(dateFromParts({ day: '3', month: '11', year: '2026' })).toBe('2026-11-03');
    expect(dateFromParts({ day: ' 03 ', month: '11 ', year: '2026' })).toBe('2026-11-03');
    expect(dateFromParts({})).toBe('missing');
    expect(dateFromParts({ day: '31', month: '2', year: '2026' })).toBe('invalid');
    expect(dateFromParts({ day: 'x', month: '2', year: '2026' })).toBe('invalid');
    expect(dateFromParts({ day: '1', month: '2', year: '26' })).toBe('invalid');
  });

  it('may be today or in the last year, never in the future', () => {
    expect(checkReceivedOn('2026-11-24', '2026-11-24')).toEqual({ ok: true, receivedOn: '2026-11-24' });
    expect(checkReceivedOn('2026-11-25', '2026-11-24')).toEqual({ ok: false, problem: 'receivedOn.inFuture' });
    expect(checkReceivedOn('2025-11-23', '2026-11-24')).toEqual({ ok: true, receivedOn: '2025-11-23' });
    expect(checkReceivedOn('2025-11-22', '2026-11-24')).toEqual({ ok: false, problem: 'receivedOn.tooOld' });
    expect(checkReceivedOn('missing', '2026-11-24')).toEqual({ ok: false, problem: 'receivedOn.required' });
  });

  it('is recorded as now when it came today, else as midday in London on the day, in summer and winter', () => {
    const now = new Date('2026-07-15T08:30:00Z');
    expect(receivedInstant('2026-07-15', now)).toBe(now);
    expect(receivedInstant('2026-07-14', now).toISOString()).toBe('2026-07-14T11:00:00.000Z');
    expect(receivedInstant('2026-01-14', now).toISOString()).toBe('2026-01-14T12:00:00.000Z');
  });

  it('always falls on the London date it was given', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }), fc.integer({ min: 0, max: 366 }), (now, back) => {
        const day = londonDateOf(new Date(now.getTime() - back * 86_400_000));
        expect(londonDateOf(receivedInstant(day, now))).toBe(day);
      }),
    );
  });
});

describe('what each kind is owed', () => {
  const dates = stageDueDates(1, '2026-11-24', DEFAULT_TIMESCALES, calendar);

  it('keeps the complaint procedure for complaints', () => {
    expect(datesForKind('complaint', dates, '2026-11-24', DEFAULT_TIMESCALES, calendar)).toEqual({ stageDates: dates, dueNow: dates.acknowledgeDueOn });
  });

  it('gives people who are not service users a reply within 15 working days, outside the procedure', () => {
    const result = datesForKind('correspondence', dates, '2026-11-24', DEFAULT_TIMESCALES, calendar);
    expect(result.stageDates.responseDueOn).toBe(calendar.addWorkingDays('2026-11-24', 15));
    expect(result.dueNow).toBe(dates.acknowledgeDueOn);
    expect(timescaleForKind('correspondence')).toBe('reply_outside_procedure');
  });

  it('owes nothing for compliments and feedback', () => {
    expect(datesForKind('compliment', dates, '2026-11-24', DEFAULT_TIMESCALES, calendar).dueNow).toBeNull();
    expect(datesForKind('feedback', dates, '2026-11-24', DEFAULT_TIMESCALES, calendar).dueNow).toBeNull();
  });
});

describe('what staff send when they log a complaint', () => {
  const complaint = {
    kind: 'complaint',
    channel: 'letter',
    audience: 'adult',
    language: 'en',
    complainant: { role: 'parent_or_carer', fullName: 'Jo Bloggs', preferredContact: 'post', postalAddress: '1 High Street' },
    points: [{ text: 'Nobody called me back.' }],
    privacyAccepted: true,
  };

  it('takes the same complaint as the online form, by letter, email, phone or in person', () => {
    expect(staffLoggedComplaintSchema.safeParse({ complaint }).success).toBe(true);
  });

  it('does not take "online" from staff', () => {
    const result = staffLoggedComplaintSchema.safeParse({ complaint: { ...complaint, channel: 'online' } });
    expect(fieldProblems(result.error!)).toEqual([{ field: 'complaint.channel', message: 'channel.required' }]);
  });
});
