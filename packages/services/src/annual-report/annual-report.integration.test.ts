import type { StaffActor } from '@complaints/auth';
import { appendComplaintEvents, type Database, schema, seedReferenceData } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import { extractPdfText } from '@complaints/documents/testing';
import { createWorkingDayCalendar, DEFAULT_TIMESCALES, type IsoDate, type PointDecision, stageDueDates } from '@complaints/domain';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { ServiceDependencies } from '../dependencies';
import { Refusal } from '../refusal';
import { testSecondFactorSealer } from '../testing/second-factor-sealer';
import { annualReportPage, annualReportPdf, readAnnualReport, saveSelfAssessment } from './annual-report';

/*
 * The financial year 2025-26 (1 April 2025 to 31 March 2026) of a small organisation:
 *
 * P (online): came 10 June 2025, acknowledged the next day, answered 1 July (two points: one
 *   upheld, one not), closed 5 July; the survey answered 10 July; taken to the Ombudsman
 *   1 September, who upheld it 2 February 2026.
 * Q (by letter): came 20 March 2026, not yet answered: open at the year's end.
 * S (a compliment): came 1 October 2025: received, owed nothing.
 * R (online): came 15 April 2026, after the year: not counted.
 *
 * National learning raised in August 2025 and published in the bulletin in September, a team's
 * learning raised in November, and a published wording that (written before the check) names a
 * complainant: it must not reach the report.
 */

const calendar = createWorkingDayCalendar();
const STAFF_NAMES = { national: 'Harriet Vane', head: 'Imogen Stroud', manager: 'Desmond Okafor' } as const;
const PRACTITIONER = 'Tobias Wexford';
const COMPLAINANTS = { P: 'Morwenna Trelawny', Q: 'Gideon Ashcroft', S: 'Philippa Quarrie', R: 'Lowri Pennant' } as const;
const EVERY_NAME = [...Object.values(STAFF_NAMES), PRACTITIONER, ...Object.values(COMPLAINANTS)];
const ASSESSMENT = {
  accessibility: 'Forms are in English and Welsh, on paper and online.',
  timeliness: 'Most complaints were acknowledged within a working day.',
  investigation: '',
  escalation: 'One complaint went to the Ombudsman and was upheld.',
  learning: 'Contact details are now checked before a complaint is closed.',
};

