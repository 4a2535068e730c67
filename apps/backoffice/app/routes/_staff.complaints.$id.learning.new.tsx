import { organisation } from '@complaints/content';
import { dateFromParts, LEARNING_LIMITS, learningSourceValue } from '@complaints/domain';
import { Radios, Select, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formProblems } from '../components/casework-escalation.server';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, caseworkDates, caseworkPage, formOutcome, orRefuse, sentDateBoxes } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework', 'learning', 'validation'] };

const NO_DAY = { day: '', month: '', year: '' };

type RaiseValues = { source: string; level: string; teamId: string; learnt: string; action: string; ownerId: string; dueOn: typeof NO_DAY };

/** The service area and business area are the complaint's own: chosen with the level, so their problems show there. */
const fieldId = (field: string) => (field === 'serviceAreaId' || field === 'businessAreaId' ? 'level' : field);

/**
 * Learning raised from a complaint: where it came from (the complaint, one of its management
 * reviews, its referral to the Ombudsman, one of the Ombudsman's recommendations, which also
 * starts the action off with what was recommended), the level it applies to with its area, what was learnt,
 * the action, who owns it and when it is due.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const asked = new URL(request.url).searchParams.get('source') ?? '';
  const view = await orRefuse(context.services.learning.viewRaise(page.caseworkRequest, params.id ?? '', asked), page.t);
  const dates = caseworkDates(page.language);
  const local = (place: { nameEn: string; nameCy: string } | null) => (place ? (page.language === 'cy' ? place.nameCy : place.nameEn) : null);
  const sources = [
    { value: 'complaint', label: page.t('learning:raise.sources.complaint') },
    ...view.sources.reviews.map((r) => ({ value: learningSourceValue('management_review', r.id), label: page.t('learning:raise.sources.review', { name: r.reviewerName, when: dates.moment(r.at) }) })),
    ...view.sources.referrals.map((r) => ({
      value: learningSourceValue('ombudsman_referral', r.id),
      label: page.t('learning:raise.sources.referral', { ombudsman: organisation.ombudsman[r.ombudsman].name[page.language], date: dates.day(r.referredOn), reference: r.theirReference ?? '' }),
    })),
    ...view.sources.recommendations.map((r) => ({
      value: learningSourceValue('ombudsman_recommendation', r.id),
      label: page.t('learning:raise.sources.recommendation', { action: r.action }),
    })),
  ];
  return data({
    title: page.title(page.t('learning:raise.title')),
    id: view.complaintId,
    reference: view.reference,
    stage: view.stage,
    sources,
    teams: view.places.teams.map((team) => ({ value: team.id, label: local(team)! })),
    serviceArea: view.places.serviceArea ? { id: view.places.serviceArea.id, name: local(view.places.serviceArea) } : null,
    businessArea: view.places.businessArea ? { id: view.places.businessArea.id, name: local(view.places.businessArea) } : null,
    owners: view.owners.map((o) => ({ value: o.id, label: o.jobTitle ? `${o.fullName} (${o.jobTitle})` : o.fullName })),
    values: {
      source: view.source,
      level: '',
      teamId: view.teamId ?? '',
      learnt: '',
      action: view.action,
      ownerId: view.ownerId,
      dueOn: NO_DAY,
    } as RaiseValues,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '');
  const values: RaiseValues = {
    source: text('source'),
    level: text('level'),
    teamId: text('teamId'),
    learnt: text('learnt'),
    action: text('action'),
    ownerId: text('ownerId'),
    dueOn: sentDateBoxes(form, 'dueOn'),
  };
  const result = await attempt(
    context.services.learning.raise(page.caseworkRequest, params.id ?? '', {
      ...values,
      level: values.level || undefined,
      serviceAreaId: values.level === 'service_area' ? text('serviceAreaId') : '',
      businessAreaId: values.level === 'business_area' ? text('businessAreaId') : '',
      teamId: values.level === 'team' ? values.teamId : '',
      dueOn: dateFromParts(values.dueOn),
    }),
    page.t,
  );
  const max = (problem: { field: string }) => {
    const limit = (LEARNING_LIMITS as Record<string, number>)[problem.field];
    return limit === undefined ? {} : { max: new Intl.NumberFormat('en-GB').format(limit) };
  };
  return formOutcome(context, result, `/complaints/${params.id}?done=learning`, (failure) => ({ values, problems: formProblems(page.t, failure, 'learning:validation', max, fieldId) }));
}

export default function RaiseLearning() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['learning', 'casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const values = result?.values ?? page.values;
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} stage={page.stage} title={t('raise.title')} problems={result?.problems}>
      <p className="govuk-body">{t('raise.lead')}</p>
      <CaseworkForm submit={t('raise.submit')}>
        <Radios id="source" name="source" legend={t('raise.source')} value={values.source} error={error('source')} errorPrefix={errorPrefix} choices={page.sources} small />
        <input type="hidden" name="serviceAreaId" value={page.serviceArea?.id ?? ''} />
        <input type="hidden" name="businessAreaId" value={page.businessArea?.id ?? ''} />
        <Radios
          id="level"
          name="level"
          legend={t('raise.level')}
          hint={t('raise.levelHint')}
          value={values.level}
          error={error('level')}
          errorPrefix={errorPrefix}
          choices={[
            {
              value: 'team',
              label: t('levels.team'),
              conditional: (
                <Select id="teamId" name="teamId" label={t('raise.team')} value={values.teamId} error={error('teamId')} errorPrefix={errorPrefix} options={page.teams} emptyOption={t('raise.chooseTeam')} />
              ),
            },
            { value: 'service_area', label: t('levels.service_area'), hint: page.serviceArea?.name ?? t('raise.notPlaced') },
            { value: 'business_area', label: t('levels.business_area'), hint: page.businessArea?.name ?? t('raise.notPlaced') },
            { value: 'national', label: t('levels.national'), hint: t('raise.nationalHint') },
          ]}
        />
        <Textarea id="learnt" name="learnt" label={t('raise.learnt')} hint={t('raise.learntHint')} defaultValue={values.learnt} error={error('learnt')} errorPrefix={errorPrefix} rows={4} />
        <Textarea id="action" name="action" label={t('raise.action')} hint={t('raise.actionHint')} defaultValue={values.action} error={error('action')} errorPrefix={errorPrefix} rows={3} />
        <Select id="ownerId" name="ownerId" label={t('raise.owner')} hint={t('raise.ownerHint')} value={values.ownerId} error={error('ownerId')} errorPrefix={errorPrefix} options={page.owners} emptyOption={t('raise.chooseOwner')} />
        <CaseworkDateInput id="dueOn" legend={t('raise.dueOn')} hint={t('raise.dueOnHint')} value={values.dueOn} error={error('dueOn')} errorPrefix={errorPrefix} />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
