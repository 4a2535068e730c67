import { BackLink, DateInput, type DateParts, ErrorSummary } from '@complaints/ui';
import { useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SUBMIT_ID } from './casework-form';

/**
 * The parts every page that leads to a move is built from, so that each looks and behaves the
 * same: the frame of the page, the form, its button and the problems shown at each field. They run
 * in the browser too, so nothing here may reach for the server.
 */

/** A problem as a page shows it: the id of the field it is about (or of the form's button), and its words. */
export type FormProblem = { field: string; text: string };

/**
 * The frame of the page: back to the complaint, the error summary (it takes the focus and links to
 * each field), the complaint's reference (and stage) over the heading, then the page's own content.
 */
export function CaseworkFormPage({
  complaintId,
  reference,
  stage,
  title,
  problems,
  back,
  children,
}: {
  complaintId: string;
  reference: string;
  stage?: number;
  title: ReactNode;
  problems: FormProblem[] | undefined;
  /** Where the back link goes and what it says, when not simply back to the complaint. */
  back?: { href?: string; text: string };
  children: ReactNode;
}) {
  const { t } = useTranslation(['casework', 'common']);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back?.href ?? `/complaints/${complaintId}`}>{back?.text ?? t('casework:backToComplaint')}</BackLink>
        <ErrorSummary title={t('common:errorSummaryTitle')} errors={(problems ?? []).map((p) => ({ href: `#${p.field}`, text: p.text }))} />
        <span className="govuk-caption-l">{stage === undefined ? reference : `${reference} · ${t('casework:stage', { stage })}`}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        {children}
      </div>
    </div>
  );
}

/**
 * The button that makes the move. Problems that are not about one field link to it, so it carries
 * the form's one submit id; a second press while the page is loading is ignored unless the form
 * is one that may safely be sent again.
 */
export function SubmitButton({ children, warning, preventDoubleClick = true, name, value }: { children: ReactNode; warning?: boolean; preventDoubleClick?: boolean; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      id={SUBMIT_ID}
      name={name}
      value={value}
      className={warning ? 'govuk-button govuk-button--warning' : 'govuk-button'}
      data-module="govuk-button"
      data-prevent-double-click={preventDoubleClick ? 'true' : undefined}
    >
      {children}
    </button>
  );
}

/**
 * The form of a move: posted as a whole page, so it works without JavaScript, and checked on the
 * server alone (the browser's own checks would speak in other words than the error summary). The
 * button comes last, unless the page puts its own buttons among the fields.
 */
export function CaseworkForm({
  submit,
  warning,
  preventDoubleClick,
  withFile,
  children,
}: {
  submit?: ReactNode;
  warning?: boolean;
  preventDoubleClick?: boolean;
  /** A form that carries a file posts as multipart. */
  withFile?: boolean;
  children: ReactNode;
}) {
  return (
    <form method="post" encType={withFile ? 'multipart/form-data' : undefined} noValidate>
      {children}
      {submit === undefined ? null : (
        <SubmitButton warning={warning} preventDoubleClick={preventDoubleClick}>
          {submit}
        </SubmitButton>
      )}
    </form>
  );
}

/**
 * What a form's page draws with: its loader's data, the words of its namespaces, and after a
 * refusal what was typed (else `empty`) and the problem shown at each field.
 */
export function useCaseworkForm<Loader, Values>(namespaces: string[], empty: Values) {
  const page = useLoaderData<Loader>();
  // The action answers a refusal with `{ values, problems }`; its type is the form's own, not
  // one Remix can work out for every form alike.
  const result = useActionData() as { values: Values; problems: FormProblem[] } | undefined;
  const { t } = useTranslation(namespaces);
  const { error, errorPrefix } = useFieldErrors(result?.problems);
  return { page, problems: result?.problems, values: result?.values ?? empty, t, error, errorPrefix };
}

/** The problem shown at each field after a refusal, and the prefix its message is read with ("Error:"). */
export function useFieldErrors(problems: FormProblem[] | undefined) {
  const { t } = useTranslation('common');
  return {
    error: (id: string) => problems?.find((p) => p.field === id)?.text,
    errorPrefix: t('common:errorTitlePrefix'),
  };
}

/** A date as day, month and year boxes, labelled in the page's language; its boxes are sent as `<id>.day` and so on. */
export function CaseworkDateInput(props: { id: string; legend: ReactNode; hint?: ReactNode; value: DateParts; error: string | undefined; errorPrefix: string }) {
  const { t } = useTranslation('casework');
  return <DateInput {...props} name={props.id} labels={{ day: t('casework:log.day'), month: t('casework:log.month'), year: t('casework:log.year') }} />;
}
