import { organisation } from '@complaints/content';
import { type FieldProblem, learningSourceValue } from '@complaints/domain';
import type { ComplaintPage } from '@complaints/services';
import type { ActionFunctionArgs } from '@remix-run/node';
import type { TFunction } from 'i18next';
import type { EscalationSections } from './casework-escalation';
import { type Attempt, attempt, backOnComplaint, type CaseworkPage, caseworkPage, failureProblems, formOutcome, problemText } from './casework-page.server';

/**
 * The timescales, management reviews and Ombudsman referrals of a complaint's page, in the page's
 * language, with every date put into words on the server.
 */
export function escalationSections(
  view: Pick<ComplaintPage, 'summary' | 'clock' | 'managementReviews' | 'ombudsmanReferrals' | 'timeline' | 'timescale' | 'moves'>,
  dates: { day: (iso: string | null | undefined) => string | null; dayWithWeekday: (iso: string | null | undefined) => string | null; moment: (at: Date | string | null | undefined) => string | null },
  language: 'en' | 'cy',
): EscalationSections {
  const local = <T,>(en: T, cy: T) => (language === 'cy' ? cy : en);
  const offered = (move: string) => view.moves.complaint.some((m) => m.move === move && m.ok);
  const replyOffered = offered('reply_to_ombudsman');
  const doneOffered = offered('complete_ombudsman_recommendation');
  const learningOffered = offered('raise_learning');
  return {
    owed: view.timescale !== 'none',
    reviewable: view.summary.kind === 'complaint',
    stages: view.clock.stages.map((s) => {
      // The extension's own dates, as its event keeps them: the due date may have moved since with a pause.
      const extended = view.timeline.find((entry) => entry.event.move === 'extend' && entry.stage === s.stage)?.event;
      const payload = extended?.move === 'extend' ? extended.payload : null;
      return {
        stage: s.stage,
        firstDue: dates.dayWithWeekday(s.originalResponseDueOn),
        dueNow: dates.dayWithWeekday(s.responseDueOn),
        extension: s.extendedAt
          ? { from: dates.dayWithWeekday(payload?.previousDueOn), to: dates.dayWithWeekday(payload?.newDueOn), when: dates.moment(s.extendedAt), reason: s.extensionReason }
          : null,
        pausedWorkingDays: s.pausedWorkingDays,
      };
    }),
    paused: view.summary.pausedSince ? { since: dates.moment(view.summary.pausedSince), reason: view.clock.pauseReason } : null,
    reviews: view.managementReviews.map((r) => {
      // A review reads with the words and grades it was made with, whatever the framework says now.
      const grades = new Map((r.framework?.grades ?? []).map((g) => [g.key, local(g.labelEn, g.labelCy)]));
      const grade = (key: string | null) => (key ? (grades.get(key) ?? key) : null);
      return {
        id: r.id,
        by: r.reviewerName,
        when: dates.moment(r.completedAt),
        team: local(r.teamNameEn, r.teamNameCy),
        practitioner: r.practitionerName,
        point: r.pointPosition,
        frameworkVersion: r.frameworkVersion,
        overallGrade: grade(r.overallGrade),
        items: (r.framework?.items ?? []).map((i) => ({ key: i.key, label: local(i.labelEn, i.labelCy), grade: grade(i.grade) ?? '', evidence: i.evidence })),
        goodPractice: r.goodPractice,
        failings: r.failings,
      };
    }),
    referrals: view.ombudsmanReferrals.map((r) => ({
      id: r.id,
      ombudsman: organisation.ombudsman[r.ombudsman].name[language],
      referredOn: dates.day(r.referredOn),
      theirReference: r.theirReference,
      finding: r.finding,
      findingOn: dates.day(r.findingOn),
      summary: r.summary,
      enquiries: r.enquiries.map((e, index) => ({
        id: e.id,
        number: index + 1,
        receivedOn: dates.day(e.receivedOn),
        summary: e.summary,
        dueOn: dates.dayWithWeekday(e.dueOn),
        rag: e.rag,
        repliedOn: dates.day(e.repliedOn),
        onTime: e.repliedOn !== null ? e.repliedOn <= e.dueOn : null,
        reply: e.reply,
        replyLink: e.repliedOn === null && r.finding === null && replyOffered ? `/complaints/${view.summary.id}/ombudsman/enquiries/${e.id}/reply` : null,
      })),
      recommendations: r.recommendations.map((x) => ({
        id: x.id,
        number: x.position,
        action: x.action,
        owner: x.owner,
        dueOn: dates.day(x.dueOn),
        doneOn: dates.day(x.doneOn),
        evidence: x.evidence,
        doneLink: x.doneOn === null && doneOffered ? `/complaints/${view.summary.id}/ombudsman/recommendations/${x.id}` : null,
        learningLink: learningOffered ? `/complaints/${view.summary.id}/learning/new?source=${encodeURIComponent(learningSourceValue('ombudsman_recommendation', x.id))}` : null,
      })),
    })),
  };
}

/**
 * What a form of these pages shows after a refusal: each problem in the page's own words
 * (`<prefix>.<field>.<problem>`, with the values given for it), else the shared wording; a refusal
 * that is not about a field is linked to the form's button.
 */
export function formProblems(
  t: TFunction,
  failure: Extract<Attempt<unknown>, { ok: false }>,
  prefix: string,
  values: Record<string, unknown> | ((problem: FieldProblem) => Record<string, unknown>) = {},
  idFor: (field: string) => string = (f) => f,
): Array<{ field: string; text: string }> {
  if (failure.code !== 'invalid_input' || failure.problems.length === 0) return failureProblems(t, failure, idFor);
  const seen = new Set<string>();
  return failure.problems
    .map((p: FieldProblem) => {
      const own = t(`${prefix}.${p.message}`, { ...(typeof values === 'function' ? values(p) : values), defaultValue: '' });
      return { field: idFor(p.field), text: own !== '' ? own : problemText(t, p) };
    })
    .filter((p) => (seen.has(p.field) ? false : (seen.add(p.field), true)));
}

/** An Ombudsman form: what it reads from the post, the use case it asks, and the words of its problems. */
export type OmbudsmanForm<V, T> = {
  read: (form: FormData) => V;
  send: (page: CaseworkPage, values: V, complaintId: string) => Promise<T>;
  /** Where the page's own wording of each problem is, such as `ombudsman:reply.validation`. */
  wording: string;
  /** The values each problem's words are given, such as the most characters allowed. */
  limits?: Record<string, unknown> | ((problem: FieldProblem) => Record<string, unknown>);
  /** The id of the field a problem is shown at, where it is not the field's own name. */
  idFor?: (field: string) => string;
  /** A problem's message as the page's wording names it, where it is not the use case's own. */
  message?: (problem: FieldProblem) => string;
};

/**
 * The action of every Ombudsman form: read the post, ask the use case, and go back to the
 * complaint; refused, the form again with what was typed and each problem in the page's words.
 */
export async function ombudsmanFormAction<V, T>({ request, context, params }: ActionFunctionArgs, form: OmbudsmanForm<V, T>) {
  const page = await caseworkPage(request, context);
  const values = form.read(await request.formData());
  const result = await attempt(form.send(page, values, params.id ?? ''), page.t);
  const named = (failure: Extract<Attempt<unknown>, { ok: false }>) =>
    form.message ? { ...failure, problems: failure.problems.map((p) => ({ ...p, message: form.message!(p) })) } : failure;
  return formOutcome(context, result, backOnComplaint(params.id), (failure) => ({
    values,
    problems: formProblems(page.t, named(failure), form.wording, form.limits, form.idFor),
  }));
}
