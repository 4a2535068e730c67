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
/** Everyone who works on complaints: all but the system administrator, who sees none. */
const CASEWORKERS = ['csq_administrator', 'csq_administrator_south', 'responding_manager', 'head_of_service', 'csq_manager', 'national_office'] as const;
/** Whoever logs what arrives and watches the new complaints: the CSQ administrators, the CSQ manager, national office. */
const NEW_QUEUE = ['csq_administrator', 'csq_administrator_south', 'csq_manager', 'national_office'] as const;
/** Who may work on a North complaint in every state: its area's CSQ administrator and CSQ manager, and national office. */
const NORTH_CASEWORK = ['csq_administrator', 'csq_manager', 'national_office'] as const;

export const BACKOFFICE_ROUTES: RouteCase[] = [
  // Access: your own account, for everyone signed in.
  { name: 'account', method: 'GET', path: '/account', allowed: 'everyone', allowedStatus: 200 },
  { name: 'change password page', method: 'GET', path: '/account/password', allowed: 'everyone', allowedStatus: 200 },
  { name: 'change password (empty form)', method: 'POST', path: '/account/password', body: {}, allowed: 'everyone', allowedStatus: 400 },
  // Those who already have a second factor are sent back to their account page.
  { name: 'set up a second factor', method: 'GET', path: '/account/second-factor', allowed: 'everyone', allowedStatus: [200, 302] },
  // Recovery codes go with a second factor: those without one are sent back to their account page.
  { name: 'recovery codes', method: 'GET', path: '/account/recovery-codes', allowed: 'everyone', allowedStatus: [200, 302] },
  { name: 'recovery codes kept', method: 'POST', path: '/account/recovery-codes', body: { intent: 'kept' }, allowed: 'everyone', allowedStatus: 302 },
  { name: 'where you are signed in', method: 'GET', path: '/account/sessions', allowed: 'everyone', allowedStatus: 200 },
  // Ends only the person's other sessions: each role's one session here carries on.
  { name: 'sign out everywhere else', method: 'POST', path: '/account/sessions', body: {}, allowed: 'everyone', allowedStatus: 302 },
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

  // Subject access: everything held about one complainant, as a ZIP, for national office only.
  { name: 'subject access export form', method: 'GET', path: '/subject-access', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'subject access export', method: 'GET', path: (ids) => `/subject-access/export?complaint=${ids.northComplaintId}`, allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },

  // Letter templates and the procedure's settings, for national office only. The forms are sent
  // empty, so they are refused and change nothing; a kind of letter with no template is not found.
  { name: 'letter templates', method: 'GET', path: '/admin/templates', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'a letter template', method: 'GET', path: '/admin/templates/stage_1_response/child/cy', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'a letter template (empty form)', method: 'POST', path: '/admin/templates/acknowledgement/adult/en', body: { intent: 'save' }, allowed: ['national_office'], allowedStatus: 400, deniedStatus: 403 },
  { name: 'a letter template previewed unsaved (empty form)', method: 'POST', path: '/admin/templates/acknowledgement/adult/en', body: { intent: 'preview' }, allowed: ['national_office'], allowedStatus: 400, deniedStatus: 403 },
  { name: "a letter template's PDF", method: 'GET', path: '/admin/templates/acknowledgement/adult/en/preview.pdf?version=1', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'a letter template that does not exist', method: 'GET', path: '/admin/templates/received/adult/en', allowed: ['national_office'], allowedStatus: 404, deniedStatus: 403 },
  { name: 'the quality framework', method: 'GET', path: '/admin/quality-framework', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'editing the quality framework', method: 'GET', path: '/admin/quality-framework/edit', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'editing the quality framework (empty form)', method: 'POST', path: '/admin/quality-framework/edit', body: {}, allowed: ['national_office'], allowedStatus: 400, deniedStatus: 403 },
  { name: 'a version of the quality framework', method: 'GET', path: '/admin/quality-framework/versions/1', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'a version of the quality framework that does not exist', method: 'GET', path: '/admin/quality-framework/versions/999', allowed: ['national_office'], allowedStatus: 404, deniedStatus: 403 },
  { name: "a letter template's version that does not exist", method: 'GET', path: '/admin/templates/acknowledgement/adult/en/preview.pdf?version=999', allowed: ['national_office'], allowedStatus: 404, deniedStatus: 403 },
  { name: 'settings', method: 'GET', path: '/admin/settings', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'settings (empty form)', method: 'POST', path: '/admin/settings', body: {}, allowed: ['national_office'], allowedStatus: 400, deniedStatus: 403 },
  { name: 'settings (retention period, empty)', method: 'POST', path: '/admin/settings', body: { intent: 'retention' }, allowed: ['national_office'], allowedStatus: 400, deniedStatus: 403 },
  { name: 'timescales', method: 'GET', path: '/admin/settings/timescales', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'timescales (empty form)', method: 'POST', path: '/admin/settings/timescales', body: {}, allowed: ['national_office'], allowedStatus: 400, deniedStatus: 403 },
  { name: 'non-working days', method: 'GET', path: '/admin/settings/non-working-days', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'add a non-working day (empty form)', method: 'POST', path: '/admin/settings/non-working-days', body: { intent: 'add' }, allowed: ['national_office'], allowedStatus: 400, deniedStatus: 403 },
  // A day not on the list: nothing to remove, so nothing changes.
  { name: 'remove a non-working day (not on the list)', method: 'POST', path: '/admin/settings/non-working-days', body: { intent: 'remove', date: '2099-01-05' }, allowed: ['national_office'], allowedStatus: 409, deniedStatus: 403 },

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

  // Its family's welcome pack, for whoever may see the complaint: the PDF once a practitioner is
  // recorded, until then 409 with the reason (the matrix's North complaint may have none yet).
  {
    name: "a North complaint's welcome pack",
    method: 'GET',
    path: (ids) => `/complaints/${ids.northComplaintId}/welcome-pack.pdf`,
    allowed: ['csq_administrator', 'csq_manager', 'national_office'],
    allowedStatus: [200, 409],
    deniedStatus: 404,
    unchecked: ['responding_manager', 'head_of_service'],
  },

  // Casework: the queues, the dashboard and logging, each for the roles whose work it is.
  { name: 'queues (to the first queue)', method: 'GET', path: '/queues', allowed: CASEWORKERS, allowedStatus: 302, deniedStatus: 403 },
  { name: 'new complaints queue', method: 'GET', path: '/queues/new', allowed: NEW_QUEUE, allowedStatus: 200, deniedStatus: 403 },
  { name: 'new complaints queue, filtered and sorted', method: 'GET', path: '/queues/new?rag=amber&sort=reference&direction=desc&page=2', allowed: NEW_QUEUE, allowedStatus: 200, deniedStatus: 403 },
  { name: 'my complaints queue', method: 'GET', path: '/queues/mine', allowed: ['responding_manager', 'head_of_service', 'csq_manager', 'national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'caseload queue', method: 'GET', path: '/queues/caseload', allowed: ['csq_manager'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'all complaints queue', method: 'GET', path: '/queues/all?state=any&sort=state', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'a queue that does not exist', method: 'GET', path: '/queues/everyone', allowed: 'everyone', allowedStatus: 404 },
  { name: 'dashboard', method: 'GET', path: '/dashboard?period=90', allowed: CASEWORKERS, allowedStatus: 200, deniedStatus: 403 },
  // The quarterly report: Heads of Service, CSQ managers and national office, each for the scopes theirs to read.
  { name: 'quarterly report', method: 'GET', path: '/reports', allowed: ['head_of_service', 'csq_manager', 'national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: "the organisation's quarterly report", method: 'GET', path: '/reports?quarter=2026-Q2&scope=organisation', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: "the organisation's quarterly report as CSV", method: 'GET', path: '/reports/csv?quarter=2026-Q2&scope=organisation', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: "the organisation's quarterly report as PDF", method: 'GET', path: '/reports/pdf?quarter=2026-Q2&scope=organisation', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  // The annual complaints performance report: national office only, the page, its self-assessment and the PDF.
  { name: 'the annual report', method: 'GET', path: '/reports/annual', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'the annual report of a year', method: 'GET', path: '/reports/annual?year=2025-26', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: "the annual report's self-assessment (empty form)", method: 'POST', path: '/reports/annual', body: {}, allowed: ['national_office'], allowedStatus: 400, deniedStatus: 403 },
  { name: 'the annual report as a PDF', method: 'GET', path: '/reports/annual/pdf?year=2025-26', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  // Finding a complaint: whoever sees complaints (what each finds is theirs to see: e2e/search.e2e.test.ts).
  { name: 'find a complaint', method: 'GET', path: '/search', allowed: CASEWORKERS, allowedStatus: 200, deniedStatus: 403 },
  { name: 'find a complaint by part of a name, page 2', method: 'GET', path: '/search?q=jo&page=2', allowed: CASEWORKERS, allowedStatus: 200, deniedStatus: 403 },
  { name: 'find a complaint by a mistyped reference', method: 'GET', path: '/search?q=cmp-0000-0001', allowed: CASEWORKERS, allowedStatus: 400, deniedStatus: 403 },
  { name: 'log a complaint: what has come in', method: 'GET', path: '/complaints/log', allowed: NEW_QUEUE, allowedStatus: 200, deniedStatus: 403 },
  { name: 'the print queue', method: 'GET', path: '/print-queue', allowed: NEW_QUEUE, allowedStatus: 200, deniedStatus: 403 },
  { name: 'print letters (none chosen: back to the queue with the problem)', method: 'POST', path: '/print-queue/print', body: {}, allowed: NEW_QUEUE, allowedStatus: 303, deniedStatus: 403 },
  { name: 'log a complaint: the form', method: 'GET', path: '/complaints/log?kind=correspondence', allowed: NEW_QUEUE, allowedStatus: 200, deniedStatus: 403 },
  { name: 'log a complaint (empty form)', method: 'POST', path: '/complaints/log?kind=complaint', body: { kind: 'complaint', intent: 'log' }, allowed: NEW_QUEUE, allowedStatus: 400, deniedStatus: 403 },
  { name: 'a complaint that does not exist', method: 'GET', path: '/complaints/00000000-0000-4000-8000-000000000000', allowed: 'everyone', allowedStatus: 404 },

  // The North complaint's casework pages, by id: its area's administrator and CSQ manager and
  // national office may act; everyone else is told there is no such page. The forms are sent
  // empty or too soon (no manager yet), so they are refused and change nothing.
  { name: "assigning a North complaint", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/assign`, allowed: NORTH_CASEWORK, allowedStatus: 200, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "assigning a North complaint (no one chosen)", method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/assign`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "a North complaint's acknowledgement", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/acknowledge`, allowed: NORTH_CASEWORK, allowedStatus: 200, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "a North complaint's acknowledgement (no manager yet)", method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/acknowledge`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 409, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  // Logging an online complaint is open while it is only received; once logged it has moved on (409).
  { name: 'logging a North complaint', method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/log`, allowed: NORTH_CASEWORK, allowedStatus: [200, 409], deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "triage of a North complaint's point (empty form)", method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/triage/00000000-0000-4000-8000-000000000000`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  // Moves of the lifecycle that a new complaint is not ready for: the pages and buttons say it has
  // not got that far (409) to those who work on it, and there is no such page to everyone else.
  // Answering is the managers' work: a CSQ administrator may not (403).
  { name: "a North complaint's response (not investigated yet)", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/response`, allowed: ['csq_manager', 'national_office'], allowedStatus: 409, deniedStatus: [403, 404], unchecked: ['responding_manager', 'head_of_service'] },
  { name: "answering a North complaint's point (not investigated yet)", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/points/00000000-0000-4000-8000-000000000000/answer`, allowed: ['csq_manager', 'national_office'], allowedStatus: 409, deniedStatus: [403, 404], unchecked: ['responding_manager', 'head_of_service'] },
  { name: "a North complaint's stage 2 request (no response yet)", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/stage-two`, allowed: NORTH_CASEWORK, allowedStatus: 409, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "a North complaint's closure check (no response yet)", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/closure`, allowed: ['csq_manager'], allowedStatus: 409, deniedStatus: [403, 404], unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'starting the investigation of a North complaint (not acknowledged yet)', method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/moves/start_investigation`, body: {}, allowed: ['csq_manager', 'national_office'], allowedStatus: 409, deniedStatus: [403, 404], unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'a move that does not exist', method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/moves/shred`, body: {}, allowed: 'everyone', allowedStatus: 404 },
  { name: 'writing a letter about a North complaint', method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/letters/new`, allowed: NORTH_CASEWORK, allowedStatus: 200, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'writing a letter about a North complaint (empty form)', method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/letters/new`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "a North complaint's letter that does not exist", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/letters/00000000-0000-4000-8000-000000000000`, allowed: 'everyone', allowedStatus: 404 },

  // The investigation record. Notes and evidence are the managers' (CSQ administration may see the
  // complaint but not add to them: 403); the correspondence log, corrections to their details, what
  // they add and their withdrawal are recorded by CSQ administration. The forms are sent empty (or,
  // for a withdrawal, which needs nothing, with a reason too long), so they are refused and change nothing.
  { name: 'a note on a North complaint', method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/notes/new`, allowed: ['csq_manager', 'national_office'], allowedStatus: 200, deniedStatus: [403, 404], unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'a note on a North complaint (empty form)', method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/notes/new`, body: {}, allowed: ['csq_manager', 'national_office'], allowedStatus: 400, deniedStatus: [403, 404], unchecked: ['responding_manager', 'head_of_service'] },
  { name: "a North complaint's correspondence", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/correspondence/new`, allowed: NORTH_CASEWORK, allowedStatus: 200, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "a North complaint's correspondence (empty form)", method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/correspondence/new`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "correcting a North complainant's details", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/complainant`, allowed: NORTH_CASEWORK, allowedStatus: 200, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "correcting a North complainant's details (empty form)", method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/complainant`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'information added to a North complaint', method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/information`, allowed: NORTH_CASEWORK, allowedStatus: 200, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'information added to a North complaint (empty form)', method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/information`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'withdrawing a North complaint', method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/withdraw`, allowed: NORTH_CASEWORK, allowedStatus: 200, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'withdrawing a North complaint (a reason too long)', method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/withdraw`, body: { reason: 'x'.repeat(2001) }, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },

  // Timescales, the management review and the Ombudsman. A new complaint has not got that far (409)
  // for those who work on it; the forms sent empty are refused as incomplete (400) before that, and
  // change nothing. The management review is the managers' (CSQ administration: 403) and so is the
  // Ombudsman's outcome, though an empty outcome is refused as incomplete first.
  { name: "extending a North complaint's timescale (not acknowledged yet)", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/extend`, allowed: NORTH_CASEWORK, allowedStatus: 409, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "extending a North complaint's timescale (empty form)", method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/extend`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "pausing a North complaint's clock (not acknowledged yet)", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/pause`, allowed: NORTH_CASEWORK, allowedStatus: 409, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "pausing a North complaint's clock (empty form)", method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/pause`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "starting a North complaint's clock again (not paused)", method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/moves/resume_clock`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 409, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'a management review of a North complaint (not investigated yet)', method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/management-review`, allowed: ['csq_manager', 'national_office'], allowedStatus: 409, deniedStatus: [403, 404], unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'a management review of a North complaint (empty form)', method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/management-review`, body: {}, allowed: ['csq_manager', 'national_office'], allowedStatus: 409, deniedStatus: [403, 404], unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'referring a North complaint to the Ombudsman (no response yet)', method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/ombudsman`, allowed: NORTH_CASEWORK, allowedStatus: 409, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'referring a North complaint to the Ombudsman (empty form)', method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/ombudsman`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "the Ombudsman's outcome for a North complaint (not referred)", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/ombudsman/outcome`, allowed: ['csq_manager', 'national_office'], allowedStatus: 409, deniedStatus: [403, 404], unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'a further enquiry from the Ombudsman on a North complaint (not referred)', method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/ombudsman/enquiries/new`, allowed: NORTH_CASEWORK, allowedStatus: 409, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'a further enquiry from the Ombudsman on a North complaint (empty form)', method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/ombudsman/enquiries/new`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'our reply to the Ombudsman on a North complaint (not referred)', method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/ombudsman/enquiries/00000000-0000-4000-8000-000000000000/reply`, allowed: NORTH_CASEWORK, allowedStatus: 409, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: 'our reply to the Ombudsman on a North complaint (empty form)', method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/ombudsman/enquiries/00000000-0000-4000-8000-000000000000/reply`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "an Ombudsman's recommendation done on a North complaint (not referred)", method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/ombudsman/recommendations/00000000-0000-4000-8000-000000000000`, allowed: ['csq_manager', 'national_office'], allowedStatus: 409, deniedStatus: [403, 404], unchecked: ['responding_manager', 'head_of_service'] },
  { name: "an Ombudsman's recommendation done on a North complaint (empty form)", method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/ombudsman/recommendations/00000000-0000-4000-8000-000000000000`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },
  { name: "the Ombudsman's outcome for a North complaint (empty form)", method: 'POST', path: (ids) => `/complaints/${ids.northComplaintId}/ombudsman/outcome`, body: {}, allowed: NORTH_CASEWORK, allowedStatus: 400, deniedStatus: 404, unchecked: ['responding_manager', 'head_of_service'] },

  // The learning log. Every member of staff reads its front page and the bulletin; each level's log
  // opens to the roles whose area it covers (CSQ staff: team, service area and business area;
  // Heads of Service: team and service area; responding managers: their team's); national learning
  // is national office's. A point that does not exist is not found, to everyone.
  { name: 'learning log', method: 'GET', path: '/learning', allowed: 'everyone', allowedStatus: 200 },
  { name: 'learning bulletin', method: 'GET', path: '/learning/bulletin', allowed: 'everyone', allowedStatus: 200 },
  { name: 'team learning', method: 'GET', path: '/learning/team', allowed: CASEWORKERS, allowedStatus: 200, deniedStatus: 403 },
  { name: 'team learning, filtered and sorted', method: 'GET', path: '/learning/team?status=overdue&sort=status&direction=desc&area=nonsense&page=3', allowed: CASEWORKERS, allowedStatus: 200, deniedStatus: 403 },
  { name: 'service area learning', method: 'GET', path: '/learning/service-area', allowed: ['csq_administrator', 'csq_administrator_south', 'head_of_service', 'csq_manager', 'national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'business area learning', method: 'GET', path: '/learning/business-area', allowed: ['csq_administrator', 'csq_administrator_south', 'csq_manager', 'national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'national learning', method: 'GET', path: '/learning/national?status=all', allowed: ['national_office'], allowedStatus: 200, deniedStatus: 403 },
  { name: 'a learning log that does not exist', method: 'GET', path: '/learning/everyone', allowed: CASEWORKERS, allowedStatus: 404, deniedStatus: 403 },
  { name: 'a learning point that does not exist', method: 'GET', path: '/learning/points/00000000-0000-4000-8000-000000000000', allowed: 'everyone', allowedStatus: 404 },
  { name: 'updating a learning point that does not exist', method: 'POST', path: '/learning/points/00000000-0000-4000-8000-000000000000', body: { intent: 'update', status: 'done' }, allowed: 'everyone', allowedStatus: 404 },
  // Raising learning from a North complaint is the managers' (CSQ administration: 403). The form is
  // sent with an owner nobody is and a day long past, so it is refused and writes nothing.
  { name: 'raising learning from a North complaint', method: 'GET', path: (ids) => `/complaints/${ids.northComplaintId}/learning/new`, allowed: ['csq_manager', 'national_office'], allowedStatus: 200, deniedStatus: [403, 404], unchecked: ['responding_manager', 'head_of_service'] },
  {
    name: 'raising learning from a North complaint (an owner nobody is, a day long past)',
    method: 'POST',
    path: (ids) => `/complaints/${ids.northComplaintId}/learning/new`,
    body: { source: 'complaint', level: 'national', learnt: 'Calls went unreturned.', action: 'Cover calls.', ownerId: '00000000-0000-4000-8000-000000000000', 'dueOn.day': '1', 'dueOn.month': '1', 'dueOn.year': '2000' },
    allowed: ['csq_manager', 'national_office'],
    allowedStatus: 400,
    deniedStatus: [403, 404],
    unchecked: ['responding_manager', 'head_of_service'],
  },
];
