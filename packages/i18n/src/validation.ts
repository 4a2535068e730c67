import { COMPLAINT_LIMITS, type FieldProblem } from '@complaints/domain';
import type { TFunction } from 'i18next';

const numberFormat = new Intl.NumberFormat('en-GB');

/**
 * The words for a validation problem, in the page's language and wording (adult or child), with
 * the limit filled in where the message names one: "Enter what went wrong, in 5,000 characters or fewer".
 */
export function validationMessage(t: TFunction, problem: Pick<FieldProblem, 'message'>, audience: 'adult' | 'child' = 'adult'): string {
  const [field] = problem.message.split('.');
  const max = (COMPLAINT_LIMITS as Record<string, number>)[field ?? ''];
  return t(`validation:${problem.message}`, {
    context: audience === 'child' ? 'child' : undefined,
    max: max === undefined ? undefined : numberFormat.format(max),
    defaultValue: t('validation:generic.invalid', { context: audience === 'child' ? 'child' : undefined }),
  });
}
