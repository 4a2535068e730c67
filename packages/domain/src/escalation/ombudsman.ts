import type { IsoDate } from '../calendar/index';
import type { Nation, Ombudsman } from '../complaint/vocabulary';

/**
 * Going to the Ombudsman once our procedure is done: the Parliamentary and Health Service
 * Ombudsman for services in England, the Public Services Ombudsman for Wales for services in
 * Wales. Which one follows from where the service was given, never from a choice.
 */

export const OMBUDSMAN_LIMITS = {
  theirReference: 100,
  recommendations: 5000,
  enquiry: 2000,
  reply: 5000,
  action: 1000,
  owner: 200,
  evidence: 3000,
  /** Recommendations recorded with one finding. */
  recommendationCount: 10,
} as const;

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

/**
 * A day that must not come before another (a deadline before the enquiry it answers, a
 * recommendation due before the finding that made it): a real date on or after `notBefore`.
 */
export function checkDayFrom(field: string, entered: EnteredDay, notBefore: IsoDate, tooEarly: string): RecordedDayCheck {
  const problem = (message: string): RecordedDayCheck => ({ ok: false, problem: { field, message: `${field}.${message}` } });
  if (entered === 'missing') return problem('required');
  if (entered === 'invalid') return problem('invalid');
  if (entered < notBefore) return problem(tooEarly);
  return { ok: true, date: entered };
}

/** An enquiry of the Ombudsman as the rules need it: its deadline and whether our reply went. */
export type OmbudsmanEnquiryStanding = { dueOn: IsoDate; repliedOn: IsoDate | null };

/**
 * The complaint's due date while it is with the Ombudsman: the earliest deadline of an enquiry not
 * yet answered, or none. The queues colour it red, amber or green like any other due date.
 */
export function ombudsmanDueOn(enquiries: readonly OmbudsmanEnquiryStanding[]): IsoDate | null {
  let earliest: IsoDate | null = null;
  for (const e of enquiries) if (e.repliedOn === null && (earliest === null || e.dueOn < earliest)) earliest = e.dueOn;
  return earliest;
}

/** One recommendation as typed on the outcome form: what to do, who owns it, and by when. */
export type RecommendationRow = { action?: string; owner?: string; dueOn: EnteredDay | '' };
export type JudgedRecommendations =
  | { ok: true; recommendations: Array<{ action: string; owner: string; dueOn: IsoDate }> }
  | { ok: false; problems: Array<{ field: string; message: string }> };

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * The Ombudsman's recommendations, each an action with its owner and its due date (not before the
 * finding). A row left wholly empty is not a recommendation; a row half filled says what is missing.
 */
export function judgeRecommendations(rows: readonly RecommendationRow[], findingOn: IsoDate | null): JudgedRecommendations {
  const problems: Array<{ field: string; message: string }> = [];
  const recommendations: Array<{ action: string; owner: string; dueOn: IsoDate }> = [];
  rows.forEach((row, index) => {
    const action = (row.action ?? '').trim();
    const owner = (row.owner ?? '').trim();
    if (action === '' && owner === '' && (row.dueOn === '' || row.dueOn === 'missing')) return;
    const at = (f: string) => `recommendations.${index}.${f}`;
    const textProblem = (field: string, value: string, max: number) => {
      if (value === '') problems.push({ field: at(field), message: `${field}.required` });
      else if (value.length > max) problems.push({ field: at(field), message: `${field}.tooLong` });
      else if (CONTROL.test(value)) problems.push({ field: at(field), message: `${field}.invalidCharacters` });
    };
    textProblem('action', action, OMBUDSMAN_LIMITS.action);
    textProblem('owner', owner, OMBUDSMAN_LIMITS.owner);
    const due = checkDayFrom('dueOn', row.dueOn === '' ? 'missing' : row.dueOn, findingOn ?? '0000-01-01', 'beforeFinding');
    if (!due.ok) problems.push({ field: at('dueOn'), message: due.problem.message });
    if (due.ok) recommendations.push({ action, owner, dueOn: due.date });
  });
  if (recommendations.length > OMBUDSMAN_LIMITS.recommendationCount) problems.push({ field: 'recommendations', message: 'recommendations.tooMany' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, recommendations };
}
