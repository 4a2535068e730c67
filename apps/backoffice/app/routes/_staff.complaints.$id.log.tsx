import { Select } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkPage, failureProblems, formOutcome, orRefuse, sentChoice } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework'] };

/** Logging a complaint that came in online: where it belongs in the organisation, then logged. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.casework.viewReceivedLogging(page.caseworkRequest, params.id ?? ''), page.t);
  const local = (en: string, cy: string) => (page.language === 'cy' ? cy : en);
  const areaName = (id: string) => {
    const area = view.choices.serviceAreas.find((a) => a.id === id);
    return area ? local(area.nameEn, area.nameCy) : '';
  };
  const teamName = (id: string) => {
    const team = view.choices.teams.find((tm) => tm.id === id);
    return team ? local(team.nameEn, team.nameCy) : '';
  };
  const group = <T extends { group: string; value: string; label: string }>(items: T[]) =>
    [...new Set(items.map((i) => i.group))].map((label) => ({ label, options: items.filter((i) => i.group === label).map(({ value, label: l }) => ({ value, label: l })) }));
  return data({
    title: page.title(page.t('receivedLog.title')),
    id: view.complaintId,
    reference: view.reference,
    current: view.current,
    serviceAreas: group(view.choices.serviceAreas.map((a) => ({ group: local(a.businessAreaNameEn, a.businessAreaNameCy), value: a.id, label: local(a.nameEn, a.nameCy) }))),
    teams: group(view.choices.teams.map((tm) => ({ group: areaName(tm.serviceAreaId), value: tm.id, label: local(tm.nameEn, tm.nameCy) }))),
    practitioners: group(view.choices.practitioners.map((p) => ({ group: teamName(p.teamId), value: p.id, label: p.fullName }))),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const choice = { serviceAreaId: sentChoice(form, 'serviceAreaId'), teamId: sentChoice(form, 'teamId'), practitionerId: sentChoice(form, 'practitionerId') };
  const result = await attempt(context.services.casework.logReceivedComplaint(page.caseworkRequest, params.id ?? '', choice), page.t);
  return formOutcome(context, result, backOnComplaint(params.id, 'logged'), (failure) => ({ values: choice, problems: failureProblems(page.t, failure) }));
}

export default function LogReceivedComplaint() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const values = result?.values ?? page.current;
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} title={t('receivedLog.title')} problems={result?.problems}>
      <p className="govuk-body">{t('receivedLog.lead')}</p>
      <CaseworkForm submit={t('receivedLog.submit')} preventDoubleClick={false}>
        <Select id="serviceAreaId" name="serviceAreaId" label={t('log.serviceArea')} hint={t('log.serviceAreaHint')} value={values.serviceAreaId ?? ''} error={error('serviceAreaId')} errorPrefix={errorPrefix} emptyOption={t('log.notKnown')} groups={page.serviceAreas} />
        <Select id="teamId" name="teamId" label={t('log.team')} value={values.teamId ?? ''} error={error('teamId')} errorPrefix={errorPrefix} emptyOption={t('log.notKnown')} groups={page.teams} />
        <Select id="practitionerId" name="practitionerId" label={t('log.practitioner')} value={values.practitionerId ?? ''} error={error('practitionerId')} errorPrefix={errorPrefix} emptyOption={t('log.notKnown')} groups={page.practitioners} />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
