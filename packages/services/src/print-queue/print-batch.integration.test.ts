import { queryRows } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { extractPdfText, printedTrackingCode } from '@complaints/documents/testing';
import type { Clock } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { logComplaint } from '../casework/log-complaint';
import { startInvestigation } from '../investigation/start-investigation';
import { sendLetter } from '../letters/send-letter';
import { submitLetter } from '../letters/submit-letter';
import { writeLetter } from '../letters/write-letter';
import { approveLetter } from '../quality-assurance/review-letter';
import { acknowledge, assign, caseworkSuite, DEMO_STAFF, loggedComplaint, NORTH, WALES } from '../testing/casework-fixture';
import { refusalCheck } from '../testing/nothing-written';
import { createTrackingServices } from '../tracking/tracking-services';
import { printBatch } from './print-batch';
import { viewPrintQueue } from './view-print-queue';

function movableClock(start: string): Clock {
  let at = new Date(start).getTime();
  return { now: () => new Date((at += 1)) };
}

const clock = movableClock('2026-11-24T11:00:00Z');
let addresses = 0;
const someAddress = () => `198.51.100.${(addresses += 1) % 250}`;
const plain = (text: string) => text.replace(/\s+/g, ' ');

describeEachDatabase('the print queue', (database) => {
  const f = caseworkSuite(database, clock);
  const refusedWithNothingWritten = refusalCheck(f);
  const tracking = () => createTrackingServices(f.deps);

  /** A complaint by post, logged, assigned and acknowledged: its acknowledgement waits to be printed. */
  async function postedComplaint(people = NORTH, over: Parameters<typeof loggedComplaint>[1] = {}) {
    const { id, reference } = await logComplaint(
      f.deps,
      f.as(people.admin),
      loggedComplaint(f.places, { preferredContact: 'post', ...(people === WALES ? { serviceArea: 'WAL', team: 'WAL-CARDIFF' } : {}), ...over }),
    );
    await assign(f, id, people);
    const { letterId } = await acknowledge(f, id, people);
    return { id, reference, letterId };
  }

  /** A holding letter by post on an acknowledged complaint, approved and sent to the print queue. */
  async function postedHoldingLetter(complaintId: string, people = NORTH): Promise<string> {
    await startInvestigation(f.deps, f.as(people.manager), complaintId);
    const { letterId } = await writeLetter(f.deps, f.as(people.manager), complaintId, { kind: 'holding', message: 'We are still looking into your complaint.' });
    await submitLetter(f.deps, f.as(people.manager), complaintId, letterId);
    await approveLetter(f.deps, f.as(people.csq), complaintId, letterId, {});
    await sendLetter(f.deps, f.as(people.admin), complaintId, letterId);
    return letterId;
  }

  const waitingIds = async (email: string) => (await viewPrintQueue(f.deps, f.as(email), { area: null })).areas.flatMap((a) => a.waiting.map((l) => l.letterId));
  const printedIds = async (email: string) => (await viewPrintQueue(f.deps, f.as(email), { area: null })).areas.flatMap((a) => a.printed.map((l) => l.letterId));

  async function opens(reference: string, code: string): Promise<boolean> {
    const started = await tracking().start({ typed: reference, clientIp: someAddress() });
    if (started.outcome !== 'asked-for-code') throw new Error(started.outcome);
    return (await tracking().confirmCode({ token: started.token, typed: code, clientIp: someAddress() })).outcome === 'opened';
  }

  /** The PDF's pages, read back, with each letter's text between its first page and the next letter's. */
  async function lettersIn(bytes: Uint8Array, references: string[]) {
    const read = await extractPdfText(bytes);
    const text = plain(read.text);
    // Each letter from the first mention of its reference after the letter before it.
    const at: number[] = [];
    for (const reference of references) at.push(text.indexOf(reference, at.length === 0 ? 0 : at[at.length - 1]! + 1));
    if (at.some((i) => i < 0)) throw new Error(`Not every reference is in the PDF: ${references.join(', ')}`);
    return { read, text, parts: references.map((_, i) => text.slice(at[i], i + 1 < at.length ? at[i + 1] : undefined)) };
  }

  describe('printing three letters of two complaints at once', () => {
    it('lists them by area, makes one PDF with each letter and a working code on each, and takes them off the list', async () => {
      const a = await postedComplaint();
      const holding = await postedHoldingLetter(a.id);
      const b = await postedComplaint(NORTH, { language: 'cy' });
      const page = await viewPrintQueue(f.deps, f.as(NORTH.admin), { area: null });
      const north = page.areas.find((area) => area.nameEn === 'North')!;
      expect(north.waiting.map((l) => l.letterId)).toEqual(expect.arrayContaining([a.letterId, holding, b.letterId]));
      const row = north.waiting.find((l) => l.letterId === holding)!;
      expect(row).toMatchObject({ reference: a.reference, kind: 'holding', printedAt: null });
      expect(row.approvedAt).toBeInstanceOf(Date);
      expect(row.queuedAt).toBeInstanceOf(Date);

      const eventsBefore = await queryRows<{ n: number }>(f.db, sql`select count(*)::int as n from complaint_events where type = 'letter.printed' and complaint_id in (${a.id}, ${b.id})`);
      const file = await printBatch(f.deps, f.as(NORTH.admin), { letterIds: [a.letterId, b.letterId, holding] }, { language: 'en' });
      expect(file.contentType).toBe('application/pdf');
      expect(file.letters).toBe(3);
      const { read, parts } = await lettersIn(file.bytes, [a.reference, b.reference, a.reference]);
      expect(read.title).toMatch(/^Letters to post, /);
      expect(read.pages % 2).toBe(0);
      // In the order chosen: A's acknowledgement, B's (in Welsh), then A's holding letter.
      expect(parts[0]).toContain('Thank you for your complaint');
      expect(parts[1]).toContain('Eich cod dilyn');
      expect(parts[2]).toContain('We are still looking into your complaint.');
      const codes = parts.map((p) => printedTrackingCode(p));
      for (const code of codes) expect(code).toBeDefined();
      // One working code per complaint: both of A's letters carry it, and every code opens tracking.
      expect(codes[0]).toBe(codes[2]);
      expect(codes[0]).not.toBe(codes[1]);
      expect(await opens(a.reference, codes[0]!)).toBe(true);
      expect(await opens(b.reference, codes[1]!)).toBe(true);

      // Each print is the lifecycle's move, with its event and audit entry.
      const eventsAfter = await queryRows<{ n: number }>(f.db, sql`select count(*)::int as n from complaint_events where type = 'letter.printed' and complaint_id in (${a.id}, ${b.id})`);
      expect(eventsAfter[0]!.n - eventsBefore[0]!.n).toBe(3);
      const audited = await queryRows<{ subject: string }>(f.db, sql`select subject from audit_log where action = 'letter.printed' and complaint_id in (${a.id}, ${b.id})`);
      expect(audited.map((r) => r.subject)).toEqual(expect.arrayContaining([`letter:${a.letterId}`, `letter:${b.letterId}`, `letter:${holding}`]));

      const waiting = await waitingIds(NORTH.admin);
      for (const id of [a.letterId, b.letterId, holding]) expect(waiting).not.toContain(id);
      const printed = await printedIds(NORTH.admin);
      for (const id of [a.letterId, b.letterId, holding]) expect(printed).toContain(id);

      // Printed again (a lost copy): new codes, and the old ones no longer open tracking.
      const again = await printBatch(f.deps, f.as(NORTH.admin), { letterIds: [b.letterId, a.letterId] }, { language: 'cy' });
      const reread = await lettersIn(again.bytes, [b.reference, a.reference]);
      expect(reread.read.title).toMatch(/^Llythyrau i'w postio, /);
      const [newB, newA] = reread.parts.map((p) => printedTrackingCode(p)!);
      expect(newA).toBeDefined();
      expect(newB).toBeDefined();
      expect(newA).not.toBe(codes[0]);
      expect(newB).not.toBe(codes[1]);
      expect(await opens(a.reference, codes[0]!)).toBe(false);
      expect(await opens(b.reference, codes[1]!)).toBe(false);
      expect(await opens(a.reference, newA!)).toBe(true);
      expect(await opens(b.reference, newB!)).toBe(true);
    });
  });

  describe('what it refuses', () => {
    it('shows and prints nothing of another area, and refuses a batch holding one of its letters, writing nothing', async () => {
      const mine = await postedComplaint();
      const wales = await postedComplaint(WALES);
      expect(await waitingIds(NORTH.admin)).not.toContain(wales.letterId);
      expect(await waitingIds(WALES.admin)).toContain(wales.letterId);
      expect(await waitingIds(WALES.admin)).not.toContain(mine.letterId);
      expect(await waitingIds(DEMO_STAFF.national)).toEqual(expect.arrayContaining([mine.letterId, wales.letterId]));
      await refusedWithNothingWritten(mine.id, () => printBatch(f.deps, f.as(NORTH.admin), { letterIds: [mine.letterId, wales.letterId] }, { language: 'en' }), {
        code: 'not_found',
      });
      expect(await waitingIds(NORTH.admin)).toContain(mine.letterId);
      expect(await waitingIds(WALES.admin)).toContain(wales.letterId);
    });

    it('prints all or nothing: a letter that cannot be printed stops the whole batch', async () => {
      const posted = await postedComplaint();
      // An acknowledgement by email is never printed. Its complaint is made to sort after the
      // posted one, so the posted letter's move is made first and then undone with the refusal.
      let byEmail = '';
      do ({ id: byEmail } = await logComplaint(f.deps, f.as(NORTH.admin), loggedComplaint(f.places, { channel: 'email' })));
      while (byEmail.localeCompare(posted.id) < 0);
      await assign(f, byEmail);
      const emailed = await acknowledge(f, byEmail);
      await refusedWithNothingWritten(posted.id, () => printBatch(f.deps, f.as(NORTH.admin), { letterIds: [posted.letterId, emailed.letterId] }, { language: 'en' }), {
        code: 'not_posted',
      });
      expect(await waitingIds(NORTH.admin)).toContain(posted.letterId);
    });

    it('says what is wrong with the choice: none, too many, or not letters at all', async () => {
      const invalid = (message: string) => ({ code: 'invalid_input', problems: [{ field: 'letterIds', message }] });
      const print = (input: unknown) => printBatch(f.deps, f.as(NORTH.admin), input, { language: 'en' });
      await expect(print({ letterIds: [] })).rejects.toMatchObject(invalid('letterIds.empty'));
      await expect(print({})).rejects.toMatchObject(invalid('letterIds.empty'));
      await expect(print({ letterIds: ['not-a-letter'] })).rejects.toMatchObject(invalid('letterIds.invalid'));
      const many = Array.from({ length: 51 }, () => crypto.randomUUID());
      await expect(print({ letterIds: many })).rejects.toMatchObject(invalid('letterIds.tooMany'));
      await expect(print({ letterIds: [crypto.randomUUID()] })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('is not for those who do not print letters', async () => {
      await expect(viewPrintQueue(f.deps, f.as(NORTH.manager), { area: null })).rejects.toMatchObject({ code: 'not_allowed' });
      const posted = await postedComplaint();
      await expect(printBatch(f.deps, f.as(NORTH.manager), { letterIds: [posted.letterId] }, { language: 'en' })).rejects.toMatchObject({ code: 'not_allowed' });
    });
  });
});
