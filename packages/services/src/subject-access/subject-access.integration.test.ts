import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { insertStaffSession, queryRows, schema } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { extractPdfText } from '@complaints/documents/testing';
import { fixedClock } from '@complaints/domain';
import { createLocalDiskStorage } from '@complaints/storage';
import { eq, sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { logComplaint } from '../casework/log-complaint';
import { acknowledge, assign, caseworkSuite, DEMO_STAFF, loggedComplaint } from '../testing/casework-fixture';
import { exportSubjectAccess } from './export-subject-access';

const clock = fixedClock('2026-11-24T11:00:00Z');

describeEachDatabase('subject access export', (database) => {
  const f = caseworkSuite(database, clock);
  const folder = mkdtempSync(path.join(tmpdir(), 'subject-access-'));
  const storage = createLocalDiskStorage(folder);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** A signed-in session for someone, started now, so its password counts as just typed. */
  const signedIn = async (email: string, startedAt = clock.now()) => {
    const sessionId = randomBytes(32).toString('hex');
    const actor = f.as(email).actor;
    await insertStaffSession(f.db, { id: sessionId, staffId: actor.id, createdAt: startedAt, lastActiveAt: startedAt, expiresAt: new Date(startedAt.getTime() + 3_600_000), secondFactorVerified: true });
    return { ...actor, sessionId };
  };
  const withEmail = async (complaintId: string, email: string | null) =>
    f.db.update(schema.complainants).set({ email }).where(eq(schema.complainants.complaintId, complaintId));

  describe('a complainant with two complaints', () => {
    it('exports both, with their letters and files, and nobody else\'s complaint', async () => {
      const admin = f.as('aisha.khan@example.org');
      const first = await logComplaint(f.deps, admin, loggedComplaint(f.places, { channel: 'email', points: ['Nobody rang me back after the hearing.'] }));
      const second = await logComplaint(f.deps, admin, loggedComplaint(f.places, { channel: 'email', points: ['The report spelt my name wrong.'] }));
      const other = await logComplaint(f.deps, admin, loggedComplaint(f.places, { channel: 'email', points: ['Somebody else entirely.'] }));
      await withEmail(first.id, 'Sam.Subject@Example.com');
      await withEmail(second.id, ' sam.subject@example.com');
      await withEmail(other.id, 'someone.else@example.com');
      await assign(f, first.id);
      const letter = await acknowledge(f, first.id);
      const fileBytes = new TextEncoder().encode('A letter from the court, scanned.');
      const key = await storage.put(fileBytes);
      const [file] = await f.db
        .insert(schema.attachments)
        .values({ complaintId: second.id, storageKey: key, originalName: '../../court order.txt', contentType: 'text/plain', sizeBytes: fileBytes.length, sha256: 'x' })
        .returning({ id: schema.attachments.id });

      const national = await signedIn(DEMO_STAFF.national);
      const made = await exportSubjectAccess({ ...f.deps, storage }, national, { reference: second.reference.toLowerCase() }, 'test-request');
      expect(made.contentType).toBe('application/zip');
      expect(made.complaintIds.sort()).toEqual([first.id, second.id].sort());

      const zip = unzipSync(made.bytes);
      const names = Object.keys(zip);
      expect(names).toEqual(expect.arrayContaining(['README.txt', 'manifest.json', `${first.reference}/complaint.json`, `${second.reference}/complaint.json`]));
      expect(names.some((n) => n.startsWith(`${other.reference}/`))).toBe(false);
      expect(names.every((n) => !n.includes('..') && !n.startsWith('/'))).toBe(true);
      expect(new TextDecoder().decode(zip['README.txt'])).toContain('email address');

      const record = JSON.parse(new TextDecoder().decode(zip[`${first.reference}/complaint.json`]));
      expect(record.complaint).toMatchObject({ reference: first.reference });
      expect(record.complainant).toMatchObject({ fullName: 'Jo Bloggs', email: 'Sam.Subject@Example.com' });
      expect(record.points.map((p: { text: string }) => p.text)).toEqual(['Nobody rang me back after the hearing.']);
      expect(record.history.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['complaint.logged']));
      expect(record.letters).toEqual([expect.objectContaining({ id: letter.letterId })]);
      expect(JSON.stringify(zip[`${other.reference}/complaint.json`] ?? '')).not.toContain('Somebody else');
      expect(new TextDecoder().decode(made.bytes)).not.toContain('Somebody else entirely');

      const pdfName = names.find((n) => n.startsWith(`${first.reference}/letters/`) && n.endsWith('.pdf'));
      expect(pdfName).toBeDefined();
      const pdf = await extractPdfText(zip[pdfName!]!);
      expect(pdf.pages).toBeGreaterThan(0);
      expect(pdf.text).toContain(first.reference);

      const fileName = names.find((n) => n.startsWith(`${second.reference}/files/`));
      expect(fileName).toBe(`${second.reference}/files/${file!.id.slice(0, 8)}-court_order.txt`);
      expect(Buffer.from(zip[fileName!]!).equals(Buffer.from(fileBytes))).toBe(true);

      const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json']));
      expect(manifest.complaints.map((c: { reference: string }) => c.reference).sort()).toEqual([first.reference, second.reference].sort());

      const [audit] = await queryRows<{ staff_id: string; complaint_id: string; subject: string }>(
        f.db,
        sql`select staff_id, complaint_id, subject from audit_log where action = 'subject_access.exported'`,
      );
      expect(audit).toMatchObject({ staff_id: national.id, complaint_id: second.id });
      expect(audit!.subject).toContain(first.id);
      expect(audit!.subject).toContain(second.id);
      expect(audit!.subject).not.toMatch(/@|Jo Bloggs/);
    });

    it('exports only the one complaint when its complainant gave no email address', async () => {
      const alone = await logComplaint(f.deps, f.as('aisha.khan@example.org'), loggedComplaint(f.places, { preferredContact: 'post' }));
      await withEmail(alone.id, null);
      const made = await exportSubjectAccess({ ...f.deps, storage }, await signedIn(DEMO_STAFF.national), { complaintId: alone.id }, 'test-request');
      expect(made.complaintIds).toEqual([alone.id]);
    });
  });

  describe('who may export', () => {
    it('refuses anyone but national office, a password typed too long ago, and an unknown reference', async () => {
      const logged = await logComplaint(f.deps, f.as('aisha.khan@example.org'), loggedComplaint(f.places, { channel: 'email' }));
      for (const email of ['aisha.khan@example.org', 'rachel.green@example.org', DEMO_STAFF.head]) {
        await expect(exportSubjectAccess({ ...f.deps, storage }, await signedIn(email), { reference: logged.reference })).rejects.toMatchObject({ code: 'not_allowed' });
      }
      const stale = await signedIn(DEMO_STAFF.national, new Date(clock.now().getTime() - 30 * 60_000));
      await expect(exportSubjectAccess({ ...f.deps, storage }, stale, { reference: logged.reference })).rejects.toMatchObject({ code: 'reauthentication_required' });
      await expect(exportSubjectAccess({ ...f.deps, storage }, await signedIn(DEMO_STAFF.national), { reference: 'NO-SUCH-REF' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(exportSubjectAccess({ ...f.deps, storage }, await signedIn(DEMO_STAFF.national), { complaintId: 'not-an-id' })).rejects.toMatchObject({ code: 'not_found' });
    });
  });
});
