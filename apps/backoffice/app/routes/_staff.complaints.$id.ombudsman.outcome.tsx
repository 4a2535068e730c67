import { organisation } from '@complaints/content';
import { dateFromParts, OMBUDSMAN_FINDINGS, OMBUDSMAN_LIMITS } from '@complaints/domain';
import { Radios, SummaryList, Textarea, TextInput } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { ombudsmanFormAction } from '../components/casework-escalation.server';
import { CaseworkDateInput, CaseworkForm, CaseworkFormPage, useCaseworkForm } from '../components/casework-form-page';
import { caseworkDates, caseworkPage, orRefuse, sentDateBoxes } from '../components/casework-page.server';

export const handle = { i18n: ['common', 'casework', 'ombudsman', 'validation'] };

/** How many recommendations the form offers at once: rows left empty are not recommendations. */
const ROWS = 3;
const NO_DAY = { day: '', month: '', year: '' };
const EMPTY = {
  finding: '',
  findingOn: NO_DAY,
  summary: '',
  recommendations: Array.from({ length: ROWS }, () => ({ action: '', owner: '', dueOn: NO_DAY })),
};

/** `recommendations.0.dueOn` is shown in the boxes `recommendations-0-dueOn`. */
const fieldId = (field: string) => field.replace(/\./g, '-');

/** What the Ombudsman decided, when, what they said and each recommendation; the complaint is then closed again. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const view = await orRefuse(context.services.escalation.viewOutcome(page.caseworkRequest, params.id ?? ''), page.t);
  const dates = caseworkDates(page.language);
  return data({
    title: page.title(page.t('ombudsman:outcome.title')),
    id: view.complaintId,
    reference: view.reference,
    stage: view.stage,
    referral: {
      ombudsman: organisation.ombudsman[view.referral.ombudsman].name[page.language],
      referredOn: dates.day(view.referral.referredOn),
      theirReference: view.referral.theirReference,
      enquiries: view.enquiries.length,
      answered: view.enquiries.filter((e) => e.repliedOn !== null).length,
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action(args: ActionFunctionArgs) {
  return ombudsmanFormAction(args, {
    read: (form) => {
      const text = (name: string) => String(form.get(name) ?? '');
      return {
        finding: text('finding'),
        findingOn: sentDateBoxes(form, 'findingOn'),
        summary: text('summary'),
        recommendations: Array.from({ length: ROWS }, (_, i) => ({
          action: text(`recommendations-${i}-action`),
          owner: text(`recommendations-${i}-owner`),
          dueOn: sentDateBoxes(form, `recommendations-${i}-dueOn`),
        })),
      };
    },
    send: (page, values, complaintId) =>
      args.context.services.escalation.recordOutcome(page.caseworkRequest, complaintId, {
        finding: values.finding || undefined,
        findingOn: dateFromParts(values.findingOn),
        summary: values.summary,
        recommendations: values.recommendations.map((r) => {
          const due = dateFromParts(r.dueOn);
          return { action: r.action, owner: r.owner, dueOn: due === 'missing' ? '' : due };
        }),
      }),
    wording: 'ombudsman:outcome.validation',
    limits: (p) => {
      const field = p.field.split('.').pop() ?? p.field;
      const max = { summary: OMBUDSMAN_LIMITS.recommendations, action: OMBUDSMAN_LIMITS.action, owner: OMBUDSMAN_LIMITS.owner }[field];
      return max === undefined ? {} : { max: new Intl.NumberFormat('en-GB').format(max) };
    },
    idFor: fieldId,
    message: (p) => (p.field.startsWith('recommendations.') ? `recommendation.${p.message}` : p.message),
  });
}

export default function OmbudsmanOutcome() {
  const { page, problems, values, t, error, errorPrefix } = useCaseworkForm<typeof loader, typeof EMPTY>(['ombudsman', 'casework', 'common'], EMPTY);
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} stage={page.stage} title={t('outcome.title')} problems={problems}>
      <p className="govuk-body">{t('outcome.lead')}</p>
      <h2 className="govuk-heading-m">{t('outcome.referral')}</h2>
      <SummaryList
        rows={[
          { key: t('case.ombudsman'), value: page.referral.ombudsman },
          { key: t('case.referredOn'), value: page.referral.referredOn ?? '–' },
          { key: t('case.theirReference'), value: page.referral.theirReference ?? '–' },
          { key: t('outcome.enquiries'), value: t('outcome.enquiriesAnswered', { count: page.referral.enquiries, answered: page.referral.answered }) },
        ]}
      />
      <CaseworkForm submit={t('outcome.submit')}>
        <Radios
          id="finding"
          name="finding"
          legend={t('outcome.finding')}
          value={values.finding}
          error={error('finding')}
          errorPrefix={errorPrefix}
          choices={OMBUDSMAN_FINDINGS.map((f) => ({ value: f, label: t(`findings.${f}`) }))}
        />
        <CaseworkDateInput id="findingOn" legend={t('outcome.findingOn')} hint={t('outcome.findingOnHint')} value={values.findingOn} error={error('findingOn')} errorPrefix={errorPrefix} />
        <Textarea id="summary" name="summary" label={t('outcome.summary')} hint={t('outcome.summaryHint')} defaultValue={values.summary} error={error('summary')} errorPrefix={errorPrefix} rows={4} />
        <h2 className="govuk-heading-m">{t('outcome.recommendations')}</h2>
        <p className="govuk-body">{t('outcome.recommendationsLead')}</p>
        {values.recommendations.map((r, i) => (
          <fieldset key={i} className="govuk-fieldset govuk-!-margin-bottom-6" data-recommendation-row={i}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('outcome.recommendationNumber', { number: i + 1 })}</legend>
            <Textarea
              id={`recommendations-${i}-action`}
              name={`recommendations-${i}-action`}
              label={t('outcome.action')}
              defaultValue={r.action}
              error={error(`recommendations-${i}-action`)}
              errorPrefix={errorPrefix}
              rows={2}
            />
            <TextInput
              id={`recommendations-${i}-owner`}
              name={`recommendations-${i}-owner`}
              label={t('outcome.owner')}
              hint={t('outcome.ownerHint')}
              defaultValue={r.owner}
              error={error(`recommendations-${i}-owner`)}
              errorPrefix={errorPrefix}
            />
            <CaseworkDateInput id={`recommendations-${i}-dueOn`} legend={t('outcome.dueOn')} value={r.dueOn} error={error(`recommendations-${i}-dueOn`)} errorPrefix={errorPrefix} />
          </fieldset>
        ))}
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
