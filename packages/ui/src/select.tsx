import type { ReactNode } from 'react';
import { classes } from './class-names';
import { ErrorMessage, Hint } from './form-fields';

export type SelectOption = { value: string; label: string };
export type SelectGroup = { label: string; options: SelectOption[] };

/**
 * A GOV.UK select: a list too long for radios (areas, teams), or a filter. Options may be grouped.
 * GOV.UK advises radios where they fit; use this only where they do not.
 */
export function Select(props: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  errorPrefix?: string;
  value?: string | undefined;
  options?: SelectOption[];
  groups?: SelectGroup[];
  /** A first option meaning "none chosen", e.g. "Not known" or "Any". */
  emptyOption?: string;
  labelSize?: 's' | 'm';
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div className={classes('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <label className={classes('govuk-label', props.labelSize && `govuk-label--${props.labelSize}`)} htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? <Hint id={hintId!}>{props.hint}</Hint> : null}
      {props.error ? <ErrorMessage id={errorId!} message={props.error} prefix={props.errorPrefix ?? 'Error:'} /> : null}
      <select
        className={classes('govuk-select', props.error && 'govuk-select--error')}
        id={props.id}
        name={props.name}
        defaultValue={props.value ?? ''}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      >
        {props.emptyOption !== undefined ? <option value="">{props.emptyOption}</option> : null}
        {(props.options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {(props.groups ?? []).map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
