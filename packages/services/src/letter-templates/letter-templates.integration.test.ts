import { letterTemplateSources } from '@complaints/content/letters';
import { findActiveTemplate, queryRows, seedLetterTemplates } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { extractPdfText } from '@complaints/documents/testing';
import { fixedClock } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assignComplaint } from '../casework/assign-complaint';
import { logComplaint } from '../casework/log-complaint';
import { prepareAcknowledgement } from '../casework/prepare-acknowledgement';
import { caseworkSuite } from '../testing/casework-fixture';
import { changeCaseworkSettings } from '../settings/change-casework-settings';
import { viewCaseworkSettings } from '../settings/view-casework-settings';
import { listLetterTemplates } from './list-letter-templates';
import { previewLetterTemplateDraft, previewLetterTemplatePdf } from './preview-letter-template';
import { saveLetterTemplate } from './save-letter-template';
import { viewLetterTemplate } from './view-letter-template';

// Tuesday 24 November 2026, 11:00 in London.
const clock = fixedClock('2026-11-24T11:00:00Z');

const ACKNOWLEDGEMENT = { kind: 'acknowledgement', audience: 'adult', language: 'en' } as const;
const shipped = letterTemplateSources().find((s) => s.kind === 'acknowledgement' && s.audience === 'adult' && s.language === 'en')!;

