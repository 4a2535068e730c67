import { ErrorMessage, Hint, classes } from '@complaints/ui';

export type SelectOption = { value: string; label: string };

/**
 * A GOV.UK select. Used for long lists of the organisation's own names (people, areas), where
 * radios would run to dozens of choices.
 */
export function Select(props: {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  errorPrefix: string;
  options: SelectOption[];
  value?: string | null | undefined;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div className={classes('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <label className="govuk-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? <Hint id={hintId!}>{props.hint}</Hint> : null}
      {props.error ? <ErrorMessage id={errorId!} message={props.error} prefix={props.errorPrefix} /> : null}
      <select
        className={classes('govuk-select', props.error && 'govuk-select--error')}
        id={props.id}
        name={props.name}
        defaultValue={props.value ?? ''}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
