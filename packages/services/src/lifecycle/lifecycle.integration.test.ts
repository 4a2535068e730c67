import { answerSurvey } from '../tracking/answer-survey';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findCurrentFramework, listComplaintEvents, listOmbudsmanRecommendations, listWrittenRequests, queryRows, verifyComplaintHistory } from '@complaints/db';
import { createLocalDiskStorage } from '@complaints/storage';
import { describeEachDatabase } from '@complaints/db/testing';
import { type Move, MOVE_NAMES, MOVES, readEvent, steppingClock } from '@complaints/domain';
import { extractPdfText } from '@complaints/documents/testing';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assignComplaint, assignResponderMove } from '../casework/assign-complaint';
import type { CaseworkRequest } from '../casework/casework-context';
import { closeComplaint } from '../casework/close-complaint';
import { downloadLetter } from '../casework/download-letter';
import { logComplaint } from '../casework/log-complaint';
import { recordTriage } from '../casework/record-triage';
import { requestStageTwo } from '../casework/request-stage-two';
import { viewComplaint } from '../casework/view-complaint';
import { answerPoint } from '../investigation/answer-point';
import { startInvestigation } from '../investigation/start-investigation';
import { draftResponse } from '../letters/draft-response';
import { sendLetter } from '../letters/send-letter';
import { submitLetter } from '../letters/submit-letter';
import { checkClosure } from '../quality-assurance/check-closure';
import { approveLetter, returnLetter } from '../quality-assurance/review-letter';
import { logReceivedComplaint } from '../casework/log-received-complaint';
import { completeOmbudsmanRecommendation } from '../escalation/complete-ombudsman-recommendation';
import { recordOmbudsmanEnquiry } from '../escalation/record-ombudsman-enquiry';
import { recordOmbudsmanOutcome } from '../escalation/record-ombudsman-outcome';
import { replyToOmbudsman } from '../escalation/reply-to-ombudsman';
import { referToOmbudsman } from '../escalation/refer-to-ombudsman';
import { addCaseNote } from '../investigation/add-case-note';
import { addInformation } from '../investigation/add-information';
import { correctComplainantDetails, viewComplainantCorrection } from '../investigation/correct-complainant-details';
import { recordCorrespondence } from '../investigation/record-correspondence';
import { withdrawComplaint } from '../investigation/withdraw-complaint';
import { printLetter } from '../letters/print-letter';
import { writeLetter } from '../letters/write-letter';
import { recordManagementReview } from '../management-review/record-management-review';
import { isRefusal } from '../refusal';
import { extendTimescale } from '../timescales/extend-timescale';
import { pauseClock } from '../timescales/pause-clock';
import { resumeClock } from '../timescales/resume-clock';
import { MOVE_USE_CASES } from './move-use-cases';
import { raiseLearning } from '../learning/raise-learning';
import { acknowledge, assign, caseworkSuite, DEMO_STAFF, loggedComplaint, NORTH, pointIdsOf } from '../testing/casework-fixture';
import { refusalCheck } from '../testing/nothing-written';
import { runMove } from './run-move';

// From Tuesday 24 November 2026, 11:00 in London, a second on at each reading.
const clock = steppingClock('2026-11-24T11:00:00Z');

const { admin: ADMIN, csq: CSQ, manager: MANAGER } = NORTH;
const { reviewer: REVIEWER, head: HEAD, national: NATIONAL } = DEMO_STAFF;

const answer = (pointId: string, decision: 'upheld' | 'partly_upheld' | 'not_upheld' | 'court_matter', reasons: string) =>
  decision === 'court_matter'
    ? { pointId, decision, reasons }
    : {
        pointId,
        decision,
        reasons,
        standardCited: 'Practice standard 4: keeping in touch',
        whatShouldHaveHappened: 'A call back within two working days.',
        whatHappened: 'No call back for three weeks.',
        remedy: decision === 'upheld' ? 'An apology, and a second person to watch the messages when someone is away.' : undefined,
        actions: decision === 'upheld' ? [{ description: 'Check the team’s messages every day', ownerName: 'The team manager', dueOn: '2026-12-18' }] : [],
      };

