import { CONTACT_METHODS, LANGUAGES, SUPPORT_NEEDS } from '@complaints/domain';
import { Checkboxes, Radios, Textarea, TextInput } from '@complaints/ui';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SUBMIT_ID } from '../components/casework-form';
import { CaseworkForm, CaseworkFormPage, useFieldErrors } from '../components/casework-form-page';
import { attempt, backOnComplaint, caseworkPage, formOutcome, orRefuse } from '../components/casework-page.server';
import { investigationProblems, readInvestigationForm } from '../components/investigation-form.server';

export const handle = { i18n: ['common', 'casework', 'validation', 'investigation'] };

const TEXT_FIELDS = ['fullName', 'email', 'phone', 'postalAddress', 'postcode', 'preferredContact', 'safeToLeaveVoicemail', 'safeToSendPost', 'safeCallTimes', 'language', 'supportNeedsOther', 'reason'] as const;
type Values = Record<(typeof TEXT_FIELDS)[number], string> & { supportNeeds: string[] };

const yesNo = (value: boolean | null) => (value === true ? 'yes' : value === false ? 'no' : '');
const fromYesNo = (value: string) => (value === 'yes' ? true : value === 'no' ? false : undefined);

/**
 * Correcting the details of the person who got in touch, after logging: how to reach them safely,
 * their language and the help they need, with the reason for the correction. The form starts from
 * their details as they stand.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const page = await caseworkPage(request, context);
  const form = await orRefuse(context.services.investigation.viewComplainantCorrection(page.caseworkRequest, params.id ?? ''), page.t);
  const c = form.current;
  const values: Values = {
    fullName: c.fullName,
    email: c.email ?? '',
    phone: c.phone ?? '',
    postalAddress: c.postalAddress ?? '',
    postcode: c.postcode ?? '',
    preferredContact: c.preferredContact,
    safeToLeaveVoicemail: yesNo(c.safeToLeaveVoicemail),
    safeToSendPost: yesNo(c.safeToSendPost),
    safeCallTimes: c.safeCallTimes ?? '',
    language: c.language,
    supportNeeds: c.supportNeeds,
    supportNeedsOther: c.supportNeedsOther ?? '',
    reason: '',
  };
  return data({ title: page.title(page.t('investigation:correction.title')), id: form.complaintId, reference: form.reference, values });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const page = await caseworkPage(request, context);
  const read = await readInvestigationForm(request);
  const form = read.ok ? read.form : null;
  const values: Values = { ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, form?.text(f) ?? ''])) as Record<(typeof TEXT_FIELDS)[number], string>), supportNeeds: form?.all('supportNeeds') ?? [] };
  const input = {
    ...values,
    safeToLeaveVoicemail: fromYesNo(values.safeToLeaveVoicemail),
    safeToSendPost: fromYesNo(values.safeToSendPost),
  };
  const result = await attempt(context.services.investigation.correctComplainantDetails(page.caseworkRequest, params.id ?? '', input), page.t);
  return formOutcome(context, result, backOnComplaint(params.id), (failure) => ({ values, problems: investigationProblems(page.t, 'correction', failure, { submitId: SUBMIT_ID }) }));
}

export default function CorrectComplainant() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(['investigation', 'casework', 'common']);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  const values = result?.values ?? page.values;
  const yesNoChoices = [
    { value: 'yes', label: t('casework:yes') },
    { value: 'no', label: t('casework:no') },
  ];
  return (
    <CaseworkFormPage complaintId={page.id} reference={page.reference} title={t('correction.title')} problems={result?.problems}>
      <p className="govuk-body">{t('correction.lead')}</p>
      <CaseworkForm submit={t('correction.submit')}>
        <TextInput id="fullName" name="fullName" label={t('casework:log.fullName')} defaultValue={values.fullName} error={error('fullName')} errorPrefix={errorPrefix} spellCheck={false} />

        <h2 className="govuk-heading-m">{t('casework:log.contact')}</h2>
        <TextInput id="email" name="email" type="email" label={t('casework:log.email')} defaultValue={values.email} error={error('email')} errorPrefix={errorPrefix} spellCheck={false} />
        <TextInput id="phone" name="phone" type="tel" label={t('casework:log.phone')} defaultValue={values.phone} error={error('phone')} errorPrefix={errorPrefix} widthClass="govuk-input--width-20" />
        <Textarea id="postalAddress" name="postalAddress" label={t('casework:log.postalAddress')} defaultValue={values.postalAddress} error={error('postalAddress')} errorPrefix={errorPrefix} rows={4} />
        <TextInput id="postcode" name="postcode" label={t('casework:log.postcode')} defaultValue={values.postcode} error={error('postcode')} errorPrefix={errorPrefix} widthClass="govuk-input--width-10" />
        <Radios
          id="preferredContact"
          name="preferredContact"
          legend={t('casework:log.preferredContact')}
          value={values.preferredContact}
          error={error('preferredContact')}
          errorPrefix={errorPrefix}
          choices={CONTACT_METHODS.map((m) => ({ value: m, label: t(`casework:contactMethods.${m}`) }))}
          small
        />

        <h2 className="govuk-heading-m">{t('casework:log.safety')}</h2>
        <p className="govuk-hint">{t('casework:log.safetyHint')}</p>
        <Radios id="safeToLeaveVoicemail" name="safeToLeaveVoicemail" legend={t('casework:log.safeToLeaveVoicemail')} value={values.safeToLeaveVoicemail} choices={yesNoChoices} small inline />
        <Radios id="safeToSendPost" name="safeToSendPost" legend={t('casework:log.safeToSendPost')} value={values.safeToSendPost} choices={yesNoChoices} small inline />
        <TextInput id="safeCallTimes" name="safeCallTimes" label={t('casework:log.safeCallTimes')} defaultValue={values.safeCallTimes} error={error('safeCallTimes')} errorPrefix={errorPrefix} />

        <Radios
          id="language"
          name="language"
          legend={t('casework:log.language')}
          value={values.language}
          error={error('language')}
          errorPrefix={errorPrefix}
          choices={LANGUAGES.map((l) => ({ value: l, label: t(`casework:languages.${l}`) }))}
          small
          inline
        />
        <Checkboxes
          id="supportNeeds"
          name="supportNeeds"
          legend={t('casework:log.supportNeeds')}
          values={values.supportNeeds}
          error={error('supportNeeds')}
          errorPrefix={errorPrefix}
          choices={SUPPORT_NEEDS.map((n) => ({ value: n, label: t(`casework:supportNeeds.${n}`) }))}
          small
        />
        <TextInput id="supportNeedsOther" name="supportNeedsOther" label={t('casework:log.supportNeedsOther')} defaultValue={values.supportNeedsOther} error={error('supportNeedsOther')} errorPrefix={errorPrefix} />

        <Textarea id="reason" name="reason" label={t('correction.reason')} hint={t('correction.reasonHint')} defaultValue={values.reason} error={error('reason')} errorPrefix={errorPrefix} rows={3} />
      </CaseworkForm>
    </CaseworkFormPage>
  );
}
