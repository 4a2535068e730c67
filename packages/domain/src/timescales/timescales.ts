import type { IsoDate } from '../calendar/index';
import type { WorkingDayCalendar } from '../calendar/index';
import type { ComplaintState, RagStatus, Stage } from '../complaint/vocabulary';

/**
 * How long each step may take, in working days. These are defaults: the organisation changes them
 * in the database, and every rule, letter and leaflet reads the values from there.
 */
export const TIMESCALE_KEYS = [
  'acknowledge',
  'pass_to_manager',
  'stage_1_response',
  'stage_2_acknowledge',
  'stage_2_response',
  'reminder_window',
  'stage_1_extension_max',
  'stage_2_extension_max',
  'non_service_user_reply',
] as const;
export type TimescaleKey = (typeof TIMESCALE_KEYS)[number];
export type Timescales = Record<TimescaleKey, number>;

export const DEFAULT_TIMESCALES: Timescales = {
  // "By return": one working day. The published standard allows at most five.
  acknowledge: 1,
  // Passed to the responding manager within the working day of receipt.
  pass_to_manager: 0,
  stage_1_response: 15,
  stage_2_acknowledge: 2,
  stage_2_response: 20,
  // Reminders and amber warnings start this many working days before a due date.
  reminder_window: 5,
  stage_1_extension_max: 10,
  stage_2_extension_max: 20,
  // People who are not service users get a written reply outside the procedure.
  non_service_user_reply: 15,
};

/** Bounds an administrator may set, so a typing slip cannot make a timescale meaningless. */
export const TIMESCALE_LIMITS: Record<TimescaleKey, { min: number; max: number }> = {
  acknowledge: { min: 0, max: 5 },
  pass_to_manager: { min: 0, max: 5 },
  stage_1_response: { min: 1, max: 65 },
  stage_2_acknowledge: { min: 0, max: 10 },
  stage_2_response: { min: 1, max: 65 },
  reminder_window: { min: 1, max: 20 },
  stage_1_extension_max: { min: 0, max: 30 },
  stage_2_extension_max: { min: 0, max: 40 },
  non_service_user_reply: { min: 1, max: 65 },
};

/** Merges stored settings over the defaults, ignoring unknown keys and values out of bounds. */
export function resolveTimescales(stored: ReadonlyArray<{ key: string; workingDays: number }>): Timescales {
  const result: Timescales = { ...DEFAULT_TIMESCALES };
  for (const { key, workingDays } of stored) {
    if (!(TIMESCALE_KEYS as readonly string[]).includes(key)) continue;
    const limits = TIMESCALE_LIMITS[key as TimescaleKey];
    if (Number.isInteger(workingDays) && workingDays >= limits.min && workingDays <= limits.max) {
      result[key as TimescaleKey] = workingDays;
    }
  }
  return result;
}

export type StageDueDates = {
  acknowledgeDueOn: IsoDate;
  passToManagerDueOn: IsoDate;
  responseDueOn: IsoDate;
};

/** Stage 1 counts from receipt; stage 2 from the request for a review. */
export function stageDueDates(
  stage: Stage,
  startedOn: IsoDate,
  timescales: Timescales,
  calendar: WorkingDayCalendar,
): StageDueDates {
  const ack = stage === 1 ? timescales.acknowledge : timescales.stage_2_acknowledge;
  const response = stage === 1 ? timescales.stage_1_response : timescales.stage_2_response;
  return {
    acknowledgeDueOn: calendar.addWorkingDays(startedOn, ack),
    passToManagerDueOn: calendar.addWorkingDays(startedOn, timescales.pass_to_manager),
    responseDueOn: calendar.addWorkingDays(startedOn, response),
  };
}

/** The reply owed to someone who is not a service user, outside the complaints procedure. */
export function nonServiceUserReplyDueOn(receivedOn: IsoDate, timescales: Timescales, calendar: WorkingDayCalendar): IsoDate {
  return calendar.addWorkingDays(receivedOn, timescales.non_service_user_reply);
}

/**
 * The next date the organisation owes the complainant something, which queues sort and colour by:
 * the acknowledgement until it is sent, then the response; nothing once the response has gone.
 */
