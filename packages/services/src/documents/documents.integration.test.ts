import { testSecondFactorSealer } from '../testing/casework-fixture';
import { randomBytes, randomUUID } from 'node:crypto';
import type { StaffActor } from '@complaints/auth';
import { schema, searchAudit } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { DocumentBlocks, PdfCache } from '@complaints/documents';
import { extractPdfText } from '@complaints/documents/testing';
import { fixedClock } from '@complaints/domain';
import { eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { expect, it } from 'vitest';
import { forgetProcessSettings } from '../settings/process-settings';
import { createDocumentServices } from './document-services';

const PORTAL = 'https://complaints.example.org';
const flat = (text: string) => text.replace(/\s+/g, ' ');
const pdfText = async (pdf: Buffer) => flat((await extractPdfText(pdf)).text);

describeEachDatabase('leaflets and welcome packs', (database) => {
  const services = (cache = new PdfCache()) =>
    createDocumentServices({ db: database().db, clock: fixedClock('2026-03-02T10:00:00Z'), randomBytes: (n) => randomBytes(n), secondFactorSealer: testSecondFactorSealer }, { cache });

  async function setStageOneResponse(workingDays: number) {
    const db = database().db;
    await db.update(schema.timescaleSettings).set({ workingDays }).where(eq(schema.timescaleSettings.key, 'stage_1_response'));
    forgetProcessSettings(db);
  }

  it('reads the timescales from the settings, so a changed setting changes the web page and the PDF', { timeout: 60_000 }, async () => {
    const documents = services();
    const request = { document: 'leaflet-adult', language: 'en', portalUrl: PORTAL } as const;
    const page = async () => flat(renderToStaticMarkup(createElement(DocumentBlocks, { blocks: (await documents.publicDocument(request)).source.blocks })));

    const before = await documents.publicDocumentPdf(request);
    expect(await page()).toContain('full answer within 15 working days');
    expect(await pdfText(before.pdf!)).toContain('full answer within 15 working days');

    await setStageOneResponse(12);
    try {
      const after = await documents.publicDocumentPdf(request);
      expect(after.fingerprint).not.toBe(before.fingerprint);
      expect(await page()).toContain('full answer within 12 working days');
      const text = await pdfText(after.pdf!);
      expect(text).toContain('full answer within 12 working days');
      expect(text).not.toContain('15 working days');
    } finally {
      await setStageOneResponse(15);
    }
  });

  it('makes each PDF once and serves it from the cache, and nothing when the caller has it already', { timeout: 60_000 }, async () => {
    const cache = new PdfCache();
    const documents = services(cache);
    const request = { document: 'leaflet-child', language: 'cy', portalUrl: PORTAL } as const;
    const first = await documents.publicDocumentPdf(request);
    const again = await Promise.all(Array.from({ length: 5 }, () => documents.publicDocumentPdf(request)));
    expect(cache.stats.renders).toBe(1);
    for (const copy of again) expect(copy.pdf).toBe(first.pdf);
    expect(first.fileName).toBe('complaints-leaflet-young-people-cy.pdf');
    const read = await extractPdfText(first.pdf!);
    expect(read.title).toBe('Sut i gwyno: i blant a phobl ifanc');
    expect(read.language).toBe('cy-GB');
    const unchanged = await documents.publicDocumentPdf({ ...request, knownFingerprints: ['something-else', first.fingerprint] });
    expect(unchanged).toEqual({ fingerprint: first.fingerprint, fileName: first.fileName, title: first.title, pdf: null });
  });

  it('previews a document with what its PDF says about itself', { timeout: 60_000 }, async () => {
    const preview = await services().previewPublicDocument({ document: 'welcome-pack-child', language: 'en', portalUrl: PORTAL });
    expect(preview.document.source.title).toBe('Welcome pack for children and young people');
    expect(preview.pdf).toMatchObject({ title: 'Welcome pack for children and young people', language: 'en-GB', cached: false });
    expect(preview.pdf.pages).toBeGreaterThan(1);
  });

  /** A business area in Wales with one team and its practitioner, and staff and complaints made to order. */
  async function organisation() {
    const db = database().db;
    const code = randomUUID().slice(0, 8).toUpperCase();
    const [area] = await db.insert(schema.businessAreas).values({ code: `BA${code}`, nameEn: 'Midlands and Wales', nameCy: 'Canolbarth Lloegr a Chymru' }).returning();
    const [serviceArea] = await db
      .insert(schema.serviceAreas)
      .values({ businessAreaId: area!.id, code: `SA${code}`, nameEn: 'Wales', nameCy: 'Cymru', nation: 'wales' })
      .returning();
    const [team] = await db
      .insert(schema.teams)
      .values({ serviceAreaId: serviceArea!.id, code: `T${code}`, nameEn: 'Cardiff', nameCy: 'Caerdydd', phone: '0300 123 5055', email: 'cardiff@example.org', postalAddress: 'Cardiff office\n1 Court Street, Cardiff' })
      .returning();
    const [practitioner] = await db.insert(schema.practitioners).values({ fullName: 'Siân Ŵyn Pritchard', teamId: team!.id }).returning();
    const staff = async (role: StaffActor['role'], businessAreaId: string | null): Promise<StaffActor> => {
      const [row] = await db
        .insert(schema.staff)
        .values({ email: `${role}.${randomUUID()}@example.org`, fullName: 'Staff member', roleKey: role, businessAreaId })
        .returning();
      return { id: row!.id, role, businessAreaId, serviceAreaId: null, teamId: null };
    };
    const complaint = async (values: { practitionerId: string | null; courtCaseNumber: string | null; language: 'en' | 'cy'; audience: 'adult' | 'child' }) => {
      const [row] = await db
        .insert(schema.complaints)
        .values({
          reference: `CMP-${randomUUID().slice(0, 4).toUpperCase()}-${randomUUID().slice(0, 4).toUpperCase()}`,
          channel: 'online',
          receivedAt: new Date('2026-03-02T10:00:00Z'),
          receivedOn: '2026-03-02',
          state: 'received',
          businessAreaId: area!.id,
          serviceAreaId: serviceArea!.id,
          teamId: team!.id,
          ...values,
        })
        .returning();
      return row!;
    };
    return { areaId: area!.id, practitionerId: practitioner!.id, staff, complaint };
  }

  it('prints the welcome pack for a complaint with its practitioner, their team and the case reference', { timeout: 60_000 }, async () => {
    const org = await organisation();
    const admin = await org.staff('csq_administrator', org.areaId);
    const complaint = await org.complaint({ practitionerId: org.practitionerId, courtCaseNumber: 'CF26P00123', language: 'cy', audience: 'adult' });
    const result = await services().personalisedWelcomePack(admin, { complaintId: complaint.id, portalUrl: PORTAL, requestId: 'req-1' });
    if (result.status !== 'rendered') throw new Error(`expected a PDF, got ${result.status}`);
    expect(result.fileName).toBe('welcome-pack-cf26p00123-cy.pdf');
    const read = await extractPdfText(result.pdf);
    const text = flat(read.text);
    expect(read.title).toBe('Pecyn croeso');
    expect(read.language).toBe('cy-GB');
    for (const detail of ['Siân Ŵyn Pritchard', 'Caerdydd', '0300 123 5055', 'cardiff@example.org', 'Cardiff office, 1 Court Street, Cardiff', 'CF26P00123', 'Cyfeirnod eich achos']) {
      expect(text).toContain(detail);
    }
    expect(text).toContain('O fewn 15 diwrnod gwaith');
    const audit = await searchAudit(database().db, { complaintId: complaint.id, limit: 10, offset: 0 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'welcome_pack.printed', staffId: admin.id, subject: `practitioner:${org.practitionerId}` });
  });

  it('prints the child version for a practitioner and a case reference given by the back office', { timeout: 60_000 }, async () => {
    const org = await organisation();
    const national = await org.staff('national_office', null);
    const result = await services().personalisedWelcomePack(national, {
      practitionerId: org.practitionerId,
      caseReference: 'ZW26P00999',
      language: 'en',
      audience: 'child',
      portalUrl: PORTAL,
    });
    if (result.status !== 'rendered') throw new Error(`expected a PDF, got ${result.status}`);
    const text = flat((await extractPdfText(result.pdf)).text);
    expect(text).toContain('Welcome pack for children and young people');
    expect(text).toContain('Siân Ŵyn Pritchard');
    expect(text).toContain('Your case number');
    expect(text).toContain('ZW26P00999');
    expect(text).not.toContain('You could write it down');
  });

  it('shows nothing to staff who may not see the case, and says when no practitioner is recorded', { timeout: 60_000 }, async () => {
    const org = await organisation();
    const elsewhere = await organisation();
    const outsider = await elsewhere.staff('csq_administrator', elsewhere.areaId);
    const insider = await org.staff('csq_administrator', org.areaId);
    const complaint = await org.complaint({ practitionerId: org.practitionerId, courtCaseNumber: null, language: 'en', audience: 'adult' });
    const documents = services();
    expect(await documents.personalisedWelcomePack(outsider, { complaintId: complaint.id, portalUrl: PORTAL })).toEqual({ status: 'not_found' });
    expect(
      await documents.personalisedWelcomePack(outsider, { practitionerId: org.practitionerId, caseReference: 'X1', language: 'en', audience: 'adult', portalUrl: PORTAL }),
    ).toEqual({ status: 'not_found' });
    expect(await documents.personalisedWelcomePack(insider, { complaintId: randomUUID(), portalUrl: PORTAL })).toEqual({ status: 'not_found' });
    expect(await documents.personalisedWelcomePack(insider, { complaintId: 'not-an-id', portalUrl: PORTAL })).toEqual({ status: 'not_found' });
    const unassigned = await org.complaint({ practitionerId: null, courtCaseNumber: null, language: 'en', audience: 'adult' });
    expect(await documents.personalisedWelcomePack(insider, { complaintId: unassigned.id, portalUrl: PORTAL })).toEqual({ status: 'no_practitioner' });
    // Without a court case number, the complaint's own reference names the case.
    const result = await documents.personalisedWelcomePack(insider, { complaintId: complaint.id, portalUrl: PORTAL });
    if (result.status !== 'rendered') throw new Error(`expected a PDF, got ${result.status}`);
    expect(flat((await extractPdfText(result.pdf)).text)).toContain(complaint.reference);
  });
});
