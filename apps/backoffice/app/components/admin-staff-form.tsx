import { Radios, TextInput } from '@complaints/ui';
import type { BusinessAreaRecord } from '@complaints/db';
import { useTranslation } from 'react-i18next';
import { Select } from './admin-select';

export const ROLE_CHOICES = ['csq_administrator', 'responding_manager', 'head_of_service', 'csq_manager', 'national_office', 'system_administrator'] as const;

export type StaffFormValues = Partial<Record<'email' | 'fullName' | 'jobTitle' | 'phone' | 'role' | 'businessAreaId' | 'serviceAreaId' | 'teamId', string | null>>;
export type StaffFormErrors = Partial<Record<keyof StaffFormValues, string>>;

/** The name, job title and phone of an account. */
export function StaffDetailsFields({ values, errors, withEmail }: { values: StaffFormValues; errors: StaffFormErrors; withEmail?: boolean }) {
  const { t } = useTranslation(['staff-access', 'common']);
  const prefix = t('common:errorTitlePrefix');
  return (
    <>
      <TextInput id="fullName" name="fullName" label={t('staffAccount.fullName')} autoComplete="off" spellCheck={false} defaultValue={values.fullName ?? ''} error={errors.fullName} errorPrefix={prefix} />
      {withEmail ? (
        <TextInput id="email" name="email" type="email" label={t('staffAccount.email')} hint={t('staffAccount.emailHint')} autoComplete="off" spellCheck={false} defaultValue={values.email ?? ''} error={errors.email} errorPrefix={prefix} />
      ) : null}
      <TextInput id="jobTitle" name="jobTitle" label={t('staffAccount.jobTitle')} autoComplete="off" defaultValue={values.jobTitle ?? ''} error={errors.jobTitle} errorPrefix={prefix} />
      <TextInput id="phone" name="phone" type="tel" label={t('staffAccount.phone')} hint={t('staffAccount.phoneHint')} autoComplete="off" widthClass="govuk-input--width-20" defaultValue={values.phone ?? ''} error={errors.phone} errorPrefix={prefix} />
    </>
  );
}

/** The role and the part of the organisation it covers. */
export function StaffRoleFields({ values, errors, organisation, language }: { values: StaffFormValues; errors: StaffFormErrors; organisation: BusinessAreaRecord[]; language: 'en' | 'cy' }) {
  const { t } = useTranslation(['staff-access', 'common']);
  const prefix = t('common:errorTitlePrefix');
  const none = { value: '', label: t('staffAccount.chooseNone') };
  return (
    <>
      <Radios
        id="role"
        name="role"
        legend={t('staffAccount.role')}
        error={errors.role}
        errorPrefix={prefix}
        value={values.role ?? undefined}
        choices={ROLE_CHOICES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
      <p className="govuk-body">{t('staffAccount.scopeHint')}</p>
      <Select id="businessAreaId" name="businessAreaId" label={t('staffAccount.businessArea')} error={errors.businessAreaId} errorPrefix={prefix} value={values.businessAreaId}
        options={[none, ...organisation.map((a) => ({ value: a.id, label: a.name[language] }))]} />
      <Select id="serviceAreaId" name="serviceAreaId" label={t('staffAccount.serviceArea')} error={errors.serviceAreaId} errorPrefix={prefix} value={values.serviceAreaId}
        options={[none, ...organisation.flatMap((a) => a.serviceAreas.map((s) => ({ value: s.id, label: `${s.name[language]} (${a.name[language]})` })))]} />
      <Select id="teamId" name="teamId" label={t('staffAccount.team')} error={errors.teamId} errorPrefix={prefix} value={values.teamId}
        options={[none, ...organisation.flatMap((a) => a.serviceAreas.flatMap((s) => s.teams.map((team) => ({ value: team.id, label: `${team.name[language]} (${s.name[language]})` }))))]} />
    </>
  );
}

/** Error summary links in the order the fields appear. */
export function summaryOf(errors: StaffFormErrors): Array<{ href: string; text: string }> {
  const order: Array<keyof StaffFormErrors> = ['fullName', 'email', 'jobTitle', 'phone', 'role', 'businessAreaId', 'serviceAreaId', 'teamId'];
  return order.filter((f) => errors[f]).map((f) => ({ href: `#${f}`, text: errors[f]! }));
}
