import { Button, Checkboxes, DateInput, ErrorMessage, FileUpload, Radios, Textarea, TextInput } from '@complaints/ui';
import type { AttachmentsFieldView, FieldView, PointsFieldView } from './form-view';

/** One field of a complaint form page, in GOV.UK markup, from its view. */
export function FormField({ field, errorPrefix }: { field: FieldView; errorPrefix: string }) {
  switch (field.kind) {
    case 'text':
    case 'email':
    case 'tel':
    case 'textarea': {
      const box = {
        id: field.id,
        name: field.name,
        label: field.label,
        isPageHeading: field.isPageHeading,
        hint: field.hint,
        error: field.error,
        errorPrefix,
        defaultValue: field.value,
        autoComplete: field.autoComplete,
      };
      if (field.kind === 'textarea') return <Textarea {...box} rows={field.rows} />;
      return <TextInput {...box} type={field.kind} widthClass={field.widthClass} spellCheck={field.kind === 'text' ? undefined : false} />;
    }
    case 'radios':
    case 'checkboxes': {
      const Group = field.kind === 'radios' ? Radios : Checkboxes;
      const choices = field.choices.map((c) => ({
        value: c.value,
        label: c.label,
        hint: c.hint,
        conditional:
          c.reveals.length > 0 ? (
            <>
              {c.reveals.map((r) => (
                <FormField key={r.id} field={r} errorPrefix={errorPrefix} />
              ))}
            </>
          ) : undefined,
      }));
      return (
        <Group
          id={field.id}
          name={field.name}
          legend={field.legend}
          isPageHeading={field.isPageHeading}
          hint={field.hint}
          error={field.error}
          errorPrefix={errorPrefix}
          choices={choices}
          inline={field.inline}
          {...(field.kind === 'radios' ? { value: field.selected[0] } : { values: field.selected })}
        />
      );
    }
    case 'points':
      return <PointsField field={field} errorPrefix={errorPrefix} />;
    case 'consent':
      return (
        // One checkbox on its own needs no fieldset: its label is the whole question.
        <div className={field.error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          {field.error ? <ErrorMessage id={`${field.id}-error`} message={field.error} prefix={errorPrefix} /> : null}
          <div className="govuk-checkboxes" data-module="govuk-checkboxes">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id={field.id}
                name={field.name}
                type="checkbox"
                value="yes"
                defaultChecked={field.checked}
                aria-describedby={field.error ? `${field.id}-error` : undefined}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={field.id}>
                {field.label}
              </label>
            </div>
          </div>
        </div>
      );
    case 'attachments':
      return <AttachmentsField field={field} errorPrefix={errorPrefix} />;
  }
}

/** "What went wrong", point by point: each its own box and date, with "add another" and "remove". */
function PointsField({ field, errorPrefix }: { field: PointsFieldView; errorPrefix: string }) {
  return (
    <div className={field.error ? 'govuk-form-group govuk-form-group--error' : undefined}>
      {field.error ? <ErrorMessage id="points-error" message={field.error} prefix={errorPrefix} /> : null}
      {field.points.map((point) => (
        <fieldset className="govuk-fieldset app-point" key={point.number}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{point.legend}</legend>
          <Textarea
            id={point.text.id}
            name={point.text.name}
            label={point.text.label}
            hint={point.text.hint}
            error={point.text.error}
            errorPrefix={errorPrefix}
            defaultValue={point.text.value}
            rows={5}
          />
          {point.date ? (
            <DateInput
              id={point.date.id}
              name={point.date.name}
              legend={point.date.legend}
              hint={point.date.hint}
              error={point.date.error}
              errorPrefix={errorPrefix}
              value={point.date.value}
              labels={point.date.labels}
            />
          ) : null}
          {point.remove ? (
            <Button variant="secondary" name="intent" value={point.remove.value} preventDoubleClick={false}>
              {point.remove.text}
            </Button>
          ) : null}
        </fieldset>
      ))}
      {field.add ? (
        <Button variant="secondary" name="intent" value={field.add.value} preventDoubleClick={false}>
          {field.add.text}
        </Button>
      ) : (
        <p className="govuk-body">{field.limitReached}</p>
      )}
    </div>
  );
}

/** The documents page: the files added so far, each with Remove, and a file input with Upload. */
function AttachmentsField({ field, errorPrefix }: { field: AttachmentsFieldView; errorPrefix: string }) {
  return (
    <>
      {field.files.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{field.listHeading}</h2>
          <dl className="govuk-summary-list">
            {field.files.map((f) => (
              <div className="govuk-summary-list__row" key={f.id}>
                <dt className="govuk-summary-list__key app-file-name">{f.name}</dt>
                <dd className="govuk-summary-list__value">{f.size}</dd>
                <dd className="govuk-summary-list__actions">
                  <button type="submit" name="intent" value={f.remove.value} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                    {f.remove.text}
                    <span className="govuk-visually-hidden"> {f.name}</span>
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      <FileUpload id={field.id} name={field.name} label={field.label} hint={field.hint} error={field.error} errorPrefix={errorPrefix} multiple />
      <Button variant="secondary" name="intent" value={field.upload.value} preventDoubleClick={false}>
        {field.upload.text}
      </Button>
    </>
  );
}

/**
 * A field people leave empty and programs fill in. Hidden from sight and from assistive technology,
 * and out of the tab order, with a label that says to leave it empty in case anyone meets it.
 */
export function Honeypot({ name, label }: { name: string; label: string }) {
  return (
    <div className="govuk-visually-hidden" aria-hidden="true">
      <label htmlFor={`${name}-field`}>{label}</label>
      <input id={`${name}-field`} name={name} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
