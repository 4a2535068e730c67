import { LEARNING_LIMITS, type LearningStatus } from '@complaints/domain';
import { BackLink, ErrorSummary, NotificationBanner, Radios, SummaryList, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formProblems } from '../components/casework-escalation.server';
import { SubmitButton, useFieldErrors } from '../components/casework-form-page';
import { attempt, caseworkDates, caseworkPage, formOutcome, orRefuse } from '../components/casework-page.server';
import { LEVEL_PATHS, LearningStatusTag } from '../components/learning-tags';

export const handle = { i18n: ['common', 'casework', 'learning', 'validation'] };

const DONE = ['updated', 'published'] as const;

/**
 * One learning point: what was learnt, where it came from, its action, owner and due date, its
 * history, and (for whoever may) the form that follows the action up, and for national office the
 * form that publishes national learning in the staff bulletin.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { t, title, language, caseworkRequest } = await caseworkPage(request, context);
  const view = await orRefuse(context.services.learning.point(caseworkRequest, params.pointId ?? ''), t);
  const dates = caseworkDates(language);
  const p = view.point;
  const local = (en: string | null, cy: string | null) => (language === 'cy' ? cy : en);
  const done = new URL(request.url).searchParams.get('done');
  return data({
    title: title(t('learning:point.title')),
    done: (DONE as readonly string[]).includes(done ?? '') ? done : null,
    id: p.id,
    level: p.level,
    levelHref: `/learning/${LEVEL_PATHS[p.level]}`,
    area: p.level === 'team' ? local(p.teamNameEn, p.teamNameCy) : p.level === 'service_area' ? local(p.serviceAreaNameEn, p.serviceAreaNameCy) : p.level === 'business_area' ? local(p.businessAreaNameEn, p.businessAreaNameCy) : null,
    complaint: view.reference && p.complaintId ? { id: p.complaintId, reference: view.reference } : null,
    sourceKind: p.sourceKind,
    /** The source in words: one of the Ombudsman's recommendations is named by its action. */
    source: p.sourceKind === 'ombudsman_recommendation' && p.recommendationAction ? t('learning:sources.ombudsman_recommendation_named', { action: p.recommendationAction }) : t(`learning:sources.${p.sourceKind}`),
    /** Where the source is shown on the complaint's page: the recommendation's own row, else the page. */
    sourceHref: view.reference && p.complaintId ? `/complaints/${p.complaintId}${p.sourceKind === 'ombudsman_recommendation' ? `#ombudsman-recommendation-${p.sourceId}` : ''}` : null,
    learnt: p.learnt,
    action: p.action,
    owner: p.ownerName,
    due: dates.dayWithWeekday(p.dueOn),
    status: p.status,
    overdue: p.overdue,
    evidence: p.evidence,
    reason: p.notTakenForwardReason,
    raisedBy: p.raisedByName,
    raisedAt: dates.moment(p.raisedAt),
    bulletinWording: p.bulletinWording,
    published: p.publishedAt ? dates.moment(p.publishedAt) : null,
    updates: view.updates.map((u) => ({ from: u.fromStatus, to: u.toStatus, note: u.note, by: u.staffName, at: dates.moment(u.at) })),
    mayFollowUp: view.mayFollowUp,
    mayPublish: view.mayPublish,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

type Values = { intent: string; status: string; evidence: string; reason: string; note: string; bulletinWording: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '');
  const values: Values = { intent: text('intent'), status: text('status'), evidence: text('evidence'), reason: text('reason'), note: text('note'), bulletinWording: text('bulletinWording') };
  const id = params.pointId ?? '';
  const work =
    values.intent === 'publish'
      ? context.services.learning.publish(page.caseworkRequest, id, { bulletinWording: values.bulletinWording })
      : context.services.learning.update(page.caseworkRequest, id, { status: values.status || undefined, evidence: values.evidence, reason: values.reason, note: values.note });
  const result = await attempt(work, page.t);
  const max = (problem: { field: string }) => {
    const limit = (LEARNING_LIMITS as Record<string, number>)[problem.field];
    return limit === undefined ? {} : { max: new Intl.NumberFormat('en-GB').format(limit) };
  };
  return formOutcome(context, result, `/learning/points/${id}?done=${values.intent === 'publish' ? 'published' : 'updated'}`, (failure) => ({
    values,
    problems: formProblems(page.t, failure, 'learning:validation', max),
  }));
}

