import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { queryRows, verifyComplaintHistory } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { steppingClock } from '@complaints/domain';
import { type AttachmentStorage, createLocalDiskStorage } from '@complaints/storage';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadAttachment } from '../casework/download-attachment';
import { logComplaint } from '../casework/log-complaint';
import { viewComplaint } from '../casework/view-complaint';
import type { ArrivedFile } from '../drafts/attach-draft-files';
import { draftResponse } from '../letters/draft-response';
import { submitLetter } from '../letters/submit-letter';
import { approveLetter, returnLetter } from '../quality-assurance/review-letter';
import { acknowledgedComplaint, caseworkSuite, DEMO_STAFF, loggedComplaint, NORTH } from '../testing/casework-fixture';
import { refusalCheck } from '../testing/nothing-written';
import { addCaseNote } from './add-case-note';
import { addInformation, viewAddInformation } from './add-information';
import { answerPoint } from './answer-point';
import { correctComplainantDetails, viewComplainantCorrection } from './correct-complainant-details';
import { recordCorrespondence } from './record-correspondence';
import { startInvestigation } from './start-investigation';
import { withdrawComplaint } from './withdraw-complaint';

// From Tuesday 24 November 2026, 11:00 in London, a second on at each reading.
const clock = steppingClock('2026-11-24T11:00:00Z');

const { admin: ADMIN, csq: CSQ, manager: MANAGER } = NORTH;
const { head: HEAD, national: NATIONAL, otherArea: OTHER_AREA } = DEMO_STAFF;

