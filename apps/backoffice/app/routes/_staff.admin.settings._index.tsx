import { ErrorSummary, NotificationBanner, Radios, TextInput } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { requireStaff } from '../auth.server';
import { accessPage, markFormErrors } from '../components/access-page.server';
import { attempt, orRefuse, refusalText } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';

export const handle = { i18n: ['common', 'settings'] };

async function settingsPage(request: Request, context: LoaderFunctionArgs['context']) {
  const user = await requireStaff(request, context, { capability: 'manage_settings' });
  return { ...(await accessPage(request, context, 'settings')), adminRequest: { actor: user, requestId: context.requestId } };
}

/** National office's choices about how the procedure works for everyone. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await settingsPage(request, context);
  const settings = await orRefuse(context.services.caseworkSettings.view(page.adminRequest), page.t);
  const done = new URL(request.url).searchParams.get('done');
  return data({
    title: page.title(page.t('title')),
    values: { automaticAcknowledgementApproval: settings.automaticAcknowledgementApproval ? 'yes' : 'no' },
    retentionYears: settings.retentionYears,
    done: done === 'saved' || done === 'unchanged' || done === 'retention' ? done : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

function problemText(t: TFunction, message: string): string {
  return t(`errors.${message}`, { defaultValue: t('errors.automaticAcknowledgementApproval.required') });
}

/** The page's two forms: the retention period (its own button), or the quality assurance choice. */
const RETENTION_INTENT = 'retention';
const RETENTION_SUBMIT_ID = 'save-retention';

export async function action({ request, context }: ActionFunctionArgs) {
  const page = await settingsPage(request, context);
  const form = await request.formData();
  const values = {
    intent: form.get('intent') === RETENTION_INTENT ? RETENTION_INTENT : 'procedure',
    automaticAcknowledgementApproval: form.get('automaticAcknowledgementApproval') === null ? undefined : String(form.get('automaticAcknowledgementApproval')),
    retentionYears: String(form.get('retentionYears') ?? ''),
  };
  const result =
    values.intent === RETENTION_INTENT
      ? await attempt(context.services.caseworkSettings.changeRetention(page.adminRequest, { retentionYears: values.retentionYears }), page.t)
      : await attempt(context.services.caseworkSettings.change(page.adminRequest, { automaticAcknowledgementApproval: values.automaticAcknowledgementApproval }), page.t);
  if (result.ok) return redirect(`/admin/settings?done=${!result.value.changed ? 'unchanged' : values.intent === RETENTION_INTENT ? 'retention' : 'saved'}`);
  markFormErrors(context);
  const problems =
    result.code === 'invalid_input' && result.problems.length > 0
      ? result.problems.map((p) => ({ field: p.field, text: problemText(page.t, p.message) }))
      : [{ field: values.intent === RETENTION_INTENT ? RETENTION_SUBMIT_ID : SUBMIT_ID, text: refusalText(page.t, result.code) }];
  return data({ values, problems }, { status: result.status });
}

export default function Settings() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['settings', 'common']);
  const problems = result?.problems ?? [];
  const value = result && result.values.intent !== RETENTION_INTENT ? result.values.automaticAcknowledgementApproval : page.values.automaticAcknowledgementApproval;
  const years = result?.values.intent === RETENTION_INTENT ? result.values.retentionYears : String(page.retentionYears);
  const saved = page.done === 'retention' ? t('retentionYears.saved', { years: page.retentionYears }) : t(page.done === 'saved' ? 'saved' : 'unchanged');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={problems.map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        {page.done && !result ? (
          <NotificationBanner title={t('savedTitle')} success>
            <p className="govuk-notification-banner__heading">{saved}</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">{t('title')}</h1>
        <p className="govuk-body">{t('lead')}</p>
        <h2 className="govuk-heading-m">{t('sections.calendar')}</h2>
        <ul className="govuk-list govuk-!-margin-bottom-8">
          <li>
            <a className="govuk-link" href="/admin/settings/timescales">
              {t('sections.timescalesLink')}
            </a>
            <p className="govuk-body govuk-!-margin-top-1">{t('sections.timescalesText')}</p>
          </li>
          <li>
            <a className="govuk-link" href="/admin/settings/non-working-days">
              {t('sections.nonWorkingDaysLink')}
            </a>
            <p className="govuk-body govuk-!-margin-top-1">{t('sections.nonWorkingDaysText')}</p>
          </li>
        </ul>
        <h2 className="govuk-heading-m">{t('sections.retention')}</h2>
        <p className="govuk-body">{t('sections.retentionText', { count: page.retentionYears })}</p>
        <form method="post" noValidate className="govuk-!-margin-bottom-8">
          <input type="hidden" name="intent" value={RETENTION_INTENT} />
          <TextInput
            id="retentionYears"
            name="retentionYears"
            label={t('retentionYears.label')}
            hint={t('retentionYears.hint')}
            inputMode="numeric"
            spellCheck={false}
            widthClass="govuk-input--width-2"
            defaultValue={years}
            error={problems.find((p) => p.field === 'retentionYears')?.text}
            errorPrefix={t('common:errorTitlePrefix')}
          />
          <button type="submit" id={RETENTION_SUBMIT_ID} className="govuk-button govuk-button--secondary" data-module="govuk-button" data-prevent-double-click="true">
            {t('retentionYears.save')}
          </button>
        </form>
        <h2 className="govuk-heading-m">{t('sections.qualityAssurance')}</h2>
        <form method="post" noValidate>
          <Radios
            id="automaticAcknowledgementApproval"
            name="automaticAcknowledgementApproval"
            legend={t('automaticAcknowledgementApproval.legend')}
            hint={t('automaticAcknowledgementApproval.hint')}
            value={value}
            error={problems.find((p) => p.field === 'automaticAcknowledgementApproval')?.text}
            errorPrefix={t('common:errorTitlePrefix')}
            choices={[
              { value: 'yes', label: t('automaticAcknowledgementApproval.yes') },
              { value: 'no', label: t('automaticAcknowledgementApproval.no') },
            ]}
          />
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            {t('save')}
          </button>
        </form>
      </div>
    </div>
  );
}
