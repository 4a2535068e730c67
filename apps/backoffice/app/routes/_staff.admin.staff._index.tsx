import { ROLE_KEYS, type RoleKey } from '@complaints/domain';
import { ButtonLink, Checkboxes, Pagination, Table, Tag, TextInput } from '@complaints/ui';
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireStaff } from '../auth.server';
import { Select } from '../components/admin-select';
import { accessPage } from '../components/access-page.server';

export const handle = { i18n: ['common', 'staff-access'] };

const filters = z.object({
  role: z.enum(ROLE_KEYS).optional().catch(undefined),
  businessAreaId: z.string().uuid().optional().catch(undefined),
  search: z.string().trim().max(100).optional().catch(undefined),
  inactive: z.literal('yes').optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** Staff accounts, filtered by role, business area or name, a page at a time. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context, { capability: 'manage_staff' });
  const { t, title, language } = await accessPage(request, context);
  const query = filters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await context.services.staffAccounts.list(user, {
    role: query.role as RoleKey | undefined,
    businessAreaId: query.businessAreaId,
    search: query.search || undefined,
    includeInactive: query.inactive === 'yes',
    page: query.page,
  });
  return data({ title: title(t('staffAdmin.title')), language, query, list });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page?.title }];

export default function StaffAccounts() {
  const { t } = useTranslation(['staff-access', 'common']);
  const { query, list, language } = useLoaderData<typeof loader>();
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (query.role) params.set('role', query.role);
    if (query.businessAreaId) params.set('businessAreaId', query.businessAreaId);
    if (query.search) params.set('search', query.search);
    if (query.inactive) params.set('inactive', 'yes');
    params.set('page', String(page));
    return `/admin/staff?${params}`;
  };
  return (
    <>
      <h1 className="govuk-heading-l">{t('staffAdmin.title')}</h1>
      <ButtonLink href="/admin/staff/new">{t('staffAdmin.add')}</ButtonLink>
      <form method="get" action="/admin/staff" className="govuk-!-margin-bottom-6">
        <h2 className="govuk-heading-m">{t('staffAdmin.filters')}</h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select id="role" name="role" label={t('staffAdmin.role')} errorPrefix="" value={query.role ?? ''}
              options={[{ value: '', label: t('staffAdmin.anyRole') }, ...ROLE_KEYS.map((r) => ({ value: r, label: t(`roles.${r}`) }))]} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select id="businessAreaId" name="businessAreaId" label={t('staffAdmin.businessArea')} errorPrefix="" value={query.businessAreaId ?? ''}
              options={[{ value: '', label: t('staffAdmin.anyBusinessArea') }, ...list.businessAreas.map((a) => ({ value: a.id, label: a.name[language] }))]} />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput id="search" name="search" label={t('staffAdmin.search')} autoComplete="off" spellCheck={false} defaultValue={query.search ?? ''} />
          </div>
        </div>
        <Checkboxes id="inactive" name="inactive" legend={t('staffAdmin.filters')} small values={query.inactive ? ['yes'] : []} choices={[{ value: 'yes', label: t('staffAdmin.includeInactive') }]} />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t('staffAdmin.apply')}
        </button>
      </form>
      {list.accounts.length === 0 ? (
        <p className="govuk-body">{t('staffAdmin.none')}</p>
      ) : (
        <Table
          caption={t('staffAdmin.caption', { count: list.total })}
          columns={[
            { key: 'name', header: t('staffAdmin.name') },
            { key: 'email', header: t('staffAdmin.email') },
            { key: 'role', header: t('staffAdmin.role') },
            { key: 'area', header: t('staffAdmin.area') },
            { key: 'status', header: t('staffAdmin.status') },
          ]}
          rows={list.accounts.map((a) => ({
            _key: a.id,
            name: (
              <a className="govuk-link" href={`/admin/staff/${a.id}`}>
                {a.fullName}
              </a>
            ),
            email: a.email,
            role: t(`roles.${a.role}`),
            area: (a.teamName ?? a.serviceAreaName ?? a.businessAreaName)?.[language] ?? t('account.national'),
            status: (
              <>
                <Tag colour={a.active ? 'green' : 'grey'}>{a.active ? t('staffAdmin.active') : t('staffAdmin.inactive')}</Tag>{' '}
                {a.isDemo ? <Tag colour="blue">{t('staffAdmin.demo')}</Tag> : null}
              </>
            ),
          }))}
        />
      )}
      {list.pages > 1 ? (
        <Pagination
          label={t('staffAdmin.pageOf', { page: list.page, pages: list.pages })}
          previous={list.page > 1 ? { href: pageHref(list.page - 1), text: t('staffAdmin.previous') } : undefined}
          next={list.page < list.pages ? { href: pageHref(list.page + 1), text: t('staffAdmin.next') } : undefined}
        />
      ) : null}
    </>
  );
}
