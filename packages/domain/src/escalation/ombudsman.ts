import type { IsoDate } from '../calendar/index';
import type { Nation, Ombudsman } from '../complaint/vocabulary';

/**
 * Going to the Ombudsman once our procedure is done: the Parliamentary and Health Service
 * Ombudsman for services in England, the Public Services Ombudsman for Wales for services in
 * Wales. Which one follows from where the service was given, never from a choice.
 */

export const OMBUDSMAN_LIMITS = { theirReference: 100, recommendations: 5000 } as const;

/** A complaint not yet placed in an area is treated as English, as its letters are. */
export function ombudsmanFor(nation: Nation | null): Ombudsman {
  return nation === 'wales' ? 'psow' : 'phso';
}

/** A day typed into a form: a date, nothing, or something that is not a date. */
export type EnteredDay = IsoDate | 'missing' | 'invalid';

export type RecordedDayCheck = { ok: true; date: IsoDate } | { ok: false; problem: { field: string; message: string } };

/**
 * A day something already happened, recorded after the fact: it must be a real date, not in the
 * future and not before what it follows (a referral before the complaint came, an outcome before
 * the referral).
 */
export function checkRecordedDay(field: string, entered: EnteredDay, bounds: { notBefore: IsoDate; today: IsoDate }): RecordedDayCheck {
  const problem = (message: string): RecordedDayCheck => ({ ok: false, problem: { field, message: `${field}.${message}` } });
  if (entered === 'missing') return problem('required');
  if (entered === 'invalid') return problem('invalid');
  if (entered > bounds.today) return problem('inFuture');
  if (entered < bounds.notBefore) return problem('tooEarly');
  return { ok: true, date: entered };
}

/**
 * The day the Ombudsman wants our reply to their enquiry by, as their letter says: a real date, on
 * or after the day the complaint went to them. It may already have passed when a referral is
 * recorded late; the daily warning then lists it as late at once.
 */
export function checkOmbudsmanReplyDue(entered: EnteredDay, referredOn: IsoDate): RecordedDayCheck {
  const problem = (message: string): RecordedDayCheck => ({ ok: false, problem: { field: 'replyDueOn', message: `replyDueOn.${message}` } });
  if (entered === 'missing') return problem('required');
  if (entered === 'invalid') return problem('invalid');
  if (entered < referredOn) return problem('beforeReferral');
  return { ok: true, date: entered };
}
