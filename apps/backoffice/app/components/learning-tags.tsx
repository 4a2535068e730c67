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

/** The learning log's levels as they appear in addresses. */
export const LEVEL_PATHS = { team: 'team', service_area: 'service-area', business_area: 'business-area', national: 'national' } as const;
