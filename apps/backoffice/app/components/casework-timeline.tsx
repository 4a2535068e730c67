import { Tag } from '@complaints/ui';
import { useTranslation } from 'react-i18next';

export type TimelineItem = {
  sequence: number;
  /** What happened, in the page's words (see casework-timeline.server.ts). */
  text: string;
  reason: string | null;
  at: string | null;
  actorType: 'complainant' | 'staff' | 'system';
  actorName: string | null;
  visibility: 'public' | 'internal';
};

/**
 * A complaint's history, newest first, read from its events: what happened, when, who did it and
 * why, and whether the complainant sees it on their tracking page.
 */
export function CaseTimeline({ events }: { events: TimelineItem[] }) {
  const { t } = useTranslation('casework');
  const who = (e: TimelineItem) =>
    e.actorType === 'complainant' ? t('timeline.byComplainant') : e.actorType === 'system' ? t('timeline.bySystem') : t('timeline.by', { name: e.actorName ?? t('timeline.someone') });
  return (
    <ol className="govuk-list app-timeline" reversed>
      {events.map((e) => (
        <li key={e.sequence} className="govuk-!-margin-bottom-4">
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{e.text}</p>
          {e.reason ? <p className="govuk-body-s govuk-!-margin-bottom-1">{t('timeline.reason', { reason: e.reason })}</p> : null}
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            {who(e)} · {e.at} <Tag colour={e.visibility === 'public' ? 'blue' : 'grey'}>{t(`timeline.${e.visibility}`)}</Tag>
          </p>
        </li>
      ))}
    </ol>
  );
}
