import type { LearningStatus } from '@complaints/domain';
import { Tag } from '@complaints/ui';
import { useTranslation } from 'react-i18next';

const STATUS_COLOUR = { open: 'blue', in_progress: 'amber', done: 'green', not_taken_forward: 'grey' } as const;

/** A learning point's status as a tag, and "Overdue" beside it when its action is late. */
export function LearningStatusTag({ status, overdue }: { status: LearningStatus; overdue?: boolean }) {
  const { t } = useTranslation('learning');
  return (
    <>
      <Tag colour={STATUS_COLOUR[status]}>{t(`statuses.${status}`)}</Tag>
      {overdue ? (
        <>
          {' '}
          <Tag colour="red">{t('overdue')}</Tag>
        </>
      ) : null}
    </>
  );
}

/** What was learnt, linking to the learning point, with the action to take under it. */
export function LearntWithAction({ point }: { point: { id: string; learnt: string; action: string } }) {
  const { t } = useTranslation('learning');
  return (
    <>
      <a className="govuk-link" href={`/learning/points/${point.id}`}>
        {point.learnt}
      </a>
      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{t('case.action', { action: point.action })}</span>
    </>
  );
}

/** The learning log's levels as they appear in addresses. */
export const LEVEL_PATHS = { team: 'team', service_area: 'service-area', business_area: 'business-area', national: 'national' } as const;
