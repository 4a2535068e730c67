import { InsetText, Radios } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backofficeAddress, backOnComplaint, caseworkPage, failureProblems, formOutcome, orRefuse, sentChoice } from '../components/casework-page.server';

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
  const input = { responderId: sentChoice(form, 'responderId'), csqManagerId: sentChoice(form, 'csqManagerId') };
  const id = params.id ?? '';
  const result = await attempt(
    context.services.casework.assignComplaint(page.caseworkRequest, id, input, { caseUrl: `${backofficeAddress(context)}/complaints/${encodeURIComponent(id)}` }),
    page.t,
  );
  return formOutcome(context, result, (assigned) => backOnComplaint(id, assigned.changed ? 'assigned' : 'unchanged'), (failure) => ({ values: input, problems: failureProblems(page.t, failure) }));
}

export default function AssignComplaint() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const responderValue = result?.values.responderId ?? page.currentResponderId ?? undefined;
  const csqValue = result?.values.csqManagerId ?? page.currentCsqManagerId ?? page.suggestedCsqManagerId ?? undefined;
  return (
    <CaseworkFormPage complaintId={page.complaintId} reference={page.reference} title={t('assign.title')} problems={result?.problems}>
      <CaseworkForm submit={t('assign.submit')} preventDoubleClick={false}>
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
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
