import { BackLink, ErrorSummary, Radios, Textarea, TextInput } from '@complaints/ui';
import type { OrganisationProblems } from '@complaints/services';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireStaff } from '../auth.server';
import { Select } from '../components/admin-select';
import { accessPage, markFormErrors } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

const KINDS = { 'business-areas': 'BusinessArea', 'service-areas': 'ServiceArea', teams: 'Team' } as const;
type Kind = keyof typeof KINDS;
type Values = Record<string, string | null | undefined>;

function kindOf(value: string | undefined): Kind {
  if (value && value in KINDS) return value as Kind;
  throw new Response('Not found', { status: 404 });
}

/** Adding or changing a business area, a service area or a team. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'manage_organisation' });
  const kind = kindOf(params.kind);
  const id = params.id === 'new' ? null : (params.id ?? null);
  const view = await context.services.organisation.show(user);
  const { t, title, language } = await accessPage(request, context);
  const url = new URL(request.url);
  let values: Values | null = null;
  if (kind === 'business-areas') {
    const a = id ? view.businessAreas.find((x) => x.id === id) : null;
    values = a ? { code: a.code, nameEn: a.name.en, nameCy: a.name.cy, email: a.email, phone: a.phone, postalAddress: a.postalAddress, csqAdministratorId: a.csqAdministratorId } : id ? null : {};
  } else if (kind === 'service-areas') {
    const s = id ? view.businessAreas.flatMap((a) => a.serviceAreas).find((x) => x.id === id) : null;
    values = s ? { businessAreaId: s.businessAreaId, code: s.code, nameEn: s.name.en, nameCy: s.name.cy, nation: s.nation, headOfServiceId: s.headOfServiceId } : id ? null : { businessAreaId: url.searchParams.get('businessAreaId'), nation: 'england' };
  } else {
    const team = id ? view.businessAreas.flatMap((a) => a.serviceAreas.flatMap((s) => s.teams)).find((x) => x.id === id) : null;
    values = team ? { serviceAreaId: team.serviceAreaId, code: team.code, nameEn: team.name.en, nameCy: team.name.cy, email: team.email, phone: team.phone, postalAddress: team.postalAddress } : id ? null : { serviceAreaId: url.searchParams.get('serviceAreaId') };
  }
  if (!values) throw new Response('Not found', { status: 404 });
  const heading = t(`organisationAdmin.${id ? 'edit' : 'add'}${KINDS[kind]}`);
  return data({
    title: title(heading),
    heading,
    kind,
    language,
    values,
    businessAreas: view.businessAreas.map((a) => ({ value: a.id, label: a.name[language] })),
    serviceAreas: view.businessAreas.flatMap((a) => a.serviceAreas.map((s) => ({ value: s.id, label: `${s.name[language]} (${a.name[language]})` }))),
    csqAdministrators: view.csqAdministrators.map((p) => ({ value: p.id, label: p.fullName })),
    headsOfService: view.headsOfService.map((p) => ({ value: p.id, label: p.fullName })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

const fields = z.record(z.string(), z.string().max(2000)).catch({});

function errorWords(t: TFunction, problems: OrganisationProblems): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, t(`organisationAdmin.errors.${problem}`)]));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'manage_organisation' });
  const kind = kindOf(params.kind);
  const id = params.id === 'new' ? null : (params.id ?? null);
  const { t } = await accessPage(request, context);
  const input = fields.parse(Object.fromEntries(await request.formData()));
  const organisation = context.services.organisation;
  const save = kind === 'business-areas' ? organisation.saveBusinessArea : kind === 'service-areas' ? organisation.saveServiceArea : organisation.saveTeam;
  const result = await save(user, id, input, context.requestId);
  if (result.outcome === 'not_found') throw new Response('Not found', { status: 404 });
  if (result.outcome === 'invalid') {
    markFormErrors(context);
    return data({ values: input as Values, errors: errorWords(t, result.problems) }, { status: 400 });
  }
  return redirect('/admin/organisation?saved=1');
}

const ORDER = ['businessAreaId', 'serviceAreaId', 'code', 'nameEn', 'nameCy', 'nation', 'headOfServiceId', 'csqAdministratorId', 'email', 'phone', 'postalAddress'];

export default function OrganisationUnit() {
  const { t } = useTranslation(['staff-access', 'common']);
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? page.values;
  const errors = result?.errors ?? {};
  const prefix = t('common:errorTitlePrefix');
  const none = { value: '', label: t('organisationAdmin.notChosen') };
  const text = (name: string, label: string, extra: { hint?: string; width?: string; autoComplete?: string; type?: 'email' | 'tel' } = {}) => (
    <TextInput id={name} name={name} label={label} hint={extra.hint} type={extra.type} widthClass={extra.width} autoComplete={extra.autoComplete ?? 'off'} spellCheck={false} defaultValue={values[name] ?? ''} error={errors[name]} errorPrefix={prefix} />
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/organisation">{t('organisationAdmin.back')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={ORDER.filter((f) => errors[f]).map((f) => ({ href: `#${f}`, text: errors[f]! }))} />
        <h1 className="govuk-heading-l">{page.heading}</h1>
        <form method="post" noValidate>
          {page.kind === 'service-areas' ? (
            <Select id="businessAreaId" name="businessAreaId" label={t('organisationAdmin.businessArea')} error={errors.businessAreaId} errorPrefix={prefix} value={values.businessAreaId} options={[none, ...page.businessAreas]} />
          ) : null}
          {page.kind === 'teams' ? (
            <Select id="serviceAreaId" name="serviceAreaId" label={t('organisationAdmin.serviceArea')} error={errors.serviceAreaId} errorPrefix={prefix} value={values.serviceAreaId} options={[none, ...page.serviceAreas]} />
          ) : null}
          {text('code', t('organisationAdmin.code'), { hint: t('organisationAdmin.codeHint'), width: 'govuk-input--width-10' })}
          {text('nameEn', t('organisationAdmin.nameEn'))}
          {text('nameCy', t('organisationAdmin.nameCy'))}
          {page.kind === 'service-areas' ? (
            <>
              <Radios id="nation" name="nation" legend={t('organisationAdmin.nation')} inline error={errors.nation} errorPrefix={prefix} value={values.nation ?? undefined}
                choices={[{ value: 'england', label: t('organisationAdmin.england') }, { value: 'wales', label: t('organisationAdmin.wales') }]} />
              <Select id="headOfServiceId" name="headOfServiceId" label={t('organisationAdmin.headOfService')} error={errors.headOfServiceId} errorPrefix={prefix} value={values.headOfServiceId} options={[none, ...page.headsOfService]} />
            </>
          ) : null}
          {page.kind === 'business-areas' ? (
            <Select id="csqAdministratorId" name="csqAdministratorId" label={t('organisationAdmin.csqAdministrator')} error={errors.csqAdministratorId} errorPrefix={prefix} value={values.csqAdministratorId} options={[none, ...page.csqAdministrators]} />
          ) : null}
          {page.kind !== 'service-areas' ? (
            <>
              {text('email', t('organisationAdmin.email'), { type: 'email' })}
              {text('phone', t('organisationAdmin.phone'), { type: 'tel', width: 'govuk-input--width-20' })}
              <Textarea id="postalAddress" name="postalAddress" label={t('organisationAdmin.postalAddress')} rows={4} defaultValue={values.postalAddress ?? ''} error={errors.postalAddress} errorPrefix={prefix} />
            </>
          ) : null}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t('organisationAdmin.save')}
          </button>
        </form>
      </div>
    </div>
  );
}
