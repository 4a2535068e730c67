import type { ComplaintState, RagStatus } from '@complaints/domain';
import { ComplaintReference, Tag } from '@complaints/ui';
import { useTranslation } from 'react-i18next';

/** A complaint's reference as a link to its page, as the queues, search, dashboard and print queue list it. */
export function ComplaintLink({ id, reference }: { id: string; reference: string }) {
  return (
    <a className="govuk-link" href={`/complaints/${id}`}>
      <ComplaintReference>{reference}</ComplaintReference>
    </a>
  );
}

/** The electronic warning as words in a coloured tag, never colour alone. */
export function RagTag({ rag }: { rag: RagStatus | null }) {
  const { t } = useTranslation('casework');
  if (rag === null) return <>{t('queues.nothingDue')}</>;
  return <Tag colour={rag}>{t(`rag.${rag}`)}</Tag>;
}

export const STATE_COLOURS: Partial<Record<ComplaintState, 'grey' | 'blue' | 'purple' | 'green'>> = {
  received: 'blue',
  logged: 'blue',
  closed: 'grey',
  withdrawn: 'grey',
  with_ombudsman: 'purple',
  response_sent: 'green',
};

export function StateTag({ state }: { state: ComplaintState }) {
  const { t } = useTranslation('casework');
  return <Tag colour={STATE_COLOURS[state]}>{t(`states.${state}`)}</Tag>;
}

/** What someone wrote, with their line breaks kept (as line breaks, not as a style). */
export function Lines({ text }: { text: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {line}
          {i < lines.length - 1 ? <br /> : null}
        </span>
      ))}
    </>
  );
}

/** What someone wrote, a paragraph for each blank-line break. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\r?\n\s*\r?\n/)
        .filter((p) => p.trim() !== '')
        .map((paragraph, i) => (
          <p key={i} className="govuk-body">
            <Lines text={paragraph} />
          </p>
        ))}
    </>
  );
}
