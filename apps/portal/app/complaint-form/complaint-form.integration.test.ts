import { testSecondFactorSealer } from '@complaints/services/testing';
import { readEnvironment } from '@complaints/config';
import { formSettingsFor } from '../../server/form-settings';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { organisation } from '@complaints/content';
import { queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { extractPdfText } from '@complaints/documents/testing';
import { type Clock, COMPLAINT_FLOWS, CONFIRMATION_SHOWN_MINUTES, type FlowId, systemClock } from '@complaints/domain';
import { createServices, draftIdOf } from '@complaints/services';
import type { AppLoadContext } from '@remix-run/node';
import { callRoute, type RouteFunction, type RouteOutcome } from '../testing/route-call';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as adultCheck from '../routes/complain.check';
import * as adultConfirmation from '../routes/complain.confirmation';
import * as adultPage from '../routes/complain.$page';
import { HONEYPOT_FIELD } from './form-view';
import * as adultReceipt from '../routes/complain.receipt[.pdf]';
import * as childCheck from '../routes/complain.young-people.check';
import * as childConfirmation from '../routes/complain.young-people.confirmation';
import * as childPage from '../routes/complain.young-people.$page';
import * as childReceipt from '../routes/complain.young-people.receipt[.pdf]';
import * as exitRoute from '../routes/exit';
import { SHARED_DEVICE_COOKIES } from '../shared-device.server';
import { DRAFT_COOKIES, draftToken } from './form-cookie.server';
import type { CheckPageData, ConfirmationPageData, NoticePageData, QuestionPageData } from './form-view';

// Files sent in these tests are stored in a folder of their own, never in the project's data folder.
const dataDir = mkdtempSync(path.join(tmpdir(), 'complaint-form-'));
process.env.DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Page = QuestionPageData | CheckPageData | ConfirmationPageData | NoticePageData;
type Outcome = RouteOutcome<Page>;
const call = (fn: RouteFunction | undefined, args: Parameters<typeof callRoute>[1]) => callRoute<Page>(fn, args);

const ROUTES = {
  adult: { page: adultPage, check: adultCheck, confirmation: adultConfirmation, receipt: adultReceipt },
  child: { page: childPage, check: childCheck, confirmation: childConfirmation, receipt: childReceipt },
} as const;

const ORIGIN = 'http://localhost';

function urlEncoded(entries: Array<[string, string]>): string {
  return new URLSearchParams(entries).toString();
}

describeEachDatabase('the complaint form pages', (database) => {
  let services: ReturnType<typeof createServices> | undefined;
  // The settings the portal wires at start, with files kept in a folder of this test's own.
  // Thirty posts in ten minutes here, so the calm page is reached in a few posts (the portal's default is 300).
  const complaintForm = formSettingsFor(readEnvironment({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'complaint-form-')), COMPLAINT_FORM_RATE_LIMIT: '30' }));
  const context = (clientIp = `192.0.2.${Math.floor(Math.random() * 250)}`, clock?: Clock): AppLoadContext =>
    ({
      services: clock
        ? createServices({ db: database().db, clock, randomBytes: (n) => randomBytes(n), secondFactorSealer: testSecondFactorSealer })
        : (services ??= createServices({ db: database().db, clock: systemClock, randomBytes: (n) => randomBytes(n), secondFactorSealer: testSecondFactorSealer })),
      complaintForm,
      cspNonce: 'test',
      requestId: 'test',
      clientIp,
    }) as AppLoadContext;

  function post(pathname: string, body: BodyInit, options: { cookie?: string; contentType?: string; language?: string } = {}) {
    return new Request(`${ORIGIN}${pathname}`, {
      method: 'POST',
      body,
      headers: {
        'Content-Type': options.contentType ?? 'application/x-www-form-urlencoded',
        ...(options.cookie ? { Cookie: options.cookie } : {}),
        'Accept-Language': options.language ?? 'en-GB',
      },
    });
  }

  function get(pathname: string, cookie?: string) {
    return new Request(`${ORIGIN}${pathname}`, { headers: cookie ? { Cookie: cookie } : {} });
  }

  async function countComplaints(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from complaints`);
    return row!.n;
  }

  /** Answers each page the form asks, following its redirects as a browser would, up to "check your answers". */
  async function fillIn(flow: FlowId, answers: Record<string, Array<[string, string]>>, ip?: string, clock?: Clock): Promise<{ cookie: string; ctx: AppLoadContext }> {
    const base = COMPLAINT_FLOWS[flow].basePath;
    const ctx = context(ip, clock);
    let cookie = '';
    let at = `${base}/${COMPLAINT_FLOWS[flow].pages[0]!.id}`;
    for (let step = 0; step < 20 && at !== `${base}/check`; step += 1) {
      const pageId = at.slice(base.length + 1).split('?')[0]!;
      const done = await call(ROUTES[flow].page.action as RouteFunction, {
        request: post(at, urlEncoded(answers[pageId] ?? []), { cookie }),
        params: { page: pageId },
        context: ctx,
      });
      if (done.status !== 303) throw new Error(`${pageId}: ${done.status} ${JSON.stringify((done.page as QuestionPageData | undefined)?.errors)}`);
      cookie = done.cookie ?? cookie;
      at = done.location!;
    }
    return { cookie, ctx };
  }

  const ADULT: Record<string, Array<[string, string]>> = {
    who: [['role', 'parent_or_carer']],
    'your-name': [['fullName', 'Jodie Harris']],
    case: [['serviceAreaId', 'unknown']],
    'what-went-wrong': [
      ['points.0.text', 'Nobody called me back after the hearing.'],
      ['points.0.day', '2'],
      ['points.0.month', '3'],
      ['points.0.year', '2026'],
      ['points.1.text', 'The report named the wrong school.'],
    ],
    outcome: [],
    contact: [['preferredContact', 'email'], ['email', 'jodie@example.com']],
    language: [['language', 'en']],
    help: [],
    documents: [['intent', 'continue']],
    privacy: [['privacyAccepted', 'yes']],
  };

  const CHILD: Record<string, Array<[string, string]>> = {
    name: [['fullName', 'Sam']],
    'someone-helping': [['someoneHelping', 'no']],
    'what-happened': [['points.0.text', 'They did not listen to me.']],
    better: [],
    worker: [],
    'tell-you': [['preferredContact', 'email'], ['email', 'sam@example.com']],
    language: [['language', 'en']],
    privacy: [['privacyAccepted', 'yes']],
  };

  it('takes a complaint from the first question to the receipt, which carries the reference and every point', async () => {
    const { cookie, ctx } = await fillIn('adult', ADULT);
    const check = await call(adultCheck.loader as RouteFunction, { request: get('/complain/check', cookie), context: ctx });
    const checkPage = check.page as CheckPageData;
    expect(checkPage.rows.map((r) => r.key)).toContain('Point 2');
    const sent = await call(adultCheck.action as RouteFunction, {
      request: post('/complain/check', urlEncoded([['formKey', checkPage.formKey], [HONEYPOT_FIELD, '']]), { cookie }),
      context: ctx,
    });
    expect(sent).toMatchObject({ status: 303, location: '/complain/confirmation' });

    const confirmation = (await call(adultConfirmation.loader as RouteFunction, { request: get('/complain/confirmation', cookie), context: ctx })).page as ConfirmationPageData;
    expect(confirmation.view).toBe('confirmation');
    expect(confirmation.reference).toMatch(/^CMP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const receipt = await call(adultReceipt.loader as RouteFunction, { request: get('/complain/receipt.pdf', cookie), context: ctx });
    expect(receipt.response?.headers.get('Content-Type')).toBe('application/pdf');
    // It opens in the browser rather than landing in the device's downloads, and is never cached.
    expect(receipt.response?.headers.get('Content-Disposition')).toBe(`inline; filename="complaint-${confirmation.reference}.pdf"`);
    expect(receipt.response?.headers.get('Cache-Control')).toBe('no-store');
    const read = await extractPdfText(new Uint8Array(await receipt.response!.arrayBuffer()));
    const text = read.text.replace(/\s+/g, ' ');
    expect(text).toContain(confirmation.reference);
    expect(text).toContain('Nobody called me back after the hearing.');
    expect(text).toContain('The report named the wrong school.');
    expect(text).toContain('2 March 2026');

    // Only the browser that sent it gets the receipt; without its cookie the confirmation page explains.
    const stranger = await call(adultReceipt.loader as RouteFunction, { request: get('/complain/receipt.pdf'), context: ctx });
    expect(stranger).toMatchObject({ status: 302, location: '/complain/confirmation' });
    const gone = (await call(adultConfirmation.loader as RouteFunction, { request: get('/complain/confirmation'), context: ctx })).page as NoticePageData;
    expect(gone).toMatchObject({ view: 'notice', heading: 'We cannot show this page again' });
  });

  it('makes one complaint from a form sent twice at once', async () => {
    const { cookie, ctx } = await fillIn('adult', ADULT);
    const check = (await call(adultCheck.loader as RouteFunction, { request: get('/complain/check', cookie), context: ctx })).page as CheckPageData;
    const before = await countComplaints();
    const sends = await Promise.all(
      [1, 2].map(() =>
        call(adultCheck.action as RouteFunction, { request: post('/complain/check', urlEncoded([['formKey', check.formKey]]), { cookie }), context: ctx }),
      ),
    );
    expect(sends.map((s) => [s.status, s.location])).toEqual([
      [303, '/complain/confirmation'],
      [303, '/complain/confirmation'],
    ]);
    expect(await countComplaints()).toBe(before + 1);
    const [row] = await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from complaints where idempotency_key = ${check.formKey}`);
    expect(row!.n).toBe(1);
  });

  it('shows a page again with its errors, the title marked, and what was typed kept', async () => {
    const typed = 'x'.repeat(5001);
    const shown = await call(adultPage.action as RouteFunction, {
      request: post('/complain/what-went-wrong', urlEncoded([['points.0.text', typed]])),
      params: { page: 'what-went-wrong' },
      context: context(),
    });
    const page = shown.page as QuestionPageData;
    expect(shown.status).toBe(400);
    expect(page.title).toMatch(/^Error: What went wrong\? – /);
    expect(page.errors).toEqual([{ href: '#points-0-text', text: 'Enter what went wrong, in 5,000 characters or fewer' }]);
    const field = page.fields[0]!;
    expect(field.kind === 'points' && field.points[0]!.text.value).toBe(typed);

    const welsh = await call(childPage.action as RouteFunction, {
      request: post('/complain/young-people/name?lng=cy', urlEncoded([['fullName', '']])),
      params: { page: 'name' },
      context: context(),
    });
    expect((welsh.page as QuestionPageData).errors[0]!.text).toBe('Dywed wrthym beth yw dy enw');
    // The children's questions have their picture beside them, described in the page's language.
    expect((welsh.page as QuestionPageData).picture).toEqual({ src: '/pictures/1F44B.svg', alt: 'Llaw yn chwifio i ddweud helo' });
    expect(page.picture).toBeUndefined();
  });

  it('answers too many posts from one address with a calm page, and a filled-in hidden field with thanks and nothing kept', async () => {
    const ctx = context(`198.18.0.${Math.floor(Math.random() * 250)}`);
    const statuses: number[] = [];
    let last: Outcome | undefined;
    for (let i = 0; i < 31; i += 1) {
      last = await call(adultPage.action as RouteFunction, { request: post('/complain/who', urlEncoded([['role', '']])), params: { page: 'who' }, context: ctx });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(last).toMatchObject({ status: 429, page: { view: 'notice', heading: 'Please wait before trying again' } });

    const honeypot = await call(adultPage.action as RouteFunction, {
      request: post('/complain/who', urlEncoded([['role', 'parent_or_carer'], [HONEYPOT_FIELD, 'https://spam.example']])),
      params: { page: 'who' },
      context: context(),
    });
    expect(honeypot).toMatchObject({ status: 200, page: { view: 'notice', heading: 'Your form was not sent' } });
    expect(honeypot.cookie).toBeUndefined();
  });

  it('keeps no complaint when the hidden field is filled in at the last step, and does not say it was received', async () => {
    const { cookie, ctx } = await fillIn('adult', ADULT);
    const check = (await call(adultCheck.loader as RouteFunction, { request: get('/complain/check', cookie), context: ctx })).page as CheckPageData;
    const before = await countComplaints();
    const sent = await call(adultCheck.action as RouteFunction, {
      request: post('/complain/check', urlEncoded([['formKey', check.formKey], [HONEYPOT_FIELD, 'https://spam.example']]), { cookie }),
      context: ctx,
    });
    expect(sent).toMatchObject({ status: 200, page: { view: 'notice', heading: 'Your form was not sent' } });
    const words = JSON.stringify(sent.page);
    expect(words).toContain('it has not reached us');
    expect(words).not.toMatch(/thank you|we have your/i);
    expect(await countComplaints()).toBe(before);
  });

  describe('on a shared device', () => {
    const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

    /** A clock that the test moves on, as the services' clock: minutes pass without waiting. */
    function movableClock() {
      let offsetMs = 0;
      const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
      return { clock, moveOn: (minutes: number) => (offsetMs += minutes * 60 * 1000) };
    }

    async function draftIdBehind(flow: FlowId, cookie: string): Promise<string> {
      return draftIdOf(await draftToken(get('/', cookie), flow))!;
    }

    async function draftsNow(ids: string[]): Promise<number> {
      const [row] = await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from form_drafts where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
      return row!.n;
    }

    async function sendForm(flow: FlowId, clock?: Clock) {
      const { cookie, ctx } = await fillIn(flow, flow === 'adult' ? ADULT : CHILD, undefined, clock);
      const base = COMPLAINT_FLOWS[flow].basePath;
      const check = (await call(ROUTES[flow].check.loader as RouteFunction, { request: get(`${base}/check`, cookie), context: ctx })).page as CheckPageData;
      const sent = await call(ROUTES[flow].check.action as RouteFunction, { request: post(`${base}/check`, urlEncoded([['formKey', check.formKey]]), { cookie }), context: ctx });
      expect(sent).toMatchObject({ status: 303, location: `${base}/confirmation` });
      return { cookie, ctx, base };
    }

    it('keeps each form\'s draft in a cookie that ends when the browser closes', async () => {
      for (const flow of ['adult', 'child'] as const) {
        const first = COMPLAINT_FLOWS[flow].pages[0]!.id;
        const started = await call(ROUTES[flow].page.action as RouteFunction, {
          request: post(`${COMPLAINT_FLOWS[flow].basePath}/${first}`, urlEncoded(flow === 'adult' ? [['role', 'parent_or_carer']] : [['fullName', 'Sam']])),
          params: { page: first },
          context: context(),
        });
        expect(started.status).toBe(303);
        expect(started.setCookies).toHaveLength(1);
        const header = started.setCookies[0]!;
        expect(header.startsWith(`${DRAFT_COOKIES[flow].name}=`)).toBe(true);
        expect(header).toMatch(new RegExp(`; Path=${DRAFT_COOKIES[flow].path}(;|$)`));
        expect(header).toMatch(/; HttpOnly/);
        expect(header).toMatch(/; SameSite=Lax/);
        expect(header).not.toMatch(/max-age/i);
        expect(header).not.toMatch(/expires/i);
      }
    });

    it('exit ends the drafts of both forms with their files, clears the cookies and the site, and leaves for the neutral site', async () => {
      for (const method of ['GET', 'POST'] as const) {
        const ctx = context();
        const adult = await call(adultPage.action as RouteFunction, {
          request: post('/complain/who', urlEncoded([['role', 'parent_or_carer']])),
          params: { page: 'who' },
          context: ctx,
        });
        const upload = new FormData();
        upload.append('files', new Blob([PDF], { type: 'application/pdf' }), 'letter.pdf');
        upload.append('intent', 'continue');
        const uploaded = await call(adultPage.action as RouteFunction, {
          request: new Request(`${ORIGIN}/complain/documents`, { method: 'POST', body: upload, headers: { Cookie: adult.cookie! } }),
          params: { page: 'documents' },
          context: ctx,
        });
        expect(uploaded).toMatchObject({ status: 303, location: '/complain/privacy' });
        const child = await call(childPage.action as RouteFunction, {
          request: post('/complain/young-people/name', urlEncoded([['fullName', 'Sam']])),
          params: { page: 'name' },
          context: ctx,
        });
        const cookies = `${adult.cookie!}; ${child.cookie!}`;
        const ids = [await draftIdBehind('adult', adult.cookie!), await draftIdBehind('child', child.cookie!)];
        expect(await draftsNow(ids)).toBe(2);
        const [file] = await queryRows<{ key: string }>(database().db, sql`select storage_key as key from attachments where draft_id = ${ids[0]!}`);
        expect(await complaintForm.storage.get(file!.key)).not.toBeNull();

        const request = new Request(`${ORIGIN}/exit`, { method, headers: { Cookie: cookies, ...(method === 'POST' ? { Origin: ORIGIN } : {}) } });
        const left = await call((method === 'GET' ? exitRoute.loader : exitRoute.action) as RouteFunction, { request, context: ctx });

        expect(left.status).toBe(303);
        expect(left.location).toBe(organisation.exitThisPage.url);
        expect(left.response?.headers.get('Clear-Site-Data')).toBe('"cache", "cookies", "storage"');
        expect(left.response?.headers.get('Cache-Control')).toBe('no-store');
        for (const expected of [...SHARED_DEVICE_COOKIES, { name: 'track_session', path: '/track' }, { name: 'track_challenge', path: '/track' }]) {
          const header = left.setCookies.find((c) => c.startsWith(`${expected.name}=;`));
          expect(header, expected.name).toBeDefined();
          expect(header).toMatch(new RegExp(`; Path=${expected.path};`));
          expect(header).toMatch(/; Max-Age=0;/);
          expect(header).toMatch(/; Expires=Thu, 01 Jan 1970 00:00:00 GMT;/);
        }
        expect(left.setCookies.map((c) => c.split('=')[0])).toEqual(expect.arrayContaining(['complaint_form', 'complaint_form_young_people']));

        // The drafts and the file are gone, from the database and from storage.
        expect(await draftsNow(ids)).toBe(0);
        const files = await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from attachments where draft_id = ${ids[0]!}`);
        expect(files[0]!.n).toBe(0);
        expect(await complaintForm.storage.get(file!.key)).toBeNull();
        // Even with the old cookie, the form opens empty.
        const reopened = await call(adultPage.loader as RouteFunction, { request: get('/complain/who', adult.cookie), params: { page: 'who' }, context: ctx });
        const role = (reopened.page as QuestionPageData).fields[0]!;
        expect(role.kind === 'radios' && role.selected).toEqual([]);
      }
    });

    it('exit leaves for the neutral site with the cookies cleared even when there is nothing to end, or a cookie is not ours', async () => {
      const left = await call(exitRoute.loader as RouteFunction, { request: get('/exit', 'complaint_form=not-base64!; track_session=abc'), context: context() });
      expect(left).toMatchObject({ status: 303, location: organisation.exitThisPage.url });
      expect(left.setCookies).toHaveLength(SHARED_DEVICE_COOKIES.length);
    });

    for (const flow of ['adult', 'child'] as const) {
      it(`${flow}: shows the confirmation and the receipt for ${CONFIRMATION_SHOWN_MINUTES} minutes after sending, then the calm page`, async () => {
        const { clock, moveOn } = movableClock();
        const { cookie, ctx, base } = await sendForm(flow, clock);
        const confirmation = () => call(ROUTES[flow].confirmation.loader as RouteFunction, { request: get(`${base}/confirmation`, cookie), context: ctx });
        const receipt = () => call(ROUTES[flow].receipt.loader as RouteFunction, { request: get(`${base}/receipt.pdf`, cookie), context: ctx });

        moveOn(CONFIRMATION_SHOWN_MINUTES - 1);
        expect((await confirmation()).page).toMatchObject({ view: 'confirmation', reference: expect.stringMatching(/^CMP-/) });
        expect((await receipt()).response?.headers.get('Content-Type')).toBe('application/pdf');

        moveOn(1);
        const gone = (await confirmation()).page as NoticePageData;
        expect(gone).toMatchObject({ view: 'notice', heading: flow === 'adult' ? 'We cannot show this page again' : 'We cannot show this page now' });
        expect(gone.paragraphs[0]).toContain(`${CONFIRMATION_SHOWN_MINUTES} minutes`);
        expect(await receipt()).toMatchObject({ status: 302, location: `${base}/confirmation` });
      });

      it(`${flow}: "Remove this from this device" ends the draft and its cookie, and keeps the complaint`, async () => {
        const { cookie, ctx, base } = await sendForm(flow);
        const shown = (await call(ROUTES[flow].confirmation.loader as RouteFunction, { request: get(`${base}/confirmation`, cookie), context: ctx })).page as ConfirmationPageData;
        expect(shown.remove.button).toBe(flow === 'adult' ? 'Remove this from this device' : 'Take this off this phone or computer');
        const id = await draftIdBehind(flow, cookie);
        expect(await draftsNow([id])).toBe(1);

        const removed = await call(ROUTES[flow].confirmation.action as RouteFunction, {
          request: new Request(`${ORIGIN}${base}/confirmation`, { method: 'POST', headers: { Cookie: cookie, Origin: ORIGIN } }),
          context: ctx,
        });
        expect(removed.status).toBe(200);
        expect(removed.page).toMatchObject({
          view: 'notice',
          heading: flow === 'adult' ? 'This has been removed from this device' : 'This has been taken off this phone or computer',
          link: { href: base },
        });
        expect(removed.setCookies).toHaveLength(1);
        expect(removed.setCookies[0]).toMatch(new RegExp(`^${DRAFT_COOKIES[flow].name}=; Path=${DRAFT_COOKIES[flow].path}; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0`));
        expect(await draftsNow([id])).toBe(0);
        const kept = await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from complaints where reference = ${shown.reference}`);
        expect(kept[0]!.n).toBe(1);
        const after = (await call(ROUTES[flow].confirmation.loader as RouteFunction, { request: get(`${base}/confirmation`, cookie), context: ctx })).page as NoticePageData;
        expect(after.view).toBe('notice');
      });
    }

    it('tells browsers and proxies never to keep the pages that hold answers, and passes on when to try again', () => {
      type HeadersArgs = { actionHeaders: Headers; loaderHeaders: Headers; parentHeaders: Headers; errorHeaders: Headers | undefined };
      const none = new Headers();
      for (const route of [adultPage, adultCheck, adultConfirmation, childPage, childCheck, childConfirmation]) {
        const headers = route.headers as unknown as (args: HeadersArgs) => Headers;
        expect(Object.fromEntries(headers({ actionHeaders: none, loaderHeaders: none, parentHeaders: none, errorHeaders: undefined }))).toEqual({ 'cache-control': 'no-store' });
        const refused = new Headers({ 'Retry-After': '600', Connection: 'close', 'X-Other': 'kept back' });
        expect(Object.fromEntries(headers({ actionHeaders: refused, loaderHeaders: none, parentHeaders: none, errorHeaders: undefined }))).toEqual({ 'cache-control': 'no-store', 'retry-after': '600', connection: 'close' });
      }
    });
  });

  describe('hostile input', () => {
    const hostileText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constant('<script>alert(document.cookie)</script>'),
      fc.constant('"><img src=x onerror=alert(1)>'),
      fc.constant('\u0000\u0007\u001b[2J\u202e'),
      fc.constant('x'.repeat(300_000)),
      fc.constant('🙂'.repeat(3000)),
      fc.constant("Robert'); DROP TABLE complaints;--"),
    );

    type Body = { body: BodyInit; contentType: string };

    function bodyFor(flow: FlowId): fc.Arbitrary<Body> {
      const names = COMPLAINT_FLOWS[flow].pages.flatMap((p) => p.fields.map((f) => f.name));
      const name = fc.oneof(
        fc.constantFrom(...names, 'intent', 'formKey', HONEYPOT_FIELD, 'points.0.text', 'points.0.day', 'points.99999.text', 'supportNeedsOther', 'email'),
        fc.string({ maxLength: 20 }),
      );
      const pairs = fc.array(fc.tuple(name, hostileText), { maxLength: 12 }).map((entries) => ({
        body: urlEncoded(entries),
        contentType: 'application/x-www-form-urlencoded',
      }));
      const thousandPoints = fc.constant({
        body: urlEncoded(Array.from({ length: 1000 }, (_, i): [string, string] => [`points.${i}.text`, `Point ${i}`])),
        contentType: 'application/x-www-form-urlencoded',
      });
      const brokenUtf8 = fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({
        body: new Uint8Array([...Buffer.from('fullName='), ...bytes, ...Buffer.from('&points.0.text=%C3%28%FF%FE')]),
        contentType: 'application/x-www-form-urlencoded',
      }));
      const json = fc.jsonValue().map((v) => ({ body: JSON.stringify(v), contentType: 'application/json' }));
      const wrongTypes = fc.tuple(name, fc.uint8Array({ maxLength: 100 })).map(([field, bytes]) => {
        const multipart = new FormData();
        multipart.append(field, new Blob([new Uint8Array(bytes)]), 'notes.exe');
        multipart.append('intent', 'continue');
        return { body: multipart, contentType: '' };
      });
      const nothing = fc.constant({ body: '', contentType: 'application/x-www-form-urlencoded' });
      const garbage = fc.uint8Array({ maxLength: 500 }).map((bytes) => ({ body: new Uint8Array(bytes), contentType: 'multipart/form-data; boundary=xyz' }));
      return fc.oneof(pairs, pairs, thousandPoints, brokenUtf8, json, wrongTypes, nothing, garbage);
    }

    for (const flow of ['adult', 'child'] as const) {
      it(`${flow}: never fails and never writes a complaint, whatever is posted to any step`, { timeout: 240_000 }, async () => {
        // Posts land on no draft, a broken cookie, a draft part-way through, and a finished one not yet sent.
        const first = COMPLAINT_FLOWS[flow].pages[0]!.id;
        const started = await call(ROUTES[flow].page.action as RouteFunction, {
          request: post(`${COMPLAINT_FLOWS[flow].basePath}/${first}`, urlEncoded(flow === 'adult' ? [['role', 'helping_child']] : [['fullName', 'Sam']])),
          params: { page: first },
          context: context(),
        });
        const finished = await fillIn(flow, flow === 'adult' ? ADULT : CHILD);
        const cookies = ['', started.cookie!, finished.cookie, `${flow === 'adult' ? 'complaint_form' : 'complaint_form_young_people'}=not-base64!`];
        const steps = [...COMPLAINT_FLOWS[flow].pages.map((p) => p.id), 'check', 'no-such-page'];
        const before = await countComplaints();
        const seen = new Map<number, number>();

        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...steps), bodyFor(flow), fc.constantFrom(...cookies), async (step, { body, contentType }, cookie) => {
            const pathname = step === 'check' ? `${COMPLAINT_FLOWS[flow].basePath}/check` : `${COMPLAINT_FLOWS[flow].basePath}/${step}`;
            const request = new Request(`${ORIGIN}${pathname}`, {
              method: 'POST',
              body,
              headers: { ...(contentType ? { 'Content-Type': contentType } : {}), ...(cookie ? { Cookie: cookie } : {}) },
            });
            const action = (step === 'check' ? ROUTES[flow].check.action : ROUTES[flow].page.action) as RouteFunction;
            const answered = await call(action, { request, params: { page: step }, context: context() });
            seen.set(answered.status, (seen.get(answered.status) ?? 0) + 1);
            expect(answered.status).toBeLessThan(500);
            if (answered.status === 400 && answered.page?.view === 'question') {
              expect(answered.page.errors.length).toBeGreaterThan(0);
              expect(answered.page.title).toMatch(/^Error: /);
              answered.page.errors.forEach((e) => expect(e.text).not.toBe(''));
            }
            if (answered.status === 200) expect(answered.page?.view === 'notice' || answered.page?.view === 'question').toBe(true);
          }),
          { numRuns: 120 },
        );
        expect(await countComplaints()).toBe(before);
        // The posts reached the checks (pages shown again with errors), moved on, or were refused as too large.
        expect(seen.get(400)).toBeGreaterThan(10);
      });
    }
  });
});