export default function LearningPoint() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['learning', 'casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const values: Values = result?.values ?? { intent: '', status: '', evidence: '', reason: '', note: '', bulletinWording: page.bulletinWording ?? '' };
  const next: LearningStatus[] = (['in_progress', 'done', 'not_taken_forward'] as const).filter((s) => s !== page.status);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={page.levelHref}>{t('point.back', { log: t(`log.title.${page.level}`) })}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        {page.done ? (
          <NotificationBanner title={t('casework:case.doneTitle')} success>
            <p className="govuk-notification-banner__heading">{t(`point.done.${page.done}`)}</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">{page.area ? `${t(`levels.${page.level}`)}: ${page.area}` : t(`levels.${page.level}`)}</span>
        <h1 className="govuk-heading-l">{t('point.title')}</h1>
        <p className="govuk-body">
          <LearningStatusTag status={page.status} overdue={page.overdue} />
        </p>
        <SummaryList
          rows={[
            { key: t('point.learnt'), value: page.learnt },
            { key: t('point.action'), value: page.action },
            { key: t('point.owner'), value: page.owner },
            { key: t('point.due'), value: page.due },
            ...(page.evidence ? [{ key: t('point.evidence'), value: page.evidence }] : []),
            ...(page.reason ? [{ key: t('point.reason'), value: page.reason }] : []),
            {
              key: t('point.source'),
              value: (
                <>
                  {page.source}
                  {page.complaint && page.sourceHref ? (
                    <a className="govuk-link govuk-!-display-block" href={page.sourceHref} data-learning-source={page.sourceKind}>
                      {t('point.sourceLink', { reference: page.complaint.reference })}
                    </a>
                  ) : null}
                </>
              ),
            },
            { key: t('point.raised'), value: t('point.raisedBy', { name: page.raisedBy, when: page.raisedAt }) },
            ...(page.published ? [{ key: t('point.published'), value: t('point.publishedWhen', { when: page.published }) }, { key: t('point.bulletinWording'), value: page.bulletinWording }] : []),
          ]}
        />

        <h2 className="govuk-heading-m">{t('point.historyHeading')}</h2>
        {page.updates.length === 0 ? (
          <p className="govuk-body">{t('point.noUpdates')}</p>
        ) : (
          <ol className="govuk-list govuk-list--spaced">
            {page.updates.map((u, i) => (
              <li key={i}>
                {t('point.update', { by: u.by, when: u.at, from: t(`statuses.${u.from}`), to: t(`statuses.${u.to}`) })}
                {u.note ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{u.note}</span> : null}
              </li>
            ))}
          </ol>
        )}

        {page.mayFollowUp ? (
          <form method="post" noValidate>
            <input type="hidden" name="intent" value="update" />
            <h2 className="govuk-heading-m">{t('point.updateHeading')}</h2>
            <Radios
              id="status"
              name="status"
              legend={t('point.newStatus')}
              value={values.intent === 'update' ? values.status : ''}
              error={error('status')}
              errorPrefix={errorPrefix}
              choices={next.map((s) => ({
                value: s,
                label: t(`statuses.${s}`),
                conditional:
                  s === 'done' ? (
                    <Textarea id="evidence" name="evidence" label={t('point.evidence')} hint={t('point.evidenceHint')} defaultValue={values.evidence} error={error('evidence')} errorPrefix={errorPrefix} rows={3} />
                  ) : s === 'not_taken_forward' ? (
                    <Textarea id="reason" name="reason" label={t('point.reason')} hint={t('point.reasonHint')} defaultValue={values.reason} error={error('reason')} errorPrefix={errorPrefix} rows={3} />
                  ) : (
                    <Textarea id="note" name="note" label={t('point.note')} defaultValue={values.note} error={error('note')} errorPrefix={errorPrefix} rows={2} />
                  ),
              }))}
            />
            <SubmitButton>{t('point.updateSubmit')}</SubmitButton>
          </form>
        ) : null}

        {page.mayPublish ? (
          <form method="post" noValidate>
            <input type="hidden" name="intent" value="publish" />
            <h2 className="govuk-heading-m">{t('point.publishHeading')}</h2>
            <p className="govuk-body">{t('point.publishLead')}</p>
            <Textarea
              id="bulletinWording"
              name="bulletinWording"
              label={t('point.bulletinWording')}
              hint={t('point.bulletinWordingHint')}
              defaultValue={values.bulletinWording}
              error={error('bulletinWording')}
              errorPrefix={errorPrefix}
              rows={4}
            />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t(page.published ? 'point.republishSubmit' : 'point.publishSubmit')}
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
