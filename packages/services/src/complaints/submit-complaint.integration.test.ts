import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFormDraft, listComplaintEvents, queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { COMPLAINT_FLOWS, type FlowId, firstUnansweredPage, fixedClock, readDraftData } from '@complaints/domain';
import { createLocalDiskStorage } from '@complaints/storage';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { attachDraftFiles } from '../drafts/attach-draft-files';
import { draftIdOf } from '../drafts/form-draft-token';
import { saveFormPage } from '../drafts/save-form-page';
import { screenFormPost } from '../protection/screen-form-post';
import { submitComplaint } from './submit-complaint';

const folder = mkdtempSync(path.join(tmpdir(), 'submit-complaint-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const storage = createLocalDiskStorage(folder);
const LIMITS = { limit: 1000, windowSeconds: 600, sends: { limit: 1000, windowSeconds: 3600 } };

type Answers = Record<string, Array<[string, string]>>;

const ADULT: Answers = {
  who: [['role', 'parent_or_carer']],
  'your-name': [['fullName', 'Jodie Harris']],
  case: [['courtCaseNumber', 'AB12C34567'], ['serviceAreaId', 'unknown']],
  'what-went-wrong': [
    ['points.0.text', 'Nobody called me back after the hearing.'],
    ['points.0.day', '2'],
    ['points.0.month', '3'],
    ['points.0.year', '2026'],
    ['points.1.text', 'The report named the wrong school.'],
  ],
  outcome: [['desiredOutcome', 'An apology.']],
  contact: [['preferredContact', 'email'], ['email', 'jodie@example.com']],
  language: [['language', 'cy']],
  help: [],
  documents: [],
  privacy: [['privacyAccepted', 'yes']],
};

const CHILD: Answers = {
  name: [['fullName', 'Sam']],
  'someone-helping': [['someoneHelping', 'would_like']],
  'what-happened': [['points.0.text', 'They did not listen to me.']],
  better: [],
  worker: [],
  'tell-you': [['preferredContact', 'email'], ['email', 'sam@example.com']],
  language: [['language', 'en']],
  privacy: [['privacyAccepted', 'yes']],
};

function form(entries: Array<[string, string]>) {
  return { names: () => entries.map(([n]) => n), getAll: (name: string) => entries.filter(([n]) => n === name).map(([, v]) => v) };
}

describeEachDatabase('submitting a complaint form', (database) => {
  const deps = () => ({ db: database().db, clock: fixedClock('2026-03-27T10:00:00Z'), randomBytes: (n: number) => randomBytes(n) });
  const post = () => ({ clientIp: `198.51.100.${Math.floor(Math.random() * 250)}`, honeypot: '' as string | undefined, limits: LIMITS });

  /** Fills in a form page by page, as the pages ask, and returns the draft's cookie token. */
  async function fillIn(flow: FlowId, answers: Answers): Promise<string> {
    let token: string | null = null;
    for (let step = 0; step < 20; step += 1) {
      const draft = token ? await findFormDraft(database().db, draftIdOf(token)!, new Date('2026-03-27T10:00:00Z')) : null;
      const next = firstUnansweredPage(COMPLAINT_FLOWS[flow], readDraftData(draft?.data));
      if (!next) break;
      const saved = await saveFormPage(deps(), {
        flow,
        token,
        pageId: next.id,
        form: form(answers[next.id] ?? []),
        intent: { action: 'continue' },
        returningToCheck: false,
        post: post(),
      });
      if (saved.kind !== 'saved') throw new Error(`${next.id} was not saved: ${JSON.stringify(saved)}`);
      token = saved.token ?? token;
    }
    return token!;
  }

  async function formKeyOf(token: string) {
    return readDraftData((await findFormDraft(database().db, draftIdOf(token)!, new Date('2026-03-27T10:00:00Z')))!.data).formKey;
  }

  async function count(table: string, where = sql`true`) {
    const [row] = await queryRows<{ n: number }>(database().db, sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`);
    return row!.n;
  }

  it('records the complaint, its points, its first event and a Welsh email, and hands over the files', async () => {
    const token = await fillIn('adult', ADULT);
    const added = await attachDraftFiles(
      { ...deps(), storage },
      {
        flow: 'adult',
        token,
        pageId: 'documents',
        files: [
          { name: 'letter.txt', bytes: new TextEncoder().encode('Dear team,\nNobody called.\n') },
          { name: 'program.exe', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]) },
          { name: 'huge.pdf', refused: 'tooBig' },
        ],
        continueAfter: true,
        returningToCheck: false,
        post: post(),
      },
    );
    // The refused files are named with the reason; the good one is kept.
    expect(added.kind === 'page' && added.problems.map((p) => [p.message, p.values?.name])).toEqual([
      ['attachment.wrongType', 'program.exe'],
      ['attachment.tooBig', 'huge.pdf'],
    ]);
    expect(added.kind === 'page' && added.files.map((f) => [f.name, f.contentType])).toEqual([['letter.txt', 'text/plain']]);

    const formKey = await formKeyOf(token);
    const sent = await submitComplaint(deps(), { flow: 'adult', token, formKey, pageLanguage: 'en', post: post() });
    expect(sent).toMatchObject({ kind: 'sent', repeated: false });
    if (sent.kind !== 'sent') return;

    const [complaint] = await queryRows<Record<string, unknown>>(
      database().db,
      sql`select reference, state, channel, audience, language, idempotency_key, received_on::text as received_on, current_due_on::text as due from complaints where id = ${sent.complaintId}`,
    );
    expect(complaint).toEqual({
      reference: sent.reference,
      state: 'received',
      channel: 'online',
      audience: 'adult',
      language: 'cy',
      idempotency_key: formKey,
      received_on: '2026-03-27',
      // One working day to acknowledge, from the working-day calendar.
      due: '2026-03-30',
    });
    const points = await queryRows<{ position: number; text: string; happened_on: string | null }>(
      database().db,
      sql`select position, text, happened_on::text from complaint_points where complaint_id = ${sent.complaintId} order by position`,
    );
    expect(points).toEqual([
      { position: 1, text: 'Nobody called me back after the hearing.', happened_on: '2026-03-02' },
      { position: 2, text: 'The report named the wrong school.', happened_on: null },
    ]);
    expect((await listComplaintEvents(database().db, sent.complaintId)).map((e) => [e.type, e.actorType])).toEqual([['complaint.submitted', 'complainant']]);
    expect(await count('attachments', sql`complaint_id = ${sent.complaintId}`)).toBe(1);

    const [email] = await queryRows<{ recipient: string; language: string; audience: string; payload: { subject: string; text: string; html: string } }>(
      database().db,
      sql`select recipient, language, audience, payload from outbox where complaint_id = ${sent.complaintId}`,
    );
    expect(email).toMatchObject({ recipient: 'jodie@example.com', language: 'cy', audience: 'adult' });
    expect(email!.payload.subject).toBe(`Mae eich cwyn gennym – ${sent.reference}`);
    expect(email!.payload.text).toContain('30 Mawrth 2026');
    // Fifteen working days, stepping over Good Friday and Easter Monday.
    expect(email!.payload.text).toContain('21 Ebrill 2026');
    expect(email!.payload.html).toContain(sent.reference);
    expect(email!.payload.html).toContain('lang="cy"');

    // The draft now remembers the complaint and no longer holds the answers.
    const draft = await findFormDraft(database().db, draftIdOf(token)!, new Date('2026-03-27T10:00:00Z'));
    expect(draft).toMatchObject({ complaintId: sent.complaintId, data: {} });
  });

  it('gives a double-clicked or repeated send the same reference, and makes one complaint', async () => {
    const token = await fillIn('adult', ADULT);
    const formKey = await formKeyOf(token);
    const sends = await Promise.all(
      Array.from({ length: 6 }, () => submitComplaint(deps(), { flow: 'adult', token, formKey, pageLanguage: 'en', post: post() })),
    );
    const references = new Set(sends.map((s) => (s.kind === 'sent' ? s.reference : s.kind)));
    expect(references.size).toBe(1);
    expect(sends.filter((s) => s.kind === 'sent' && !s.repeated)).toHaveLength(1);
    expect(await count('complaints', sql`idempotency_key = ${formKey}`)).toBe(1);
    const again = await submitComplaint(deps(), { flow: 'adult', token, formKey, pageLanguage: 'en', post: post() });
    expect(again).toMatchObject({ kind: 'sent', repeated: true, reference: [...references][0] });
    expect(await count('outbox', sql`template = 'complaint_received' and recipient = 'jodie@example.com' and payload->>'subject' like ${`%${[...references][0]}`}`)).toBe(1);
  });

  it('refuses a send without its draft or with an old form key, and writes nothing', async () => {
    const before = await count('complaints');
    expect(await submitComplaint(deps(), { flow: 'adult', token: null, formKey: 'x', pageLanguage: 'en', post: post() })).toEqual({ kind: 'no-draft' });
    const token = await fillIn('adult', ADULT);
    expect(await submitComplaint(deps(), { flow: 'child', token, formKey: await formKeyOf(token), pageLanguage: 'en', post: post() })).toEqual({ kind: 'no-draft' });
    expect(await submitComplaint(deps(), { flow: 'adult', token, formKey: 'not-the-key', pageLanguage: 'en', post: post() })).toEqual({ kind: 'stale' });
    expect(await count('complaints')).toBe(before);
  });

  it('asks for what is missing first', async () => {
    const partial = await saveFormPage(deps(), {
      flow: 'adult',
      token: null,
      pageId: 'who',
      form: form([['role', 'parent_or_carer']]),
      intent: { action: 'continue' },
      returningToCheck: false,
      post: post(),
    });
    const partialToken = partial.kind === 'saved' ? partial.token! : '';
    expect(await submitComplaint(deps(), { flow: 'adult', token: partialToken, formKey: await formKeyOf(partialToken), pageLanguage: 'en', post: post() })).toEqual({
      kind: 'unanswered',
      pageId: 'your-name',
    });
  });

  it('writes the child wording, and emails nobody who gave no address', async () => {
    const token = await fillIn('child', CHILD);
    const sent = await submitComplaint(deps(), { flow: 'child', token, formKey: await formKeyOf(token), pageLanguage: 'en', post: post() });
    if (sent.kind !== 'sent') throw new Error(sent.kind);
    const [email] = await queryRows<{ audience: string; payload: { subject: string; text: string } }>(
      database().db,
      sql`select audience, payload from outbox where complaint_id = ${sent.complaintId}`,
    );
    expect(email!.audience).toBe('child');
    expect(email!.payload.subject).toBe(`We got your message – ${sent.reference}`);
    expect(email!.payload.text).toContain('Hello Sam,');
    const [complainant] = await queryRows<{ role: string; support_needs: string[] }>(
      database().db,
      sql`select role, support_needs from complainants where complaint_id = ${sent.complaintId}`,
    );
    expect(complainant).toEqual({ role: 'child', support_needs: ['advocate'] });

    const byPhone = await fillIn('child', { ...CHILD, 'tell-you': [['preferredContact', 'phone'], ['phone', '07700 900982']], voicemail: [['safeToLeaveVoicemail', 'no']] });
    const quiet = await submitComplaint(deps(), { flow: 'child', token: byPhone, formKey: await formKeyOf(byPhone), pageLanguage: 'en', post: post() });
    if (quiet.kind !== 'sent') throw new Error(quiet.kind);
    expect(await count('outbox', sql`complaint_id = ${quiet.complaintId}`)).toBe(0);
  });

  describe('protection', () => {
    it('limits complaints sent per address, not pages: the sixth in an hour waits, its draft kept, and goes once the hour has passed', async () => {
      const clientIp = `test-${randomUUID()}`;
      const household = { limit: 1000, windowSeconds: 600, sends: { limit: 5, windowSeconds: 3600 } };
      const at = (iso: string) => ({ ...deps(), clock: fixedClock(iso) });
      for (let i = 0; i < 5; i += 1) {
        const token = await fillIn('adult', ADULT);
        const formKey = await formKeyOf(token);
        const sent = await submitComplaint(at('2026-03-27T10:00:00Z'), { flow: 'adult', token, formKey, pageLanguage: 'en', post: { ...post(), clientIp, limits: household } });
        expect(sent.kind).toBe('sent');
        // Pressing the button again is the same complaint, not another one counted.
        const again = await submitComplaint(at('2026-03-27T10:00:00Z'), { flow: 'adult', token, formKey, pageLanguage: 'en', post: { ...post(), clientIp, limits: household } });
        expect(again).toMatchObject({ kind: 'sent', repeated: true });
      }
      const sixth = await fillIn('adult', ADULT);
      const complaints = await count('complaints');
      const waiting = await submitComplaint(at('2026-03-27T10:30:00Z'), { flow: 'adult', token: sixth, formKey: await formKeyOf(sixth), pageLanguage: 'en', post: { ...post(), clientIp, limits: household } });
      expect(waiting).toEqual({ kind: 'rate-limited', limit: 'sends', retryAfterSeconds: 30 * 60 });
      expect(await count('complaints')).toBe(complaints);
      // Another address is not held up by this one.
      const neighbour = await fillIn('adult', ADULT);
      expect((await submitComplaint(at('2026-03-27T10:30:00Z'), { flow: 'adult', token: neighbour, formKey: await formKeyOf(neighbour), pageLanguage: 'en', post: { ...post(), limits: household } })).kind).toBe('sent');
      // The draft was kept: once the hour has passed, the same form is sent.
      const later = await submitComplaint(at('2026-03-27T11:00:01Z'), { flow: 'adult', token: sixth, formKey: await formKeyOf(sixth), pageLanguage: 'en', post: { ...post(), clientIp, limits: household } });
      expect(later).toMatchObject({ kind: 'sent', repeated: false });
    });

    it('limits posts per address across the form, and ignores a filled-in hidden field', async () => {
      const clientIp = `test-${randomUUID()}`;
      const limits = { limit: 3, windowSeconds: 600, sends: { limit: 3, windowSeconds: 3600 } };
      const results = [];
      for (let i = 0; i < 4; i += 1) results.push(await screenFormPost(deps(), { clientIp, honeypot: '', limits }));
      expect(results.map((r) => r.outcome)).toEqual(['allowed', 'allowed', 'allowed', 'rate-limited']);
      expect(await screenFormPost(deps(), { clientIp: randomUUID(), honeypot: 'http://spam.example', limits })).toEqual({ outcome: 'ignored' });

      const drafts = await count('form_drafts');
      const ignored = await saveFormPage(deps(), {
        flow: 'adult',
        token: null,
        pageId: 'who',
        form: form([['role', 'parent_or_carer']]),
        intent: { action: 'continue' },
        returningToCheck: false,
        post: { ...post(), honeypot: 'filled' },
      });
      expect(ignored).toEqual({ kind: 'ignored' });
      expect(await count('form_drafts')).toBe(drafts);
    });

    it('takes at most five files', async () => {
      const token = await fillIn('adult', ADULT);
      const text = (i: number) => ({ name: `note-${i}.txt`, bytes: new TextEncoder().encode(`Note ${i}`) });
      const added = await attachDraftFiles(
        { ...deps(), storage },
        { flow: 'adult', token, pageId: 'documents', files: [1, 2, 3, 4, 5, 6].map(text), continueAfter: false, returningToCheck: false, post: post() },
      );
      expect(added.kind === 'page' && added.files).toHaveLength(5);
      expect(added.kind === 'page' && added.problems).toEqual([{ field: 'attachments', message: 'attachment.tooMany', values: { name: 'note-6.txt' } }]);
    });
  });
});
