import { parseFinancialYear, SELF_ASSESSMENT_HEADINGS, SELF_ASSESSMENT_LIMIT } from '@complaints/domain';
import { ErrorSummary, NotificationBanner, Select, Textarea } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireStaff } from '../auth.server';
import { accessPage, markFormErrors } from '../components/access-page.server';
import { attempt, caseworkDates, orRefuse, refusalText } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'annual-report', 'casework'] };

const SUBMIT_ID = 'save-self-assessment';
const YEAR = /^\d{4}-\d{2}$/;

const query = z.object({
  year: z.string().regex(YEAR).optional().catch(undefined),
  done: z.literal('saved').optional().catch(undefined),
});

const posted = z.object({
  year: z.string().max(20).catch(''),
  ...Object.fromEntries(SELF_ASSESSMENT_HEADINGS.map((h) => [h, z.string().catch('')])),
}) as unknown as z.ZodType<{ year: string } & Record<(typeof SELF_ASSESSMENT_HEADINGS)[number], string>>;

function yearName(t: TFunction, year: string): string {
  const parsed = parseFinancialYear(year);
  return parsed ? `${year} (${t('yearName', { from: parsed.startYear, to: parsed.startYear + 1 })})` : year;
}

/** The annual report's page: the year, its self-assessment (written here by national office) and the PDF. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { language, t, title } = await accessPage(request, context, 'annual-report');
  const asked = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await orRefuse(context.services.annualReport.page({ actor: user, year: asked.year && parseFinancialYear(asked.year) ? asked.year : undefined }), t);
  const dates = caseworkDates(language);
  const years = page.years.includes(page.year) ? page.years : [page.year, ...page.years];
  return data({
    title: title(t('title')),
    year: page.year,
    yearOptions: years.map((y) => ({ value: y, label: yearName(t, y) })),
    text: page.selfAssessment?.text ?? null,
    lastChanged: page.selfAssessment ? t('selfAssessment.lastChanged', { name: page.selfAssessment.updatedByName, date: dates.moment(page.selfAssessment.updatedAt) }) : null,
    done: asked.done ?? null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request, context);
  const { t } = await accessPage(request, context, 'annual-report');
  const values = posted.parse(Object.fromEntries(await request.formData()));
  const { year, ...text } = values;
  const result = await attempt(context.services.annualReport.saveSelfAssessment({ actor: user, year, values: text, requestId: context.requestId }), t);
  if (result.ok) return redirect(`/reports/annual?year=${encodeURIComponent(result.value.year)}&done=saved`);
  markFormErrors(context);
  const problems =
    result.code === 'invalid_input' && result.problems.length > 0
      ? result.problems.map((p) => ({ field: p.field === 'year' ? 'year-choice' : p.field, text: t(`errors.${p.message}`, { defaultValue: t('errors.fallback') }) }))
      : [{ field: SUBMIT_ID, text: refusalText(t, result.code) }];
  return data({ values, problems }, { status: result.status });
}

export default function AnnualReportPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['annual-report', 'common']);
  const problems = result?.problems ?? [];
  const shown = (heading: (typeof SELF_ASSESSMENT_HEADINGS)[number]) => (result ? result.values[heading] : (page.text?.[heading] ?? ''));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={problems.map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        {page.done === 'saved' && !result ? (
          <NotificationBanner title={t('selfAssessment.savedTitle')} success>
            <p className="govuk-notification-banner__heading">{t('selfAssessment.saved')}</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">{t('title')}</h1>
        <p className="govuk-body">{t('lead')}</p>
        <form method="get" action="/reports/annual" noValidate>
          <Select
            id="year-choice"
            name="year"
            label={t('form.year')}
            labelSize="s"
            value={page.year}
            options={page.yearOptions}
            error={problems.find((p) => p.field === 'year-choice')?.text}
            errorPrefix={t('common:errorTitlePrefix')}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t('form.show')}
          </button>
        </form>
        <p className="govuk-body">
          <a className="govuk-link" href={`/reports/annual/pdf?year=${encodeURIComponent(page.year)}`} download>
            {t('download', { year: page.year })}
          </a>
        </p>
        <h2 className="govuk-heading-m">{t('selfAssessment.heading')}</h2>
        <p className="govuk-body">{t('selfAssessment.lead')}</p>
        <p className="govuk-body">{page.lastChanged ?? t('selfAssessment.notWritten')}</p>
        <form method="post" noValidate>
          <input type="hidden" name="year" value={page.year} />
          {SELF_ASSESSMENT_HEADINGS.map((heading) => (
            <Textarea
              key={heading}
              id={heading}
              name={heading}
              label={t(`selfAssessment.headings.${heading}`)}
              hint={t('selfAssessment.hint', { limit: new Intl.NumberFormat('en-GB').format(SELF_ASSESSMENT_LIMIT) })}
              rows={6}
              defaultValue={shown(heading)}
              error={problems.find((p) => p.field === heading)?.text}
              errorPrefix={t('common:errorTitlePrefix')}
              spellCheck
            />
          ))}
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t('selfAssessment.save')}
          </button>
        </form>
      </div>
    </div>
  );
}