const PDF = () => new Uint8Array(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'));
const scan = (name = 'letter from Jo.pdf'): ArrivedFile => ({ name, bytes: PDF() });
/** Their details as the correction form sends them back: nothing for what is not recorded. */
const asForm = <T extends Record<string, unknown>>(details: T) => Object.fromEntries(Object.entries(details).filter(([, v]) => v !== null));

const answer = (pointId: string, reasons: string) => ({
  pointId,
  decision: 'not_upheld' as const,
  reasons,
  standardCited: 'Practice standard 4: keeping in touch',
  whatShouldHaveHappened: 'A call back within two working days.',
  whatHappened: 'A call back the next day.',
});

describeEachDatabase('the investigation record', (database) => {
  const f = caseworkSuite(database, clock);
  let folder: string;
  let storage: AttachmentStorage;
  /** Every word typed in these tests that a history must never carry. */
  const words: string[] = [];

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'investigation-files-'));
    storage = createLocalDiskStorage(folder);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const withStorage = () => ({ ...f.deps, storage });
  const typed = (text: string) => (words.push(text), text);

  /** The files kept in storage, by key. */
  function storedKeys(): string[] {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  }

  /** A refusal here must leave no file behind in storage either. */
  const refusedWithNothingWritten = refusalCheck(f, storedKeys);

  async function points(complaintId: string) {
    return queryRows<{ id: string; position: number; raised_at_stage: number; triage: string | null; text: string }>(
      f.db,
      sql`select id, position, raised_at_stage, triage, text from complaint_points where complaint_id = ${complaintId} order by position`,
    );
  }

  async function events(complaintId: string, type?: string) {
    const rows = await queryRows<{ type: string; payload: Record<string, unknown>; reason: string | null; visibility: string }>(
      f.db,
      sql`select type, payload, reason, visibility from complaint_events where complaint_id = ${complaintId} order by sequence`,
    );
    return type ? rows.filter((r) => r.type === type) : rows;
  }

  describe('internal notes and evidence', () => {
    let id: string;

    it('keeps a note with the document gathered, for staff only, and the history says only that a note was added', async () => {
      id = await acknowledgedComplaint(f);
      const before = storedKeys();
      const text = typed('Spoke to the team manager: the adviser was on leave for three weeks and nobody covered her calls.');
      const { noteId, attachmentId } = await addCaseNote(withStorage(), f.as(MANAGER), id, { kind: 'evidence', text }, [scan('leave rota.pdf')]);
      expect(attachmentId).not.toBeNull();

      const [note] = await queryRows<{ kind: string; text: string; attachment_id: string; author_id: string }>(f.db, sql`select kind, text, attachment_id, author_id from case_notes where id = ${noteId}`);
      expect(note).toEqual({ kind: 'evidence', text, attachment_id: attachmentId, author_id: f.staffId(MANAGER) });
      const [file] = await queryRows<{ original_name: string; content_type: string; uploaded_by_staff_id: string; storage_key: string }>(
        f.db,
        sql`select original_name, content_type, uploaded_by_staff_id, storage_key from attachments where id = ${attachmentId}`,
      );
      expect(file).toMatchObject({ original_name: 'leave rota.pdf', content_type: 'application/pdf', uploaded_by_staff_id: f.staffId(MANAGER) });
      expect(file!.storage_key).toMatch(/^[0-9a-f]{48}$/);
      expect(storedKeys()).toEqual([...before, file!.storage_key].sort());

      const [event] = await events(id, 'note.added');
      expect(event).toMatchObject({ visibility: 'internal', reason: null, payload: { noteId, kind: 'evidence', attachmentId } });

      const page = await viewComplaint(f.deps, f.as(ADMIN), id);
      expect(page.investigation.notes).toEqual([{ id: noteId, kind: 'evidence', text, authorName: 'Sarah Wilson', createdAt: expect.any(Date), file: { id: attachmentId, name: 'leave rota.pdf' } }]);
      expect(page.investigation.staffFiles).toEqual({ [attachmentId!]: 'Sarah Wilson' });
      expect(page.attachments.map((a) => a.id)).toContain(attachmentId);
    });

    it('lets only those who may see the complaint download its file, and audits each download', async () => {
      const [note] = await queryRows<{ attachment_id: string }>(f.db, sql`select attachment_id from case_notes where complaint_id = ${id}`);
      const file = await downloadAttachment({ db: f.db, storage }, f.as(HEAD), id, note!.attachment_id);
      expect(file).toMatchObject({ fileName: 'leave rota.pdf', contentType: 'application/pdf' });
      expect(new TextDecoder().decode(file.bytes)).toContain('%PDF-1.7');
      await expect(downloadAttachment({ db: f.db, storage }, f.as(OTHER_AREA), id, note!.attachment_id)).rejects.toMatchObject({ code: 'not_found' });
      const audit = await queryRows<{ subject: string }>(f.db, sql`select subject from audit_log where complaint_id = ${id} and action = 'attachment.downloaded'`);
      expect(audit.map((a) => a.subject)).toEqual([`attachment:${note!.attachment_id}`]);
    });

    it('refuses a note without words, a kind it does not know, and anyone who does not investigate, keeping nothing', async () => {
      await refusedWithNothingWritten(id, () => addCaseNote(withStorage(), f.as(MANAGER), id, { kind: 'gossip', text: '  ' }, [scan()]), {
        code: 'invalid_input',
        problems: [
          { field: 'kind', message: 'noteKind.required' },
          { field: 'text', message: 'noteText.required' },
        ],
      });
      // CSQ administration logs and acknowledges; the investigation is the managers'.
      await refusedWithNothingWritten(id, () => addCaseNote(withStorage(), f.as(ADMIN), id, { kind: 'note', text: 'A note.' }, [scan()]), { code: 'not_allowed' });
      await refusedWithNothingWritten(id, () => addCaseNote(withStorage(), f.as(OTHER_AREA), id, { kind: 'note', text: 'A note.' }, []), { code: 'not_found' });
    });
  });

  describe('the correspondence log', () => {
    let id: string;

    it('records a letter that came in, with its scan, and the history names the way, the means and the day only', async () => {
      id = await acknowledgedComplaint(f);
      const summary = typed('Jo wrote to say the adviser has still not called back, and sent a copy of her diary.');
      const { correspondenceId, attachmentId } = await recordCorrespondence(
        withStorage(),
        f.as(ADMIN),
        id,
        { direction: 'in', method: 'letter', occurredOn: '2026-11-23', summary },
        [scan('Jo Bloggs letter 23 Nov.pdf')],
      );
      const [row] = await queryRows<Record<string, unknown>>(
        f.db,
        sql`select direction, method, occurred_on::text, summary, adds_information, attachment_id, recorded_by from correspondence where id = ${correspondenceId}`,
      );
      expect(row).toEqual({ direction: 'in', method: 'letter', occurred_on: '2026-11-23', summary, adds_information: false, attachment_id: attachmentId, recorded_by: f.staffId(ADMIN) });
      const [event] = await events(id, 'correspondence.recorded');
      expect(event!.payload).toEqual({ correspondenceId, direction: 'in', method: 'letter', occurredOn: '2026-11-23', attachmentId });

      await recordCorrespondence(withStorage(), f.as(MANAGER), id, { direction: 'out', method: 'phone', occurredOn: '2026-11-24', summary: typed('Rang Jo back to apologise.') }, []);
      const page = await viewComplaint(f.deps, f.as(MANAGER), id);
      expect(page.investigation.correspondence.map((c) => [c.direction, c.method, c.occurredOn, c.file?.name ?? null, c.recordedByName])).toEqual([
        ['out', 'phone', '2026-11-24', null, 'Sarah Wilson'],
        ['in', 'letter', '2026-11-23', 'Jo Bloggs letter 23 Nov.pdf', 'Aisha Khan'],
      ]);
      expect(page.investigation.staffFiles[attachmentId!]).toBe('Aisha Khan');
    });

    it('refuses a file it does not accept, naming the reason, and writes and keeps nothing', async () => {
      const fields = { direction: 'in', method: 'email', occurredOn: '2026-11-24', summary: 'Jo sent a program.' };
      const refused = (message: string) => ({ code: 'invalid_input', problems: [{ field: 'file', message }] });
      const record = (files: ArrivedFile[]) => () => recordCorrespondence(withStorage(), f.as(ADMIN), id, fields, files);
      // A program named as a PDF is judged by its bytes.
      await refusedWithNothingWritten(id, record([{ name: 'statement.pdf', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]) }]), refused('file.wrongType'));
      await refusedWithNothingWritten(id, record([{ name: 'huge scan.pdf', refused: 'tooBig' }]), refused('file.tooBig'));
      await refusedWithNothingWritten(id, record([{ name: 'empty.pdf', bytes: new Uint8Array() }]), refused('file.empty'));
      await refusedWithNothingWritten(id, record([scan('one.pdf'), scan('two.pdf')]), refused('file.tooMany'));
      // The file's problem comes with the others, on the same page.
      await refusedWithNothingWritten(id, () => recordCorrespondence(withStorage(), f.as(ADMIN), id, { ...fields, summary: '', occurredOn: '2026-11-25' }, [{ name: 'x.exe', bytes: new Uint8Array([0x4d, 0x5a, 0x90]) }]), {
        code: 'invalid_input',
        problems: [
          { field: 'summary', message: 'summary.required' },
          { field: 'occurredOn', message: 'occurredOn.inFuture' },
          { field: 'file', message: 'file.wrongType' },
        ],
      });
    });

    it('deletes the stored bytes when the move itself refuses after they were kept', async () => {
      // Only the move, under the complaint's lock, knows the day the complaint reached us.
      await refusedWithNothingWritten(
        id,
        () => recordCorrespondence(withStorage(), f.as(ADMIN), id, { direction: 'in', method: 'letter', occurredOn: '2026-11-20', summary: 'An earlier letter.' }, [scan()]),
        { code: 'invalid_input', problems: [{ field: 'occurredOn', message: 'occurredOn.beforeReceived' }] },
      );
      await refusedWithNothingWritten(id, () => recordCorrespondence(withStorage(), f.as(ADMIN), id, { direction: 'sideways', method: 'pigeon', occurredOn: 'missing', summary: 'x' }, []), {
        code: 'invalid_input',
        problems: [
          { field: 'direction', message: 'direction.required' },
          { field: 'method', message: 'method.required' },
          { field: 'occurredOn', message: 'occurredOn.required' },
        ],
      });
      await refusedWithNothingWritten(id, () => recordCorrespondence(withStorage(), f.as(OTHER_AREA), id, { direction: 'in', method: 'letter', occurredOn: '2026-11-24', summary: 'x' }, [scan()]), {
        code: 'not_found',
      });
    });
  });

  describe('corrections to their details', () => {
    let id: string;
    const reason = 'Jo rang: she has moved, and gave a mobile number to use instead of email.';

    it('corrects their record, keeps the old and new values with the reason, and the history names only the fields', async () => {
      id = await acknowledgedComplaint(f);
      const form = await viewComplainantCorrection(f.deps, f.as(ADMIN), id);
      expect(form.current).toMatchObject({ fullName: 'Jo Bloggs', email: 'jo.bloggs@example.com', postalAddress: '1 High Street\nCarlisle', postcode: 'CA1 1AA', preferredContact: 'email', language: 'en' });
      const [opened] = await queryRows<{ subject: string }>(f.db, sql`select subject from audit_log where complaint_id = ${id} and subject = 'page:correct_complainant_details'`);
      expect(opened).toBeDefined();

      const corrected = {
        ...asForm(form.current),
        email: '',
        phone: '07700 900 982',
        postalAddress: '22 Bridge Street\nPenrith',
        postcode: 'ca11 7aa',
        preferredContact: 'phone',
        safeToLeaveVoicemail: false,
        safeCallTimes: 'Weekdays after 6pm',
        supportNeeds: ['interpreter'],
        reason: typed(reason),
      };
      const result = await correctComplainantDetails(f.deps, f.as(ADMIN), id, corrected);
      expect(result.fields).toEqual(['email', 'phone', 'postalAddress', 'postcode', 'preferredContact', 'safeToLeaveVoicemail', 'safeCallTimes', 'supportNeeds']);

      const [row] = await queryRows<Record<string, unknown>>(
        f.db,
        sql`select email, phone, postal_address, postcode, preferred_contact, safe_to_leave_voicemail, safe_call_times, support_needs from complainants where complaint_id = ${id}`,
      );
      expect(row).toEqual({
        email: null,
        phone: '07700 900 982',
        postal_address: '22 Bridge Street\nPenrith',
        postcode: 'CA11 7AA',
        preferred_contact: 'phone',
        safe_to_leave_voicemail: false,
        safe_call_times: 'Weekdays after 6pm',
        support_needs: ['interpreter'],
      });
      const [kept] = await queryRows<{ changes: unknown; reason: string; corrected_by: string }>(f.db, sql`select changes, reason, corrected_by from complainant_corrections where id = ${result.correctionId}`);
      expect(kept).toEqual({
        reason,
        corrected_by: f.staffId(ADMIN),
        changes: [
          { field: 'email', from: 'jo.bloggs@example.com', to: null },
          { field: 'phone', from: null, to: '07700 900 982' },
          { field: 'postalAddress', from: '1 High Street\nCarlisle', to: '22 Bridge Street\nPenrith' },
          { field: 'postcode', from: 'CA1 1AA', to: 'CA11 7AA' },
          { field: 'preferredContact', from: 'email', to: 'phone' },
          { field: 'safeToLeaveVoicemail', from: null, to: 'no' },
          { field: 'safeCallTimes', from: null, to: 'Weekdays after 6pm' },
          { field: 'supportNeeds', from: null, to: 'interpreter' },
        ],
      });
      const [event] = await events(id, 'complainant.corrected');
      expect(event).toEqual({ type: 'complainant.corrected', visibility: 'internal', reason, payload: { correctionId: result.correctionId, fields: result.fields } });
    });

    it('shows the old values to the CSQ manager and national office, and to a responding manager only that it happened, when, by whom, which fields and why', async () => {
      for (const reader of [CSQ, NATIONAL]) {
        const [correction] = (await viewComplaint(f.deps, f.as(reader), id)).investigation.corrections;
        expect(correction!.changes).toContainEqual({ field: 'postalAddress', values: { from: '1 High Street\nCarlisle', to: '22 Bridge Street\nPenrith' } });
      }
      for (const other of [MANAGER, HEAD, ADMIN]) {
        const page = await viewComplaint(f.deps, f.as(other), id);
        expect(page.investigation.readsReplacedDetails).toBe(false);
        expect(page.investigation.corrections).toEqual([
          {
            id: expect.any(String),
            reason,
            correctedByName: 'Aisha Khan',
            createdAt: expect.any(Date),
            changes: ['email', 'phone', 'postalAddress', 'postcode', 'preferredContact', 'safeToLeaveVoicemail', 'safeCallTimes', 'supportNeeds'].map((field) => ({ field, values: null })),
          },
        ]);
        // Nowhere on their page: not in the corrections, the history or anything else.
        const everything = JSON.stringify(page);
        for (const old of ['High Street', 'jo.bloggs@example.com', 'CA1 1AA']) expect(everything, `${other} sees ${old}`).not.toContain(old);
      }
    });

    it('follows a change of language in the complaint itself, so its letters follow it', async () => {
      const form = await viewComplainantCorrection(f.deps, f.as(CSQ), id);
      await correctComplainantDetails(f.deps, f.as(CSQ), id, { ...asForm(form.current), language: 'cy', reason: typed('Jo asked for Welsh from now on.') });
      const [row] = await queryRows<{ complaint: string; complainant: string }>(
        f.db,
        sql`select c.language as complaint, p.language as complainant from complaints c join complainants p on p.complaint_id = c.id where c.id = ${id}`,
      );
      expect(row).toEqual({ complaint: 'cy', complainant: 'cy' });
    });

    it('refuses a correction that changes nothing, breaks the complaint form’s rules, has no reason, or comes from someone who may not make it', async () => {
      const current = asForm((await viewComplainantCorrection(f.deps, f.as(ADMIN), id)).current);
      await refusedWithNothingWritten(id, () => correctComplainantDetails(f.deps, f.as(ADMIN), id, { ...current, postcode: String(current.postcode).toLowerCase(), reason: 'Checking.' }), {
        code: 'nothing_changed',
      });
      await refusedWithNothingWritten(id, () => correctComplainantDetails(f.deps, f.as(ADMIN), id, { ...current, phone: '', reason: 'Number withdrawn.' }), {
        code: 'invalid_input',
        problems: [{ field: 'phone', message: 'phone.requiredForContact' }],
      });
      await refusedWithNothingWritten(id, () => correctComplainantDetails(f.deps, f.as(ADMIN), id, { ...current, email: 'not an address', fullName: '', reason: '' }), {
        code: 'invalid_input',
        problems: [
          { field: 'fullName', message: 'fullName.required' },
          { field: 'email', message: 'email.invalid' },
          { field: 'reason', message: 'reason.required' },
        ],
      });
      await refusedWithNothingWritten(id, () => correctComplainantDetails(f.deps, f.as(MANAGER), id, { ...current, fullName: 'Joanna Bloggs', reason: 'Her full name.' }), {
        code: 'not_allowed',
      });
      await expect(viewComplainantCorrection(f.deps, f.as(MANAGER), id)).rejects.toMatchObject({ code: 'not_allowed' });
    });
  });

  describe('information added by the complainant', () => {
    it('is kept as correspondence in, with a new point that must be answered before the response can be approved', async () => {
      const id = await acknowledgedComplaint(f);
      await startInvestigation(f.deps, f.as(MANAGER), id);
      const original = await points(id);
      for (const p of original) await answerPoint(f.deps, f.as(MANAGER), id, answer(p.id, 'We checked the file and the calls were returned.'));
      const { letterId } = await draftResponse(f.deps, f.as(MANAGER), id, {});
      await submitLetter(f.deps, f.as(MANAGER), id, letterId);

      const form = await viewAddInformation(f.deps, f.as(ADMIN), id);
      expect(form.pointCount).toBe(3);
      const summary = typed('Jo emailed to add that her son’s school was never contacted.');
      const point = typed('Nobody contacted my son’s school, though the report says they did.');
      const added = await addInformation(f.deps, f.as(ADMIN), id, { method: 'email', occurredOn: '2026-11-24', summary, points: [point] });
      expect(added.pointIds).toHaveLength(1);

      const after = await points(id);
      expect(after.map((p) => p.position)).toEqual([1, 2, 3, 4]);
      expect(after[3]).toEqual({ id: added.pointIds[0], position: 4, raised_at_stage: 1, triage: null, text: point });
      const [kept] = await queryRows<Record<string, unknown>>(f.db, sql`select direction, method, summary, adds_information from correspondence where id = ${added.correspondenceId}`);
      expect(kept).toEqual({ direction: 'in', method: 'email', summary, adds_information: true });
      const [event] = await events(id, 'information.added');
      expect(event).toEqual({ type: 'information.added', visibility: 'public', reason: null, payload: { correspondenceId: added.correspondenceId, pointIds: added.pointIds } });

      // The response in quality assurance no longer answers every point.
      await refusedWithNothingWritten(id, () => approveLetter(f.deps, f.as(CSQ), id, letterId, {}), { code: 'point_unanswered' });
      await returnLetter(f.deps, f.as(CSQ), id, letterId, { comments: 'A new point came in: answer it too.' });
      await answerPoint(f.deps, f.as(MANAGER), id, answer(added.pointIds[0]!, 'The school was contacted on 2 November, as the file shows.'));
      await draftResponse(f.deps, f.as(MANAGER), id, {});
      await submitLetter(f.deps, f.as(MANAGER), id, letterId);
      await approveLetter(f.deps, f.as(CSQ), id, letterId, {});
      const [row] = await queryRows<{ state: string }>(f.db, sql`select state from complaints where id = ${id}`);
      expect(row!.state).toBe('response_approved');
      expect(await verifyComplaintHistory(f.db, id)).toMatchObject({ intact: true });
    });

    it('may add no point at all, and refuses what it cannot keep', async () => {
      const id = await acknowledgedComplaint(f);
      const added = await addInformation(f.deps, f.as(CSQ), id, { method: 'phone', occurredOn: '2026-11-24', summary: typed('Jo rang to say she is away next week.') });
      expect(added.pointIds).toEqual([]);
      expect((await points(id)).length).toBe(3);
      await refusedWithNothingWritten(id, () => addInformation(f.deps, f.as(ADMIN), id, { method: 'email', occurredOn: '2026-11-24', summary: '', points: ['  '] }), {
        code: 'invalid_input',
        problems: [
          { field: 'summary', message: 'summary.required' },
          { field: 'points.0', message: 'pointText.required' },
        ],
      });
      const many = (n: number) => ({ method: 'letter', occurredOn: '2026-11-24', summary: 'A long letter.', points: Array.from({ length: n }, (_, i) => `New point ${i + 1}.`) });
      await refusedWithNothingWritten(id, () => addInformation(f.deps, f.as(ADMIN), id, many(11)), { code: 'invalid_input', problems: [{ field: 'points', message: 'points.tooMany' }] });
      await addInformation(f.deps, f.as(ADMIN), id, many(10));
      expect((await points(id)).map((p) => p.position)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
      // A complaint holds no more points than the complaint form allows.
      await refusedWithNothingWritten(id, () => addInformation(f.deps, f.as(ADMIN), id, many(8)), { code: 'invalid_input', problems: [{ field: 'points', message: 'points.tooManyInAll' }] });
      // Recorded for the complainant by CSQ administration, not by the manager answering.
      await refusedWithNothingWritten(id, () => addInformation(f.deps, f.as(MANAGER), id, { method: 'email', occurredOn: '2026-11-24', summary: 'x' }), { code: 'not_allowed' });
    });
  });

  describe('withdrawal', () => {
    it('closes off what is owed, keeps their reason with the event, and cannot happen twice', async () => {
      const id = await acknowledgedComplaint(f);
      const [before] = await queryRows<{ current_due_on: string | null }>(f.db, sql`select current_due_on::text from complaints where id = ${id}`);
      expect(before!.current_due_on).not.toBeNull();
      await refusedWithNothingWritten(id, () => withdrawComplaint(f.deps, f.as(MANAGER), id, {}), { code: 'not_allowed' });

      const reason = typed('Jo wrote that things are sorted out with the new adviser.');
      await withdrawComplaint(f.deps, f.as(ADMIN), id, { reason });
      const [row] = await queryRows<{ state: string; current_due_on: string | null; withdrawn_at: Date | null }>(f.db, sql`select state, current_due_on, withdrawn_at from complaints where id = ${id}`);
      expect(row).toMatchObject({ state: 'withdrawn', current_due_on: null });
      expect(row!.withdrawn_at).not.toBeNull();
      const [event] = await events(id, 'complaint.withdrawn');
      expect(event).toEqual({ type: 'complaint.withdrawn', visibility: 'public', reason, payload: {} });
      await refusedWithNothingWritten(id, () => withdrawComplaint(f.deps, f.as(ADMIN), id, {}), { code: 'wrong_state' });
      // Notes and correspondence may still be added to its file.
      await recordCorrespondence(withStorage(), f.as(ADMIN), id, { direction: 'out', method: 'letter', occurredOn: '2026-11-24', summary: typed('Wrote to confirm the withdrawal.') }, []);
    });

    it('needs no reason', async () => {
      const { id } = await logComplaint(f.deps, f.as(ADMIN), loggedComplaint(f.places));
      await withdrawComplaint(f.deps, f.as(CSQ), id, { reason: '   ' });
      const [event] = await events(id, 'complaint.withdrawn');
      expect(event).toMatchObject({ reason: null, payload: {} });
      const [row] = await queryRows<{ current_due_on: string | null }>(f.db, sql`select current_due_on from complaints where id = ${id}`);
      expect(row!.current_due_on).toBeNull();
    });
  });

  it('never puts what anyone wrote or said in an event’s payload', async () => {
    const rows = await queryRows<{ payload: unknown }>(
      f.db,
      sql`select payload from complaint_events where type in ('note.added', 'correspondence.recorded', 'complainant.corrected', 'information.added', 'complaint.withdrawn')`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const payloads = JSON.stringify(rows);
    expect(words.length).toBeGreaterThan(8);
    for (const w of words) expect(payloads).not.toContain(w);
    for (const value of ['Bridge Street', '07700 900 982', 'Weekdays after 6pm', 'jo.bloggs@example.com']) expect(payloads).not.toContain(value);
  });
});
