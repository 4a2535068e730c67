import { PAUSE_LIMITS } from '@complaints/services';
import { InsetText, Radios, Textarea } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formProblems } from '../components/casework-escalation.server';
import { CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkDates, caseworkPage, formOutcome, orRefuse } from '../components/casework-page.server';

export const handle = {
  i18n: ['common', 'casework', 'timescales', 'validation'],
};

/** The clock stops while we wait on the complainant: the letter or email that asked, and what for. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.timescales.viewPauseClock(page.caseworkRequest, params.id ?? ''), page.t);
  const dates = caseworkDates(page.language);
  return data({
    title: page.title(page.t('timescales:pause.title')),
    id: form.complaintId,
    reference: form.reference,
    stage: form.stage,
    requests: form.requests.map((r) => ({
      value: r.ref,
      label: page.t(`timescales:pause.askedInChoice.${r.method}`, {
        date: dates.day(r.on),
      }),
      hint: r.letterKind ? `${page.t(`casework:letters.kinds.${r.letterKind}`)}: ${r.summary}` : r.summary,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const values = {
    askedIn: String(form.get('askedIn') ?? ''),
    reason: String(form.get('reason') ?? ''),
  };
  const result = await attempt(context.services.timescales.pauseClock(page.caseworkRequest, params.id ?? '', values), page.t);
  return formOutcome(context, result, backOnComplaint(params.id), (failure) => ({
    values,
    problems: formProblems(page.t, failure, 'timescales:pause.validation', {
      max: new Intl.NumberFormat('en-GB').format(PAUSE_LIMITS.reason),
    }),
  }));
}

export default function PauseClock() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['timescales', 'casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} stage={page.stage} title={t('pause.title')} problems={result?.problems}>
      <p className="govuk-body">{t('pause.lead')}</p>
      {page.requests.length === 0 ? (
        <InsetText>
          <p className="govuk-body">{t('pause.noRequest')}</p>
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={`/complaints/${page.id}/letters/new`}>
                {t('pause.writeLetter')}
              </a>
            </li>
            <li>
              <a className="govuk-link" href={`/complaints/${page.id}/correspondence/new`}>
                {t('pause.recordCorrespondence')}
              </a>
            </li>
          </ul>
        </InsetText>
      ) : (
        <CaseworkForm submit={t('pause.submit')}>
          <Radios
            id="askedIn"
            name="askedIn"
            legend={t('pause.askedIn')}
            hint={t('pause.askedInHint')}
            value={result?.values.askedIn ?? ''}
            error={error('askedIn')}
            errorPrefix={errorPrefix}
            choices={page.requests}
          />
          <Textarea
            id="reason"
            name="reason"
            label={t('pause.reason')}
            hint={t('pause.reasonHint')}
            defaultValue={result?.values.reason ?? ''}
            error={error('reason')}
            errorPrefix={errorPrefix}
            rows={4}
          />
        </CaseworkForm>
      )}
    </CaseworkFormPage>
  );
}
