import { Select as GovukSelect, type SelectOption } from '@complaints/ui';

export type { SelectOption };

/**
 * A GOV.UK select. Used for long lists of the organisation's own names (people, areas), where
 * radios would run to dozens of choices. A value of null chooses nothing.
 */
export function Select({
  value,
  ...field
}: {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  errorPrefix: string;
  options: SelectOption[];
  value?: string | null | undefined;
}) {
  return <GovukSelect {...field} value={value ?? undefined} />;
}
