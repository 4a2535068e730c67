import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ACTORS, BACKOFFICE_ROUTES, type Actor, type RouteIds } from './support/backoffice-routes';
import { DEMO_STAFF, signInOverHttp } from './support/staff';

/**
 * The access matrix: every back-office route, as every role and signed out, over plain HTTP with
 * the session cookie a real sign-in gives (second factor included). Deny by default: anyone not
 * listed for a route is refused on the server, and signed out every route goes to sign in.
 */

const backoffice = inject('backofficeUrl');
const cookies = new Map<Actor, string>();
let ids: RouteIds;

const PEOPLE: Record<Actor, string> = {
  csq_administrator: DEMO_STAFF.csq_administrator,
  csq_administrator_south: DEMO_STAFF.csq_administrator_south,
  responding_manager: DEMO_STAFF.responding_manager,
  head_of_service: DEMO_STAFF.head_of_service,
  csq_manager: DEMO_STAFF.csq_manager,
  national_office: DEMO_STAFF.national_office,
  system_administrator: DEMO_STAFF.system_administrator,
};

function request(method: 'GET' | 'POST', path: string, cookie?: string, body?: Record<string, string>) {
  return fetch(`${backoffice}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded', Origin: backoffice } : {}),
    },
    body: method === 'POST' ? new URLSearchParams(body ?? {}).toString() : undefined,
  });
}

async function html(path: string, actor: Actor): Promise<string> {
  const response = await request('GET', path, cookies.get(actor));
  expect(response.status, `${path} as ${actor}`).toBe(200);
  return response.text();
}

const complaintLinks = (page: string) => new Set([...page.matchAll(/href="\/complaints\/([0-9a-f-]{36})"/g)].map((m) => m[1]!));

beforeAll(async () => {
  for (const actor of ACTORS) cookies.set(actor, await signInOverHttp(backoffice, PEOPLE[actor]));
  // A staff account to administer: the South's CSQ administrator.
  const staffPage = await html(`/admin/staff?search=${encodeURIComponent('tom.hughes')}`, 'national_office');
  const staffId = /href="\/admin\/staff\/([0-9a-f-]{36})"/.exec(staffPage)?.[1];
  // A complaint of the North: in the North administrator's new queue and not in the South's (both
  // see complaints not yet routed to an area, so those are left out).
  const north = complaintLinks(await html('/queues/new', 'csq_administrator'));
  const south = complaintLinks(await html('/queues/new', 'csq_administrator_south'));
  const northComplaintId = [...north].find((id) => !south.has(id));
  expect(staffId, 'a staff account link on /admin/staff').toBeDefined();
  expect(northComplaintId, 'a complaint only the North can see on /queues/new').toBeDefined();
  ids = { staffId: staffId!, northComplaintId: northComplaintId! };
}, 180_000);

describe('every back-office route, as every role and signed out', () => {
  for (const route of BACKOFFICE_ROUTES) {
    describe(`${route.method} ${route.name}`, () => {
      for (const actor of ACTORS) {
        if (route.unchecked?.includes(actor)) continue;
        const allowed = route.allowed === 'everyone' || route.allowed.includes(actor);
        it(`${allowed ? 'allows' : 'refuses'} ${actor}`, async () => {
          const path = typeof route.path === 'function' ? route.path(ids) : route.path;
          const response = await request(route.method, path, cookies.get(actor), route.body);
          const expected = allowed ? route.allowedStatus : (route.deniedStatus ?? 403);
          expect([expected].flat(), `${route.method} ${path} as ${actor}`).toContain(response.status);
          if (!allowed) expect(await response.text()).not.toMatch(/<table|govuk-summary-list__row/);
        });
      }

      it('sends someone signed out to sign in, showing nothing', async () => {
        const path = typeof route.path === 'function' ? route.path(ids) : route.path;
        const response = await request(route.method, path, undefined, route.body);
        expect(response.status).toBe(302);
        expect(response.headers.get('location')).toBe(`/sign-in?returnTo=${encodeURIComponent(path)}`);
        expect(await response.text()).toBe('');
      });
    });
  }
});

describe('the home page and sign-in', () => {
  it('is the sign-in page when signed out', async () => {
    for (const path of ['/', '/sign-in']) {
      const response = await request('GET', path);
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toContain('name="email"');
      expect(page).toContain('type="password"');
    }
  });

  it('sends each person to their start page when signed in', async () => {
    for (const actor of ACTORS) {
      const response = await request('GET', '/', cookies.get(actor));
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(actor === 'system_administrator' ? '/admin/staff' : '/queues');
    }
  });

  it('refuses a session cookie that is not one of ours', async () => {
    const forged = `session=${encodeURIComponent(Buffer.from(JSON.stringify('a'.repeat(32))).toString('base64'))}`;
    const response = await request('GET', '/account', forged);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/sign-in?returnTo=%2Faccount');
  });

  it('keeps someone who still owes a second factor out of everything', async () => {
    const response = await request('POST', '/sign-in', undefined, { email: DEMO_STAFF.national_office, password: 'demo-complaints-2026' });
    expect(response.headers.get('location')).toBe('/sign-in/second-factor');
    const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
    for (const path of ['/account', '/audit', '/admin/staff', '/queues']) {
      const page = await request('GET', path, cookie);
      expect(page.status, path).toBe(302);
      expect(page.headers.get('location')).toMatch(/^\/sign-in/);
    }
  });
});
