import type { StaffActor } from '@complaints/auth';
import { appendComplaintEvents, type Database, queryRows, schema, seedReferenceData } from '@complaints/db';
import { describeEachDatabase } from '@complaints/db/testing';
import {
  type Channel,
  createWorkingDayCalendar,
  DEFAULT_TIMESCALES,
  dueAfterPause,
  type FeedbackKind,
  type IsoDate,
  acknowledgedWithinWorkingDay,
  answeredOnTime,
  londonDateOf,
  median,
  passedWithinWorkingDay,
  quarterBounds,
  quarterDays,
  percentile,
  type PointDecision,
  type ReportScope,
  stageDueDates,
  type Stage,
  workingDaysTaken,
} from '@complaints/domain';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDependencies } from '../dependencies';
import { testSecondFactorSealer } from '../testing/second-factor-sealer';
import { type QuarterlyReport, quarterlyReport } from './quarterly-report';
import { extractPdfText } from '@complaints/documents/testing';
import { quarterlyReportCsv } from './quarterly-report-csv';
import { quarterlyReportPdf } from './quarterly-report-pdf';
import { quarterlyReportWords } from './report-sections';
import { reportScopes } from './report-scopes';

/*
 * A small organisation and a handful of complaints, written in the shape the casework writes them
 * (a complaint, its stages with their dates, its points, triage and answers, its history), and
 * the report of 2026-Q2 (1 April to 30 June, in summer time) checked figure by figure.
 *
 * The calendar: Good Friday (3 April) and Easter Monday (6 April), the early May bank holiday
 * (4 May) and an office closure national office added (Tuesday 5 May), the spring bank holiday
 * (25 May).
 *
 * A (Carlisle, online): came Thursday 2 April, passed on that day, acknowledged Tuesday 7 April
 *   (the first working day after it, past Easter), extended from 27 April to 8 May, answered
 *   Thursday 7 May: on time, 21 working days (22 but for the closure). Closed 20 May.
 * B (Carlisle, by letter): came Saturday 11 April, passed on and acknowledged Tuesday 14 April
 *   (both late: Monday 13 was the day), paused 20 to 23 April (3 working days, due date 1 May
 *   moved to 8 May), answered Monday 11 May: late, 19 working days less 3 paused = 16. Stage 2
 *   asked for Monday 1 June, passed on that day, acknowledged the next: open at the quarter's end.
 * C (Newcastle, by email): came 30 June at 23:30 London time (22:30 GMT, 1 July in no zone
 *   that counts), acknowledged 1 July (within a working day), passed on 1 July (late).
 * D (Carlisle, a compliment by phone): counted as received, owed nothing, never open.
 * E (Leeds, online): came 15 January, answered 1 April at 00:30 London time (31 March in GMT):
 *   in this quarter, late, 54 working days. Closed 2 April, referred to the Ombudsman 15 April,
 *   partly upheld 10 June.
 * F (Brighton, in the South): came 6 May, acknowledged 7 May, withdrawn 15 May.
 * G (no area yet): came 15 June, nothing done: counted only in the organisation's report.
 * H (Carlisle) and I (Newcastle): earlier quarters, for the trends.
 * J (Leeds, by phone): answered and closed in November 2025, a review asked for 20 April 2026
 *   (which clears its closing time): the review is open at the quarter's end.
 */

const calendar = createWorkingDayCalendar({ extraNonWorkingDays: ['2026-05-05'] });

type StageSpec = {
  stage: Stage;
  startedOn: IsoDate;
  assignedAt?: string;
  acknowledgedAt?: string;
  responseSentAt?: string;
  pause?: { from: IsoDate; to: IsoDate };
  extension?: { at: string; dueOn: IsoDate };
};
type PointSpec = { category: string | null; court?: boolean; practitioner?: string; stage?: Stage; answer?: PointDecision };
type ComplaintSpec = {
  kind?: FeedbackKind;
  channel: Channel;
  receivedAt: string;
  receivedOn: IsoDate;
  serviceArea: string | null;
  team: string | null;
  practitioner?: string;
  state: string;
  stages: StageSpec[];
  points?: PointSpec[];
  closedAt?: string;
  withdrawnAt?: string;
  review?: { practitioner: string; team: string; grade: string; completedAt: string };
  survey?: { invitedAt: string; answeredAt?: string; answers?: Record<string, string> };
  referral?: { referredOn: IsoDate; finding?: 'partly_upheld'; findingOn?: IsoDate };
};

