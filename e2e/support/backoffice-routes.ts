import type { RoleKey } from '@complaints/domain';

/**
 * Every back-office route with who may use it, for the access matrix (e2e/backoffice-access.e2e.test.ts).
 * The matrix signs in as one demo member of staff per role, requests each route as each of them
 * and signed out, and checks the answer: the allowed get `allowedStatus`; everyone else gets
 * `deniedStatus` (403 for a page their role does not open, 404 for a complaint they may not see,
 * so ids cannot be probed); signed out, every route redirects to /sign-in and shows nothing.
 *
 * Paths may use ids the matrix reads through the app before it starts (see `RouteIds`).
 */

/** The people the matrix acts as: one per role, and a second CSQ administrator from another business area. */
export type Actor = RoleKey | 'csq_administrator_south';

export const ACTORS: readonly Actor[] = [
  'csq_administrator',
  'csq_administrator_south',
  'responding_manager',
  'head_of_service',
  'csq_manager',
  'national_office',
  'system_administrator',
];

/** Ids found through the app: a staff account to administer, and a complaint in the North business area. */
export type RouteIds = { staffId: string; northComplaintId: string };

export type RouteCase = {
  name: string;
  method: 'GET' | 'POST';
  path: string | ((ids: RouteIds) => string);
  /** A form body for POSTs; chosen so an allowed request is refused as invalid and changes nothing. */
  body?: Record<string, string>;
  /** Who may: everyone signed in, or these actors. */
  allowed: 'everyone' | readonly Actor[];
  /** What an allowed actor gets: a status, or one of several when it depends on the person. */
  allowedStatus: number | readonly number[];
  /** What everyone else gets. */
  deniedStatus?: 403 | 404 | readonly number[];
  /** Actors whose answer is not decided by role alone (e.g. whether a complaint is assigned to them): not checked here. */
  unchecked?: readonly Actor[];
};

const ADMINISTRATORS = ['system_administrator', 'national_office'] as const;

export const BACKOFFICE_ROUTES: RouteCase[] = [
  // Access: your own account, for everyone signed in.
  { name: 'account', method: 'GET', path: '/account', allowed: 'everyone', allowedStatus: 200 },
  { name: 'change password page', method: 'GET', path: '/account/password', allowed: 'everyone', allowedStatus: 200 },
  { name: 'change password (empty form)', method: 'POST', path: '/account/password', body: {}, allowed: 'everyone', allowedStatus: 400 },
  // Those who already have a second factor are sent back to their account page.
  { name: 'set up a second factor', method: 'GET', path: '/account/second-factor', allowed: 'everyone', allowedStatus: [200, 302] },
  { name: 're-authenticate', method: 'GET', path: '/reauthenticate', allowed: 'everyone', allowedStatus: 200 },
  { name: 're-authenticate (empty form)', method: 'POST', path: '/reauthenticate', body: {}, allowed: 'everyone', allowedStatus: 400 },

  // Administration of staff accounts.
  { name: 'staff accounts', method: 'GET', path: '/admin/staff', allowed: ADMINISTRATORS, allowedStatus: 200, deniedStatus: 403 },
  { name: 'staff accounts, filtered', method: 'GET', path: '/admin/staff?role=csq_manager&page=1', allowed: ADMINISTRATORS, allowedStatus: 200, deniedStatus: 403 },
  { name: 'add a staff account', method: 'GET', path: '/admin/staff/new', allowed: ADMINISTRATORS, allowedStatus: 200, deniedStatus: 403 },
  { name: 'add a staff account (empty form)', method: 'POST', path: '/admin/staff/new', body: {}, allowed: ADMINISTRATORS, allowedStatus: 400, deniedStatus: 403 },
  { name: 'a staff account', method: 'GET', path: (ids) => `/admin/staff/${ids.staffId}`, allowed: ADMINISTRATORS, allowedStatus: 200, deniedStatus: 403 },
  { name: 'a staff account (details without a name)', method: 'POST', path: (ids) => `/admin/staff/${ids.staffId}`, body: { intent: 'details', fullName: '' }, allowed: ADMINISTRATORS, allowedStatus: 400, deniedStatus: 403 },
  { name: "change a staff member's role", method: 'GET', path: (ids) => `/admin/staff/${ids.staffId}/role`, allowed: ADMINISTRATORS, allowedStatus: 200, deniedStatus: 403 },
  { name: "change a staff member's role (no role)", method: 'POST', path: (ids) => `/admin/staff/${ids.staffId}/role`, body: {}, allowed: ADMINISTRATORS, allowedStatus: 400, deniedStatus: 403 },
  { name: 'a staff account that does not exist', method: 'GET', path: '/admin/staff/00000000-0000-4000-8000-000000000000', allowed: ADMINISTRATORS, allowedStatus: 404, deniedStatus: 403 },

  // The organisation's structure.
  { name: 'organisation', method: 'GET', path: '/admin/organisation', allowed: ADMINISTRATORS, allowedStatus: 200, deniedStatus: 403 },
  { name: 'add a business area', method: 'GET', path: '/admin/organisation/business-areas/new', allowed: ADMINISTRATORS, allowedStatus: 200, deniedStatus: 403 },
  { name: 'add a team (empty form)', method: 'POST', path: '/admin/organisation/teams/new', body: {}, allowed: ADMINISTRATORS, allowedStatus: 400, deniedStatus: 403 },
  { name: 'add a service area', method: 'GET', path: '/admin/organisation/service-areas/new', allowed: ADMINISTRATORS, allowedStatus: 200, deniedStatus: 403 },

  // The audit log, for national office only.
  { name: 'audit log', method: 'GET', path: '/audit', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'audit log search', method: 'GET', path: '/audit?action=staff.signed_in&from.day=1&from.month=1&from.year=2026', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'audit log export', method: 'GET', path: '/audit/export', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },

  // A complaint of the North business area, opened by its id: its area's CSQ administrator and CSQ
  // manager and national office may; the South's administrator and the system administrator are
  // told there is no such page. Whether a manager or Head of Service may depends on assignment and
  // service area, which the access rules' own tests cover.
  {
    name: "a North complaint's page, by id",
    method: 'GET',
    path: (ids) => `/complaints/${ids.northComplaintId}`,
    allowed: ['csq_administrator', 'csq_manager', 'national_office'],
    allowedStatus: 200,
    deniedStatus: 404,
    unchecked: ['responding_manager', 'head_of_service'],
  },
];
