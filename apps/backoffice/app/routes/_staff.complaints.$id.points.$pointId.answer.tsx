import { dateFromParts, POINT_DECISIONS } from '@complaints/domain';
import { InsetText, Radios, SummaryList, Textarea, TextInput } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, caseworkDates, caseworkPage, dateBoxes, failureProblems, formOutcome, orRefuse, sentDateBoxes } from '../components/casework-page.server';
import { Paragraphs } from '../components/casework-tags';

export const handle = { i18n: ['common', 'casework', 'validation'] };

/** Rows offered for actions: enough for most answers; a row left empty is no action. */
const ACTION_ROWS = 3;

type ActionRow = { description: string; ownerName: string; day: string; month: string; year: string };

/**
 * The answer to one point: the decision, the reasons, the standard with what should have happened
 * against what did, the remedy, and the actions promised with who and by when.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.casework.viewPointAnswer(page.caseworkRequest, params.id ?? '', params.pointId ?? ''), page.t);
  const dates = caseworkDates(page.language);
  const p = form.point;
  const rows: ActionRow[] = Array.from({ length: Math.max(ACTION_ROWS, p.actions.length) }, (_, i) => {
    const a = p.actions[i];
    return { description: a?.description ?? '', ownerName: a?.ownerName ?? '', ...(a ? dateBoxes(a.dueOn) : { day: '', month: '', year: '' }) };
  });
  return data({
    title: page.title(page.t('answer.title', { number: p.position, count: form.pointCount })),
    id: form.complaintId,
    reference: form.reference,
    stage: form.stage,
    count: form.pointCount,
    point: { id: p.id, position: p.position, text: p.text, triage: p.triage, triageReason: p.triageReason, courtRoute: p.courtRoute },
    values: {
      decision: p.answer?.decision ?? '',
      reasons: p.answer?.reasons ?? '',
      standardCited: p.answer?.standardCited ?? '',
      whatShouldHaveHappened: p.answer?.whatShouldHaveHappened ?? '',
      whatHappened: p.answer?.whatHappened ?? '',
      remedy: p.answer?.remedy ?? '',
      actions: rows,
    },
    stageOne: form.stageOneAnswer
      ? { decision: form.stageOneAnswer.decision, reasons: form.stageOneAnswer.reasons, actions: form.stageOneActions.map((a) => ({ description: a.description, owner: a.ownerName, due: dates.day(a.dueOn) })) }
      : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

/** The id of the field a problem is about: "actions.1.ownerName" is the second row's owner box. */
function fieldId(field: string): string {
  const action = /^actions\.(\d+)\.(\w+)$/.exec(field);
  if (action) return `action-${Number(action[1]) + 1}-${action[2] === 'dueOn' ? 'due' : action[2]}`;
  return field === 'actions' ? 'action-1-description' : field;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '');
  const rows: ActionRow[] = Array.from({ length: Number(text('actionRows')) || ACTION_ROWS }, (_, i) => ({
    description: text(`action-${i + 1}-description`),
    ownerName: text(`action-${i + 1}-ownerName`),
    ...sentDateBoxes(form, `action-${i + 1}-due`),
  })).slice(0, 20);
  const values = {
    decision: text('decision'),
    reasons: text('reasons'),
    standardCited: text('standardCited'),
    whatShouldHaveHappened: text('whatShouldHaveHappened'),
    whatHappened: text('whatHappened'),
    remedy: text('remedy'),
    actions: rows,
  };
  // Rows left wholly empty are not actions; each row used keeps its place, so problems point at it.
  const actions = rows
    .filter((r) => [r.description, r.ownerName, r.day, r.month, r.year].some((v) => v.trim() !== ''))
    .map((r) => {
      const dueOn = dateFromParts(r);
      return { description: r.description, ownerName: r.ownerName, dueOn: dueOn === 'missing' ? undefined : dueOn };
    });
  const result = await attempt(
    context.services.casework.answerPoint(page.caseworkRequest, params.id ?? '', { ...values, decision: values.decision || undefined, actions, pointId: params.pointId ?? '' }),
    page.t,
  );
  return formOutcome(context, result, `/complaints/${params.id}/response?answered=${encodeURIComponent(params.pointId ?? '')}`, (failure) => ({ values, problems: failureProblems(page.t, failure, fieldId) }));
}

