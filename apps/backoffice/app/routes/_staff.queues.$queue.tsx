import { type QueueKey, QUEUE_KEYS, QUEUE_STATE_FILTERS, RAG_STATUSES, FEEDBACK_KINDS, parseQueueQuery, queueSearch, type QueueQuery } from '@complaints/domain';
import { QUEUE_CAPABILITY } from '@complaints/services';
import { Pagination, Select, Table, Tag } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { caseworkDates, caseworkPage, orRefuse } from '../components/casework-page.server';
import { ComplaintLink, STATE_COLOURS } from '../components/casework-tags';

export const handle = { i18n: ['common', 'casework'] };

/**
 * A work queue: the person's complaints, filtered and sorted in the database, 25 a page, each
 * with its due date and warning. Filters, sorting and pages are plain links and a GET form, so
 * they work without JavaScript and can be bookmarked.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const queue = (QUEUE_KEYS as readonly string[]).includes(params.queue ?? '') ? (params.queue as QueueKey) : null;
  // Signed in first, whatever the address: nobody signed out learns which queues exist.
  const { t, title, language, caseworkRequest } = await caseworkPage(request, context, queue ? { capability: QUEUE_CAPABILITY[queue] } : {});
  if (!queue) throw new Response('Not found', { status: 404 });
  const query = parseQueueQuery(new URL(request.url).searchParams);
  const page = await orRefuse(context.services.casework.listQueue(caseworkRequest, queue, query), t);
  const settings = await context.services.processSettings();
  const dates = caseworkDates(language);
  return data({
    title: title(t(`queues.title.${queue}`)),
    queue,
    queues: page.queues,
    query: page.query,
    counts: page.counts,
    pages: page.pages,
    reminderWindow: settings.timescales.reminder_window,
    serviceAreas: page.serviceAreas.map((a) => ({ value: a.id, label: language === 'cy' ? a.nameCy : a.nameEn })),
    rows: page.rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      received: dates.day(r.receivedOn),
      from: r.complainantName,
      role: r.complainantRole,
      area: [language === 'cy' ? r.serviceAreaNameCy : r.serviceAreaNameEn, language === 'cy' ? r.teamNameCy : r.teamNameEn].filter(Boolean).join(', '),
      state: r.state,
      stage: r.stage,
      due: dates.day(r.currentDueOn),
      rag: r.rag,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

/**
 * The page's fixed words, each looked up in i18next once a language and then kept: they come from
 * the translations bundled with the app, which do not change while it runs, and the table's 25 rows
 * repeat a handful of states, roles, kinds, stages and warnings. A lookup in i18next costs far more
 * than one in a Map. Words with a count or a page number in them are looked up each time.
 */
const wordsByLanguage = new Map<string, Map<string, string>>();

function wordsIn(language: string, t: TFunction) {
  let known = wordsByLanguage.get(language);
  if (!known) {
    known = new Map();
    wordsByLanguage.set(language, known);
  }
  const words = known;
  return (key: string, options?: { stage: number }): string => {
    const id = options ? `${key}:${options.stage}` : key;
    let text = words.get(id);
    if (text === undefined) {
      text = options ? t(key, options) : t(key);
      words.set(id, text);
    }
    return text;
  };
}