describeEachDatabase('the quarterly report', (database) => {
  let db: Database;
  let deps: ServiceDependencies;
  const ids: Record<string, string> = {};
  const staff: Record<string, StaffActor> = {};
  const written: ComplaintSpec[] = [];

  async function addComplaint(name: string, spec: ComplaintSpec): Promise<string> {
    const serviceAreaId = spec.serviceArea ? ids[spec.serviceArea]! : null;
    const businessAreaId = spec.serviceArea ? ids[`${spec.serviceArea}:business_area`]! : null;
    const last = spec.stages.at(-1)!;
    const [row] = await db
      .insert(schema.complaints)
      .values({
        reference: `CMP-TEST-${name}`,
        kind: spec.kind ?? 'complaint',
        channel: spec.channel,
        receivedAt: new Date(spec.receivedAt),
        receivedOn: spec.receivedOn,
        stage: last.stage,
        state: spec.state as never,
        businessAreaId,
        serviceAreaId,
        teamId: spec.team ? ids[spec.team]! : null,
        practitionerId: spec.practitioner ? ids[spec.practitioner]! : null,
        responderId: last.assignedAt ? staff.manager!.id : null,
        loggedAt: new Date(spec.receivedAt),
        assignedAt: last.assignedAt ? new Date(last.assignedAt) : null,
        acknowledgedAt: last.acknowledgedAt ? new Date(last.acknowledgedAt) : null,
        responseSentAt: last.responseSentAt ? new Date(last.responseSentAt) : null,
        closedAt: spec.closedAt ? new Date(spec.closedAt) : null,
        withdrawnAt: spec.withdrawnAt ? new Date(spec.withdrawnAt) : null,
      })
      .returning({ id: schema.complaints.id });
    const complaintId = row!.id;
    ids[name] = complaintId;
    written.push(spec);
    await db.insert(schema.complainants).values({ complaintId, role: 'parent_or_carer', fullName: `Complainant ${name}`, email: `${name.toLowerCase()}@example.com`, preferredContact: 'email' });

    const events: Parameters<typeof appendComplaintEvents>[2] = [
      { type: 'complaint.logged', stage: 1, actorType: 'staff', actorStaffId: staff.national!.id, occurredAt: new Date(spec.receivedAt), visibility: 'public', payload: {} },
    ];
    for (const s of spec.stages) {
      const dates = stageDueDates(s.stage, s.startedOn, DEFAULT_TIMESCALES, calendar);
      const paused = s.pause ? dueAfterPause(dates.responseDueOn, s.pause.from, s.pause.to, calendar) : { dueOn: dates.responseDueOn, pausedWorkingDays: 0 };
      await db.insert(schema.complaintStages).values({
        complaintId,
        stage: s.stage,
        startedOn: s.startedOn,
        ...dates,
        responseDueOn: s.extension?.dueOn ?? paused.dueOn,
        originalResponseDueOn: dates.responseDueOn,
        extendedAt: s.extension ? new Date(s.extension.at) : null,
        extensionReason: s.extension ? 'We are waiting for notes from another team.' : null,
        pausedWorkingDays: paused.pausedWorkingDays,
        responderId: s.assignedAt ? staff.manager!.id : null,
        assignedAt: s.assignedAt ? new Date(s.assignedAt) : null,
        acknowledgedAt: s.acknowledgedAt ? new Date(s.acknowledgedAt) : null,
        responseSentAt: s.responseSentAt ? new Date(s.responseSentAt) : null,
      });
      if (s.stage === 2) {
        events.push({ type: 'stage_two.requested', stage: 2, actorType: 'complainant', occurredAt: new Date(`${s.startedOn}T09:00:00Z`), visibility: 'public', payload: { requestedOn: s.startedOn } });
      }
    }
    const closing = spec.closedAt ? { type: 'complaint.closed', at: spec.closedAt } : spec.withdrawnAt ? { type: 'complaint.withdrawn', at: spec.withdrawnAt } : null;
    if (closing) {
      // At the stage the complaint was at then: the last one started before it.
      const stage = spec.stages.filter((s) => s.startedOn <= closing.at.slice(0, 10)).at(-1)!.stage;
      events.push({ type: closing.type, stage, actorType: 'staff', actorStaffId: staff.national!.id, occurredAt: new Date(closing.at), visibility: 'public', payload: {} });
      events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    }
    await appendComplaintEvents(db, complaintId, events, { newComplaint: true });

    for (const [index, p] of (spec.points ?? []).entries()) {
      const [point] = await db
        .insert(schema.complaintPoints)
        .values({
          complaintId,
          position: index + 1,
          text: `Point ${index + 1} of ${name}`,
          raisedAtStage: p.stage ?? 1,
          categoryKey: p.category,
          triage: p.category === null ? null : p.court ? 'court' : 'organisation',
          triageReason: p.category === null ? null : 'Read and placed.',
          courtRoute: p.court ? 'Ask the court at the next hearing.' : null,
          practitionerId: p.practitioner ? ids[p.practitioner]! : null,
        })
        .returning({ id: schema.complaintPoints.id });
      if (p.answer) {
        const answeredAt = new Date(spec.stages.find((s) => s.stage === (p.stage ?? 1))!.responseSentAt!);
        await db.insert(schema.pointAnswers).values({ pointId: point!.id, stage: p.stage ?? 1, decision: p.answer, reasons: 'Our reasons.', answeredBy: staff.manager!.id, answeredAt });
      }
    }
    if (spec.review) {
      await db.insert(schema.managementReviews).values({
        complaintId,
        reviewerId: staff.manager!.id,
        practitionerId: ids[spec.review.practitioner]!,
        teamId: ids[spec.review.team]!,
        overallGrade: spec.review.grade,
        completedAt: new Date(spec.review.completedAt),
      });
    }
    if (spec.survey) {
      await db.insert(schema.surveyResponses).values({
        complaintId,
        invitedAt: new Date(spec.survey.invitedAt),
        answeredAt: spec.survey.answeredAt ? new Date(spec.survey.answeredAt) : null,
        answers: spec.survey.answers ?? null,
      });
    }
    if (spec.referral) {
      await db.insert(schema.ombudsmanReferrals).values({
        complaintId,
        ombudsman: 'phso',
        referredOn: spec.referral.referredOn,
        theirReference: `PHSO-${name}`,
        finding: spec.referral.finding ?? null,
        findingOn: spec.referral.findingOn ?? null,
      });
    }
    return complaintId;
  }

  async function addLearning(spec: { level: 'team' | 'service_area' | 'national'; team?: string; serviceArea?: string; complaint: string; sourceKind: 'complaint' | 'ombudsman_referral'; status: 'open' | 'in_progress' | 'done'; raisedAt: string }) {
    const serviceArea = spec.serviceArea ?? null;
    await db.insert(schema.learningPoints).values({
      complaintId: ids[spec.complaint]!,
      sourceKind: spec.sourceKind,
      sourceId: ids[spec.complaint]!,
      level: spec.level,
      teamId: spec.team ? ids[spec.team]! : null,
      serviceAreaId: serviceArea ? ids[serviceArea]! : null,
      businessAreaId: serviceArea ? ids[`${serviceArea}:business_area`]! : null,
      learnt: 'What was learnt.',
      action: 'What will be done.',
      ownerId: staff.national!.id,
      dueOn: '2026-09-30',
      status: spec.status,
      evidence: spec.status === 'done' ? 'The new checklist.' : null,
      raisedBy: staff.national!.id,
      raisedAt: new Date(spec.raisedAt),
      updatedAt: new Date(spec.raisedAt),
    });
  }

  beforeAll(async () => {
    db = database().db;
    deps = { db, clock: { now: () => new Date('2026-07-15T09:00:00Z') }, randomBytes: () => new Uint8Array(0), secondFactorSealer: testSecondFactorSealer };
    await seedReferenceData(db);
    await db.insert(schema.nonWorkingDays).values({ date: '2026-05-05', description: 'Office move' });

    for (const [code, name] of [['NORTH', 'North'], ['SOUTH', 'South']] as const) {
      const [area] = await db.insert(schema.businessAreas).values({ code, nameEn: name, nameCy: name }).returning({ id: schema.businessAreas.id });
      ids[code] = area!.id;
    }
    for (const [code, area] of [['NEC', 'NORTH'], ['YAH', 'NORTH'], ['SEA', 'SOUTH']] as const) {
      const [row] = await db.insert(schema.serviceAreas).values({ code, businessAreaId: ids[area]!, nameEn: code, nameCy: code }).returning({ id: schema.serviceAreas.id });
      ids[code] = row!.id;
      ids[`${code}:business_area`] = ids[area]!;
    }
    for (const [code, name, serviceArea] of [['CAR', 'Carlisle', 'NEC'], ['NEW', 'Newcastle', 'NEC'], ['LEE', 'Leeds', 'YAH'], ['BRI', 'Brighton', 'SEA']] as const) {
      const [row] = await db.insert(schema.teams).values({ code, serviceAreaId: ids[serviceArea]!, nameEn: name, nameCy: name }).returning({ id: schema.teams.id });
      ids[code] = row!.id;
    }
    for (const [key, name, team] of [['ALEX', 'Alex Carter', 'CAR'], ['BEA', 'Bea Dunn', 'NEW'], ['CAL', 'Cal Evans', 'LEE'], ['DEE', 'Dee Frost', 'BRI']] as const) {
      const [row] = await db.insert(schema.practitioners).values({ fullName: name, teamId: ids[team]! }).returning({ id: schema.practitioners.id });
      ids[key] = row!.id;
    }
    const people = [
      ['national', 'national_office', null, null],
      ['headNec', 'head_of_service', 'NORTH', 'NEC'],
      ['headYah', 'head_of_service', 'NORTH', 'YAH'],
      ['csqNorth', 'csq_manager', 'NORTH', null],
      ['csqSouth', 'csq_manager', 'SOUTH', null],
      ['adminNorth', 'csq_administrator', 'NORTH', null],
      ['manager', 'responding_manager', 'NORTH', 'NEC'],
    ] as const;
    for (const [key, role, area, serviceArea] of people) {
      const businessAreaId = area ? ids[area]! : null;
      const serviceAreaId = serviceArea ? ids[serviceArea]! : null;
      const teamId = role === 'responding_manager' ? ids.CAR! : null;
      const [row] = await db
        .insert(schema.staff)
        .values({ email: `${key.toLowerCase()}@example.org`, fullName: key, roleKey: role, businessAreaId, serviceAreaId, teamId })
        .returning({ id: schema.staff.id });
      staff[key] = { id: row!.id, role, businessAreaId, serviceAreaId, teamId };
    }

    await addComplaint('A', {
      channel: 'online',
      receivedAt: '2026-04-02T09:00:00Z',
      receivedOn: '2026-04-02',
      serviceArea: 'NEC',
      team: 'CAR',
      practitioner: 'ALEX',
      state: 'closed',
      stages: [{ stage: 1, startedOn: '2026-04-02', assignedAt: '2026-04-02T10:00:00Z', acknowledgedAt: '2026-04-07T08:30:00Z', responseSentAt: '2026-05-07T13:00:00Z', extension: { at: '2026-04-20T10:00:00Z', dueOn: '2026-05-08' } }],
      points: [
        { category: 'communication', practitioner: 'ALEX', answer: 'upheld' },
        { category: 'delay', answer: 'partly_upheld' },
      ],
      closedAt: '2026-05-20T12:00:00Z',
      review: { practitioner: 'ALEX', team: 'CAR', grade: 'requires_improvement', completedAt: '2026-05-01T10:00:00Z' },
      survey: { invitedAt: '2026-05-20T12:00:00Z', answeredAt: '2026-06-02T18:00:00Z', answers: { easy_to_complain: '4', kept_informed: '2', on_time: '5', comments: 'It took a while.' } },
    });
    await addComplaint('B', {
      channel: 'letter',
      receivedAt: '2026-04-13T08:00:00Z',
      receivedOn: '2026-04-11',
      serviceArea: 'NEC',
      team: 'CAR',
      practitioner: 'ALEX',
      state: 'acknowledged',
      stages: [
        { stage: 1, startedOn: '2026-04-11', assignedAt: '2026-04-14T09:00:00Z', acknowledgedAt: '2026-04-14T11:00:00Z', responseSentAt: '2026-05-11T15:00:00Z', pause: { from: '2026-04-20', to: '2026-04-23' } },
        { stage: 2, startedOn: '2026-06-01', assignedAt: '2026-06-01T14:00:00Z', acknowledgedAt: '2026-06-02T10:00:00Z' },
      ],
      points: [
        { category: 'communication', practitioner: 'ALEX', answer: 'not_upheld' },
        { category: 'conduct', practitioner: 'ALEX', court: true, answer: 'court_matter' },
        { category: 'quality_of_work', practitioner: 'BEA', stage: 2 },
      ],
    });
    await addComplaint('C', {
      channel: 'email',
      receivedAt: '2026-06-30T22:30:00Z',
      receivedOn: '2026-06-30',
      serviceArea: 'NEC',
      team: 'NEW',
      state: 'acknowledged',
      stages: [{ stage: 1, startedOn: '2026-06-30', assignedAt: '2026-07-01T08:00:00Z', acknowledgedAt: '2026-07-01T09:00:00Z' }],
      points: [{ category: 'delay' }],
    });
    await addComplaint('D', {
      kind: 'compliment',
      channel: 'phone',
      receivedAt: '2026-05-12T10:00:00Z',
      receivedOn: '2026-05-12',
      serviceArea: 'NEC',
      team: 'CAR',
      state: 'logged',
      stages: [{ stage: 1, startedOn: '2026-05-12' }],
    });
    await addComplaint('E', {
      channel: 'online',
      receivedAt: '2026-01-15T11:00:00Z',
      receivedOn: '2026-01-15',
      serviceArea: 'YAH',
      team: 'LEE',
      practitioner: 'CAL',
      state: 'closed',
      stages: [{ stage: 1, startedOn: '2026-01-15', assignedAt: '2026-01-15T12:00:00Z', acknowledgedAt: '2026-01-16T10:00:00Z', responseSentAt: '2026-03-31T23:30:00Z' }],
      points: [{ category: 'other', practitioner: 'CAL', answer: 'upheld' }],
      closedAt: '2026-04-02T10:00:00Z',
      survey: { invitedAt: '2026-04-02T10:00:00Z' },
      referral: { referredOn: '2026-04-15', finding: 'partly_upheld', findingOn: '2026-06-10' },
    });
    await addComplaint('F', {
      channel: 'online',
      receivedAt: '2026-05-06T10:00:00Z',
      receivedOn: '2026-05-06',
      serviceArea: 'SEA',
      team: 'BRI',
      practitioner: 'DEE',
      state: 'withdrawn',
      stages: [{ stage: 1, startedOn: '2026-05-06', assignedAt: '2026-05-06T14:00:00Z', acknowledgedAt: '2026-05-07T09:00:00Z' }],
      points: [{ category: 'discrimination', practitioner: 'DEE' }],
      withdrawnAt: '2026-05-15T10:00:00Z',
    });
    await addComplaint('G', {
      channel: 'online',
      receivedAt: '2026-06-15T10:00:00Z',
      receivedOn: '2026-06-15',
      serviceArea: null,
      team: null,
      state: 'received',
      stages: [{ stage: 1, startedOn: '2026-06-15' }],
      points: [{ category: null }],
    });
    await addComplaint('H', {
      channel: 'email',
      receivedAt: '2025-11-10T10:00:00Z',
      receivedOn: '2025-11-10',
      serviceArea: 'NEC',
      team: 'CAR',
      practitioner: 'ALEX',
      state: 'closed',
      stages: [{ stage: 1, startedOn: '2025-11-10', assignedAt: '2025-11-10T12:00:00Z', acknowledgedAt: '2025-11-11T10:00:00Z', responseSentAt: '2025-12-01T10:00:00Z' }],
      points: [{ category: 'communication', practitioner: 'ALEX', answer: 'not_upheld' }],
      closedAt: '2026-01-20T10:00:00Z',
      review: { practitioner: 'ALEX', team: 'CAR', grade: 'good', completedAt: '2025-12-05T10:00:00Z' },
      survey: { invitedAt: '2026-01-20T10:00:00Z', answeredAt: '2026-04-10T10:00:00Z', answers: { easy_to_complain: '2', kept_informed: '2', listened_to: '3' } },
    });
    await addComplaint('I', {
      channel: 'letter',
      receivedAt: '2025-08-04T10:00:00Z',
      receivedOn: '2025-08-04',
      serviceArea: 'NEC',
      team: 'NEW',
      practitioner: 'BEA',
      state: 'closed',
      stages: [{ stage: 1, startedOn: '2025-08-04', assignedAt: '2025-08-04T12:00:00Z', acknowledgedAt: '2025-08-05T10:00:00Z', responseSentAt: '2025-09-01T10:00:00Z' }],
      points: [{ category: 'delay', practitioner: 'BEA', answer: 'upheld' }],
      closedAt: '2025-09-10T10:00:00Z',
      // 00:30 on 1 July in London: the first quarter of the trend, not the one before it.
      review: { practitioner: 'BEA', team: 'NEW', grade: 'outstanding', completedAt: '2025-06-30T23:30:00Z' },
    });

    await addComplaint('J', {
      channel: 'phone',
      receivedAt: '2025-11-03T10:00:00Z',
      receivedOn: '2025-11-03',
      serviceArea: 'YAH',
      team: null,
      state: 'received',
      stages: [
        { stage: 1, startedOn: '2025-11-03', assignedAt: '2025-11-03T12:00:00Z', acknowledgedAt: '2025-11-04T10:00:00Z', responseSentAt: '2025-11-20T10:00:00Z' },
        { stage: 2, startedOn: '2026-04-20' },
      ],
      closedAt: '2025-12-01T10:00:00Z',
    });
    // Asking for stage 2 opened J again, which clears its closing time: the history says when it closed.
    await db.update(schema.complaints).set({ closedAt: null }).where(eq(schema.complaints.id, ids.J!));

    await addLearning({ level: 'team', team: 'CAR', serviceArea: 'NEC', complaint: 'A', sourceKind: 'complaint', status: 'in_progress', raisedAt: '2026-05-20T12:00:00Z' });
    await addLearning({ level: 'service_area', serviceArea: 'YAH', complaint: 'E', sourceKind: 'ombudsman_referral', status: 'open', raisedAt: '2026-06-12T10:00:00Z' });
    await addLearning({ level: 'national', complaint: 'F', sourceKind: 'complaint', status: 'done', raisedAt: '2026-06-20T10:00:00Z' });
    // 00:30 on 1 July in London: the next quarter's.
    await addLearning({ level: 'team', team: 'CAR', serviceArea: 'NEC', complaint: 'B', sourceKind: 'complaint', status: 'open', raisedAt: '2026-06-30T23:30:00Z' });
  });

  const report = (actor: string, scope: ReportScope, quarter = '2026-Q2') => quarterlyReport(deps, { actor: staff[actor]!, scope, quarter });
  const area = (code: string): ReportScope => ({ kind: 'service_area', serviceAreaId: ids[code]! });

  describe('for the whole organisation', () => {
    it('gives the quarter and the four quarters of its trends, and audits the reading', async () => {
      const r = await quarterlyReport(deps, { actor: staff.national!, scope: { kind: 'organisation' }, quarter: '2026-Q2', requestId: 'request-1' });
      expect(r).toMatchObject({ quarter: '2026-Q2', firstDay: '2026-04-01', lastDay: '2026-06-30', trendQuarters: ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'] });
      const audited = await queryRows<{ action: string; subject: string; request_id: string }>(
        db,
        sql`select action, subject, request_id from audit_log where staff_id = ${staff.national!.id} and request_id = 'request-1'`,
      );
      expect(audited).toEqual([{ action: 'report.viewed', subject: 'quarterly_report:2026-Q2:organisation', request_id: 'request-1' }]);
    });

    it('counts throughput by kind, channel and stage', async () => {
      const { throughput } = await report('national', { kind: 'organisation' });
      expect(throughput.rows).toEqual([
        { kind: 'complaint', channel: 'email', stage: 1, received: 1, acknowledgedWithinWorkingDay: 1, passedWithinWorkingDay: 0, answered: 0, closed: 0, openAtEnd: 1 },
        { kind: 'complaint', channel: 'letter', stage: 1, received: 1, acknowledgedWithinWorkingDay: 0, passedWithinWorkingDay: 0, answered: 1, closed: 0, openAtEnd: 0 },
        { kind: 'complaint', channel: 'letter', stage: 2, received: 1, acknowledgedWithinWorkingDay: 1, passedWithinWorkingDay: 1, answered: 0, closed: 0, openAtEnd: 1 },
        { kind: 'complaint', channel: 'online', stage: 1, received: 3, acknowledgedWithinWorkingDay: 2, passedWithinWorkingDay: 2, answered: 2, closed: 2, openAtEnd: 1 },
        // J's review, asked for after it was closed last year: open, whatever its stage 1 was.
        { kind: 'complaint', channel: 'phone', stage: 2, received: 1, acknowledgedWithinWorkingDay: 0, passedWithinWorkingDay: 0, answered: 0, closed: 0, openAtEnd: 1 },
        { kind: 'compliment', channel: 'phone', stage: 1, received: 1, acknowledgedWithinWorkingDay: 0, passedWithinWorkingDay: 0, answered: 0, closed: 0, openAtEnd: 0 },
      ]);
      expect(throughput.total).toEqual({ received: 8, acknowledgedWithinWorkingDay: 4, passedWithinWorkingDay: 3, answered: 3, closed: 2, openAtEnd: 4 });
      // Of the seven owed a reply (not the compliment): 4 and 3.
      expect(throughput.acknowledgedWithinWorkingDayShare).toBe(0.57);
      expect(throughput.passedWithinWorkingDayShare).toBe(0.43);
    });

    it('counts a complaint closed in a quarter as closed, and not open at the end of it or the next, though its review was asked for later', async () => {
      const phone = (r: QuarterlyReport) => r.throughput.rows.filter((row) => row.kind === 'complaint' && row.channel === 'phone');
      // J: received, answered and closed at stage 1 in 2025-Q4; its review asked for in April 2026.
      expect(phone(await report('national', { kind: 'organisation' }, '2025-Q4'))).toEqual([
        expect.objectContaining({ stage: 1, received: 1, answered: 1, closed: 1, openAtEnd: 0 }),
      ]);
      expect(phone(await report('national', { kind: 'organisation' }, '2026-Q1'))).toEqual([]);
      expect(phone(await report('national', area('YAH'), '2026-Q1'))).toEqual([]);
    });

    it('gives each team its share on time, median and 90th percentile working days, extensions and pauses', async () => {
      const { timescales } = await report('national', { kind: 'organisation' });
      expect(timescales.teams).toEqual([
        { teamId: ids.CAR, teamName: 'Carlisle', stage: 1, answered: 2, onTime: 1, onTimeShare: 0.5, medianWorkingDays: 18.5, percentile90WorkingDays: 20.5, extended: 1, paused: 1, pausedWorkingDays: 3 },
        { teamId: ids.LEE, teamName: 'Leeds', stage: 1, answered: 1, onTime: 0, onTimeShare: 0, medianWorkingDays: 54, percentile90WorkingDays: 54, extended: 0, paused: 0, pausedWorkingDays: 0 },
      ]);
      expect(timescales.overall).toEqual([
        { teamId: null, teamName: null, stage: 1, answered: 3, onTime: 1, onTimeShare: 0.33, medianWorkingDays: 21, percentile90WorkingDays: 47.4, extended: 1, paused: 1, pausedWorkingDays: 3 },
      ]);
    });

    it('counts working days as the domain does: the same days, the same median and percentile', async () => {
      const taken = [
        workingDaysTaken('2026-04-02', '2026-05-07', 0, calendar),
        workingDaysTaken('2026-04-11', '2026-05-11', 3, calendar),
        workingDaysTaken('2026-01-15', '2026-04-01', 0, calendar),
      ];
      expect(taken).toEqual([21, 16, 54]);
      const { timescales } = await report('national', { kind: 'organisation' });
      expect(timescales.overall[0]).toMatchObject({ medianWorkingDays: median(taken), percentile90WorkingDays: percentile(taken, 0.9) });
    });

    it('agrees with the rules of the domain applied to each stage one by one', async () => {
      const { firstDay, lastDay, start, end } = { ...quarterDays({ year: 2026, quarter: 2 }), ...quarterBounds({ year: 2026, quarter: 2 }) };
      const on = (at: string | undefined) => (at ? londonDateOf(new Date(at)) : null);
      const within = (at: string | undefined) => at !== undefined && new Date(at) >= start && new Date(at) < end;
      const owed = written.filter((c) => (c.kind ?? 'complaint') !== 'compliment').flatMap((c) => c.stages);
      const received = owed.filter((s) => s.startedOn >= firstDay && s.startedOn <= lastDay);
      const answered = written.flatMap((c) => c.stages).filter((s) => within(s.responseSentAt));
      const dueOn = (s: StageSpec) => {
        const dates = stageDueDates(s.stage, s.startedOn, DEFAULT_TIMESCALES, calendar);
        return s.extension?.dueOn ?? (s.pause ? dueAfterPause(dates.responseDueOn, s.pause.from, s.pause.to, calendar).dueOn : dates.responseDueOn);
      };
      const expected = {
        acknowledged: received.filter((s) => acknowledgedWithinWorkingDay(s.startedOn, on(s.acknowledgedAt), calendar)).length,
        passed: received.filter((s) => passedWithinWorkingDay(on(s.assignedAt), stageDueDates(s.stage, s.startedOn, DEFAULT_TIMESCALES, calendar).passToManagerDueOn)).length,
        answered: answered.length,
        onTime: answered.filter((s) => answeredOnTime(on(s.responseSentAt)!, dueOn(s))).length,
      };
      const r = await report('national', { kind: 'organisation' });
      const owedRows = r.throughput.rows.filter((row) => row.kind !== 'compliment');
      expect({
        acknowledged: owedRows.reduce((n, row) => n + row.acknowledgedWithinWorkingDay, 0),
        passed: owedRows.reduce((n, row) => n + row.passedWithinWorkingDay, 0),
        answered: r.throughput.total.answered,
        onTime: r.timescales.overall.reduce((n, row) => n + row.onTime, 0),
      }).toEqual(expected);
      expect(expected).toEqual({ acknowledged: 4, passed: 3, answered: 3, onTime: 1 });
    });

    it('counts what is complained about over four quarters, and the decision on each point answered', async () => {
      const { complainedAbout } = await report('national', { kind: 'organisation' });
      expect(complainedAbout.categories).toEqual([
        { quarter: '2025-Q3', categoryKey: 'delay', points: 1 },
        { quarter: '2025-Q4', categoryKey: 'communication', points: 1 },
        { quarter: '2026-Q1', categoryKey: 'other', points: 1 },
        { quarter: '2026-Q2', categoryKey: 'communication', points: 2 },
        { quarter: '2026-Q2', categoryKey: 'conduct', points: 1 },
        { quarter: '2026-Q2', categoryKey: 'delay', points: 2 },
        { quarter: '2026-Q2', categoryKey: 'discrimination', points: 1 },
        { quarter: '2026-Q2', categoryKey: 'quality_of_work', points: 1 },
        { quarter: '2026-Q2', categoryKey: null, points: 1 },
      ]);
      expect(complainedAbout.decisions).toEqual([
        { stage: 1, categoryKey: 'communication', decision: 'not_upheld', points: 1 },
        { stage: 1, categoryKey: 'communication', decision: 'upheld', points: 1 },
        { stage: 1, categoryKey: 'conduct', decision: 'court_matter', points: 1 },
        { stage: 1, categoryKey: 'delay', decision: 'partly_upheld', points: 1 },
        { stage: 1, categoryKey: 'other', decision: 'upheld', points: 1 },
      ]);
    });

    it('shows national office who is complained about, with the management review grades', async () => {
      const { people } = await report('national', { kind: 'organisation' });
      expect(people).toEqual({
        practitioners: [
          { quarter: '2025-Q3', practitionerId: ids.BEA, practitionerName: 'Bea Dunn', teamId: ids.NEW, teamName: 'Newcastle', points: 1 },
          { quarter: '2025-Q4', practitionerId: ids.ALEX, practitionerName: 'Alex Carter', teamId: ids.CAR, teamName: 'Carlisle', points: 1 },
          { quarter: '2026-Q1', practitionerId: ids.CAL, practitionerName: 'Cal Evans', teamId: ids.LEE, teamName: 'Leeds', points: 1 },
          { quarter: '2026-Q2', practitionerId: ids.ALEX, practitionerName: 'Alex Carter', teamId: ids.CAR, teamName: 'Carlisle', points: 3 },
          { quarter: '2026-Q2', practitionerId: ids.BEA, practitionerName: 'Bea Dunn', teamId: ids.NEW, teamName: 'Newcastle', points: 1 },
          { quarter: '2026-Q2', practitionerId: ids.DEE, practitionerName: 'Dee Frost', teamId: ids.BRI, teamName: 'Brighton', points: 1 },
        ],
        teams: [
          { quarter: '2025-Q3', teamId: ids.NEW, teamName: 'Newcastle', complaints: 1 },
          { quarter: '2025-Q4', teamId: ids.CAR, teamName: 'Carlisle', complaints: 1 },
          { quarter: '2026-Q1', teamId: ids.LEE, teamName: 'Leeds', complaints: 1 },
          { quarter: '2026-Q2', teamId: ids.BRI, teamName: 'Brighton', complaints: 1 },
          { quarter: '2026-Q2', teamId: ids.CAR, teamName: 'Carlisle', complaints: 2 },
          { quarter: '2026-Q2', teamId: ids.NEW, teamName: 'Newcastle', complaints: 1 },
        ],
        reviewGrades: [
          { quarter: '2025-Q3', practitionerId: ids.BEA, practitionerName: 'Bea Dunn', teamId: ids.NEW, teamName: 'Newcastle', grade: 'outstanding', reviews: 1 },
          { quarter: '2025-Q4', practitionerId: ids.ALEX, practitionerName: 'Alex Carter', teamId: ids.CAR, teamName: 'Carlisle', grade: 'good', reviews: 1 },
          { quarter: '2026-Q2', practitionerId: ids.ALEX, practitionerName: 'Alex Carter', teamId: ids.CAR, teamName: 'Carlisle', grade: 'requires_improvement', reviews: 1 },
        ],
        gradeLabels: [
          { key: 'good', labelEn: 'Good', labelCy: 'Da' },
          { key: 'inadequate', labelEn: 'Inadequate', labelCy: 'Annigonol' },
          { key: 'outstanding', labelEn: 'Outstanding', labelCy: 'Rhagorol' },
          { key: 'requires_improvement', labelEn: 'Requires improvement', labelCy: 'Angen gwella' },
        ],
      });
    });

    it('counts learning, the survey and the Ombudsman', async () => {
      const { learningAndViews } = await report('national', { kind: 'organisation' });
      expect(learningAndViews).toEqual({
        learning: [
          { level: 'national', sourceKind: 'complaint', status: 'done', points: 1 },
          { level: 'service_area', sourceKind: 'ombudsman_referral', status: 'open', points: 1 },
          { level: 'team', sourceKind: 'complaint', status: 'in_progress', points: 1 },
        ],
        surveysInvited: 2,
        surveysAnswered: 2,
        ratings: [
          { question: 'easy_to_complain', rating: '2', answers: 1 },
          { question: 'easy_to_complain', rating: '4', answers: 1 },
          { question: 'kept_informed', rating: '2', answers: 2 },
          { question: 'listened_to', rating: '3', answers: 1 },
          { question: 'on_time', rating: '5', answers: 1 },
        ],
        ombudsmanReferrals: [{ ombudsman: 'phso', referred: 1 }],
        ombudsmanFindings: [{ ombudsman: 'phso', finding: 'partly_upheld', findings: 1 }],
      });
    });
  });

  describe('for a service area, read by its Head of Service', () => {
    it('counts only the area', async () => {
      const r = await report('headNec', area('NEC'));
      expect(r.throughput.rows).toEqual([
        { kind: 'complaint', channel: 'email', stage: 1, received: 1, acknowledgedWithinWorkingDay: 1, passedWithinWorkingDay: 0, answered: 0, closed: 0, openAtEnd: 1 },
        { kind: 'complaint', channel: 'letter', stage: 1, received: 1, acknowledgedWithinWorkingDay: 0, passedWithinWorkingDay: 0, answered: 1, closed: 0, openAtEnd: 0 },
        { kind: 'complaint', channel: 'letter', stage: 2, received: 1, acknowledgedWithinWorkingDay: 1, passedWithinWorkingDay: 1, answered: 0, closed: 0, openAtEnd: 1 },
        { kind: 'complaint', channel: 'online', stage: 1, received: 1, acknowledgedWithinWorkingDay: 1, passedWithinWorkingDay: 1, answered: 1, closed: 1, openAtEnd: 0 },
        { kind: 'compliment', channel: 'phone', stage: 1, received: 1, acknowledgedWithinWorkingDay: 0, passedWithinWorkingDay: 0, answered: 0, closed: 0, openAtEnd: 0 },
      ]);
      expect(r.throughput.total).toEqual({ received: 5, acknowledgedWithinWorkingDay: 3, passedWithinWorkingDay: 2, answered: 2, closed: 1, openAtEnd: 2 });
      expect(r.throughput.acknowledgedWithinWorkingDayShare).toBe(0.75);
      expect(r.throughput.passedWithinWorkingDayShare).toBe(0.5);
      expect(r.timescales.teams).toEqual([
        { teamId: ids.CAR, teamName: 'Carlisle', stage: 1, answered: 2, onTime: 1, onTimeShare: 0.5, medianWorkingDays: 18.5, percentile90WorkingDays: 20.5, extended: 1, paused: 1, pausedWorkingDays: 3 },
      ]);
      expect(r.timescales.overall).toEqual([
        { teamId: null, teamName: null, stage: 1, answered: 2, onTime: 1, onTimeShare: 0.5, medianWorkingDays: 18.5, percentile90WorkingDays: 20.5, extended: 1, paused: 1, pausedWorkingDays: 3 },
      ]);
      expect(r.complainedAbout.categories).toEqual([
        { quarter: '2025-Q3', categoryKey: 'delay', points: 1 },
        { quarter: '2025-Q4', categoryKey: 'communication', points: 1 },
        { quarter: '2026-Q2', categoryKey: 'communication', points: 2 },
        { quarter: '2026-Q2', categoryKey: 'conduct', points: 1 },
        { quarter: '2026-Q2', categoryKey: 'delay', points: 2 },
        { quarter: '2026-Q2', categoryKey: 'quality_of_work', points: 1 },
      ]);
      expect(r.complainedAbout.decisions).toEqual([
        { stage: 1, categoryKey: 'communication', decision: 'not_upheld', points: 1 },
        { stage: 1, categoryKey: 'communication', decision: 'upheld', points: 1 },
        { stage: 1, categoryKey: 'conduct', decision: 'court_matter', points: 1 },
        { stage: 1, categoryKey: 'delay', decision: 'partly_upheld', points: 1 },
      ]);
      expect(r.people).toEqual({
        practitioners: [
          { quarter: '2025-Q3', practitionerId: ids.BEA, practitionerName: 'Bea Dunn', teamId: ids.NEW, teamName: 'Newcastle', points: 1 },
          { quarter: '2025-Q4', practitionerId: ids.ALEX, practitionerName: 'Alex Carter', teamId: ids.CAR, teamName: 'Carlisle', points: 1 },
          { quarter: '2026-Q2', practitionerId: ids.ALEX, practitionerName: 'Alex Carter', teamId: ids.CAR, teamName: 'Carlisle', points: 3 },
          { quarter: '2026-Q2', practitionerId: ids.BEA, practitionerName: 'Bea Dunn', teamId: ids.NEW, teamName: 'Newcastle', points: 1 },
        ],
        teams: [
          { quarter: '2025-Q3', teamId: ids.NEW, teamName: 'Newcastle', complaints: 1 },
          { quarter: '2025-Q4', teamId: ids.CAR, teamName: 'Carlisle', complaints: 1 },
          { quarter: '2026-Q2', teamId: ids.CAR, teamName: 'Carlisle', complaints: 2 },
          { quarter: '2026-Q2', teamId: ids.NEW, teamName: 'Newcastle', complaints: 1 },
        ],
        reviewGrades: [
          { quarter: '2025-Q3', practitionerId: ids.BEA, practitionerName: 'Bea Dunn', teamId: ids.NEW, teamName: 'Newcastle', grade: 'outstanding', reviews: 1 },
          { quarter: '2025-Q4', practitionerId: ids.ALEX, practitionerName: 'Alex Carter', teamId: ids.CAR, teamName: 'Carlisle', grade: 'good', reviews: 1 },
          { quarter: '2026-Q2', practitionerId: ids.ALEX, practitionerName: 'Alex Carter', teamId: ids.CAR, teamName: 'Carlisle', grade: 'requires_improvement', reviews: 1 },
        ],
        gradeLabels: [
          { key: 'good', labelEn: 'Good', labelCy: 'Da' },
          { key: 'inadequate', labelEn: 'Inadequate', labelCy: 'Annigonol' },
          { key: 'outstanding', labelEn: 'Outstanding', labelCy: 'Rhagorol' },
          { key: 'requires_improvement', labelEn: 'Requires improvement', labelCy: 'Angen gwella' },
        ],
      });
      expect(r.learningAndViews).toEqual({
        learning: [{ level: 'team', sourceKind: 'complaint', status: 'in_progress', points: 1 }],
        surveysInvited: 1,
        surveysAnswered: 2,
        ratings: [
          { question: 'easy_to_complain', rating: '2', answers: 1 },
          { question: 'easy_to_complain', rating: '4', answers: 1 },
          { question: 'kept_informed', rating: '2', answers: 2 },
          { question: 'listened_to', rating: '3', answers: 1 },
          { question: 'on_time', rating: '5', answers: 1 },
        ],
        ombudsmanReferrals: [],
        ombudsmanFindings: [],
      });
    });

    it('is refused for another service area, a business area or the organisation', async () => {
      for (const scope of [area('YAH'), { kind: 'business_area', businessAreaId: ids.NORTH! } as const, { kind: 'organisation' } as const]) {
        await expect(report('headNec', scope)).rejects.toMatchObject({ name: 'Refusal', code: 'not_allowed' });
      }
    });
  });

  describe('for a business area, read by its CSQ manager', () => {
    it('counts the area and leaves out who is complained about', async () => {
      const r = await report('csqNorth', { kind: 'business_area', businessAreaId: ids.NORTH! });
      expect(r.throughput.rows.find((row) => row.channel === 'online')).toEqual({
        kind: 'complaint', channel: 'online', stage: 1, received: 1, acknowledgedWithinWorkingDay: 1, passedWithinWorkingDay: 1, answered: 2, closed: 2, openAtEnd: 0,
      });
      expect(r.throughput.total).toEqual({ received: 6, acknowledgedWithinWorkingDay: 3, passedWithinWorkingDay: 2, answered: 3, closed: 2, openAtEnd: 3 });
      expect(r.timescales.teams.map((t) => [t.teamName, t.answered, t.onTime, t.medianWorkingDays])).toEqual([
        ['Carlisle', 2, 1, 18.5],
        ['Leeds', 1, 0, 54],
      ]);
      expect(r.timescales.overall).toEqual([
        { teamId: null, teamName: null, stage: 1, answered: 3, onTime: 1, onTimeShare: 0.33, medianWorkingDays: 21, percentile90WorkingDays: 47.4, extended: 1, paused: 1, pausedWorkingDays: 3 },
      ]);
      expect(r.people).toBeNull();
      expect(r.learningAndViews.learning).toEqual([
        { level: 'service_area', sourceKind: 'ombudsman_referral', status: 'open', points: 1 },
        { level: 'team', sourceKind: 'complaint', status: 'in_progress', points: 1 },
      ]);
      expect(r.learningAndViews.ombudsmanReferrals).toEqual([{ ombudsman: 'phso', referred: 1 }]);
      expect(r.learningAndViews.ombudsmanFindings).toEqual([{ ombudsman: 'phso', finding: 'partly_upheld', findings: 1 }]);
    });

    it('reads its service areas too, but not another business area or the organisation', async () => {
      expect((await report('csqNorth', area('NEC'))).people).toBeNull();
      await expect(report('csqSouth', { kind: 'business_area', businessAreaId: ids.NORTH! })).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(report('csqSouth', area('NEC'))).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(report('csqNorth', { kind: 'organisation' })).rejects.toMatchObject({ code: 'not_allowed' });
    });
  });

  describe('refusals', () => {
    it('a responding manager and a CSQ administrator get no report at all', async () => {
      await expect(report('manager', area('NEC'))).rejects.toMatchObject({ name: 'Refusal', code: 'not_allowed' });
      await expect(report('adminNorth', { kind: 'business_area', businessAreaId: ids.NORTH! })).rejects.toMatchObject({ code: 'not_allowed' });
    });

    it('a quarter that is not one, and an area that does not exist', async () => {
      await expect(report('national', { kind: 'organisation' }, '2026-Q5')).rejects.toMatchObject({ code: 'invalid_input', problems: [{ field: 'quarter', message: 'quarter.invalid' }] });
      await expect(report('national', { kind: 'service_area', serviceAreaId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(report('national', { kind: 'business_area', businessAreaId: 'not-an-id' })).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('the scopes offered', () => {
    const scopesOf = async (actor: string) => (await reportScopes(deps, { actor: staff[actor]! })).map((choice) => choice.scope);
    const businessArea = (code: string): ReportScope => ({ kind: 'business_area', businessAreaId: ids[code]! });

    it('are the ones each person may read, widest first', async () => {
      expect(await scopesOf('headNec')).toEqual([area('NEC')]);
      const north = await scopesOf('csqNorth');
      expect(north[0]).toEqual(businessArea('NORTH'));
      expect(north.slice(1)).toHaveLength(2);
      expect(north.slice(1)).toEqual(expect.arrayContaining([area('NEC'), area('YAH')]));
      const everything = await scopesOf('national');
      expect(everything[0]).toEqual({ kind: 'organisation' });
      expect(everything).toEqual(expect.arrayContaining([businessArea('NORTH'), businessArea('SOUTH'), area('NEC'), area('YAH'), area('SEA')]));
      const lastBusinessArea = everything.map((s) => s.kind).lastIndexOf('business_area');
      const firstServiceArea = everything.map((s) => s.kind).indexOf('service_area');
      expect(lastBusinessArea).toBeLessThan(firstServiceArea);
      for (const actor of ['headNec', 'csqNorth']) {
        for (const scope of await scopesOf(actor)) await expect(report(actor, scope)).resolves.toMatchObject({ quarter: '2026-Q2' });
      }
    });

    it('are none for a responding manager or a CSQ administrator, who are refused', async () => {
      await expect(scopesOf('manager')).rejects.toMatchObject({ name: 'Refusal', code: 'not_allowed' });
      await expect(scopesOf('adminNorth')).rejects.toMatchObject({ name: 'Refusal', code: 'not_allowed' });
    });
  });

  describe('as CSV', () => {
    const csvLines = async (actor: string, scope: ReportScope, requestId: string) =>
      (await quarterlyReportCsv(deps, { actor: staff[actor]!, scope, quarter: '2026-Q2', requestId })).csv.split('\r\n');

    it('gives one figure a line, the same figures as the report, and audits the download', async () => {
      const lines = await csvLines('headNec', area('NEC'), 'request-csv-1');
      const figures = await report('headNec', area('NEC'));
      expect(lines[0]).toBe('section,quarter,group,measure,value');
      expect(lines.at(-1)).toBe('');
      expect(lines).toContain(`throughput,2026-Q2,,received,${figures.throughput.total.received}`);
      expect(lines).toContain(`throughput,2026-Q2,,openAtEnd,${figures.throughput.total.openAtEnd}`);
      expect(lines).toContain(`survey,2026-Q2,,invited,${figures.learningAndViews.surveysInvited}`);
      const overall = figures.timescales.overall.find((row) => row.stage === 1)!;
      expect(lines).toContain(`timescales,2026-Q2,stage=1,answered,${overall.answered}`);
      expect(lines.filter((line) => line.startsWith('practitioners,'))).toHaveLength(figures.people!.practitioners.length);
      expect(figures.people!.practitioners.length).toBeGreaterThan(0);
      const audited = await queryRows<{ action: string; subject: string }>(db, sql`select action, subject from audit_log where request_id = 'request-csv-1'`);
      expect(audited).toEqual([{ action: 'report.downloaded', subject: `quarterly_report:2026-Q2:service_area:${ids.NEC}` }]);
    });

    it('leaves out who is complained about for a CSQ manager, and is refused where the page is', async () => {
      const lines = await csvLines('csqNorth', { kind: 'business_area', businessAreaId: ids.NORTH! }, 'request-csv-2');
      expect(lines.some((line) => line.startsWith('throughput,'))).toBe(true);
      expect(lines.filter((line) => /^(practitioners|teams|review_grades),/.test(line))).toEqual([]);
      await expect(csvLines('manager', area('NEC'), 'request-csv-3')).rejects.toMatchObject({ name: 'Refusal', code: 'not_allowed' });
      await expect(csvLines('headNec', { kind: 'organisation' }, 'request-csv-4')).rejects.toMatchObject({ code: 'not_allowed' });
    });
  });

  describe('as PDF', () => {
    const squash = (text: string) => text.replace(/\s+/g, '');
    const pdfOf = async (actor: string, scope: ReportScope, requestId: string, language: 'en' | 'cy' = 'en', quarter = '2026-Q2') =>
      quarterlyReportPdf(deps, { actor: staff[actor]!, scope, quarter, language, requestId });

    it('prints every section, chart, table and sentence of the page, read back with the same figures, and audits the download', { timeout: 60_000 }, async () => {
      const { pdf, quarter, title } = await pdfOf('headNec', area('NEC'), 'request-pdf-1');
      expect(quarter).toBe('2026-Q2');
      const read = await extractPdfText(pdf);
      expect(read.title).toBe(title);
      expect(title).toMatch(/^Quarterly report: Quarter 2 of 2026, Service area: /);
      expect(read.language).toBe('en-GB');
      const text = squash(read.text);
      const words = quarterlyReportWords(await report('headNec', area('NEC')), { language: 'en', scopeName: '' });
      expect(words.sections.map((s) => s.heading)).toContain('Who is complained about');
      let rows = 0;
      for (const section of words.sections) {
        expect(text).toContain(squash(section.heading));
        for (const chart of section.charts) {
          expect(text).toContain(squash(chart.table.caption));
          if (chart.table.rows.length === 0) {
            expect(text).toContain(squash(`${chart.table.caption}${chart.empty}`));
            continue;
          }
          if (chart.summary) expect(text).toContain(squash(chart.summary));
          expect(text).toContain(squash(chart.table.columns.map((c) => c.header).join('')));
          // Each row of each table, its cells in order: the same figures as the page's tables.
          for (const row of chart.table.rows) {
            expect(text).toContain(squash(chart.table.columns.map((c) => row[c.key]).join('')));
            rows += 1;
          }
        }
      }
      expect(rows).toBeGreaterThan(30);
      const figures = await report('headNec', area('NEC'));
      expect(text).toContain(squash(`Received${figures.throughput.total.received}`));
      const audited = await queryRows<{ action: string; subject: string }>(db, sql`select action, subject from audit_log where request_id = 'request-pdf-1'`);
      expect(audited).toEqual([{ action: 'report.downloaded', subject: `quarterly_report:2026-Q2:service_area:${ids.NEC}` }]);
    });

    it('is in Welsh when asked, its title and language set', { timeout: 60_000 }, async () => {
      const { pdf } = await pdfOf('national', { kind: 'organisation' }, 'request-pdf-2', 'cy');
      const read = await extractPdfText(pdf);
      expect(read.language).toBe('cy-GB');
      expect(read.title).toBe('Adroddiad chwarterol: Chwarter 2 2026, Y sefydliad cyfan');
      const text = squash(read.text);
      for (const heading of ['Am beth y cwynir', 'Am bwy y cwynir']) expect(text).toContain(squash(heading));
    });

    it('leaves out who is complained about for a CSQ manager, and is refused where the page is', { timeout: 60_000 }, async () => {
      const { pdf } = await pdfOf('csqNorth', { kind: 'business_area', businessAreaId: ids.NORTH! }, 'request-pdf-3');
      const text = squash((await extractPdfText(pdf)).text);
      expect(text).toContain(squash('What is complained about'));
      expect(text).not.toContain(squash('Who is complained about'));
      expect(text).not.toContain(squash('Points about each practitioner'));
      await expect(pdfOf('manager', area('NEC'), 'request-pdf-4')).rejects.toMatchObject({ name: 'Refusal', code: 'not_allowed' });
      await expect(pdfOf('headNec', { kind: 'organisation' }, 'request-pdf-5')).rejects.toMatchObject({ code: 'not_allowed' });
      await expect(pdfOf('national', { kind: 'service_area', serviceAreaId: 'nowhere' }, 'request-pdf-6')).rejects.toMatchObject({ code: 'not_found' });
      await expect(pdfOf('national', { kind: 'organisation' }, 'request-pdf-7', 'en', '2026-Q9')).rejects.toMatchObject({ code: 'invalid_input' });
      const audited = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where request_id in ('request-pdf-4', 'request-pdf-5', 'request-pdf-6', 'request-pdf-7')`);
      expect(audited).toEqual([{ n: 0 }]);
    });
  });

  it('an earlier quarter has its own figures: 2026-Q1 answered nothing in London time', async () => {
    const r = await report('national', { kind: 'organisation' }, '2026-Q1');
    // E was answered at 23:30 GMT on 31 March, which is 1 April in London.
    expect(r.timescales.overall).toEqual([]);
    expect(r.throughput.total).toEqual({ received: 1, acknowledgedWithinWorkingDay: 1, passedWithinWorkingDay: 1, answered: 0, closed: 1, openAtEnd: 1 });
  });
});
