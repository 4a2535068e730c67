import { LEARNING_STATUS_FILTERS, type LearningLevel, type LearningLogQuery } from '@complaints/domain';
import { Pagination, Select, Table } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { caseworkDates, caseworkPage, orRefuse } from '../components/casework-page.server';
import { LEVEL_PATHS, LearningStatusTag, LearntWithAction } from '../components/learning-tags';

export const handle = { i18n: ['common', 'casework', 'learning'] };

const LEVEL_BY_PATH = Object.fromEntries(Object.entries(LEVEL_PATHS).map(([level, path]) => [path, level])) as Record<string, LearningLevel>;

function search(query: LearningLogQuery): string {
  const params = new URLSearchParams({ status: query.status, sort: query.sort, direction: query.direction });
  if (query.area) params.set('area', query.area);
  if (query.page > 1) params.set('page', String(query.page));
  return `?${params.toString()}`;
}

/**
 * A level's learning log: the points this person may see, 25 a page, narrowed by status and area
 * and sorted by a plain GET form and links (they work without JavaScript and can be bookmarked),
 * with overdue actions counted and flagged.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { t, title, language, caseworkRequest } = await caseworkPage(request, context, { capability: 'view_learning_log' });
  const level = LEVEL_BY_PATH[params.level ?? ''];
  if (!level) throw new Response('Not found', { status: 404 });
  const url = new URL(request.url);
  const log = await orRefuse(context.services.learning.log(caseworkRequest, level, Object.fromEntries(url.searchParams)), t);
  const dates = caseworkDates(language);
  const local = (en: string | null, cy: string | null) => (language === 'cy' ? cy : en);
  return data({
    title: title(t(`learning:log.title.${level}`)),
    level,
    path: `/learning/${LEVEL_PATHS[level]}`,
    levels: log.levels.map((l) => ({ level: l, href: `/learning/${LEVEL_PATHS[l]}` })),
    query: log.query,
    total: log.total,
    overdue: log.overdue,
    pages: log.pages,
    areas: log.areas.map((a) => ({ value: a.id, label: local(a.nameEn, a.nameCy) ?? '' })),
    points: log.points.map((p) => ({
      id: p.id,
      learnt: p.learnt,
      action: p.action,
      area: p.level === 'team' ? local(p.teamNameEn, p.teamNameCy) : p.level === 'service_area' ? local(p.serviceAreaNameEn, p.serviceAreaNameCy) : p.level === 'business_area' ? local(p.businessAreaNameEn, p.businessAreaNameCy) : null,
      owner: p.ownerName,
      due: dates.day(p.dueOn),
      raised: dates.moment(p.raisedAt),
      status: p.status,
      overdue: p.overdue,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function LearningLog() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(['learning', 'casework', 'common']);
  const query = page.query as LearningLogQuery;
  const href = (changes: Partial<LearningLogQuery>) => `${page.path}${search({ ...query, page: 1, ...changes })}`;
  const sortLink = (sort: LearningLogQuery['sort']) => ({
    sortHref: href({ sort, direction: query.sort === sort && query.direction === 'asc' ? 'desc' : 'asc' }),
    ...(query.sort === sort ? { sorted: query.direction === 'asc' ? ('ascending' as const) : ('descending' as const) } : {}),
  });
  const pageLinks = Array.from({ length: page.pages }, (_, i) => i + 1)
    .filter((n) => n === 1 || n === page.pages || Math.abs(n - query.page) <= 2)
    .map((n) => ({ number: n, href: href({ page: n }), current: n === query.page }));
  return (
    <>
      {page.levels.length > 1 ? (
        <nav aria-label={t('log.levelsLabel')}>
          <ul className="govuk-list">
            {page.levels.map((l) => (
              <li key={l.level} className="govuk-!-display-inline-block govuk-!-margin-right-4">
                <a className="govuk-link govuk-link--no-visited-state" href={l.href} aria-current={l.level === page.level ? 'page' : undefined}>
                  {t(`log.title.${l.level}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <h1 className="govuk-heading-l">{t(`log.title.${page.level}`)}</h1>
      <p className="govuk-body">{t(`log.lead.${page.level}`)}</p>

      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={href({ status: 'overdue' })} aria-current={query.status === 'overdue' ? 'true' : undefined}>
            {t('log.overdueLink', { count: page.overdue })}
          </a>
        </li>
        <li>
          <a className="govuk-link" href={href({ status: 'outstanding' })} aria-current={query.status === 'outstanding' ? 'true' : undefined}>
            {t('log.outstandingLink')}
          </a>
        </li>
        <li>
          <a className="govuk-link" href={href({ status: 'all' })} aria-current={query.status === 'all' ? 'true' : undefined}>
            {t('log.allLink')}
          </a>
        </li>
      </ul>

      <form method="get" action={page.path}>
        <h2 className="govuk-heading-m">{t('log.filters.heading')}</h2>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="direction" value={query.direction} />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Select id="status" name="status" label={t('log.filters.status')} value={query.status} options={LEARNING_STATUS_FILTERS.map((s) => ({ value: s, label: t(`log.filters.statuses.${s}`) }))} />
          </div>
          {page.areas.length > 1 ? (
            <div className="govuk-grid-column-one-half">
              <Select id="area" name="area" label={t(`log.filters.area.${page.level}`)} value={query.area ?? ''} emptyOption={t('log.filters.anyArea')} options={page.areas} />
            </div>
          ) : null}
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t('log.filters.apply')}
          </button>
          <a className="govuk-link" href={page.path}>
            {t('log.filters.clear')}
          </a>
        </div>
      </form>

      {page.points.length === 0 ? (
        <p className="govuk-body">{t('log.empty')}</p>
      ) : (
        <Table
          caption={t('log.caption', { total: page.total, page: query.page, pages: page.pages })}
          captionSize="s"
          columns={[
            { key: 'learnt', header: t('columns.learnt') },
            ...(page.level === 'national' ? [] : [{ key: 'area', header: t(`log.filters.area.${page.level}`) }]),
            { key: 'owner', header: t('columns.owner') },
            { key: 'raised', header: t('columns.raised'), ...sortLink('raised') },
            { key: 'due', header: t('columns.due'), ...sortLink('due') },
            { key: 'status', header: t('columns.status'), ...sortLink('status') },
          ]}
          rows={page.points.map((p) => ({
            _key: p.id,
            learnt: <LearntWithAction point={p} />,
            area: p.area,
            owner: p.owner,
            raised: p.raised,
            due: p.due,
            status: <LearningStatusTag status={p.status} overdue={p.overdue} />,
          }))}
        />
      )}
      {page.pages > 1 ? (
        <Pagination
          label={t('log.pagination')}
          pages={pageLinks}
          {...(query.page > 1 ? { previous: { href: href({ page: query.page - 1 }), text: t('log.previous') } } : {})}
          {...(query.page < page.pages ? { next: { href: href({ page: query.page + 1 }), text: t('log.next') } } : {})}
        />
      ) : null}
    </>
  );
}
