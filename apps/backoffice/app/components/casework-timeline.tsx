import { Tag } from '@complaints/ui';
import { useTranslation } from 'react-i18next';

export type TimelineEvent = {
  sequence: number;
  type: string;
  at: string | null;
  actorType: 'complainant' | 'staff' | 'system';
  actorName: string | null;
  visibility: 'public' | 'internal';
  /** The member of staff an event names (who was assigned), when it names one. */
  name: string | null;
  outcome: string | null;
  delivery: string | null;
};

/**
 * A complaint's history, newest first, read from its events: what happened, when, who did it, and
 * whether the complainant sees it on their tracking page.
 */
export function CaseTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, i18n } = useTranslation('casework');
  const what = (e: TimelineEvent) => {
    const key = `timeline.events.${e.type.replace(/\./g, '_')}`;
    const values = {
      name: e.name ?? t('timeline.someone'),
      outcome: e.outcome ? t(`triageOutcomes.${e.outcome}`) : '',
      delivery: e.delivery ? t(`case.delivery.${e.delivery}`).toLowerCase() : '',
      type: e.type,
    };
    return i18n.exists(`casework:${key}`) ? t(key, values) : t('timeline.events.other', values);
  };
  const who = (e: TimelineEvent) =>
    e.actorType === 'complainant' ? t('timeline.byComplainant') : e.actorType === 'system' ? t('timeline.bySystem') : t('timeline.by', { name: e.actorName ?? t('timeline.someone') });
  return (
    <ol className="govuk-list app-timeline" reversed>
      {events.map((e) => (
        <li key={e.sequence} className="govuk-!-margin-bottom-4">
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{what(e)}</p>
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            {who(e)} · {e.at} <Tag colour={e.visibility === 'public' ? 'blue' : 'grey'}>{t(`timeline.${e.visibility}`)}</Tag>
          </p>
        </li>
      ))}
    </ol>
  );
}