describeEachDatabase('the annual report', (database) => {
  let db: Database;
  let deps: ServiceDependencies;
  const staff: Record<keyof typeof STAFF_NAMES, StaffActor> = {} as never;
  const ids: Record<string, string> = {};

  type Spec = {
    kind?: 'complaint' | 'compliment';
    channel: 'online' | 'letter';
    receivedOn: IsoDate;
    acknowledgedAt?: string;
    responseSentAt?: string;
    closedAt?: string;
    answers?: PointDecision[];
  };

  async function addComplaint(name: keyof typeof COMPLAINANTS, spec: Spec) {
    const receivedAt = new Date(`${spec.receivedOn}T09:00:00Z`);
    const [row] = await db
      .insert(schema.complaints)
      .values({
        reference: `CMP-TEST-${name}`,
        kind: spec.kind ?? 'complaint',
        channel: spec.channel,
        receivedAt,
        receivedOn: spec.receivedOn,
        stage: 1,
        state: (spec.closedAt ? 'closed' : spec.acknowledgedAt ? 'acknowledged' : 'logged') as never,
        businessAreaId: ids.area!,
        serviceAreaId: ids.serviceArea!,
        teamId: ids.team!,
        practitionerId: ids.practitioner!,
        responderId: staff.manager.id,
        loggedAt: receivedAt,
        assignedAt: receivedAt,
        acknowledgedAt: spec.acknowledgedAt ? new Date(spec.acknowledgedAt) : null,
        responseSentAt: spec.responseSentAt ? new Date(spec.responseSentAt) : null,
        closedAt: spec.closedAt ? new Date(spec.closedAt) : null,
      })
      .returning({ id: schema.complaints.id });
    const complaintId = row!.id;
    ids[name] = complaintId;
    await db.insert(schema.complainants).values({ complaintId, role: 'parent_or_carer', fullName: COMPLAINANTS[name], email: `${name.toLowerCase()}@example.com`, preferredContact: 'email' });
    const dates = stageDueDates(1, spec.receivedOn, DEFAULT_TIMESCALES, calendar);
    await db.insert(schema.complaintStages).values({
      complaintId,
      stage: 1,
      startedOn: spec.receivedOn,
      ...dates,
      originalResponseDueOn: dates.responseDueOn,
      responderId: staff.manager.id,
      assignedAt: receivedAt,
      acknowledgedAt: spec.acknowledgedAt ? new Date(spec.acknowledgedAt) : null,
      responseSentAt: spec.responseSentAt ? new Date(spec.responseSentAt) : null,
    });
    const events: Parameters<typeof appendComplaintEvents>[2] = [
      { type: 'complaint.logged', stage: 1, actorType: 'staff', actorStaffId: staff.national.id, occurredAt: receivedAt, visibility: 'public', payload: {} },
    ];
    if (spec.closedAt) events.push({ type: 'complaint.closed', stage: 1, actorType: 'staff', actorStaffId: staff.national.id, occurredAt: new Date(spec.closedAt), visibility: 'public', payload: {} });
    await appendComplaintEvents(db, complaintId, events, { newComplaint: true });
    for (const [index, decision] of (spec.answers ?? []).entries()) {
      const [point] = await db
        .insert(schema.complaintPoints)
        .values({ complaintId, position: index + 1, text: `Point ${index + 1}`, raisedAtStage: 1, categoryKey: 'communication', triage: 'organisation', triageReason: 'Read.' })
        .returning({ id: schema.complaintPoints.id });
      await db.insert(schema.pointAnswers).values({ pointId: point!.id, stage: 1, decision, reasons: 'Our reasons.', answeredBy: staff.manager.id, answeredAt: new Date(spec.responseSentAt!) });
    }
  }

  async function addLearning(spec: { level: 'team' | 'national'; raisedAt: string; status: 'open' | 'done'; published?: { at: string; wording: string } }) {
    await db.insert(schema.learningPoints).values({
      complaintId: ids.P!,
      sourceKind: 'complaint',
      sourceId: ids.P!,
      level: spec.level,
      teamId: spec.level === 'team' ? ids.team! : null,
      serviceAreaId: spec.level === 'team' ? ids.serviceArea! : null,
      businessAreaId: spec.level === 'team' ? ids.area! : null,
      learnt: `What was learnt from ${COMPLAINANTS.P}.`,
      action: `What ${STAFF_NAMES.manager} will do.`,
      ownerId: staff.manager.id,
      dueOn: '2026-01-31',
      status: spec.status,
      evidence: spec.status === 'done' ? 'The new checklist.' : null,
      raisedBy: staff.national.id,
      raisedAt: new Date(spec.raisedAt),
      updatedAt: new Date(spec.raisedAt),
      bulletinWording: spec.published?.wording ?? null,
      publishedAt: spec.published ? new Date(spec.published.at) : null,
      publishedBy: spec.published ? staff.national.id : null,
    });
  }

  beforeAll(async () => {
    db = database().db;
    deps = { db, clock: { now: () => new Date('2026-07-15T09:00:00Z') }, randomBytes: () => new Uint8Array(0), secondFactorSealer: testSecondFactorSealer };
    await seedReferenceData(db);
    const [area] = await db.insert(schema.businessAreas).values({ code: 'NORTH', nameEn: 'North', nameCy: 'Gogledd' }).returning({ id: schema.businessAreas.id });
    ids.area = area!.id;
    const [serviceArea] = await db.insert(schema.serviceAreas).values({ code: 'NEC', businessAreaId: ids.area, nameEn: 'North East', nameCy: 'Gogledd Ddwyrain' }).returning({ id: schema.serviceAreas.id });
    ids.serviceArea = serviceArea!.id;
    const [team] = await db.insert(schema.teams).values({ code: 'CAR', serviceAreaId: ids.serviceArea, nameEn: 'Carlisle', nameCy: 'Caerliwelydd' }).returning({ id: schema.teams.id });
    ids.team = team!.id;
    const [practitioner] = await db.insert(schema.practitioners).values({ fullName: PRACTITIONER, teamId: ids.team }).returning({ id: schema.practitioners.id });
    ids.practitioner = practitioner!.id;
    for (const [key, role] of [['national', 'national_office'], ['head', 'head_of_service'], ['manager', 'responding_manager']] as const) {
      const place = role === 'national_office' ? { businessAreaId: null, serviceAreaId: null, teamId: null } : { businessAreaId: ids.area, serviceAreaId: ids.serviceArea, teamId: role === 'responding_manager' ? ids.team : null };
      const [row] = await db.insert(schema.staff).values({ email: `${key}@example.org`, fullName: STAFF_NAMES[key], roleKey: role, ...place }).returning({ id: schema.staff.id });
      staff[key] = { id: row!.id, role, ...place };
    }

    await addComplaint('P', { channel: 'online', receivedOn: '2025-06-10', acknowledgedAt: '2025-06-11T09:00:00Z', responseSentAt: '2025-07-01T12:00:00Z', closedAt: '2025-07-05T12:00:00Z', answers: ['upheld', 'not_upheld'] });
    await addComplaint('Q', { channel: 'letter', receivedOn: '2026-03-20', acknowledgedAt: '2026-03-20T15:00:00Z' });
    await addComplaint('S', { kind: 'compliment', channel: 'online', receivedOn: '2025-10-01' });
    await addComplaint('R', { channel: 'online', receivedOn: '2026-04-15' });
    await db.insert(schema.surveyResponses).values({ complaintId: ids.P!, invitedAt: new Date('2025-07-05T12:00:00Z'), answeredAt: new Date('2025-07-10T12:00:00Z'), answers: { easy_to_complain: '4', clear_answer: '5' } });
    await db.insert(schema.ombudsmanReferrals).values({ complaintId: ids.P!, ombudsman: 'phso', referredOn: '2025-09-01', theirReference: 'PHSO-P', finding: 'upheld', findingOn: '2026-02-02' });
    await addLearning({ level: 'national', raisedAt: '2025-08-01T10:00:00Z', status: 'done', published: { at: '2025-09-01T10:00:00Z', wording: 'Check contact details before a complaint is closed.' } });
    await addLearning({ level: 'national', raisedAt: '2025-08-02T10:00:00Z', status: 'open', published: { at: '2025-09-02T10:00:00Z', wording: 'What Mrs Trelawny told us about letters.' } });
    await addLearning({ level: 'team', raisedAt: '2025-11-01T10:00:00Z', status: 'open' });
  });

  it('refuses anyone but national office, and a year that is not one', async () => {
    for (const call of [
      () => annualReportPage(deps, { actor: staff.head }),
      () => saveSelfAssessment(deps, { actor: staff.head, year: '2025-26', values: ASSESSMENT }),
      () => annualReportPdf(deps, { actor: staff.head, year: '2025-26', language: 'en' }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'not_allowed' });
    }
    await expect(readAnnualReport(deps, { actor: staff.national, year: '2025-27' })).rejects.toMatchObject({ code: 'invalid_input', problems: [{ field: 'year', message: 'year.invalid' }] });
  });

  it('offers the last whole year first, and the years before', async () => {
    const page = await annualReportPage(deps, { actor: staff.national });
    expect(page.year).toBe('2025-26');
    expect(page.years.slice(0, 3)).toEqual(['2026-27', '2025-26', '2024-25']);
    expect(page.selfAssessment).toBeNull();
  });

  it('refuses a self-assessment that names anyone on record, writing nothing', async () => {
    for (const name of [STAFF_NAMES.manager, 'Ms Trelawny', 'Wexford', "Ashcroft's letter"]) {
      const error = await saveSelfAssessment(deps, { actor: staff.national, year: '2025-26', values: { ...ASSESSMENT, investigation: `Well handled by ${name}.` } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Refusal);
      expect(error).toMatchObject({ code: 'invalid_input', problems: [{ field: 'investigation', message: 'investigation.namesPerson' }] });
    }
    expect((await annualReportPage(deps, { actor: staff.national, year: '2025-26' })).selfAssessment).toBeNull();
  });

  it('keeps the self-assessment with its year, who changed it and when, and audits the change', async () => {
    await saveSelfAssessment(deps, { actor: staff.national, year: '2025-26', values: ASSESSMENT, requestId: 'req-1' });
    const page = await annualReportPage(deps, { actor: staff.national, year: '2025-26' });
    expect(page.selfAssessment).toEqual({ text: ASSESSMENT, updatedAt: new Date('2026-07-15T09:00:00Z'), updatedByName: STAFF_NAMES.national });
    expect((await annualReportPage(deps, { actor: staff.national, year: '2024-25' })).selfAssessment).toBeNull();
    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'annual_report.self_assessment_changed'));
    expect(audit.map((a) => [a.staffId, a.subject])).toEqual([[staff.national.id, 'annual_report:2025-26']]);
  });

  it("counts the year's figures, learning and feedback, leaving out wording that names anyone", async () => {
    const report = await readAnnualReport(deps, { actor: staff.national, year: '2025-26' });
    expect(report).toMatchObject({ year: '2025-26', firstDay: '2025-04-01', lastDay: '2026-03-31', quarters: ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'] });
    expect(report.throughput).toMatchObject({ received: 3, answered: 1, closed: 1, openAtEnd: 1, acknowledgedWithinWorkingDayShare: 1 });
    expect(report.timescales.map((r) => [r.stage, r.answered])).toEqual([[1, 1]]);
    expect(new Map(report.decisions.map((d) => [d.decision, d.points]))).toEqual(new Map([['upheld', 1], ['not_upheld', 1]]));
    expect(report.learning.byLevelAndStatus).toEqual(
      expect.arrayContaining([
        { level: 'national', status: 'done', points: 1 },
        { level: 'national', status: 'open', points: 1 },
        { level: 'team', status: 'open', points: 1 },
      ]),
    );
    expect(report.learning.published).toEqual([{ wording: 'Check contact details before a complaint is closed.', status: 'done' }]);
    expect(report.feedback).toMatchObject({ surveysInvited: 1, surveysAnswered: 1, referrals: [{ ombudsman: 'phso', referred: 1 }], findings: [{ ombudsman: 'phso', finding: 'upheld', findings: 1 }] });
    expect(report.selfAssessment).toEqual(ASSESSMENT);
  });

  it('prints the report as a PDF with the figures and the self-assessment, naming nobody, and audits the download', async () => {
    for (const language of ['en', 'cy'] as const) {
      const { pdf, year } = await annualReportPdf(deps, { actor: staff.national, year: '2025-26', language, requestId: 'req-2' });
      expect(year).toBe('2025-26');
      const { text } = await extractPdfText(pdf);
      const flat = text.replace(/\s+/g, ' ');
      for (const words of Object.values(ASSESSMENT).filter(Boolean)) expect(flat).toContain(words);
      expect(flat).toContain('Check contact details before a complaint is closed.');
      expect(flat).toContain('2025-26');
      for (const name of EVERY_NAME) {
        for (const part of name.split(' ')) expect(flat.toLowerCase(), `${name} in the ${language} PDF`).not.toContain(part.toLowerCase());
      }
    }
    const { text } = await extractPdfText((await annualReportPdf(deps, { actor: staff.national, year: '2025-26', language: 'en' })).pdf);
    expect(text.replace(/\s+/g, ' ')).toMatch(/Received 3 .*Answered 1 .*Closed 1 .*Open at the end of the year 1/);
    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'report.downloaded'));
    expect(audit.filter((a) => a.requestId === 'req-2').map((a) => [a.staffId, a.subject])).toEqual([
      [staff.national.id, 'annual_report:2025-26'],
      [staff.national.id, 'annual_report:2025-26'],
    ]);
  });
});
