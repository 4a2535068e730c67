import { FRAMEWORK_DIMENSIONS, FRAMEWORK_LIMITS } from '@complaints/domain';
import { BackLink, ErrorSummary, Select, Textarea, TextInput } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireStaff } from '../auth.server';
import { accessPage, markFormErrors } from '../components/access-page.server';
import { SUBMIT_ID } from '../components/casework-form';
import { attempt, orRefuse } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'quality-framework'] };

/** Empty rows offered for new domains and grades; rows left empty add nothing. */
const NEW_DOMAINS = 2;
const NEW_GRADES = 1;

type DomainRow = { key: string; dimension: string; labelEn: string; labelCy: string; descriptionEn: string; descriptionCy: string; remove: boolean };
type GradeRow = { key: string; labelEn: string; labelCy: string; remove: boolean };
type Values = { baseVersion: number; items: DomainRow[]; grades: GradeRow[] };

/** `items.0.labelEn` is the field `items-0-labelEn`. */
const fieldId = (field: string) => field.replace(/\./g, '-');

async function frameworkPage(request: Request, context: LoaderFunctionArgs['context']) {
  const user = await requireStaff(request, context, { capability: 'manage_quality_framework' });
  const page = await accessPage(request, context, 'quality-framework');
  return { ...page, adminRequest: { actor: user, requestId: context.requestId } };
}