describeEachDatabase('the lifecycle', (database) => {
  const f = caseworkSuite(database, clock);
  const refusedWithNothingWritten = refusalCheck(f);

  async function letterOf(complaintId: string, kind: string) {
    const [row] = await queryRows<{ id: string }>(f.db, sql`select id from letters where complaint_id = ${complaintId} and kind = ${kind} order by created_at desc limit 1`);
    return row!.id;
  }

  /** A complaint logged, triaged (the second point for the court), assigned and acknowledged. */
  async function triagedAndAcknowledged(over: Parameters<typeof loggedComplaint>[1] = {}) {
    const { id } = await logComplaint(f.deps, f.as(ADMIN), loggedComplaint(f.places, { channel: 'email', ...over }));
    const [first, second, third] = await pointIdsOf(f, id);
    await recordTriage(f.deps, f.as(ADMIN), id, first!, { categoryKey: 'communication', outcome: 'organisation', reason: 'Our own delay in replying.' });
    await recordTriage(f.deps, f.as(ADMIN), id, second!, {
      categoryKey: 'quality_of_work',
      outcome: 'court',
      reason: 'What the report recommends is for the court to weigh.',
      courtRoute: 'Ask your solicitor to raise it at the next hearing, or write to the court.',
    });
    await recordTriage(f.deps, f.as(ADMIN), id, third!, { categoryKey: 'data_and_confidentiality', outcome: 'organisation', reason: 'We used an old address.' });
    await assign(f, id);
    await acknowledge(f, id);
    return { id, points: [first!, second!, third!] };
  }

  async function answerAll(complaintId: string, who: string, pointIds: string[], reasons = 'The adviser was away and nobody looked after their messages.') {
    await answerPoint(f.deps, f.as(who), complaintId, answer(pointIds[0]!, 'upheld', reasons));
    await answerPoint(f.deps, f.as(who), complaintId, answer(pointIds[1]!, 'court_matter', 'What the report recommends is for the court to weigh.'));
    await answerPoint(f.deps, f.as(who), complaintId, answer(pointIds[2]!, 'not_upheld', 'We wrote to the address you gave us at the time.'));
  }

  describe('a complaint answered point by point, through quality assurance, stage 2 and closure', () => {
    let id: string;
    let pointIds: string[];
    let response: string;

    it('is acknowledged through quality assurance, then investigated', async () => {
      ({ id, points: pointIds } = await triagedAndAcknowledged());
      const [row] = await queryRows<{ state: string; current_due_on: string }>(f.db, sql`select state, current_due_on::text from complaints where id = ${id}`);
      expect(row).toEqual({ state: 'acknowledged', current_due_on: '2026-12-14' });
      await startInvestigation(f.deps, f.as(MANAGER), id);
    });

    it('refuses to draft the response while a point lacks its own answer, writing nothing', async () => {
      await answerPoint(f.deps, f.as(MANAGER), id, answer(pointIds[0]!, 'upheld', 'The adviser was away.'));
      await refusedWithNothingWritten(id, () => draftResponse(f.deps, f.as(MANAGER), id, {}), { code: 'point_unanswered' });
      const page = await viewComplaint(f.deps, f.as(MANAGER), id);
      expect(page.moves.complaint.find((m) => m.move === 'draft_response')).toEqual({ move: 'draft_response', ok: false, reason: 'point_unanswered' });
      expect(page.answers.map((p) => p.answer?.decision ?? null)).toEqual(['upheld', null, null]);
    });

    it('refuses an answer with what it lacks, field by field', async () => {
      await refusedWithNothingWritten(id, () => answerPoint(f.deps, f.as(MANAGER), id, { pointId: pointIds[2], decision: 'not_upheld', reasons: 'Because.' }), { code: 'invalid_input' });
      await expect(answerPoint(f.deps, f.as(MANAGER), id, { pointId: pointIds[2], decision: 'not_upheld', reasons: 'Because.' })).rejects.toMatchObject({
        problems: expect.arrayContaining([
          { field: 'standardCited', message: 'standardCited.required' },
          { field: 'whatShouldHaveHappened', message: 'whatShouldHaveHappened.required' },
          { field: 'whatHappened', message: 'whatHappened.required' },
        ]),
      });
    });

    it('drafts the response from the answers, and sends nothing before it is approved', async () => {
      await answerAll(id, MANAGER, pointIds);
      ({ letterId: response } = await draftResponse(f.deps, f.as(MANAGER), id, { message: 'Thank you for telling us what happened.' }));
      await refusedWithNothingWritten(id, () => sendLetter(f.deps, f.as(ADMIN), id, response), { code: 'wrong_letter_state' });
      await submitLetter(f.deps, f.as(MANAGER), id, response);
      await refusedWithNothingWritten(id, () => sendLetter(f.deps, f.as(ADMIN), id, response), { code: 'wrong_letter_state' });
      const [row] = await queryRows<{ state: string }>(f.db, sql`select state from complaints where id = ${id}`);
      expect(row!.state).toBe('in_quality_assurance');
    });

    it('is returned once by quality assurance with comments, revised and submitted again', async () => {
      await returnLetter(f.deps, f.as(CSQ), id, response, { comments: 'Say plainly what will change, and by when.' });
      const [row] = await queryRows<{ state: string; letter_state: string }>(
        f.db,
        sql`select c.state, l.state as letter_state from complaints c join letters l on l.complaint_id = c.id where c.id = ${id} and l.id = ${response}`,
      );
      expect(row).toEqual({ state: 'investigating', letter_state: 'returned' });
      await answerPoint(f.deps, f.as(MANAGER), id, answer(pointIds[0]!, 'upheld', 'The adviser was away and nobody looked after their messages. From now on a second person will.'));
      const { version } = await draftResponse(f.deps, f.as(MANAGER), id, { message: 'Thank you for telling us what happened.' });
      expect(version).toBe(2);
      // An answer changed after the draft: the letter no longer says what the answers say.
      await answerPoint(f.deps, f.as(MANAGER), id, answer(pointIds[2]!, 'not_upheld', 'We wrote to the address you gave us at the time, as the file shows.'));
      await refusedWithNothingWritten(id, () => submitLetter(f.deps, f.as(MANAGER), id, response), { code: 'draft_out_of_date' });
      expect((await draftResponse(f.deps, f.as(MANAGER), id, { message: 'Thank you for telling us what happened.' })).version).toBe(3);
      await submitLetter(f.deps, f.as(MANAGER), id, response);
      const versions = await queryRows<{ version: number }>(f.db, sql`select version from letter_versions where letter_id = ${response} order by version`);
      expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    });

    it('is approved by the CSQ manager and sent by email; its PDF answers each point in order and says how to ask for stage 2', async () => {
      await approveLetter(f.deps, f.as(CSQ), id, response, { comments: 'Clear and complete.' });
      const sent = await sendLetter(f.deps, f.as(ADMIN), id, response);
      expect(sent.delivery).toBe('email');
      const [row] = await queryRows<{ state: string; current_due_on: string | null }>(f.db, sql`select state, current_due_on from complaints where id = ${id}`);
      expect(row).toEqual({ state: 'response_sent', current_due_on: null });
      const [mail] = await queryRows<{ recipient: string; payload: { attachLetterPdf: boolean } }>(f.db, sql`select recipient, payload from outbox where letter_id = ${response}`);
      expect(mail).toMatchObject({ recipient: 'jo.bloggs@example.com', payload: { attachLetterPdf: true } });

      const pdf = await downloadLetter(f.deps, f.as(ADMIN), id, response);
      const text = (await extractPdfText(pdf.bytes)).text.replace(/\s+/g, ' ');
      const order = ['Nobody returned my calls', 'The report says I missed a meeting', 'My letter was sent to my old address'].map((p) => text.indexOf(p));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(text).toContain('From now on a second person will.');
      expect(text).toContain('as the file shows');
      expect(text).toContain('Practice standard 4: keeping in touch');
      expect(text).toContain('Ask your solicitor to raise it at the next hearing');
      expect(text).toMatch(/stage 2/i);
    });

    it('is reviewed at stage 2 by a manager who did not answer stage 1, and never by the one who did', async () => {
      await raiseLearning(f.deps, f.as(CSQ), id, {
        source: 'complaint',
        level: 'business_area',
        businessAreaId: (await queryRows<{ id: string }>(f.db, sql`select business_area_id as id from complaints where id = ${id}`))[0]!.id,
        learnt: 'Closure checks found the record complete.',
        action: 'Share the closure checklist with every team.',
        ownerId: f.staffId(CSQ),
        dueOn: '2027-01-29',
      });
      await requestStageTwo(f.deps, f.as(ADMIN), id, { receivedOn: '2026-11-24' });
      const [row] = await queryRows<{ state: string; stage: number; responder_id: string | null; current_due_on: string }>(
        f.db,
        sql`select state, stage, responder_id, current_due_on::text from complaints where id = ${id}`,
      );
      expect(row).toEqual({ state: 'received', stage: 2, responder_id: null, current_due_on: '2026-11-26' });
      await expect(
        assignComplaint(f.deps, f.as(ADMIN), id, { responderId: f.staffId(MANAGER), csqManagerId: null }, { caseUrl: 'x' }),
      ).rejects.toMatchObject({ code: 'invalid_input', problems: [{ field: 'responderId', message: 'responder.answeredStageOne' }] });
      await assignComplaint(f.deps, f.as(ADMIN), id, { responderId: f.staffId(REVIEWER), csqManagerId: null }, { caseUrl: 'x' });
      const { letterId } = await acknowledge(f, id);
      const [ack] = await queryRows<{ kind: string }>(f.db, sql`select kind from letters where id = ${letterId}`);
      expect(ack!.kind).toBe('stage_2_acknowledgement');
      // The stage 1 manager may still see the complaint, and may do nothing with it.
      await expect(startInvestigation(f.deps, f.as(MANAGER), id)).rejects.toMatchObject({ code: 'not_allowed' });
      await startInvestigation(f.deps, f.as(REVIEWER), id);
      await answerAll(id, REVIEWER, pointIds, 'We looked again: the messages were not watched while the adviser was away.');
      const { letterId: review } = await draftResponse(f.deps, f.as(REVIEWER), id, {});
      await submitLetter(f.deps, f.as(REVIEWER), id, review);
      await approveLetter(f.deps, f.as(CSQ), id, review, {});
      await sendLetter(f.deps, f.as(ADMIN), id, review);
      const text = (await extractPdfText((await downloadLetter(f.deps, f.as(ADMIN), id, review)).bytes)).text.replace(/\s+/g, ' ');
      expect(text).toContain('Parliamentary and Health Service Ombudsman');
      expect(text).not.toContain('Public Services Ombudsman for Wales');
    });

    it('closes only after a complete closure check', async () => {
      await refusedWithNothingWritten(id, () => closeComplaint(f.deps, f.as(CSQ), id), { code: 'closure_check_incomplete' });
      const partial = await checkClosure(f.deps, f.as(CSQ), id, {
        points_answered: { done: true, note: 'Each point has its own answer.' },
        letters_approved_and_sent: { done: true, note: '' },
        timescales_met: { done: false, note: 'Checking the dates.' },
        record_complete: { done: false, note: '' },
      });
      expect(partial.complete).toBe(false);
      await refusedWithNothingWritten(id, () => closeComplaint(f.deps, f.as(CSQ), id), { code: 'closure_check_incomplete' });
      const complete = await checkClosure(f.deps, f.as(CSQ), id, {
        points_answered: { done: true, note: 'Each point has its own answer.' },
        letters_approved_and_sent: { done: true, note: 'Four letters, each approved.' },
        timescales_met: { done: true, note: 'Both responses on time.' },
        record_complete: { done: true, note: 'Matches the file.' },
      });
      expect(complete.complete).toBe(true);
      await closeComplaint(f.deps, f.as(CSQ), id);
      const [row] = await queryRows<{ state: string; current_due_on: string | null }>(f.db, sql`select state, current_due_on from complaints where id = ${id}`);
      expect(row).toEqual({ state: 'closed', current_due_on: null });
    });

    it('has every move in its history, readable by its schema, with who and when, and the chain intact', async () => {
      expect(await verifyComplaintHistory(f.db, id)).toMatchObject({ intact: true });
      const events = await listComplaintEvents(f.db, id);
      for (const e of events) {
        const read = readEvent(e.type, e.payload);
        expect(read.move, e.type).not.toBeNull();
        expect(e.occurredAt).toBeInstanceOf(Date);
        expect(e.actorType === 'complainant' || e.actorStaffId !== null, e.type).toBe(true);
      }
      const types = events.map((e) => e.type);
      for (const type of ['letter.returned', 'response.drafted', 'letter.approved', 'letter.sent', 'stage_two.requested', 'closure.checked', 'complaint.closed']) expect(types).toContain(type);
      const page = await viewComplaint(f.deps, f.as(NATIONAL), id);
      expect(page.timeline.length).toBe(events.length);
    });
  });

  describe('the guards', () => {
    it('refuses approval by whoever wrote or last changed the letter', async () => {
      // The CSQ manager may investigate too; then another CSQ manager must quality-assure it.
      const { id, points: pointIds } = await triagedAndAcknowledged();
      await startInvestigation(f.deps, f.as(CSQ), id);
      await answerAll(id, CSQ, pointIds);
      const { letterId } = await draftResponse(f.deps, f.as(CSQ), id, {});
      await submitLetter(f.deps, f.as(CSQ), id, letterId);
      await refusedWithNothingWritten(id, () => approveLetter(f.deps, f.as(CSQ), id, letterId, {}), { code: 'own_letter' });
      await refusedWithNothingWritten(id, () => returnLetter(f.deps, f.as(CSQ), id, letterId, { comments: 'x' }), { code: 'own_letter' });
      const letterMoves = (await viewComplaint(f.deps, f.as(CSQ), id)).moves.letters[letterId] ?? [];
      expect(letterMoves.find((m) => m.move === 'approve_letter')).toEqual({ move: 'approve_letter', letterId, ok: false, reason: 'own_letter' });
    });

    it('keeps whoever answered a point at stage 1 from the stage 2 review', async () => {
      const { id, points: pointIds } = await triagedAndAcknowledged();
      await startInvestigation(f.deps, f.as(MANAGER), id);
      // The CSQ manager answers one point at stage 1 herself.
      await answerPoint(f.deps, f.as(CSQ), id, answer(pointIds[0]!, 'upheld', 'The adviser was away.'));
      await answerPoint(f.deps, f.as(MANAGER), id, answer(pointIds[1]!, 'court_matter', 'For the court.'));
      await answerPoint(f.deps, f.as(MANAGER), id, answer(pointIds[2]!, 'not_upheld', 'We used the address given.'));
      const { letterId } = await draftResponse(f.deps, f.as(MANAGER), id, {});
      await submitLetter(f.deps, f.as(MANAGER), id, letterId);
      await approveLetter(f.deps, f.as(CSQ), id, letterId, {});
      await sendLetter(f.deps, f.as(ADMIN), id, letterId);
      await requestStageTwo(f.deps, f.as(ADMIN), id, { receivedOn: '2026-11-24' });
      await assignComplaint(f.deps, f.as(ADMIN), id, { responderId: f.staffId(REVIEWER), csqManagerId: null }, { caseUrl: 'x' });
      await acknowledge(f, id);
      await startInvestigation(f.deps, f.as(REVIEWER), id);
      await refusedWithNothingWritten(id, () => answerPoint(f.deps, f.as(CSQ), id, answer(pointIds[0]!, 'upheld', 'Again.')), { code: 'answered_stage_one' });
      // Whatever a page offered, the executor itself never gives the review to a stage 1 responder.
      await refusedWithNothingWritten(
        id,
        () => runMove(f.deps, f.as(NATIONAL), assignResponderMove, { complaintId: id }, { responderId: f.staffId(CSQ), assignedBy: 'Margaret Lewis', caseUrl: 'x' }),
        { code: 'answered_stage_one' },
      );
    });
  });

  describe('the whole table', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'lifecycle-files-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('makes every move of the table, each through its use case, and reads back every payload it wrote', async () => {
      const withStorage = { ...f.deps, storage: createLocalDiskStorage(folder) };
      // A complaint that came in online, logged from its page.
      const [online] = await queryRows<{ id: string }>(
        f.db,
        sql`select c.id from complaints c join business_areas b on b.id = c.business_area_id where b.code = 'NORTH' and c.state = 'received' and c.stage = 1 limit 1`,
      );
      await logReceivedComplaint(f.deps, f.as(ADMIN), online!.id, { serviceAreaId: f.places.NEC!, teamId: f.places['NEC-CARLISLE']!, practitionerId: null });
      await withdrawComplaint(f.deps, f.as(ADMIN), online!.id, { reason: 'They told us by phone it is sorted.' });

      // The record of an investigation, its timescales, and a letter of the manager's own.
      const { id, points: pointIds } = await triagedAndAcknowledged();
      await startInvestigation(f.deps, f.as(MANAGER), id);
      await addCaseNote(withStorage, f.as(MANAGER), id, { kind: 'note', text: 'Spoke to the adviser about the missed calls.' }, []);
      await recordCorrespondence(withStorage, f.as(MANAGER), id, { direction: 'out', method: 'phone', occurredOn: '2026-11-24', summary: 'Rang to say we are looking into it.' }, []);
      const current = Object.fromEntries(Object.entries((await viewComplainantCorrection(f.deps, f.as(ADMIN), id)).current).filter(([, v]) => v !== null));
      await correctComplainantDetails(f.deps, f.as(ADMIN), id, { ...current, phone: '07700 900 555', reason: 'They gave us a new number.' });
      await addInformation(f.deps, f.as(ADMIN), id, { method: 'email', occurredOn: '2026-11-24', summary: 'Sent the letter they mentioned.', points: [] });
      await recordCorrespondence(withStorage, f.as(MANAGER), id, { direction: 'out', method: 'email', occurredOn: '2026-11-24', summary: 'Asked for the letter from the school.' }, []);
      const [askedIn] = await listWrittenRequests(f.db, id);
      await pauseClock(f.deps, f.as(MANAGER), id, { askedIn: askedIn!.ref, reason: 'We asked for the letter from the school.' });
      await resumeClock(f.deps, f.as(MANAGER), id);
      const extension = await extendTimescale(f.deps, f.as(MANAGER), id, { newDueOn: '2026-12-21', reason: 'We are waiting for a report from another team.' });
      const holding = await writeLetter(f.deps, f.as(MANAGER), id, { kind: 'holding', message: 'We are still looking into your complaint.' });
      await submitLetter(f.deps, f.as(MANAGER), id, holding.letterId);
      await returnLetter(f.deps, f.as(CSQ), id, holding.letterId, { comments: 'Say when they will hear from us.' });
      await writeLetter(f.deps, f.as(MANAGER), id, { kind: 'holding', message: 'We are still looking into your complaint, and will write by 21 December.' });
      for (const letterId of [extension.letterId, holding.letterId]) {
        await submitLetter(f.deps, f.as(MANAGER), id, letterId);
        await approveLetter(f.deps, f.as(CSQ), id, letterId, {});
        await sendLetter(f.deps, f.as(ADMIN), id, letterId);
      }
      const framework = (await findCurrentFramework(f.db))!.items;
      await recordManagementReview(f.deps, f.as(MANAGER), id, {
        items: Object.fromEntries(framework.map((i) => [i.key, { grade: 'good', evidence: 'The case record for October.' }])),
        overallGrade: 'good',
        goodPractice: 'The child’s wishes are in their own words.',
        failings: 'Calls were not returned while the adviser was away.',
        teamId: f.places['NEC-CARLISLE'],
      });
      await answerAll(id, MANAGER, pointIds);
      const { letterId } = await draftResponse(f.deps, f.as(MANAGER), id, {});
      await submitLetter(f.deps, f.as(MANAGER), id, letterId);
      await approveLetter(f.deps, f.as(CSQ), id, letterId, {});
      await sendLetter(f.deps, f.as(ADMIN), id, letterId);
      await checkClosure(f.deps, f.as(CSQ), id, {
        points_answered: { done: true, note: 'Each point answered.' },
        letters_approved_and_sent: { done: true, note: 'All sent.' },
        timescales_met: { done: true, note: 'On time, with the extension.' },
        record_complete: { done: true, note: 'Matches the file.' },
      });
      await closeComplaint(f.deps, f.as(CSQ), id);
      // Only the complainant answers the survey, from their tracking page.
      await answerSurvey(f.deps, { complainant: { complaintId: id }, requestId: 'test' }, { kept_informed: '4' });
      const referral = await referToOmbudsman(f.deps, f.as(ADMIN), id, { referredOn: '2026-11-24', theirReference: 'PHSO-1234', replyDueOn: '2026-12-22' });
      await recordOmbudsmanEnquiry(f.deps, f.as(ADMIN), id, { receivedOn: '2026-11-24', dueOn: '2026-12-08', summary: 'The notes of the visit.' });
      await replyToOmbudsman(f.deps, f.as(ADMIN), id, { enquiryId: referral.enquiryId, sentOn: '2026-11-24', reply: 'The case file.' });
      await recordOmbudsmanOutcome(f.deps, f.as(CSQ), id, {
        finding: 'partly_upheld',
        findingOn: '2026-11-24',
        recommendations: [{ action: 'Apologise in writing.', owner: 'Head of Service', dueOn: '2026-12-08' }],
      });
      const [recommendation] = await listOmbudsmanRecommendations(f.db, id);
      await completeOmbudsmanRecommendation(f.deps, f.as(CSQ), id, { recommendationId: recommendation!.id, doneOn: '2026-11-24', evidence: 'The letter of apology.' });
      await requestStageTwo(f.deps, f.as(ADMIN), id, { receivedOn: '2026-11-24' });

      // A letter that goes by post, printed.
      const { id: posted } = await triagedAndAcknowledged({ preferredContact: 'post' });
      const [printable] = await queryRows<{ id: string }>(f.db, sql`select id from letters where complaint_id = ${posted} and delivery = 'post'`);
      await printLetter(f.deps, f.as(ADMIN), posted, printable!.id);

      // Every move of the table is in this database's histories, made through its use case, each payload read by its schema.
      const written = await queryRows<{ type: string; payload: Record<string, unknown> }>(f.db, sql`select type, payload from complaint_events`);
      const types = new Set(written.map((e) => e.type));
      // Retention's move is made only by its job, years after closure: its own test makes it.
      for (const move of MOVE_NAMES.filter((m) => m !== 'anonymise')) {
        expect(types, `${move} (${MOVES[move].event.type}) has been made`).toContain(MOVES[move].event.type);
        if (move !== 'submit') expect(MOVE_USE_CASES[move].move, move).toBe(move);
      }
      for (const e of written) expect(readEvent(e.type, e.payload).move, `${e.type} ${JSON.stringify(e.payload)}`).not.toBeNull();
    });
  });

  describe('what the case page offers', () => {
    /** Whether the executor itself would make the move now: it runs every check, then stops before the move's own work. */
    async function engineAllows(request: CaseworkRequest, complaintId: string, move: Move, letterId?: string): Promise<boolean> {
      class Reached extends Error {}
      try {
        await runMove(f.deps, request, { move, input: z.any(), apply: async () => { throw new Reached(); } }, { complaintId, letterId }, {});
      } catch (error) {
        if (error instanceof Reached) return true;
        if (isRefusal(error)) return false;
        throw error;
      }
      throw new Error('A probe can never complete a move.');
    }

    it('offers each person a move exactly when the executor would make it, on the complaint and on each letter', async () => {
      // Complaints at many points of the lifecycle, each looked at by everyone who may see it.
      const { id: acknowledged } = await triagedAndAcknowledged();
      const { id: drafted, points: pointIds } = await triagedAndAcknowledged();
      await startInvestigation(f.deps, f.as(MANAGER), drafted);
      await answerAll(drafted, MANAGER, pointIds);
      const { letterId } = await draftResponse(f.deps, f.as(MANAGER), drafted, {});
      const { id: inQa, points: qaPoints } = await triagedAndAcknowledged();
      await startInvestigation(f.deps, f.as(MANAGER), inQa);
      await answerAll(inQa, MANAGER, qaPoints);
      const { letterId: qaLetter } = await draftResponse(f.deps, f.as(MANAGER), inQa, {});
      await submitLetter(f.deps, f.as(MANAGER), inQa, qaLetter);
      const { id: logged } = await logComplaint(f.deps, f.as(ADMIN), loggedComplaint(f.places));
      const { id: compliment } = await logComplaint(f.deps, f.as(ADMIN), loggedComplaint(f.places, { kind: 'compliment', points: ['Thank you.'] }));

      const people = [ADMIN, CSQ, MANAGER, REVIEWER, HEAD, NATIONAL];
      const cases: Array<{ id: string; letters: string[] }> = [
        { id: acknowledged, letters: [await letterOf(acknowledged, 'acknowledgement')] },
        { id: drafted, letters: [letterId] },
        { id: inQa, letters: [qaLetter] },
        { id: logged, letters: [] },
        { id: compliment, letters: [] },
      ];
      let compared = 0;
      for (const c of cases) {
        for (const person of people) {
          let page;
          try {
            page = await viewComplaint(f.deps, f.as(person), c.id);
          } catch (error) {
            expect(error).toMatchObject({ code: 'not_found' });
            continue;
          }
          const offered = new Set(page.moves.complaint.filter((m) => m.ok).map((m) => m.move));
          for (const move of MOVE_NAMES.filter((m) => !('letter' in MOVES[m]) && m !== 'submit')) {
            expect(offered.has(move), `${person} ${move} on ${c.id}`).toBe(await engineAllows(f.as(person), c.id, move));
            compared += 1;
          }
          for (const letter of c.letters) {
            const onLetter = new Set((page.moves.letters[letter] ?? []).filter((m) => m.ok).map((m) => m.move));
            for (const move of MOVE_NAMES.filter((m) => 'letter' in MOVES[m])) {
              expect(onLetter.has(move), `${person} ${move} on letter of ${c.id}`).toBe(await engineAllows(f.as(person), c.id, move, letter));
              compared += 1;
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(500);
    });
  });
});
