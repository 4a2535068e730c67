import { canViewComplaint, visibleScopes } from '@complaints/auth';
import { anyScopeCondition, findComplaintAccessFacts, queryRows, schema } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { SEARCH_FOLD, fixedClock, generateReference, searchableCourtCaseNumber, searchableName, searchablePhone } from '@complaints/domain';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignComplaint } from '../casework/assign-complaint';
import { accessScope } from '../casework/casework-context';
import { logComplaint } from '../casework/log-complaint';
import { DEMO_STAFF, NORTH, caseworkSuite, loggedComplaint } from '../testing/casework-fixture';
import { searchComplaints, type SearchOutcome } from './search-complaints';

// Tuesday 24 November 2026, 11:00 in London.
const clock = fixedClock('2026-11-24T11:00:00Z');

const lowerWithoutHyphens = (reference: string) => reference.replace(/-/g, '').toLowerCase();
const rowsOf = (outcome: SearchOutcome) => (outcome.kind === 'results' ? outcome.rows.map((r) => r.id) : []);

describeEachDatabase('finding a complaint', (database) => {
  const f = caseworkSuite(database, clock);
  const aisha = () => f.as(NORTH.admin);
  const search = (email: string, text: string, page = 1) => searchComplaints(f.deps, f.as(email), { text, page });

  let sian: { id: string; reference: string };
  let jon: { id: string; reference: string };

  beforeAll(async () => {
    const logged = (fullName: string, extra: { phone?: string; email?: string; courtCaseNumber?: string } = {}) => logComplaint(f.deps, aisha(), withComplainant(fullName, extra));
    sian = await logged("Siân Ŵyn-O'Connor", { email: 'Sian.Wyn@Example.org', phone: '07700 900 461', courtCaseNumber: 'ZW26 C 50461' });
    jon = await logged('Jon Jonsson', { email: 'jon.j@example.org' });
  });

  describe('by reference', () => {
    it('goes straight to the case, however the reference is typed', async () => {
      for (const typed of [sian.reference, lowerWithoutHyphens(sian.reference), lowerWithoutHyphens(sian.reference).slice(3), ` ${sian.reference.slice(4)} `]) {
        expect(await search(NORTH.admin, typed)).toEqual({ kind: 'found', complaintId: sian.id });
      }
    });

    it('finds nothing for someone of another area, exactly as for a reference nobody has', async () => {
      const theirs = await search(DEMO_STAFF.otherArea, lowerWithoutHyphens(sian.reference));
      const nobodys = await search(DEMO_STAFF.otherArea, generateReference(() => new Uint8Array([1, 2, 3, 4, 5])));
      expect(theirs).toMatchObject({ kind: 'results', rows: [], total: 0 });
      expect(theirs).toEqual(nobodys);
    });

    it('says a mistyped check character is mistyped, suggesting nothing, and searches nothing', async () => {
      const before = await auditCount();
      const last = sian.reference.slice(-1);
      const mistyped = sian.reference.slice(0, -1) + (last === '0' ? '1' : '0');
      expect(await search(NORTH.admin, mistyped)).toEqual({ kind: 'problem', problem: 'reference_check' });
      expect(await auditCount()).toBe(before);
    });
  });

  describe('by name, email, phone and court case number', () => {
    it('matches any part of a name at the start of a word, ignoring case, accents and punctuation', async () => {
      for (const typed of ['sian', 'SIAN WYN', 'ŵyn', 'oconnor', "o'con", 'Wyn-O']) {
        expect(rowsOf(await search(NORTH.admin, typed)), typed).toContain(sian.id);
      }
      expect(rowsOf(await search(NORTH.admin, 'ian'))).not.toContain(sian.id);
    });

    it('puts whole words before beginnings of words', async () => {
      const other = await logComplaint(f.deps, aisha(), withComplainant('Jonathan Jonesy'));
      const found = rowsOf(await search(NORTH.admin, 'jon'));
      expect(found.indexOf(jon.id)).toBeGreaterThanOrEqual(0);
      expect(found.indexOf(jon.id)).toBeLessThan(found.indexOf(other.id));
    });

    it('finds by email, by phone as written anyhow, and by the start of a court case number', async () => {
      expect(rowsOf(await search(NORTH.admin, 'sian.wyn@EXAMPLE.org'))).toEqual([sian.id]);
      expect(rowsOf(await search(NORTH.admin, '+44 (0)7700 900461'))).toEqual([sian.id]);
      expect(rowsOf(await search(NORTH.admin, 'zw26c'))).toEqual([sian.id]);
      expect(rowsOf(await search(NORTH.admin, 'zw26 c 50462'))).toEqual([]);
    });

    it('treats % and _ as what they are, not as wildcards', async () => {
      expect(rowsOf(await search(NORTH.admin, '%@example.org'))).toEqual([]);
    });

    it('keeps within what the person may see', async () => {
      expect(rowsOf(await search(DEMO_STAFF.otherArea, 'sian wyn'))).toEqual([]);
      expect(rowsOf(await search(DEMO_STAFF.national, 'sian wyn'))).toEqual([sian.id]);
      expect(rowsOf(await search(NORTH.manager, 'sian wyn'))).toEqual([]);
      await assignComplaint(f.deps, aisha(), sian.id, { responderId: f.staffId(NORTH.manager), csqManagerId: f.staffId(NORTH.csq) }, { caseUrl: 'x' });
      expect(rowsOf(await search(NORTH.manager, 'sian wyn'))).toEqual([sian.id]);
      // Replaced as its manager, they still see what they worked on (as the case page lets them).
      await assignComplaint(f.deps, aisha(), sian.id, { responderId: f.staffId(DEMO_STAFF.reviewer), csqManagerId: f.staffId(NORTH.csq) }, { caseUrl: 'x' });
      expect(rowsOf(await search(NORTH.manager, 'sian wyn'))).toEqual([sian.id]);
      expect(await search(NORTH.manager, sian.reference)).toEqual({ kind: 'found', complaintId: sian.id });
    });

    it('refuses a system administrator, who sees no complaints', async () => {
      await expect(search('sam.fletcher@example.org', 'sian')).rejects.toMatchObject({ code: 'not_allowed' });
    });

    it('pages the results as asked, the last page for one past the end', async () => {
      const outcome = await search(DEMO_STAFF.national, 'jo', 99);
      expect(outcome).toMatchObject({ kind: 'results', page: 1, pages: 1 });
    });
  });

  describe('the audit log', () => {
    it('records who searched and when, and what kind of search, never the words', async () => {
      const before = await auditCount();
      await search(NORTH.admin, 'Siân');
      const rows = await queryRows<{ staff_id: string; action: string; subject: string; complaint_id: string | null }>(
        f.db,
        sql`select staff_id, action, subject, complaint_id from audit_log order by id desc limit 1`,
      );
      expect(await auditCount()).toBe(before + 1);
      expect(rows[0]).toEqual({ staff_id: f.staffId(NORTH.admin), action: 'complaints.searched', subject: 'search:name', complaint_id: null });
      const everything = await queryRows<{ text: string }>(f.db, sql`select coalesce(subject, '') || action as text from audit_log`);
      expect(everything.some((r) => /si[aâ]n|wyn|7700|zw26/i.test(r.text))).toBe(false);
    });
  });

  describe('one rule of who sees what', () => {
    it('the database and canViewComplaint agree for every member of staff and every complaint', async () => {
      const staff = await queryRows<{ email: string }>(f.db, sql`select email from staff where active`);
      const complaintIds = (await queryRows<{ id: string }>(f.db, sql`select id from complaints`)).map((r) => r.id);
      const facts = await Promise.all(complaintIds.map(async (id) => (await findComplaintAccessFacts(f.db, id))!));
      expect(facts.length).toBeGreaterThan(20);
      for (const { email } of staff) {
        const { actor } = f.as(email);
        const inDatabase = new Set(
          (await f.db.select({ id: schema.complaints.id }).from(schema.complaints).where(anyScopeCondition(visibleScopes(actor)))).map((r) => r.id),
        );
        for (const fact of facts) expect(inDatabase.has(fact.id), `${email} and ${fact.reference}`).toBe(canViewComplaint(actor, accessScope(fact)));
      }
    });
  });

  describe('the generated search columns', () => {
    it('fold a name, phone and court case number exactly as the rules fold what is typed', async () => {
      const name = `${SEARCH_FOLD.from} Zoë  Ŷr-Wyddfa O'Neill ß æ`;
      const phone = '+44 (0)1234-567 890';
      const court = 'lv23/p/00456';
      await f.db.update(schema.complainants).set({ fullName: name, phone }).where(eq(schema.complainants.complaintId, jon.id));
      await f.db.update(schema.complaints).set({ courtCaseNumber: court }).where(eq(schema.complaints.id, jon.id));
      const [row] = await queryRows<{ search_name: string; search_phone: string; search_court_case_number: string }>(
        f.db,
        sql`select p.search_name, p.search_phone, c.search_court_case_number from complainants p join complaints c on c.id = p.complaint_id where c.id = ${jon.id}`,
      );
      expect(row).toEqual({ search_name: searchableName(name), search_phone: searchablePhone(phone), search_court_case_number: searchableCourtCaseNumber(court) });
    });
  });

  /** A complaint as logged by letter, from someone of this name (and these details). */
  function withComplainant(fullName: string, extra: { phone?: string; email?: string; courtCaseNumber?: string } = {}) {
    const input = loggedComplaint(f.places);
    const complaint = input.complaint as { complainant: Record<string, unknown>; courtCaseNumber?: string };
    return {
      ...input,
      complaint: {
        ...complaint,
        complainant: { ...complaint.complainant, fullName, ...(extra.email ? { email: extra.email } : {}), ...(extra.phone ? { phone: extra.phone } : {}) },
        ...(extra.courtCaseNumber ? { courtCaseNumber: extra.courtCaseNumber } : {}),
      },
    };
  }

  async function auditCount(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(f.db, sql`select count(*)::int as n from audit_log where action = 'complaints.searched'`);
    return Number(row?.n ?? 0);
  }
});
