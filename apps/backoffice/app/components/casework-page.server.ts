import type { Capability } from '@complaints/auth';
import { type FieldProblem, COMPLAINT_LIMITS, TRIAGE_LIMITS, londonTimeOf } from '@complaints/domain';
import { validationMessage } from '@complaints/i18n/validation';
import { ActionRefusedError, CaseworkNotAllowedError, ComplaintNotFoundError, type CaseworkRequest, dateInWords } from '@complaints/services';
import type { AppLoadContext } from '@remix-run/node';
import type { TFunction } from 'i18next';
import { requireStaff, type StaffUser } from '../auth.server';
import { accessPage } from './access-page.server';

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

/**
 * The answer for what a use case refused: a complaint the person may not see is not found (404,
 * the same as one that does not exist); one they may see but not act on is 403; one that has moved
 * on is 409. Anything else is not ours to answer and goes on up.
 */
export function caseworkFailure(error: unknown): Response | unknown {
  if (error instanceof ComplaintNotFoundError) return new Response('Not found', { status: 404 });
  if (error instanceof CaseworkNotAllowedError) return new Response('You do not have access to this page.', { status: 403 });
  if (error instanceof ActionRefusedError) return new Response('That cannot be done now.', { status: 409 });
  return error;
}

/** Runs a use case, turning its refusals into the right answers. */
export async function orRefuse<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw caseworkFailure(error);
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
  const max = ({ ...COMPLAINT_LIMITS, ...TRIAGE_LIMITS } as Record<string, number>)[field ?? ''];
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