export function currentDueOn(state: ComplaintState, dates: StageDueDates): IsoDate | null {
  switch (state) {
    case 'received':
    case 'logged':
      return dates.acknowledgeDueOn;
    case 'acknowledged':
    case 'investigating':
    case 'response_drafted':
    case 'in_quality_assurance':
      return dates.responseDueOn;
    default:
      return null;
  }
}

/**
 * The electronic warning: red once the due date has passed, amber from the reminder window
 * (within that many working days of it, due today included), green before.
 */
export function ragStatus(
  dueOn: IsoDate,
  today: IsoDate,
  calendar: WorkingDayCalendar,
  reminderWindow: number = DEFAULT_TIMESCALES.reminder_window,
): RagStatus {
  if (today > dueOn) return 'red';
  return calendar.workingDaysBetween(today, dueOn) <= reminderWindow ? 'amber' : 'green';
}

/**
 * The latest "today" on which a complaint due on `dueOn` is still green, so a queue can count
 * amber and red rows with plain date comparisons in SQL instead of per-row arithmetic.
 */
export function ragThresholds(
  today: IsoDate,
  calendar: WorkingDayCalendar,
  reminderWindow: number = DEFAULT_TIMESCALES.reminder_window,
): { redBefore: IsoDate; amberUpTo: IsoDate } {
  // Due before today → red; due from today up to the window's last working day → amber.
  return { redBefore: today, amberUpTo: calendar.addWorkingDays(today, reminderWindow) };
}

export type ExtensionCheck =
  | { ok: true; newDueOn: IsoDate }
  | { ok: false; reason: 'already_extended' | 'too_long' | 'not_later' | 'no_reason' };

/** The most working days a stage's response may be put back by its one extension. */
export function extensionMaximum(stage: Stage, timescales: Timescales): number {
  return stage === 1 ? timescales.stage_1_extension_max : timescales.stage_2_extension_max;
}

/** The latest date an extension may set: the stage's maximum in working days past the due date it extends. */
export function latestExtendedDueOn(stage: Stage, originalDueOn: IsoDate, timescales: Timescales, calendar: WorkingDayCalendar): IsoDate {
  const max = extensionMaximum(stage, timescales);
  // With no extension allowed the due date itself is the limit, whatever day it falls on.
  return max === 0 ? originalDueOn : calendar.addWorkingDays(originalDueOn, max);
}

/**
 * An extension is allowed once per stage, up to the stage's maximum in working days past the
 * original due date, with a reason; the complainant is told in a letter. A date that is not a
 * working day becomes the next one, and it is that date the maximum is held against, so a
 * weekend cannot carry an extension past it.
 */
export function checkExtension(args: {
  stage: Stage;
  alreadyExtended: boolean;
  originalDueOn: IsoDate;
  currentDueOn: IsoDate;
  requestedDueOn: IsoDate;
  reason: string;
  timescales: Timescales;
  calendar: WorkingDayCalendar;
}): ExtensionCheck {
  if (args.alreadyExtended) return { ok: false, reason: 'already_extended' };
  if (args.reason.trim().length === 0) return { ok: false, reason: 'no_reason' };
  if (args.requestedDueOn <= args.currentDueOn) return { ok: false, reason: 'not_later' };
  const newDueOn = args.calendar.isWorkingDay(args.requestedDueOn) ? args.requestedDueOn : args.calendar.nextWorkingDay(args.requestedDueOn);
  if (newDueOn > latestExtendedDueOn(args.stage, args.originalDueOn, args.timescales, args.calendar)) return { ok: false, reason: 'too_long' };
  return { ok: true, newDueOn };
}

/**
 * The clock stands still while we wait on the complainant: the due date moves on by the working
 * days that passed between asking and receiving.
 */
export function dueAfterPause(dueOn: IsoDate, pausedOn: IsoDate, resumedOn: IsoDate, calendar: WorkingDayCalendar): {
  dueOn: IsoDate;
  pausedWorkingDays: number;
} {
  const paused = Math.max(0, calendar.workingDaysBetween(pausedOn, resumedOn));
  return { dueOn: paused === 0 ? dueOn : calendar.addWorkingDays(dueOn, paused), pausedWorkingDays: paused };
}
