import type { FieldProblems } from '@complaints/services';
import type { TFunction } from 'i18next';
import type { StaffFormErrors } from './admin-staff-form';

/** The words for each problem a staff account form can have. */
export function staffFormErrors(t: TFunction, problems: FieldProblems): StaffFormErrors {
  const errors: StaffFormErrors = {};
  for (const [field, problem] of Object.entries(problems)) {
    errors[field as keyof StaffFormErrors] = t(`staffAccount.errors.${field}.${problem}`, { defaultValue: t(`staffAccount.errors.${field}.invalid`) });
  }
  return errors;
}
