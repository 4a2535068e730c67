import { z } from 'zod';
import { addDays, isIsoDate, isoDateFromParts, type IsoDate, londonTimeOf, type WorkingDayCalendar } from '../calendar/index';
import { newComplaintSchema } from '../complaint/complaint-input';
import type { FeedbackKind } from '../complaint/vocabulary';
import { nonServiceUserReplyDueOn, type StageDueDates, type Timescales } from '../timescales/index';

/**
 * A complaint, compliment, piece of feedback or letter from someone who is not a service user,
 * logged by staff because it came by letter, email, phone or in person. It carries the same data as
 * the online form, plus how it came and the day it actually reached us: that day starts the clock,
 * not the day it was typed in.
 */

export const STAFF_LOGGED_CHANNELS = ['letter', 'email', 'phone', 'in_person'] as const;
export type StaffLoggedChannel = (typeof STAFF_LOGGED_CHANNELS)[number];

/** Older than this is a typing slip, not a late letter: the procedure asks for complaints within a year. */
export const RECEIVED_WITHIN_DAYS = 366;

export type ReceivedOnProblem = 'receivedOn.required' | 'receivedOn.invalid' | 'receivedOn.inFuture' | 'receivedOn.tooOld';

/** A date from the three boxes of a date input, or the problem with it. */
export function dateFromParts(parts: { day?: string | undefined; month?: string | undefined; year?: string | undefined }): IsoDate | 'missing' | 'invalid' {
  const day = parts.day?.trim() ?? '';
  const month = parts.month?.trim() ?? '';
  const year = parts.year?.trim() ?? '';
  if (day === '' && month === '' && year === '') return 'missing';
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return 'invalid';
  try {
    const date = isoDateFromParts(Number(year), Number(month), Number(day));
    return isIsoDate(date) ? date : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** The day received must have happened, and not so long ago that it must be a mistake. */
export function checkReceivedOn(receivedOn: IsoDate | 'missing' | 'invalid', today: IsoDate): { ok: true; receivedOn: IsoDate } | { ok: false; problem: ReceivedOnProblem } {
  if (receivedOn === 'missing') return { ok: false, problem: 'receivedOn.required' };
  if (receivedOn === 'invalid') return { ok: false, problem: 'receivedOn.invalid' };
  if (receivedOn > today) return { ok: false, problem: 'receivedOn.inFuture' };
  if (receivedOn < addDays(today, -RECEIVED_WITHIN_DAYS)) return { ok: false, problem: 'receivedOn.tooOld' };
  return { ok: true, receivedOn };
}

/**
 * The moment to record as its arrival: now, when it came today; otherwise midday in London on the
 * day it came (only the date counts for the clock, and midday is clear of any clock change).
 */
export function receivedInstant(receivedOn: IsoDate, now: Date): Date {
  if (londonTimeOf(now).date === receivedOn) return now;
  const noonUtc = new Date(`${receivedOn}T12:00:00Z`);
  const shown = londonTimeOf(noonUtc).hour;
  return new Date(noonUtc.getTime() - (shown - 12) * 3_600_000);
}

/** What a kind of contact is owed: the complaints procedure, a written reply outside it, or nothing. */
export type KindTimescale = 'complaints_procedure' | 'reply_outside_procedure' | 'none';

export function timescaleForKind(kind: FeedbackKind): KindTimescale {
  switch (kind) {
    case 'complaint':
      return 'complaints_procedure';
    case 'correspondence':
      return 'reply_outside_procedure';
    case 'compliment':
    case 'feedback':
      return 'none';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * The dates a newly logged contact carries. A complaint keeps its stage 1 dates. Someone who is not
 * a service user is acknowledged by return like everyone, and then owed a written reply within the
 * reply timescale, outside the procedure. Compliments and feedback are recorded for the reports
 * and nothing is owed.
 */
export function datesForKind(
  kind: FeedbackKind,
  stageDates: StageDueDates,
  receivedOn: IsoDate,
  timescales: Timescales,
  calendar: WorkingDayCalendar,
): { stageDates: StageDueDates; dueNow: IsoDate | null } {
  switch (timescaleForKind(kind)) {
    case 'complaints_procedure':
      return { stageDates, dueNow: stageDates.acknowledgeDueOn };
    case 'reply_outside_procedure':
      return {
        stageDates: { ...stageDates, responseDueOn: nonServiceUserReplyDueOn(receivedOn, timescales, calendar) },
        dueNow: stageDates.acknowledgeDueOn,
      };
    case 'none':
      return { stageDates, dueNow: null };
  }
}

/**
 * What staff send when they log something: the complaint as the online form would give it, and how
 * and when it came. The date arrives as ISO (the route joins the date boxes) and is checked against
 * today by `checkReceivedOn`, which needs the clock.
 */
export const staffLoggedComplaintSchema = z.object({
  complaint: newComplaintSchema.superRefine((c, ctx) => {
    if (!(STAFF_LOGGED_CHANNELS as readonly string[]).includes(c.channel)) {
      ctx.addIssue({ code: 'custom', path: ['channel'], message: 'channel.required' });
    }
  }),
  teamId: z.uuid({ error: 'team.invalid' }).nullable().optional(),
  practitionerId: z.uuid({ error: 'practitioner.invalid' }).nullable().optional(),
});

export type StaffLoggedComplaint = z.output<typeof staffLoggedComplaintSchema>;