export default function QueuePage() {
  const page = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(['casework', 'common']);
  const word = wordsIn(i18n.language, t);
  const query = page.query as QueueQuery;
  const href = (changes: Partial<QueueQuery>) => `/queues/${page.queue}${queueSearch({ ...query, page: 1, ...changes })}`;
  const sortLink = (sort: QueueQuery['sort']) => ({
    sortHref: href({ sort, direction: query.sort === sort && query.direction === 'asc' ? 'desc' : 'asc' }),
    ...(query.sort === sort ? { sorted: query.direction === 'asc' ? ('ascending' as const) : ('descending' as const) } : {}),
  });
  const stateOptions = QUEUE_STATE_FILTERS.filter((s) => page.queue !== 'new' || ['open', 'received', 'logged'].includes(s)).map((s) => ({
    value: s,
    label: s === 'open' ? word('queues.filters.stateOpen') : s === 'any' ? word('queues.filters.stateAny') : word(`states.${s}`),
  }));
  const pageLinks = Array.from({ length: page.pages }, (_, i) => i + 1)
    .filter((n) => n === 1 || n === page.pages || Math.abs(n - query.page) <= 2)
    .map((n) => ({ number: n, href: href({ page: n }), current: n === query.page }));
  return (
    <>
      {page.queues.length > 1 ? (
        <nav aria-label={word('queues.navigationLabel')}>
          <ul className="govuk-list app-queue-navigation">
            {page.queues.map((q) => (
              <li key={q} className="govuk-!-display-inline-block govuk-!-margin-right-4">
                <a className="govuk-link govuk-link--no-visited-state" href={`/queues/${q}`} aria-current={q === page.queue ? 'page' : undefined}>
                  {word(`queues.title.${q}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <h1 className="govuk-heading-l">{word(`queues.title.${page.queue}`)}</h1>
      <p className="govuk-body">{word(`queues.lead.${page.queue}`)}</p>

      <h2 className="govuk-heading-m">{word('queues.warnings.heading')}</h2>
      <ul className="govuk-list">
        {(['red', 'amber', 'green'] as const).map((rag) => (
          <li key={rag}>
            <a className="govuk-link" href={href({ rag })} aria-current={query.rag === rag ? 'true' : undefined}>
              {t(`queues.warnings.${rag}`, { count: page.counts[rag], days: page.reminderWindow })}
            </a>
          </li>
        ))}
        {query.rag !== null ? (
          <li>
            <a className="govuk-link" href={href({ rag: null })}>
              {word('queues.warnings.showAll')}
            </a>
          </li>
        ) : null}
      </ul>

      <form method="get" action={`/queues/${page.queue}`} className="app-queue-filters">
        <h2 className="govuk-heading-m">{word('queues.filters.heading')}</h2>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="direction" value={query.direction} />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select id="state" name="state" label={word('queues.filters.state')} value={query.state} options={stateOptions} />
            <Select
              id="stage"
              name="stage"
              label={word('queues.filters.stage')}
              value={query.stage === null ? '' : String(query.stage)}
              emptyOption={word('queues.filters.anyStage')}
              options={[1, 2].map((s) => ({ value: String(s), label: word('stage', { stage: s }) }))}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="rag"
              name="rag"
              label={word('queues.filters.rag')}
              value={query.rag ?? ''}
              emptyOption={word('queues.filters.anyRag')}
              options={RAG_STATUSES.map((r) => ({ value: r, label: word(`rag.${r}`) }))}
            />
            <Select
              id="kind"
              name="kind"
              label={word('queues.filters.kind')}
              value={query.kind ?? ''}
              emptyOption={word('queues.filters.anyKind')}
              options={FEEDBACK_KINDS.map((k) => ({ value: k, label: word(`kinds.${k}`) }))}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select id="area" name="area" label={word('queues.filters.area')} value={query.serviceAreaId ?? ''} emptyOption={word('queues.filters.anyArea')} options={page.serviceAreas} />
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {word('queues.filters.apply')}
          </button>
          <a className="govuk-link" href={`/queues/${page.queue}`}>
            {word('queues.filters.clear')}
          </a>
        </div>
      </form>

      {page.rows.length === 0 ? (
        <p className="govuk-body">{word('queues.empty')}</p>
      ) : (
        <Table
          caption={t('queues.caption', { queue: word(`queues.title.${page.queue}`), total: page.counts.total, page: query.page, pages: page.pages })}
          captionSize="s"
          columns={[
            { key: 'reference', header: word('queues.columns.reference'), ...sortLink('reference') },
            { key: 'received', header: word('queues.columns.received'), ...sortLink('received') },
            { key: 'from', header: word('queues.columns.from') },
            { key: 'area', header: word('queues.columns.area') },
            { key: 'state', header: word('queues.columns.state'), ...sortLink('state') },
            { key: 'due', header: word('queues.columns.due'), ...sortLink('due') },
            { key: 'warning', header: word('queues.columns.warning') },
          ]}
          rows={page.rows.map((r) => ({
            _key: r.id,
            reference: <ComplaintLink id={r.id} reference={r.reference} />,
            received: r.received,
            from: (
              <>
                {r.from}
                {r.role ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{word(`complainantRoles.${r.role}`)}</span> : null}
                {r.kind !== 'complaint' ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{word(`kinds.${r.kind}`)}</span> : null}
              </>
            ),
            area: r.area || word('queues.notPlaced'),
            // The tags as StateTag and RagTag draw them, with their words from the lookups above.
            state: (
              <>
                <Tag colour={STATE_COLOURS[r.state]}>{word(`states.${r.state}`)}</Tag> <span className="govuk-body-s">{word('stage', { stage: r.stage })}</span>
              </>
            ),
            due: r.due ?? word('queues.nothingDue'),
            warning: r.rag === null ? word('queues.nothingDue') : <Tag colour={r.rag}>{word(`rag.${r.rag}`)}</Tag>,
          }))}
        />
      )}
      {page.pages > 1 ? (
        <Pagination
          label={word('queues.pagination')}
          pages={pageLinks}
          {...(query.page > 1 ? { previous: { href: href({ page: query.page - 1 }), text: word('queues.previous') } } : {})}
          {...(query.page < page.pages ? { next: { href: href({ page: query.page + 1 }), text: word('queues.next') } } : {})}
        />
      ) : null}
    </>
  );
}
