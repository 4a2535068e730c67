import type { Capability } from '@complaints/auth';
import { type FieldProblem, ANSWER_LIMITS, COMPLAINT_LIMITS, isoDateParts, TRIAGE_LIMITS, londonTimeOf } from '@complaints/domain';
import { validationMessage } from '@complaints/i18n/validation';
import { type CaseworkRequest, dateInWords, isRefusal, type RefusalCode, refusalStatus } from '@complaints/services';
import { data, redirect } from '@remix-run/node';
import type { AppLoadContext } from '@remix-run/node';
import type { TFunction } from 'i18next';
import { requireStaff, type StaffUser } from '../auth.server';
import { accessPage, markFormErrors } from './access-page.server';
import { SUBMIT_ID } from './casework-form';

/**
 * What every casework page starts with: the signed-in person (each loader and action checks on
 * the server), the words of the page's language, its title ("Error: " first after a form with
 * problems) and the request as the use cases take it.
 */
export async function caseworkPage(request: Request, context: AppLoadContext, options: { capability?: Capability } = {}) {
  const user = await requireStaff(request, context, options);
  const { language, t, title } = await accessPage(request, context, 'casework');
  const caseworkRequest: CaseworkRequest = { actor: user, requestId: context.requestId };
  return { user, language, t, title, caseworkRequest };
}

export type CaseworkPage = Awaited<ReturnType<typeof caseworkPage>> & { user: StaffUser };

/** Why a use case refused, in the page's words. */
export function refusalText(t: TFunction, code: RefusalCode): string {
  return t(`casework:refusals.${code}`);
}

/**
 * The answer for what a use case refused, as a whole page: a complaint the person may not see is
 * not found (404, the same as one that does not exist); one they may see but not act on is 403;
 * one that has moved on is 409, with the reason in words. Anything else is not ours to answer.
 */
export function caseworkFailure(error: unknown, t: TFunction): unknown {
  if (!isRefusal(error)) return error;
  return data({ refusal: error.code, message: refusalText(t, error.code) }, { status: refusalStatus(error.code) });
}

/** Runs a use case for a loader, turning its refusals into the right answers. */
export async function orRefuse<T>(work: Promise<T>, t: TFunction = fallbackT): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw caseworkFailure(error, t);
  }
}

const fallbackT = ((key: string) => key) as unknown as TFunction;

export type Attempt<T> = { ok: true; value: T } | { ok: false; status: 400 | 409; code: RefusalCode; problems: FieldProblem[] };

/**
 * Runs a use case for a form's action. What the person can put right on the same page (problems
 * with what they typed, or a reason the move cannot be made now) comes back to be shown there,
 * with what they typed kept; a complaint they may not see or act on becomes 404 or 403.
 */
export async function attempt<T>(work: Promise<T>, t: TFunction): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const status = refusalStatus(error.code);
    if (status === 403 || status === 404) throw caseworkFailure(error, t);
    return { ok: false, status, code: error.code, problems: [...error.problems] };
  }
}

/** The back office's public address (BACKOFFICE_URL), for links in emails: wired once by the app. */
export function backofficeAddress(context: Pick<AppLoadContext, 'backofficeUrl'>): string {
  if (!context.backofficeUrl) throw new Error('The back office was started without its public address.');
  return context.backofficeUrl;
}

/**
 * The words for a problem with a field: the staff wording where casework has one ("Enter their full
 * name"), else the shared wording of the complaint form, with the limit filled in.
 */
export function problemText(t: TFunction, problem: Pick<FieldProblem, 'message'>): string {
  const [field] = problem.message.split('.');
  const max = ({ ...COMPLAINT_LIMITS, ...TRIAGE_LIMITS, ...ANSWER_LIMITS } as Record<string, number>)[field ?? ''];
  const staffWords = t(`casework:validation.${problem.message}`, { max: max === undefined ? undefined : new Intl.NumberFormat('en-GB').format(max), defaultValue: '' });
  return staffWords !== '' ? staffWords : validationMessage(t, problem);
}

/** Problems as the error summary and the fields show them: field id → words. */
export function problemsByField(t: TFunction, problems: FieldProblem[], idFor: (field: string) => string = (f) => f): Array<{ field: string; text: string }> {
  const seen = new Set<string>();
  return problems
    .map((p) => ({ field: idFor(p.field), text: problemText(t, p) }))
    .filter((p) => (seen.has(p.field) ? false : (seen.add(p.field), true)));
}

/** Dates and times as the pages show them, in the page's language (times in London). */
export function caseworkDates(language: 'en' | 'cy') {
  return {
    day: (iso: string | null | undefined) => (iso ? dateInWords(iso, language) : null),
    dayWithWeekday: (iso: string | null | undefined) => (iso ? dateInWords(iso, language, { weekday: true }) : null),
    moment: (instant: Date | string | null | undefined) => {
      if (!instant) return null;
      const at = londonTimeOf(new Date(instant));
      return `${dateInWords(at.date, language)}, ${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
    },
  };
}

export { SUBMIT_ID } from './casework-form';

/**
 * What a form shows after a refusal: each field's problem, or the reason the move cannot be made
 * now, linked to the form's button.
 */
export function failureProblems(t: TFunction, failure: Extract<Attempt<unknown>, { ok: false }>, idFor?: (field: string) => string): Array<{ field: string; text: string }> {
  if (failure.code === 'invalid_input' && failure.problems.length > 0) return problemsByField(t, failure.problems, idFor);
  return [{ field: SUBMIT_ID, text: refusalText(t, failure.code) }];
}

/** What a use case's refusal leaves for its form to show. */
export type Refused = Extract<Attempt<unknown>, { ok: false }>;

/** The complaint's page after a move, with the banner that says what was done. */
export function backOnComplaint(complaintId: string | undefined, done = 'moved'): string {
  return `/complaints/${complaintId}?done=${done}`;
}

/**
 * The form's page again after a post it could not act on: titled "Error: …" (the loader that runs
 * next reads the mark), with what was typed and each problem, under the status that says why.
 */
export function formAgain<B>(context: AppLoadContext, body: B, status: 400 | 409 | 413, headers?: Record<string, string>) {
  markFormErrors(context);
  return data(body, { status, ...(headers ? { headers } : {}) });
}

/**
 * The answer to a form's post once its use case has run: on to the next page when the move was
 * made; else the form again, with what `shown` makes of the refusal (what was typed, the problems).
 */
export async function formOutcome<T, B>(context: AppLoadContext, result: Attempt<T>, next: string | ((value: T) => string), shown: (failure: Refused) => B | Promise<B>) {
  if (result.ok) return redirect(typeof next === 'string' ? next : next(result.value));
  markFormErrors(context);
  return data(await shown(result), { status: result.status });
}

export type DateBoxes = { day: string; month: string; year: string };

/** A day as a form's day, month and year boxes show it (today's date, on a new form). */
export function dateBoxes(isoDate: string): DateBoxes {
  const parts = isoDateParts(isoDate);
  return { day: String(parts.day), month: String(parts.month), year: String(parts.year) };
}

/** What was chosen in a form's radios or select, or null when nothing was. */
export function sentChoice(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The day, month and year boxes of a date field as they were sent, to be read and kept as typed. */
export function sentDateBoxes(form: FormData | { text: (name: string) => string }, name: string): DateBoxes {
  const text = 'text' in form ? form.text : (field: string) => String(form.get(field) ?? '');
  return { day: text(`${name}.day`), month: text(`${name}.month`), year: text(`${name}.year`) };
}