describeEachDatabase('letter templates and settings', (database) => {
  const f = caseworkSuite(database, clock);
  const nationalOffice = () => f.as('margaret.lewis@example.org');
  const aisha = () => f.as('aisha.khan@example.org');

  const count = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(f.db, query))[0]!.n);
  const templateRows = () => count(sql`select count(*)::int as n from letter_templates`);
  const auditRows = (action: string) => count(sql`select count(*)::int as n from audit_log where action = ${action}`);

  /** A complaint by email, logged and assigned, ready for its acknowledgement. */
  async function complaintReadyToAcknowledge(): Promise<string> {
    const { id } = await logComplaint(f.deps, aisha(), {
      complaint: {
        kind: 'complaint',
        channel: 'letter',
        audience: 'adult',
        language: 'en',
        complainant: { role: 'parent_or_carer', fullName: 'Jo Bloggs', email: 'jo.bloggs@example.com', preferredContact: 'email', safeToSendPost: true },
        serviceAreaId: f.places.NEC,
        points: [{ text: 'Nobody returned my calls for three weeks.' }],
        privacyAccepted: true,
      },
      receivedOn: '2026-11-23',
      teamId: f.places['NEC-CARLISLE'] ?? null,
      practitionerId: null,
    });
    await assignComplaint(f.deps, aisha(), id, { responderId: f.staffId('sarah.wilson@example.org'), csqManagerId: f.staffId('rachel.green@example.org') }, { caseUrl: 'x' });
    return id;
  }

  describe('the templates', () => {
    it('are all there from content, each at version 1, for national office to see', async () => {
      const listing = await listLetterTemplates(f.deps, nationalOffice());
      expect(listing).toHaveLength(36);
      expect(listing.every((t) => t.version === 1 && t.createdAt instanceof Date)).toBe(true);
      const page = await viewLetterTemplate(f.deps, nationalOffice(), ACKNOWLEDGEMENT);
      expect(page.versions.map((v) => ({ version: v.version, subject: v.subject, body: v.body, letterCount: v.letterCount }))).toEqual([
        { version: 1, subject: shipped.subject, body: shipped.body, letterCount: 0 },
      ]);
      expect(page.preview).toMatchObject({ ok: true, subject: 'We have received your complaint – CMP-7K3P-QD9X' });
    });

    it('are saved as a new version, the old one kept, by whom and audited, and letters use the new one from then on', async () => {
      const body = shipped.body.replace('Thank you for your complaint,', 'Thank you for taking the time to write to us about your complaint,');
      expect(body).not.toBe(shipped.body);
      const saved = await saveLetterTemplate(f.deps, nationalOffice(), ACKNOWLEDGEMENT, { subject: 'Your complaint has reached us – {{reference}}', body: body.replace(/\n/g, '\r\n'), baseVersion: '1' });
      expect(saved.version).toBe(2);
      const rows = await queryRows<{ version: number; subject: string; body: string; created_by: string | null }>(
        f.db,
        sql`select version, subject, body, created_by from letter_templates where kind = 'acknowledgement' and audience = 'adult' and language = 'en' order by version`,
      );
      expect(rows).toEqual([
        { version: 1, subject: shipped.subject, body: shipped.body, created_by: null },
        { version: 2, subject: 'Your complaint has reached us – {{reference}}', body, created_by: f.staffId('margaret.lewis@example.org') },
      ]);
      const [audit] = await queryRows<{ staff_id: string; subject: string }>(f.db, sql`select staff_id, subject from audit_log where action = 'letter_template.version_added'`);
      expect(audit).toEqual({ staff_id: f.staffId('margaret.lewis@example.org'), subject: `letter_template:${saved.id}` });

      const complaintId = await complaintReadyToAcknowledge();
      const { letterId } = await prepareAcknowledgement(f.deps, aisha(), complaintId);
      const [letter] = await queryRows<{ template_id: string; subject: string }>(f.db, sql`select template_id, subject from letters where id = ${letterId}`);
      expect(letter!.template_id).toBe(saved.id);
      expect(letter!.subject).toMatch(/^Your complaint has reached us – /);

      const page = await viewLetterTemplate(f.deps, nationalOffice(), ACKNOWLEDGEMENT);
      expect(page.versions.map((v) => [v.version, v.letterCount, v.authorName])).toEqual([
        [2, 1, 'Margaret Lewis'],
        [1, 0, null],
      ]);
      expect((await listLetterTemplates(f.deps, nationalOffice())).find((t) => t.kind === 'acknowledgement' && t.audience === 'adult' && t.language === 'en')?.version).toBe(2);
    });

    it('are seeded from content only where missing: seeding again changes no version, and national office keeps theirs', async () => {
      const before = await queryRows<{ id: string; version: number; subject: string; body: string }>(f.db, sql`select id, version, subject, body from letter_templates order by id`);
      await seedLetterTemplates(f.db);
      expect(await queryRows(f.db, sql`select id, version, subject, body from letter_templates order by id`)).toEqual(before);
      expect((await findActiveTemplate(f.db, ACKNOWLEDGEMENT))!.version).toBe(2);
    });

    it('are previewed as a PDF of any version, filled in with sample facts', async () => {
      const current = (await extractPdfText((await previewLetterTemplatePdf(f.deps, nationalOffice(), ACKNOWLEDGEMENT, null)).bytes)).text.replace(/\s+/g, ' ');
      expect(current).toContain('Thank you for taking the time to write to us');
      const first = await previewLetterTemplatePdf(f.deps, nationalOffice(), ACKNOWLEDGEMENT, 1);
      expect(first.fileName).toBe('template-acknowledgement-adult-en-v1.pdf');
      const text = (await extractPdfText(first.bytes)).text.replace(/\s+/g, ' ');
      expect(text).toContain('Thank you for your complaint, which reached us on');
      expect(text).toContain('Jo Bloggs');
      await expect(previewLetterTemplatePdf(f.deps, nationalOffice(), ACKNOWLEDGEMENT, 9)).rejects.toMatchObject({ code: 'not_found' });
      await expect(previewLetterTemplatePdf(f.deps, nationalOffice(), { ...ACKNOWLEDGEMENT, kind: 'received' }, null)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('that would not make a letter are refused with the reason, and nothing is written', async () => {
      const [templatesBefore, auditBefore] = [await templateRows(), await auditRows('letter_template.version_added')];
      await expect(saveLetterTemplate(f.deps, nationalOffice(), ACKNOWLEDGEMENT, { subject: shipped.subject, body: `${shipped.body}\nCall {{managerPhnoe}}` })).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'body', message: 'template.unknownValue', name: 'managerPhnoe' }],
      });
      await expect(saveLetterTemplate(f.deps, nationalOffice(), ACKNOWLEDGEMENT, { subject: shipped.subject, body: `[[if courtMatters]]\n${shipped.body}` })).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'body', message: 'template.notClosed', name: 'courtMatters' }],
      });
      await expect(saveLetterTemplate(f.deps, nationalOffice(), ACKNOWLEDGEMENT, { subject: '', body: '' })).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [
          { field: 'subject', message: 'subject.required' },
          { field: 'body', message: 'body.required' },
        ],
      });
      await expect(previewLetterTemplateDraft(f.deps, nationalOffice(), ACKNOWLEDGEMENT, { subject: '{{subjct}}', body: shipped.body })).rejects.toMatchObject({
        problems: [{ field: 'subject', message: 'template.unknownValue', name: 'subjct' }],
      });
      expect([await templateRows(), await auditRows('letter_template.version_added')]).toEqual([templatesBefore, auditBefore]);
    });

    it('are not saved again unchanged, nor over a version someone else saved meanwhile', async () => {
      const current = (await findActiveTemplate(f.db, ACKNOWLEDGEMENT))!;
      await expect(saveLetterTemplate(f.deps, nationalOffice(), ACKNOWLEDGEMENT, { subject: current.subject, body: current.body })).rejects.toMatchObject({ code: 'nothing_changed' });
      await expect(saveLetterTemplate(f.deps, nationalOffice(), ACKNOWLEDGEMENT, { subject: current.subject, body: `${current.body}\n\nP.S.`, baseVersion: '1' })).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'body', message: 'template.changedMeanwhile', name: '2' }],
      });
      expect((await findActiveTemplate(f.db, ACKNOWLEDGEMENT))!.version).toBe(2);
    });

    it('are for national office alone', async () => {
      const templatesBefore = await templateRows();
      for (const email of ['rachel.green@example.org', 'aisha.khan@example.org', 'helen.okafor@example.org', 'sarah.wilson@example.org']) {
        await expect(listLetterTemplates(f.deps, f.as(email))).rejects.toMatchObject({ code: 'not_allowed' });
        await expect(viewLetterTemplate(f.deps, f.as(email), ACKNOWLEDGEMENT)).rejects.toMatchObject({ code: 'not_allowed' });
        await expect(previewLetterTemplatePdf(f.deps, f.as(email), ACKNOWLEDGEMENT, null)).rejects.toMatchObject({ code: 'not_allowed' });
        await expect(saveLetterTemplate(f.deps, f.as(email), ACKNOWLEDGEMENT, { subject: 'Hello {{reference}}', body: 'Dear {{complainantName}},' })).rejects.toMatchObject({ code: 'not_allowed' });
        await expect(viewCaseworkSettings(f.deps, f.as(email))).rejects.toMatchObject({ code: 'not_allowed' });
        await expect(changeCaseworkSettings(f.deps, f.as(email), { automaticAcknowledgementApproval: 'yes' })).rejects.toMatchObject({ code: 'not_allowed' });
      }
      expect(await templateRows()).toBe(templatesBefore);
      expect((await viewCaseworkSettings(f.deps, nationalOffice())).automaticAcknowledgementApproval).toBe(false);
    });
  });

  describe('the setting that lets unchanged acknowledgements pass quality assurance by themselves', () => {
    const letterState = async (letterId: string) =>
      (await queryRows<{ state: string; approved_automatically: boolean }>(f.db, sql`select state, approved_automatically from letters where id = ${letterId}`))[0];

    it('is off until national office turns it on, and acknowledgements go to a CSQ manager', async () => {
      expect(await viewCaseworkSettings(f.deps, nationalOffice())).toEqual({ automaticAcknowledgementApproval: false, retentionYears: 6 });
      const { letterId, approvedAutomatically } = await prepareAcknowledgement(f.deps, aisha(), await complaintReadyToAcknowledge());
      expect(approvedAutomatically).toBe(false);
      expect(await letterState(letterId)).toEqual({ state: 'in_quality_assurance', approved_automatically: false });
    });

    it('is refused without a choice', async () => {
      await expect(changeCaseworkSettings(f.deps, nationalOffice(), {})).rejects.toMatchObject({
        code: 'invalid_input',
        problems: [{ field: 'automaticAcknowledgementApproval', message: 'automaticAcknowledgementApproval.required' }],
      });
    });

    it('once on, is audited and honoured by the next acknowledgement; off again, it is not', async () => {
      expect(await changeCaseworkSettings(f.deps, nationalOffice(), { automaticAcknowledgementApproval: 'yes' })).toEqual({ automaticAcknowledgementApproval: true, changed: true });
      expect(await changeCaseworkSettings(f.deps, nationalOffice(), { automaticAcknowledgementApproval: 'yes' })).toEqual({ automaticAcknowledgementApproval: true, changed: false });
      expect(await viewCaseworkSettings(f.deps, nationalOffice())).toEqual({ automaticAcknowledgementApproval: true, retentionYears: 6 });
      const [setting] = await queryRows<{ enabled: boolean; updated_by: string }>(f.db, sql`select enabled, updated_by from casework_settings`);
      expect(setting).toEqual({ enabled: true, updated_by: f.staffId('margaret.lewis@example.org') });

      const on = await prepareAcknowledgement(f.deps, aisha(), await complaintReadyToAcknowledge());
      expect(on.approvedAutomatically).toBe(true);
      expect(await letterState(on.letterId)).toEqual({ state: 'approved', approved_automatically: true });

      await changeCaseworkSettings(f.deps, nationalOffice(), { automaticAcknowledgementApproval: 'no' });
      const off = await prepareAcknowledgement(f.deps, aisha(), await complaintReadyToAcknowledge());
      expect(await letterState(off.letterId)).toEqual({ state: 'in_quality_assurance', approved_automatically: false });

      const audit = await queryRows<{ subject: string; staff_id: string }>(f.db, sql`select subject, staff_id from audit_log where action = 'settings.changed' order by occurred_at, id`);
      expect(audit.map((a) => a.subject)).toEqual(['setting:acknowledgements_pass_automatically:on', 'setting:acknowledgements_pass_automatically:off']);
    });
  });
});
