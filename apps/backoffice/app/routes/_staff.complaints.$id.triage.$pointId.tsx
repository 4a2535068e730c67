import { TRIAGE_OUTCOMES } from '@complaints/domain';
import { InsetText, Radios, Select, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkPage, failureProblems, formOutcome, orRefuse } from '../components/casework-page.server';
import { Paragraphs } from '../components/casework-tags';

export const handle = { i18n: ['common', 'casework'] };

/** Triage of one point: its category, and whether it is ours to answer or a matter for the court. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.casework.viewPointTriage(page.caseworkRequest, params.id ?? '', params.pointId ?? ''), page.t);
  return data({
    title: page.title(page.t('triage.title', { number: form.point.position, count: form.pointCount })),
    id: form.complaintId,
    reference: form.reference,
    count: form.pointCount,
    point: {
      position: form.point.position,
      text: form.point.text,
      categoryKey: form.point.categoryKey,
      triage: form.point.triage,
      triageReason: form.point.triageReason,
      courtRoute: form.point.courtRoute,
    },
    categories: form.categories.map((c) => ({ value: c.key, label: page.language === 'cy' ? c.labelCy : c.labelEn })),
    practitionerId: form.practitionerId ?? '',
    practitioners: form.places.teams
      .map((team) => ({
        label: page.language === 'cy' ? team.nameCy : team.nameEn,
        options: form.places.practitioners.filter((p) => p.teamId === team.id).map((p) => ({ value: p.id, label: p.fullName })),
      }))
      .filter((group) => group.options.length > 0),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const FIELD_IDS: Record<string, string> = { categoryKey: 'categoryKey', outcome: 'outcome', reason: 'reason', courtRoute: 'courtRoute', practitionerId: 'practitionerId' };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const values = {
    categoryKey: String(form.get('categoryKey') ?? ''),
    outcome: String(form.get('outcome') ?? ''),
    reason: String(form.get('reason') ?? ''),
    courtRoute: String(form.get('courtRoute') ?? ''),
    practitionerId: String(form.get('practitionerId') ?? ''),
  };
  const result = await attempt(context.services.casework.recordTriage(page.caseworkRequest, params.id ?? '', params.pointId ?? '', values), page.t);
  return formOutcome(
    context,
    result,
    (triaged) => (triaged.nextPointId ? `/complaints/${params.id}/triage/${triaged.nextPointId}` : backOnComplaint(params.id, 'triaged')),
    (failure) => ({ values, problems: failureProblems(page.t, failure, (f) => FIELD_IDS[f] ?? f) }),
  );
}

export default function TriagePoint() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const values = result?.values ?? {
    categoryKey: page.point.categoryKey ?? '',
    outcome: page.point.triage ?? '',
    reason: page.point.triageReason ?? '',
    courtRoute: page.point.courtRoute ?? '',
    practitionerId: page.practitionerId,
  };
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  return (
    <CaseworkFormPage
      complaintId={page.id}
      reference={page.reference}
      title={t('triage.title', { number: page.point.position, count: page.count })}
      problems={result?.problems}
      back={{ text: t('triage.back') }}
    >
      <h2 className="govuk-heading-s">{t('triage.pointHeading')}</h2>
      <InsetText>
        <Paragraphs text={page.point.text} />
      </InsetText>
      <CaseworkForm submit={t('triage.submit')} preventDoubleClick={false}>
        <Radios id="categoryKey" name="categoryKey" legend={t('triage.category')} value={values.categoryKey} error={error('categoryKey')} errorPrefix={errorPrefix} choices={page.categories} small />
        <Radios
          id="outcome"
          name="outcome"
          legend={t('triage.outcome')}
          value={values.outcome}
          error={error('outcome')}
          errorPrefix={errorPrefix}
          choices={TRIAGE_OUTCOMES.map((o) => ({ value: o, label: t(`triageOutcomes.${o}`), hint: t(`triage.outcomeHints.${o}`) }))}
        />
        <Textarea id="reason" name="reason" label={t('triage.reason')} hint={t('triage.reasonHint')} defaultValue={values.reason} error={error('reason')} errorPrefix={errorPrefix} rows={3} />
        <Textarea id="courtRoute" name="courtRoute" label={t('triage.courtRoute')} hint={t('triage.courtRouteHint')} defaultValue={values.courtRoute} error={error('courtRoute')} errorPrefix={errorPrefix} rows={3} />
        <Select
          id="practitionerId"
          name="practitionerId"
          label={t('triage.practitioner')}
          hint={t('triage.practitionerHint')}
          value={values.practitionerId}
          error={error('practitionerId')}
          errorPrefix={errorPrefix}
          groups={page.practitioners}
          emptyOption={t('triage.noPractitioner')}
        />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
