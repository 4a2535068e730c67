import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isCurrentTrackingCode, queryRows, schema, verifyComplaintHistory } from '@complaints/db';
import { createLocalDiskStorage } from '@complaints/storage';
import { describeEachDatabase } from '@complaints/db/testing';
import { COMPLAINT_STATES, DEFAULT_QUEUE_QUERY, createWorkingDayCalendar, fixedClock, ragStatus } from '@complaints/domain';
import { extractPdfText, printedTrackingCode } from '@complaints/documents/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { acknowledge, assign, caseworkSuite, loggedComplaint, pointIdsOf } from '../testing/casework-fixture';
import { assignComplaint } from './assign-complaint';
import type { CaseworkRequest } from './casework-context';
import { downloadAttachment } from './download-attachment';
import { downloadLetter } from './download-letter';
import { listQueue } from './list-queue';
import { logComplaint } from './log-complaint';
import { logReceivedComplaint } from './log-received-complaint';
import { previewAcknowledgement } from './preview-acknowledgement';
import { printLetter } from '../letters/print-letter';
import { sendLetter } from '../letters/send-letter';
import { approveLetter } from '../quality-assurance/review-letter';
import { prepareAcknowledgement } from './prepare-acknowledgement';
import { recordTriage } from './record-triage';
import { viewAssignment } from './view-assignment';
import { viewComplaint } from './view-complaint';
import { viewDashboard } from './view-dashboard';

// Tuesday 24 November 2026, 11:00 in London.
const clock = fixedClock('2026-11-24T11:00:00Z');
const calendar = createWorkingDayCalendar();

