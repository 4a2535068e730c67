import { ComplaintReference, DateInput, ErrorSummary, Pagination, Table, TextInput } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireStaff } from '../auth.server';
import { Select } from '../components/admin-select';
import { parseAuditQuery } from '../components/access-audit-query.server';
import { accessPage, markFormErrors } from '../components/access-page.server';
import { caseworkDates } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

/** The audit log for national office: who looked at or changed what, and when; never the content. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'view_audit_log' });
  const url = new URL(request.url);
  const { query, typed, page, errors } = parseAuditQuery(url.searchParams);
  if (Object.keys(errors).length > 0) markFormErrors(context);
  const { t, title, language } = await accessPage(request, context);
  const found = await context.services.staffAccess.searchAuditLog(user, query, page);
  const dates = caseworkDates(language);
  return data({
    title: title(t('audit.title')),
    language,
    typed,
    errors,
    page: found.page,
    hasMore: found.hasMore,
    // Put into words here, once: the browser's own date words (Welsh especially) can differ from
    // the server's, and the page must hydrate to exactly what was sent.
    entries: found.entries.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString(), when: dates.moment(e.occurredAt)! })),
    staff: found.staff,
    actions: found.actions,
    search: url.search,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function AuditLog() {
  const { t } = useTranslation(['staff-access', 'common']);
  const page = useLoaderData<typeof loader>();
  const location = useLocation();
  const prefix = t('common:errorTitlePrefix');
  const errorText = { reference: page.errors.reference ? t('audit.errors.reference') : undefined, from: page.errors.from ? t('audit.errors.from') : undefined, to: page.errors.to ? t('audit.errors.to') : undefined };
  const pageHref = (n: number) => {
    const params = new URLSearchParams(location.search);
    params.set('page', String(n));
    return `/audit?${params}`;
  };
  const exportParams = new URLSearchParams(location.search);
  exportParams.delete('page');
  return (
    <>
      <ErrorSummary
        title={t('common:errorSummaryTitle')}
        errors={(['reference', 'from', 'to'] as const).filter((f) => errorText[f]).map((f) => ({ href: `#${f}`, text: errorText[f]! }))}
      />
      <h1 className="govuk-heading-l">{t('audit.title')}</h1>
      <p className="govuk-body">{t('audit.lead')}</p>
      <form method="get" action="/audit" noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select id="person" name="person" label={t('audit.person')} errorPrefix={prefix} value={page.typed.person}
              options={[{ value: '', label: t('audit.anyone') }, ...page.staff.map((s) => ({ value: s.id, label: `${s.fullName} (${s.email})` }))]} />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput id="reference" name="reference" label={t('audit.reference')} autoComplete="off" spellCheck={false} defaultValue={page.typed.reference} error={errorText.reference} errorPrefix={prefix} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select id="action" name="action" label={t('audit.action')} errorPrefix={prefix} value={page.typed.action}
              options={[{ value: '', label: t('audit.anyAction') }, ...page.actions.map((a) => ({ value: a, label: a }))]} />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <DateInput id="from" name="from" legend={t('audit.from')} hint={t('audit.dateHint')} value={page.typed.from} error={errorText.from} errorPrefix={prefix}
              labels={{ day: t('audit.day'), month: t('audit.month'), year: t('audit.year') }} />
          </div>
          <div className="govuk-grid-column-one-half">
            <DateInput id="to" name="to" legend={t('audit.to')} hint={t('audit.dateHint')} value={page.typed.to} error={errorText.to} errorPrefix={prefix}
              labels={{ day: t('audit.day'), month: t('audit.month'), year: t('audit.year') }} />
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t('audit.apply')}
        </button>
      </form>
      <p className="govuk-body">
        <a className="govuk-link" href={`/audit/export?${exportParams}`}>
          {t('audit.export')}
        </a>
        <br />
        <span className="govuk-hint">{t('audit.exportHint')}</span>
      </p>
      {page.entries.length === 0 ? (
        <p className="govuk-body">{t('audit.none')}</p>
      ) : (
        <Table
          caption={t('audit.caption')}
          columns={[
            { key: 'when', header: t('audit.when') },
            { key: 'who', header: t('audit.who') },
            { key: 'what', header: t('audit.what') },
            { key: 'complaint', header: t('audit.complaint') },
            { key: 'subject', header: t('audit.subject') },
          ]}
          rows={page.entries.map((e) => ({
            _key: String(e.id),
            when: e.when,
            who: e.staffName ?? t('audit.system'),
            what: <code>{e.action}</code>,
            complaint: e.complaintReference ? <ComplaintReference>{e.complaintReference}</ComplaintReference> : '',
            subject: e.subject ?? '',
          }))}
        />
      )}
      {page.page > 1 || page.hasMore ? (
        <Pagination
          label={t('audit.title')}
          previous={page.page > 1 ? { href: pageHref(page.page - 1), text: t('audit.previous') } : undefined}
          next={page.hasMore ? { href: pageHref(page.page + 1), text: t('audit.next') } : undefined}
        />
      ) : null}
    </>
  );
}
