import type { LearningLevel, LearningStatus } from '@complaints/domain';
import { Table } from '@complaints/ui';
import { useTranslation } from 'react-i18next';
import { LearningStatusTag, LearntWithAction } from './learning-tags';

export type ComplaintLearningItem = {
  id: string;
  level: LearningLevel;
  area: string | null;
  learnt: string;
  action: string;
  owner: string;
  due: string | null;
  status: LearningStatus;
  overdue: boolean;
};

/** The learning raised from a complaint, on its page: each point's level, action, owner, due date and status. */
export function ComplaintLearningSection({ items, raiseHref }: { items: ComplaintLearningItem[]; raiseHref: string | null }) {
  const { t } = useTranslation('learning');
  return (
    <section aria-labelledby="learning-heading">
      <h2 className="govuk-heading-m" id="learning-heading">
        {t('case.heading')}
      </h2>
      {items.length === 0 ? (
        <p className="govuk-body">{t('case.none')}</p>
      ) : (
        <Table
          caption={t('case.caption', { count: items.length })}
          captionSize="s"
          columns={[
            { key: 'learnt', header: t('columns.learnt') },
            { key: 'level', header: t('columns.level') },
            { key: 'owner', header: t('columns.owner') },
            { key: 'due', header: t('columns.due') },
            { key: 'status', header: t('columns.status') },
          ]}
          rows={items.map((p) => ({
            _key: p.id,
            learnt: <LearntWithAction point={p} />,
            level: p.area ? `${t(`levels.${p.level}`)}: ${p.area}` : t(`levels.${p.level}`),
            owner: p.owner,
            due: p.due,
            status: <LearningStatusTag status={p.status} overdue={p.overdue} />,
          }))}
        />
      )}
      {raiseHref ? (
        <p className="govuk-body">
          <a className="govuk-link" href={raiseHref}>
            {t('case.raise')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