describeEachDatabase('casework', (database) => {
  const f = caseworkSuite(database, clock);
  const aisha = () => f.as('aisha.khan@example.org');
  const letterComplaint = (over: Parameters<typeof loggedComplaint>[1] = {}) => loggedComplaint(f.places, over);

  const offered = async (request: CaseworkRequest, complaintId: string) => (await viewComplaint(f.deps, request, complaintId)).moves.complaint;

  describe('a complaint that came by letter, from logging to the acknowledgement', () => {
    let id: string;
    let reference: string;

    it('is logged with the day it actually arrived starting the clock', async () => {
      ({ id, reference } = await logComplaint(f.deps, aisha(), letterComplaint()));
      const [row] = await queryRows<{ state: string; channel: string; received_on: string; current_due_on: string; team_id: string; business_area_id: string }>(
        f.db,
        sql`select state, channel, received_on::text, current_due_on::text, team_id, business_area_id from complaints where id = ${id}`,
      );
      expect(row).toMatchObject({ state: 'logged', channel: 'letter', received_on: '2026-11-23', current_due_on: '2026-11-24', team_id: f.places['NEC-CARLISLE'] });
      const events = await queryRows<{ type: string }>(f.db, sql`select type from complaint_events where complaint_id = ${id} order by sequence`);
      expect(events.map((e) => e.type)).toEqual(['complaint.submitted', 'complaint.logged']);
    });

    it('cannot be acknowledged before a manager is assigned, and the page says why', async () => {
      const moves = await offered(aisha(), id);
      expect(moves.filter((m) => m.ok).map((m) => m.move)).toEqual(expect.arrayContaining(['triage_point', 'assign_responder', 'assign_csq_manager']));
      expect(moves.find((m) => m.move === 'prepare_acknowledgement')).toEqual({ move: 'prepare_acknowledgement', ok: false, reason: 'no_responder' });
      await expect(prepareAcknowledgement(f.deps, aisha(), id)).rejects.toMatchObject({ code: 'no_responder' });
      const preview = await previewAcknowledgement(f.deps, aisha(), id);
      expect(preview.letter).toEqual({ ok: false, reason: 'no_responder' });
    });

    it('has each point triaged on its own, a court matter with how to raise it, and no words in the history', async () => {
      const [first, second, third] = await pointIdsOf(f, id);
      expect(await recordTriage(f.deps, aisha(), id, first!, { categoryKey: 'communication', outcome: 'organisation', reason: 'Our own delay in replying.' })).toEqual({
        nextPointId: second,
      });
      await expect(recordTriage(f.deps, aisha(), id, second!, { categoryKey: 'quality_of_work', outcome: 'court', reason: 'What the report says is for the court.' })).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'courtRoute', message: 'courtRoute.required' }],
      });
      await recordTriage(f.deps, aisha(), id, second!, {
        categoryKey: 'quality_of_work',
        outcome: 'court',
        reason: 'What the report says is for the court to weigh.',
        courtRoute: 'Ask your solicitor to raise it at the next hearing, or write to the court.',
      });
      await expect(recordTriage(f.deps, aisha(), id, third!, { categoryKey: 'made_up', outcome: 'organisation', reason: 'x' })).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'categoryKey', message: 'category.invalid' }],
      });
      expect(await recordTriage(f.deps, aisha(), id, third!, { categoryKey: 'data_and_confidentiality', outcome: 'organisation', reason: 'We used an old address.' })).toEqual({
        nextPointId: null,
      });
      const events = await queryRows<{ payload: Record<string, unknown> }>(
        f.db,
        sql`select payload from complaint_events where complaint_id = ${id} and type = 'point.triaged' order by sequence`,
      );
      expect(events.map((e) => e.payload)).toEqual([
        { pointId: first, outcome: 'organisation', category: 'communication' },
        { pointId: second, outcome: 'court', category: 'quality_of_work' },
        { pointId: third, outcome: 'organisation', category: 'data_and_confidentiality' },
      ]);
    });

    it("suggests the manager of the practitioner's team and the area's CSQ manager", async () => {
      const page = await viewAssignment(f.deps, aisha(), id);
      expect(page.suggestedResponderId).toBe(f.staffId('sarah.wilson@example.org'));
      expect(page.responders[0]).toMatchObject({ fullName: 'Sarah Wilson', reason: 'team' });
      // Only managers of the complaint's business area are offered.
      expect(page.responders.map((r) => r.fullName)).not.toContain('Kwame Mensah');
      expect(page.suggestedCsqManagerId).toBe(f.staffId('rachel.green@example.org'));
    });

    it('is passed to the manager at once by email, with a link and nothing of the complainant', async () => {
      const result = await assignComplaint(
        f.deps,
        aisha(),
        id,
        { responderId: f.staffId('sarah.wilson@example.org'), csqManagerId: f.staffId('rachel.green@example.org') },
        { caseUrl: `https://backoffice.example.org/complaints/${id}` },
      );
      expect(result).toEqual({ changed: true });
      const [mail] = await queryRows<{ recipient: string; channel: string; payload: { subject: string; text: string; html: string } }>(
        f.db,
        sql`select recipient, channel, payload from outbox where complaint_id = ${id} and template = 'casework.responder_assigned'`,
      );
      expect(mail).toMatchObject({ recipient: 'sarah.wilson@example.org', channel: 'email' });
      expect(mail!.payload.subject).toContain(reference);
      expect(mail!.payload.text).toContain(`https://backoffice.example.org/complaints/${id}`);
      expect(mail!.payload.text).toContain('Tuesday 24 November 2026');
      for (const secret of ['Jo Bloggs', 'jo.bloggs@example.com', 'Nobody returned', 'High Street']) {
        expect(mail!.payload.text).not.toContain(secret);
        expect(mail!.payload.html).not.toContain(secret);
      }
      const [row] = await queryRows<{ responder_id: string; csq_manager_id: string; assigned_at: Date | null }>(
        f.db,
        sql`select responder_id, csq_manager_id, assigned_at from complaints where id = ${id}`,
      );
      expect(row).toMatchObject({ responder_id: f.staffId('sarah.wilson@example.org'), csq_manager_id: f.staffId('rachel.green@example.org') });
      expect(row!.assigned_at).not.toBeNull();
      // Sent again unchanged, nothing more happens.
      expect(
        await assignComplaint(f.deps, aisha(), id, { responderId: f.staffId('sarah.wilson@example.org'), csqManagerId: null }, { caseUrl: 'x' }),
      ).toEqual({ changed: false });
    });

    it('sends the acknowledgement naming the manager, the date and how to reach them, and the court point', async () => {
      const preview = await previewAcknowledgement(f.deps, aisha(), id);
      expect(preview.letter).toMatchObject({ ok: true, delivery: 'email', sendTo: 'jo.bloggs@example.com' });
      const { letterId } = await prepareAcknowledgement(f.deps, aisha(), id);
      // Nothing goes before quality assurance: the letter waits for the CSQ manager, and the complaint is not yet acknowledged.
      await expect(sendLetter(f.deps, aisha(), id, letterId)).rejects.toMatchObject({ code: 'wrong_letter_state' });
      await approveLetter(f.deps, f.as('rachel.green@example.org'), id, letterId, {});
      const acknowledged = await sendLetter(f.deps, aisha(), id, letterId);
      expect(acknowledged.delivery).toBe('email');
      const responseDue = calendar.addWorkingDays('2026-11-23', 15);
      const [row] = await queryRows<{ state: string; current_due_on: string }>(f.db, sql`select state, current_due_on::text from complaints where id = ${id}`);
      expect(row).toEqual({ state: 'acknowledged', current_due_on: responseDue });
      const [mail] = await queryRows<{ recipient: string; letter_id: string; payload: { subject: string; text: string; html: string; attachLetterPdf: boolean } }>(
        f.db,
        sql`select recipient, letter_id, payload from outbox where complaint_id = ${id} and template = 'letter.acknowledgement'`,
      );
      expect(mail!.recipient).toBe('jo.bloggs@example.com');
      expect(mail!.letter_id).toBe(acknowledged.letterId);
      expect(mail!.payload.attachLetterPdf).toBe(true);
      const manager = await queryRows<{ phone: string }>(f.db, sql`select phone from staff where email = 'sarah.wilson@example.org'`);
      for (const part of [mail!.payload.text, mail!.payload.html]) {
        expect(part).toContain('Sarah Wilson');
        expect(part).toContain('sarah.wilson@example.org');
        expect(part).toContain(manager[0]!.phone);
        expect(part).toContain('Monday 14 December 2026');
        expect(part).toContain('Ask your solicitor to raise it at the next hearing');
      }
      expect(responseDue).toBe('2026-12-14');

      const pdf = await downloadLetter(f.deps, aisha(), id, acknowledged.letterId);
      expect(pdf.fileName).toBe(`${reference}-acknowledgement.pdf`);
      const read = await extractPdfText(pdf.bytes);
      const text = read.text.replace(/\s+/g, ' ');
      expect(text).toContain('Sarah Wilson');
      expect(text).toContain('Monday 14 December 2026');
      expect(text).toContain(manager[0]!.phone);
      expect(text).toContain('sarah.wilson@example.org');

      expect(await verifyComplaintHistory(f.db, id)).toMatchObject({ intact: true });
      const audit = await queryRows<{ action: string }>(f.db, sql`select action from audit_log where complaint_id = ${id} order by id`);
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(['complaint.logged', 'complaint.viewed', 'point.triaged', 'responder.assigned', 'acknowledgement.prepared', 'letter.approved', 'letter.sent', 'letter.downloaded']),
      );
      // Acknowledged once only.
      await expect(prepareAcknowledgement(f.deps, aisha(), id)).rejects.toMatchObject({ code: 'wrong_state' });
    });

    it('is hidden from other areas and from managers it is not assigned to, but open to its own people', async () => {
      for (const outsider of ['tom.hughes@example.org', 'david.brown@example.org', 'sam.fletcher@example.org', 'mandeep.gill@example.org']) {
        await expect(viewComplaint(f.deps, f.as(outsider), id), outsider).rejects.toMatchObject({ code: 'not_found' });
      }
      for (const insider of ['sarah.wilson@example.org', 'helen.okafor@example.org', 'rachel.green@example.org', 'margaret.lewis@example.org']) {
        expect((await viewComplaint(f.deps, f.as(insider), id)).summary.reference, insider).toBe(reference);
      }
      // The responding manager may see it but not acknowledge or reassign it.
      await expect(prepareAcknowledgement(f.deps, f.as('sarah.wilson@example.org'), id)).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(viewAssignment(f.deps, f.as('sarah.wilson@example.org'), id)).rejects.toMatchObject({ code: 'not_allowed' });
      // The Head of Service may reassign the responder, not choose the CSQ manager.
      const head = await viewAssignment(f.deps, f.as('helen.okafor@example.org'), id);
      expect(head.responders.length).toBeGreaterThan(0);
      expect(head.csqManagers).toBeNull();
      // An id that is not a complaint at all looks the same as one that is hidden.
      await expect(viewComplaint(f.deps, aisha(), 'not-an-id')).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('a complainant who asked for post only', () => {
    it('gets a printed letter whose tracking code exists only as a hash, and a new one each printing', async () => {
      const logged = await logComplaint(f.deps, aisha(), letterComplaint({ preferredContact: 'post', points: ['Nobody rang me back.'] }));
      await assign(f, logged.id);
      const acknowledged = { ...(await acknowledge(f, logged.id)) };
      expect(acknowledged.delivery).toBe('post');
      const [queued] = await queryRows<{ channel: string; status: string }>(f.db, sql`select channel, status from outbox where letter_id = ${acknowledged.letterId}`);
      expect(queued).toEqual({ channel: 'print', status: 'pending' });

      const printed = await printLetter(f.deps, aisha(), logged.id, acknowledged.letterId);
      const text = (await extractPdfText(printed.bytes)).text.replace(/\s+/g, ' ');
      const code = printedTrackingCode(text);
      expect(code).toBeDefined();
      expect(text).toContain('1 High Street');
      const hash = createHash('sha256').update(code!.replace('-', '')).digest('hex');
      expect(await isCurrentTrackingCode(f.db, logged.id, hash)).toBe(true);
      const everything = JSON.stringify(await queryRows(f.db, sql`select * from letters where complaint_id = ${logged.id}`)) +
        JSON.stringify(await queryRows(f.db, sql`select * from outbox where complaint_id = ${logged.id}`)) +
        JSON.stringify(await queryRows(f.db, sql`select * from tracking_codes where complaint_id = ${logged.id}`));
      expect(everything).not.toContain(code!);
      expect(everything).not.toContain(code!.replace('-', ''));
      const [afterPrint] = await queryRows<{ status: string }>(f.db, sql`select status from outbox where letter_id = ${acknowledged.letterId}`);
      expect(afterPrint!.status).toBe('sent');

      const again = await printLetter(f.deps, aisha(), logged.id, acknowledged.letterId);
      const second = printedTrackingCode((await extractPdfText(again.bytes)).text);
      expect(second).toBeDefined();
      expect(second).not.toBe(code);
      expect(await isCurrentTrackingCode(f.db, logged.id, hash)).toBe(false);
      // Downloading it to read never shows a working code.
      const copy = (await extractPdfText((await downloadLetter(f.deps, aisha(), logged.id, acknowledged.letterId)).bytes)).text;
      expect(printedTrackingCode(copy)).toBeUndefined();
      await expect(printLetter(f.deps, f.as('sarah.wilson@example.org'), logged.id, acknowledged.letterId)).rejects.toMatchObject({ code: 'not_allowed' });
    });
  });

  describe('logging what is not a complaint', () => {
    it('records compliments for the reports, with nothing owed and nothing to send', async () => {
      const logged = await logComplaint(f.deps, aisha(), letterComplaint({ kind: 'compliment', points: ['Thank you to Lucy for listening.'] }));
      const [row] = await queryRows<{ state: string; current_due_on: string | null }>(f.db, sql`select state, current_due_on from complaints where id = ${logged.id}`);
      expect(row).toEqual({ state: 'logged', current_due_on: null });
      const moves = (await offered(aisha(), logged.id)).map((m) => m.move);
      expect(moves).not.toContain('prepare_acknowledgement');
      expect(moves).not.toContain('assign_responder');
      await expect(prepareAcknowledgement(f.deps, aisha(), logged.id)).rejects.toMatchObject({ code: 'not_for_this_kind' });
    });

    it('gives someone who is not a service user a reply date, and tells them it is outside the procedure', async () => {
      const logged = await logComplaint(f.deps, aisha(), letterComplaint({ kind: 'correspondence', points: ['I am the grandmother and I am worried.'] }));
      const [stage] = await queryRows<{ response_due_on: string }>(f.db, sql`select response_due_on::text from complaint_stages where complaint_id = ${logged.id}`);
      expect(stage!.response_due_on).toBe(calendar.addWorkingDays('2026-11-23', 15));
      await assign(f, logged.id);
      const preview = await previewAcknowledgement(f.deps, aisha(), logged.id);
      if (!preview.letter.ok) throw new Error(preview.letter.reason);
      expect(JSON.stringify(preview.letter.document)).toContain('outside that procedure');
      const acknowledged = await acknowledge(f, logged.id);
      const [letter] = await queryRows<{ kind: string }>(f.db, sql`select kind from letters where id = ${acknowledged.letterId}`);
      expect(letter!.kind).toBe('non_service_user_acknowledgement');
    });

    it('refuses what cannot be right, saying which answer is wrong', async () => {
      const refused = (problems: unknown[]) => ({ code: 'invalid_input', problems });
      await expect(logComplaint(f.deps, aisha(), letterComplaint({ receivedOn: '2026-11-25' }))).rejects.toMatchObject(refused([{ field: 'receivedOn', message: 'receivedOn.inFuture' }]));
      await expect(logComplaint(f.deps, aisha(), letterComplaint({ receivedOn: '2020-01-01' }))).rejects.toMatchObject(refused([{ field: 'receivedOn', message: 'receivedOn.tooOld' }]));
      const online = letterComplaint();
      (online.complaint as { channel: string }).channel = 'online';
      await expect(logComplaint(f.deps, aisha(), online)).rejects.toMatchObject(refused([{ field: 'complaint.channel', message: 'channel.required' }]));
      const elsewhere = letterComplaint();
      (elsewhere.complaint as { serviceAreaId: string }).serviceAreaId = f.places.LDN!;
      await expect(logComplaint(f.deps, aisha(), { ...elsewhere, teamId: null, practitionerId: null })).rejects.toMatchObject(
        refused([{ field: 'complaint.serviceAreaId', message: 'serviceArea.notYours' }]),
      );
      await expect(logComplaint(f.deps, aisha(), { ...letterComplaint(), teamId: f.places['YAH-LEEDS']!, practitionerId: null })).rejects.toMatchObject(
        refused([{ field: 'teamId', message: 'team.notInArea' }]),
      );
      await expect(logComplaint(f.deps, f.as('sarah.wilson@example.org'), letterComplaint())).rejects.toMatchObject({ code: 'not_allowed' });
    });

    it('logs a complaint that came online and places it in the area', async () => {
      const [received] = await queryRows<{ id: string }>(
        f.db,
        sql`select c.id from complaints c join business_areas b on b.id = c.business_area_id where b.code = 'NORTH' and c.state = 'received' and c.stage = 1 limit 1`,
      );
      await logReceivedComplaint(f.deps, aisha(), received!.id, { serviceAreaId: f.places.YAH!, teamId: f.places['YAH-LEEDS']!, practitionerId: null });
      const [row] = await queryRows<{ state: string; team_id: string }>(f.db, sql`select state, team_id from complaints where id = ${received!.id}`);
      expect(row).toEqual({ state: 'logged', team_id: f.places['YAH-LEEDS'] });
    });
  });

  describe('files sent with a complaint', () => {
    it('are downloaded only by someone who may see the complaint, and each download is audited', async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'casework-files-'));
      try {
        const storage = createLocalDiskStorage(folder);
        const logged = await logComplaint(f.deps, aisha(), letterComplaint({ points: ['See the letter I attached.'] }));
        const bytes = new TextEncoder().encode('The letter I was sent.');
        const key = await storage.put(bytes);
        const [row] = await f.db
          .insert(schema.attachments)
          .values({ complaintId: logged.id, storageKey: key, originalName: 'letter from the court.txt', contentType: 'text/plain', sizeBytes: bytes.length, sha256: 'x' })
          .returning({ id: schema.attachments.id });
        const file = await downloadAttachment({ db: f.db, storage }, aisha(), logged.id, row!.id);
        expect(file).toEqual({ fileName: 'letter from the court.txt', contentType: 'text/plain', bytes: expect.any(Uint8Array) });
        expect(new TextDecoder().decode(file.bytes)).toBe('The letter I was sent.');
        const [audit] = await queryRows<{ subject: string }>(f.db, sql`select subject from audit_log where complaint_id = ${logged.id} and action = 'attachment.downloaded'`);
        expect(audit!.subject).toBe(`attachment:${row!.id}`);
        await expect(downloadAttachment({ db: f.db, storage }, f.as('tom.hughes@example.org'), logged.id, row!.id)).rejects.toMatchObject({ code: 'not_found' });
        await expect(downloadAttachment({ db: f.db, storage }, f.as('sam.fletcher@example.org'), logged.id, row!.id)).rejects.toMatchObject({ code: 'not_found' });
        // Another complaint's file, asked for through this one, is not found either.
        const other = await logComplaint(f.deps, aisha(), letterComplaint({ points: ['Another.'] }));
        await expect(downloadAttachment({ db: f.db, storage }, aisha(), other.id, row!.id)).rejects.toMatchObject({ code: 'not_found' });
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });

  describe('queues', () => {
    it("shows a CSQ administrator their area's new complaints, coloured exactly as the warnings say", async () => {
      const page = await listQueue(f.deps, aisha(), 'new', DEFAULT_QUEUE_QUERY);
      const north = (await queryRows<{ id: string }>(f.db, sql`select id from business_areas where code = 'NORTH'`))[0]!.id;
      const rows = await queryRows<{ id: string; business_area_id: string | null; state: string; current_due_on: string | null }>(
        f.db,
        sql`select id, business_area_id, state, current_due_on::text from complaints where state in ('received', 'logged') and (business_area_id = ${north} or business_area_id is null)`,
      );
      expect(page.counts.total).toBe(rows.length);
      expect(page.rows.length).toBe(Math.min(rows.length, 25));
      for (const r of page.rows) {
        expect(['received', 'logged']).toContain(r.state);
        expect(r.rag).toBe(r.currentDueOn ? ragStatus(r.currentDueOn, '2026-11-24', calendar, 5) : null);
      }
      expect(page.counts.red + page.counts.amber + page.counts.green + page.counts.noDueDate).toBe(page.counts.total);
      const audit = await queryRows<{ subject: string }>(f.db, sql`select subject from audit_log where action = 'queue.viewed' and staff_id = ${f.staffId('aisha.khan@example.org')}`);
      expect(audit.map((a) => a.subject)).toContain('queue:new');
    });

    it('filters by warning colour and sorts, page by page', async () => {
      const national = f.as('margaret.lewis@example.org');
      const red = await listQueue(f.deps, national, 'all', { ...DEFAULT_QUEUE_QUERY, rag: 'red' });
      expect(red.rows.every((r) => r.rag === 'red')).toBe(true);
      expect(red.counts.total).toBe(red.counts.red);
      const all = await listQueue(f.deps, national, 'all', { ...DEFAULT_QUEUE_QUERY, state: 'any', sort: 'reference' });
      const references = all.rows.map((r) => r.reference);
      expect(references).toEqual([...references].sort());
      const second = await listQueue(f.deps, national, 'all', { ...DEFAULT_QUEUE_QUERY, state: 'any', sort: 'reference', page: 2 });
      expect(second.rows[0]!.reference > references[references.length - 1]!).toBe(true);
      const beyond = await listQueue(f.deps, national, 'all', { ...DEFAULT_QUEUE_QUERY, page: 999 });
      expect(beyond.query.page).toBe(beyond.pages);
      const order = (rows: Array<{ state: string }>) => rows.map((r) => (COMPLAINT_STATES as readonly string[]).indexOf(r.state));
      const byState = await listQueue(f.deps, national, 'all', { ...DEFAULT_QUEUE_QUERY, state: 'any', sort: 'state' });
      const nextByState = await listQueue(f.deps, national, 'all', { ...DEFAULT_QUEUE_QUERY, state: 'any', sort: 'state', page: 2 });
      const ascending = [...order(byState.rows), ...order(nextByState.rows)];
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      expect(new Set([...byState.rows, ...nextByState.rows].map((r) => r.id)).size).toBe(byState.rows.length + nextByState.rows.length);
      const descending = order((await listQueue(f.deps, national, 'all', { ...DEFAULT_QUEUE_QUERY, state: 'any', sort: 'state', direction: 'desc' })).rows);
      expect(descending).toEqual([...descending].sort((a, b) => b - a));
      const byDue = await listQueue(f.deps, national, 'all', DEFAULT_QUEUE_QUERY);
      const dues = byDue.rows.map((r) => r.currentDueOn ?? '9999');
      expect(dues).toEqual([...dues].sort());
    });

    it("keeps each person's queues to their own complaints and refuses queues that are not theirs", async () => {
      const mine = await listQueue(f.deps, f.as('sarah.wilson@example.org'), 'mine', { ...DEFAULT_QUEUE_QUERY, state: 'any' });
      const [count] = await queryRows<{ n: number }>(f.db, sql`select count(*)::int as n from complaints where responder_id = ${f.staffId('sarah.wilson@example.org')}`);
      expect(mine.counts.total).toBe(count!.n);
      const caseload = await listQueue(f.deps, f.as('rachel.green@example.org'), 'caseload', { ...DEFAULT_QUEUE_QUERY, state: 'any' });
      const [csq] = await queryRows<{ n: number }>(f.db, sql`select count(*)::int as n from complaints where csq_manager_id = ${f.staffId('rachel.green@example.org')}`);
      expect(caseload.counts.total).toBe(csq!.n);
      await expect(listQueue(f.deps, aisha(), 'all', DEFAULT_QUEUE_QUERY)).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(listQueue(f.deps, f.as('sam.fletcher@example.org'), 'new', DEFAULT_QUEUE_QUERY)).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(listQueue(f.deps, f.as('sarah.wilson@example.org'), 'new', DEFAULT_QUEUE_QUERY)).rejects.toMatchObject({ code: 'not_allowed' });
    });
  });

  describe('the dashboard', () => {
    it('shows whether each complaint reached its manager within the working day of receipt', async () => {
      const logged = await logComplaint(f.deps, aisha(), letterComplaint({ receivedOn: '2026-11-24', points: ['Same-day test.'] }));
      const before = await viewDashboard(f.deps, aisha(), { period: 7, page: 1 });
      expect(before.rows.find((r) => r.id === logged.id)?.outcome).toBe('waiting');
      await assign(f, logged.id);
      const after = await viewDashboard(f.deps, aisha(), { period: 7, page: 1 });
      expect(after.rows.find((r) => r.id === logged.id)).toMatchObject({ outcome: 'in_time', assignedOn: '2026-11-24', responderName: 'Sarah Wilson' });
      // Received yesterday and assigned today: late.
      const [late] = await queryRows<{ id: string }>(f.db, sql`select id from complaints where reference in (select reference from complaints where received_on = '2026-11-23' and channel = 'letter' and kind = 'complaint') and responder_id is not null limit 1`);
      expect(after.rows.find((r) => r.id === late!.id)?.outcome).toBe('late');
      expect(after.passedToManager.inTime + after.passedToManager.late + after.passedToManager.waiting).toBeGreaterThan(0);
      expect(after.queues.map((q) => q.queue)).toEqual(['new']);
      await expect(viewDashboard(f.deps, f.as('sam.fletcher@example.org'), { period: 30, page: 1 })).rejects.toMatchObject({ code: 'not_allowed' });
    });
  });
});