export default function AnswerPoint() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const values = result?.values ?? page.values;
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const p = page.point;
  return (
    <CaseworkFormPage
      complaintId={page.id}
      reference={page.reference}
      stage={page.stage}
      title={t('answer.title', { number: p.position, count: page.count })}
      problems={result?.problems}
      back={{ href: `/complaints/${page.id}/response`, text: t('answer.back') }}
    >
      <h2 className="govuk-heading-s">{t('answer.pointHeading')}</h2>
      <InsetText>
        <Paragraphs text={p.text} />
      </InsetText>
      <SummaryList
        rows={[
          { key: t('answer.triageHeading'), value: p.triage ? t(`triageOutcomes.${p.triage}`) : t('case.notTriaged') },
          ...(p.triageReason ? [{ key: t('case.triageReason'), value: p.triageReason }] : []),
          ...(p.courtRoute ? [{ key: t('case.courtRoute'), value: p.courtRoute }] : []),
        ]}
      />
      {page.stageOne ? (
        <>
          <h2 className="govuk-heading-s">{t('answer.stageOneHeading')}</h2>
          <SummaryList
            rows={[
              { key: t('case.decision'), value: t(`decisions.${page.stageOne.decision}`) },
              { key: t('case.reasons'), value: <Paragraphs text={page.stageOne.reasons} /> },
              ...(page.stageOne.actions.length > 0
                ? [{ key: t('case.actions'), value: page.stageOne.actions.map((a) => t('case.actionLine', { description: a.description, owner: a.owner, date: a.due })).join('; ') }]
                : []),
            ]}
          />
        </>
      ) : null}
      <CaseworkForm submit={t('answer.submit')} preventDoubleClick={false}>
        <input type="hidden" name="actionRows" value={values.actions.length} />
        <Radios
          id="decision"
          name="decision"
          legend={t('answer.decision')}
          value={values.decision}
          error={error('decision')}
          errorPrefix={errorPrefix}
          choices={POINT_DECISIONS.map((d) => ({ value: d, label: t(`decisions.${d}`), hint: t(`answer.decisionHints.${d}`) }))}
        />
        <Textarea id="reasons" name="reasons" label={t('answer.reasons')} hint={t('answer.reasonsHint')} defaultValue={values.reasons} error={error('reasons')} errorPrefix={errorPrefix} rows={5} />
        <TextInput id="standardCited" name="standardCited" label={t('answer.standardCited')} hint={t('answer.standardCitedHint')} defaultValue={values.standardCited} error={error('standardCited')} errorPrefix={errorPrefix} />
        <Textarea id="whatShouldHaveHappened" name="whatShouldHaveHappened" label={t('answer.whatShouldHaveHappened')} defaultValue={values.whatShouldHaveHappened} error={error('whatShouldHaveHappened')} errorPrefix={errorPrefix} rows={3} />
        <Textarea id="whatHappened" name="whatHappened" label={t('answer.whatHappened')} defaultValue={values.whatHappened} error={error('whatHappened')} errorPrefix={errorPrefix} rows={3} />
        <Textarea id="remedy" name="remedy" label={t('answer.remedy')} defaultValue={values.remedy} error={error('remedy')} errorPrefix={errorPrefix} rows={3} />
        <h2 className="govuk-heading-m">{t('answer.actionsHeading')}</h2>
        <p className="govuk-hint">{t('answer.actionsHint')}</p>
        {values.actions.map((row, i) => (
          <fieldset key={i} className="govuk-fieldset govuk-!-margin-bottom-6">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('answer.action', { number: i + 1 })}</legend>
            <TextInput id={`action-${i + 1}-description`} name={`action-${i + 1}-description`} label={t('answer.actionDescription')} defaultValue={row.description} error={error(`action-${i + 1}-description`)} errorPrefix={errorPrefix} />
            <TextInput id={`action-${i + 1}-ownerName`} name={`action-${i + 1}-ownerName`} label={t('answer.actionOwner')} defaultValue={row.ownerName} error={error(`action-${i + 1}-ownerName`)} errorPrefix={errorPrefix} />
            <CaseworkDateInput id={`action-${i + 1}-due`} legend={t('answer.actionDueOn')} value={{ day: row.day, month: row.month, year: row.year }} error={error(`action-${i + 1}-due`)} errorPrefix={errorPrefix} />
          </fieldset>
        ))}
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