/**
 * National office edits the quality framework: each domain's names and descriptors in English and
 * Welsh, its dimension, domains removed or added, and the grades. Saving makes a new version.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await frameworkPage(request, context);
  const view = await orRefuse(context.services.qualityFramework.view(page.adminRequest), page.t);
  const blankDomain: DomainRow = { key: '', dimension: '', labelEn: '', labelCy: '', descriptionEn: '', descriptionCy: '', remove: false };
  const values: Values = {
    baseVersion: view.current.version,
    items: [...view.current.items.map((i) => ({ ...i, remove: false })), ...Array.from({ length: NEW_DOMAINS }, () => ({ ...blankDomain }))],
    grades: [...view.current.grades.map((g) => ({ ...g, remove: false })), ...Array.from({ length: NEW_GRADES }, () => ({ key: '', labelEn: '', labelCy: '', remove: false }))],
  };
  return data({ title: page.title(page.t('edit.title')), values });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context }: ActionFunctionArgs) {
  const page = await frameworkPage(request, context);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '');
  const rows = (prefix: string) => {
    const indexes = new Set<number>();
    for (const name of form.keys()) {
      const match = new RegExp(`^${prefix}-(\\d+)-`).exec(name);
      if (match) indexes.add(Number(match[1]));
    }
    return [...indexes].sort((a, b) => a - b).slice(0, 40);
  };
  const values: Values = {
    baseVersion: Number(text('baseVersion')),
    items: rows('items').map((i) => ({
      key: text(`items-${i}-key`),
      dimension: text(`items-${i}-dimension`),
      labelEn: text(`items-${i}-labelEn`),
      labelCy: text(`items-${i}-labelCy`),
      descriptionEn: text(`items-${i}-descriptionEn`),
      descriptionCy: text(`items-${i}-descriptionCy`),
      remove: form.get(`items-${i}-remove`) === 'yes',
    })),
    grades: rows('grades').map((i) => ({ key: text(`grades-${i}-key`), labelEn: text(`grades-${i}-labelEn`), labelCy: text(`grades-${i}-labelCy`), remove: form.get(`grades-${i}-remove`) === 'yes' })),
  };
  const result = await attempt(context.services.qualityFramework.save(page.adminRequest, values), page.t);
  if (result.ok) return redirect(`/admin/quality-framework?saved=${result.value.version}`);
  markFormErrors(context);
  const limit = (message: string) => ({ max: message.startsWith('description') ? FRAMEWORK_LIMITS.description : FRAMEWORK_LIMITS.label });
  const problems =
    result.code === 'invalid_input' && result.problems.length > 0
      ? result.problems.map((p) => ({ field: fieldId(p.field) === 'items' || fieldId(p.field) === 'grades' ? SUBMIT_ID : fieldId(p.field), text: page.t(`errors.${p.message}`, { ...limit(p.message), defaultValue: page.t('errors.invalid') }) }))
      : [{ field: SUBMIT_ID, text: page.t(`errors.${result.code}`, { defaultValue: page.t('errors.invalid') }) }];
  return data({ values, problems }, { status: result.status });
}

function RemoveBox({ id, label, checked }: { id: string; label: string; checked: boolean }) {
  return (
    <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
      <div className="govuk-checkboxes__item">
        <input className="govuk-checkboxes__input" id={id} name={id} type="checkbox" value="yes" defaultChecked={checked} />
        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

export default function EditQualityFramework() {
  const { t } = useTranslation(['quality-framework', 'common']);
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? page.values;
  const problems = result?.problems ?? [];
  const error = (field: string) => problems.find((p) => p.field === field)?.text;
  const errorPrefix = t('common:errorTitlePrefix');
  const dimensions = FRAMEWORK_DIMENSIONS.map((d) => ({ value: d, label: t(`dimensions.${d}`) }));
  return (
    <>
      <BackLink href="/admin/quality-framework">{t('version.back')}</BackLink>
      {problems.length > 0 ? <ErrorSummary title={t('common:errorSummaryTitle')} errors={problems.map((p) => ({ href: `#${p.field}`, text: p.text }))} /> : null}
      <h1 className="govuk-heading-l">{t('edit.title')}</h1>
      <p className="govuk-body">{t('edit.lead', { version: values.baseVersion })}</p>
      <form method="post" noValidate>
        <input type="hidden" name="baseVersion" value={values.baseVersion} />
        <h2 className="govuk-heading-m">{t('list.domains')}</h2>
        {values.items.map((row, i) => {
          const id = (f: string) => `items-${i}-${f}`;
          return (
            <fieldset key={i} className="govuk-fieldset govuk-!-margin-bottom-8" data-domain-row={row.key || `new-${i}`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{row.key ? t('edit.domain', { name: row.labelEn }) : t('edit.newDomain')}</legend>
              <input type="hidden" name={id('key')} value={row.key} />
              <Select id={id('dimension')} name={id('dimension')} label={t('edit.dimension')} value={row.dimension} options={dimensions} emptyOption={t('edit.chooseDimension')} error={error(id('dimension'))} errorPrefix={errorPrefix} />
              <TextInput id={id('labelEn')} name={id('labelEn')} label={t('edit.labelEn')} defaultValue={row.labelEn} error={error(id('labelEn'))} errorPrefix={errorPrefix} />
              <TextInput id={id('labelCy')} name={id('labelCy')} label={t('edit.labelCy')} defaultValue={row.labelCy} error={error(id('labelCy'))} errorPrefix={errorPrefix} />
              <Textarea id={id('descriptionEn')} name={id('descriptionEn')} label={t('edit.descriptionEn')} defaultValue={row.descriptionEn} error={error(id('descriptionEn'))} errorPrefix={errorPrefix} rows={2} />
              <Textarea id={id('descriptionCy')} name={id('descriptionCy')} label={t('edit.descriptionCy')} defaultValue={row.descriptionCy} error={error(id('descriptionCy'))} errorPrefix={errorPrefix} rows={2} />
              {row.key ? <RemoveBox id={id('remove')} label={t('edit.removeDomain', { name: row.labelEn })} checked={row.remove} /> : null}
            </fieldset>
          );
        })}
        <h2 className="govuk-heading-m">{t('list.grades')}</h2>
        {values.grades.map((row, i) => {
          const id = (f: string) => `grades-${i}-${f}`;
          return (
            <fieldset key={i} className="govuk-fieldset govuk-!-margin-bottom-6" data-grade-row={row.key || `new-${i}`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{row.key ? t('edit.grade', { name: row.labelEn }) : t('edit.newGrade')}</legend>
              <input type="hidden" name={id('key')} value={row.key} />
              <TextInput id={id('labelEn')} name={id('labelEn')} label={t('edit.labelEn')} defaultValue={row.labelEn} error={error(id('labelEn'))} errorPrefix={errorPrefix} />
              <TextInput id={id('labelCy')} name={id('labelCy')} label={t('edit.labelCy')} defaultValue={row.labelCy} error={error(id('labelCy'))} errorPrefix={errorPrefix} />
              {row.key ? <RemoveBox id={id('remove')} label={t('edit.removeGrade', { name: row.labelEn })} checked={row.remove} /> : null}
            </fieldset>
          );
        })}
        <button type="submit" className="govuk-button" id={SUBMIT_ID} data-module="govuk-button">
          {t('edit.submit')}
        </button>
      </form>
    </>
  );
}
