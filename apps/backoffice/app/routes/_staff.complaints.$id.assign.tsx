import { BackLink, ErrorSummary, InsetText, Radios } from '@complaints/ui';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { markFormErrors } from '../components/access-page.server';
import { attempt, backofficeAddress, caseworkPage, failureProblems, orRefuse } from '../components/casework-page.server';
import { SUBMIT_ID } from '../components/casework-form';

export const handle = { i18n: ['common', 'casework'] };

/**
 * Who answers the complaint and which CSQ manager oversees it; the manager closest to the casework
 * is suggested first. A Head of Service may reassign the responder only.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.casework.viewAssignment(page.caseworkRequest, params.id ?? ''), page.t);
  return data({ title: page.title(page.t('assign.title')), ...view });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await request.formData();
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const input = { responderId: field('responderId'), csqManagerId: field('csqManagerId') };
  const id = params.id ?? '';
  const result = await attempt(
    context.services.casework.assignComplaint(page.caseworkRequest, id, input, { caseUrl: `${backofficeAddress(context)}/complaints/${encodeURIComponent(id)}` }),
    page.t,
  );
  if (result.ok) return redirect(`/complaints/${id}?done=${result.value.changed ? 'assigned' : 'unchanged'}`);
  markFormErrors(context);
  return data({ values: input, problems: failureProblems(page.t, result) }, { status: result.status });
}

export default function AssignComplaint() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const error = (id: string) => result?.problems.find((p) => p.field === id)?.text;
  const errorPrefix = t('common:errorTitlePrefix');
  const responderValue = result?.values.responderId ?? page.currentResponderId ?? undefined;
  const csqValue = result?.values.csqManagerId ?? page.currentCsqManagerId ?? page.suggestedCsqManagerId ?? undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/complaints/${page.complaintId}`}>{t('backToComplaint')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(result?.problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">{page.reference}</span>
        <h1 className="govuk-heading-l">{t('assign.title')}</h1>
        <form method="post" noValidate>
          {page.responders.length > 0 ? (
            <Radios
              id="responderId"
              name="responderId"
              legend={t('assign.responder')}
              hint={t('assign.responderHint')}
              value={responderValue}
              error={error('responderId')}
              errorPrefix={errorPrefix}
              choices={page.responders.map((r) => ({
                value: r.id,
                label: r.fullName,
                hint: [r.id === page.suggestedResponderId ? t('assign.suggested') : null, r.id === page.currentResponderId ? t('assign.current') : null, t(`assign.reasons.${r.reason}`)]
                  .filter(Boolean)
                  .join(' · '),
              }))}
            />
          ) : page.csqManagers === null ? (
            <p className="govuk-body">{t('assign.nobody')}</p>
          ) : null}
          {page.csqManagers !== null ? (
            <Radios
              id="csqManagerId"
              name="csqManagerId"
              legend={t('assign.csqManager')}
              value={csqValue}
              error={error('csqManagerId')}
              errorPrefix={errorPrefix}
              choices={page.csqManagers.map((m) => ({
                value: m.id,
                label: m.fullName,
                hint: [m.id === page.suggestedCsqManagerId ? t('assign.suggested') : null, m.inArea ? t('assign.inArea') : t('assign.otherArea')].filter(Boolean).join(' · '),
              }))}
              small
            />
          ) : null}
          <InsetText>{t('assign.notice')}</InsetText>
          <button type="submit" id={SUBMIT_ID} className="govuk-button" data-module="govuk-button">
            {t('assign.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
