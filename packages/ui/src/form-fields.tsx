import type { ReactNode } from 'react';
import { classes } from './class-names';

/**
 * Form fields in GOV.UK markup. Each takes its error message (already translated) and shows it
 * with the field, links it by aria-describedby, and keeps what the user typed (defaultValue).
 */

export type FieldError = string | undefined;

export function ErrorMessage({ id, message, prefix }: { id: string; message: string; prefix: string }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{prefix}</span> {message}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}

/**
 * A field's hint and error message, each shown only where there is one (with the ids `<id>-hint`
 * and `<id>-error`), and the `aria-describedby` that links its control or fieldset to them.
 */
function fieldDescription(props: { id: string; hint?: ReactNode; error?: FieldError; errorPrefix?: string }) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  return {
    describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined,
    hintAndError: (
      <>
        {props.hint ? <Hint id={hintId!}>{props.hint}</Hint> : null}
        {props.error ? <ErrorMessage id={errorId!} message={props.error} prefix={props.errorPrefix ?? 'Error:'} /> : null}
      </>
    ),
  };
}

type TextFieldProps = {
  id: string;
  name: string;
  label: ReactNode;
  /** The question is the page heading: the label becomes the h1. */
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: FieldError;
  errorPrefix?: string;
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  spellCheck?: boolean;
  widthClass?: string;
  maxLength?: number;
};

function Label({ id, label, isPageHeading }: { id: string; label: ReactNode; isPageHeading?: boolean | undefined }) {
  if (isPageHeading) {
    return (
      <h1 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--l" htmlFor={id}>
          {label}
        </label>
      </h1>
    );
  }
  return (
    <label className="govuk-label" htmlFor={id}>
      {label}
    </label>
  );
}

export function TextInput(props: TextFieldProps & { type?: 'text' | 'email' | 'tel' | 'password' }) {
  const description = fieldDescription(props);
  return (
    <div className={classes('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <Label id={props.id} label={props.label} isPageHeading={props.isPageHeading} />
      {description.hintAndError}
      <input
        className={classes('govuk-input', props.widthClass, props.error && 'govuk-input--error')}
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        spellCheck={props.spellCheck}
        aria-describedby={description.describedBy}
      />
    </div>
  );
}

export function Textarea(props: TextFieldProps & { rows?: number }) {
  const description = fieldDescription(props);
  return (
    <div className={classes('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <Label id={props.id} label={props.label} isPageHeading={props.isPageHeading} />
      {description.hintAndError}
      <textarea
        className={classes('govuk-textarea', props.error && 'govuk-textarea--error')}
        id={props.id}
        name={props.name}
        rows={props.rows ?? 5}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        spellCheck={props.spellCheck}
        aria-describedby={description.describedBy}
      />
    </div>
  );
}

export type Choice = {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the choice when it is selected (GOV.UK conditional reveal; always shown without JavaScript). */
  conditional?: ReactNode;
};

/** A question asked by a fieldset, with its legend: choices, or a date in three boxes. */
type FieldsetProps = {
  id: string;
  name: string;
  legend: ReactNode;
  /** The question is the page heading: the legend holds the h1. */
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: FieldError;
  errorPrefix?: string;
};

type ChoiceGroupProps = FieldsetProps & {
  choices: Choice[];
  small?: boolean;
  inline?: boolean;
};

function Legend({ legend, isPageHeading }: { legend: ReactNode; isPageHeading?: boolean | undefined }) {
  if (isPageHeading) {
    return (
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
        <h1 className="govuk-fieldset__heading">{legend}</h1>
      </legend>
    );
  }
  return <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>;
}

function ChoiceGroup(props: ChoiceGroupProps & { type: 'radio' | 'checkbox'; selected: string[] }) {
  const description = fieldDescription(props);
  const base = props.type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
  return (
    <div className={classes('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <fieldset className="govuk-fieldset" aria-describedby={description.describedBy}>
        <Legend legend={props.legend} isPageHeading={props.isPageHeading} />
        {description.hintAndError}
        <div className={classes(base, props.small && `${base}--small`, props.inline && `${base}--inline`)}>
          {props.choices.map((choice, index) => {
            // The first input takes the group's id so the error summary can link to it.
            const inputId = index === 0 ? props.id : `${props.id}-${index + 1}`;
            const itemHintId = choice.hint ? `${inputId}-item-hint` : undefined;
            return (
              <div key={choice.value}>
                <div className={`${base}__item`}>
                  <input
                    className={`${base}__input`}
                    id={inputId}
                    name={props.name}
                    type={props.type}
                    value={choice.value}
                    defaultChecked={props.selected.includes(choice.value)}
                    aria-describedby={itemHintId}
                  />
                  <label className={classes('govuk-label', `${base}__label`)} htmlFor={inputId}>
                    {choice.label}
                  </label>
                  {choice.hint ? (
                    <div id={itemHintId} className={classes('govuk-hint', `${base}__hint`)}>
                      {choice.hint}
                    </div>
                  ) : null}
                </div>
                {choice.conditional ? <div className={`${base}__conditional`}>{choice.conditional}</div> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Radios(props: ChoiceGroupProps & { value?: string | undefined }) {
  return <ChoiceGroup {...props} type="radio" selected={props.value ? [props.value] : []} />;
}

export function Checkboxes(props: ChoiceGroupProps & { values?: string[] | undefined }) {
  return <ChoiceGroup {...props} type="checkbox" selected={props.values ?? []} />;
}

export type DateParts = { day?: string; month?: string; year?: string };

export function DateInput(props: FieldsetProps & { value?: DateParts | undefined; labels: { day: string; month: string; year: string } }) {
  const description = fieldDescription(props);
  const part = (key: 'day' | 'month' | 'year', width: string) => (
    <div className="govuk-date-input__item" key={key}>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={key === 'day' ? props.id : `${props.id}-${key}`}>
          {props.labels[key]}
        </label>
        <input
          className={classes('govuk-input govuk-date-input__input', width, props.error && 'govuk-input--error')}
          id={key === 'day' ? props.id : `${props.id}-${key}`}
          name={`${props.name}.${key}`}
          type="text"
          inputMode="numeric"
          defaultValue={props.value?.[key]}
        />
      </div>
    </div>
  );
  return (
    <div className={classes('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={description.describedBy}>
        <Legend legend={props.legend} isPageHeading={props.isPageHeading} />
        {description.hintAndError}
        <div className="govuk-date-input">
          {part('day', 'govuk-input--width-2')}
          {part('month', 'govuk-input--width-2')}
          {part('year', 'govuk-input--width-4')}
        </div>
      </fieldset>
    </div>
  );
}

export function FileUpload(props: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  errorPrefix?: string;
  multiple?: boolean;
  accept?: string;
}) {
  const description = fieldDescription(props);
  return (
    <div className={classes('govuk-form-group', props.error && 'govuk-form-group--error')}>
      <label className="govuk-label govuk-label--m" htmlFor={props.id}>
        {props.label}
      </label>
      {description.hintAndError}
      <input
        className={classes('govuk-file-upload', props.error && 'govuk-file-upload--error')}
        id={props.id}
        name={props.name}
        type="file"
        multiple={props.multiple}
        accept={props.accept}
        aria-describedby={description.describedBy}
      />
    </div>
  );
}

export type ErrorSummaryItem = { href: string; text: string };

/**
 * The error summary at the top of a page with errors: focused on load (autoFocus and tabIndex -1,
 * so it works without JavaScript too) and linking to each field.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: ErrorSummaryItem[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} autoFocus>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.href + e.text}>
                <a href={e.href}>{e.text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
