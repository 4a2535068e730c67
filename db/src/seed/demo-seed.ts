import { createHash } from 'node:crypto';
import {
  type Audience,
  type Channel,
  type Clock,
  type ComplainantRole,
  type ComplaintState,
  type ContactMethod,
  type FeedbackKind,
  type IsoDate,
  type Language,
  MOVES,
  type RoleKey,
  type Stage,
  createWorkingDayCalendar,
  currentDueOn,
  DEFAULT_TIMESCALES,
  generateReference,
  londonDateOf,
  stageDueDates,
} from '@complaints/domain';
import { count, eq, sql } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../client';
import { appendComplaintEvents, type NewComplaintEvent } from '../repositories/complaint-history';
import {
  businessAreas,
  complainants,
  complaintPoints,
  complaints,
  complaintStages,
  practitioners,
  serviceAreas,
  staff,
  teams,
} from '../schema/index';
import {
  ADULT_POINTS_CY,
  ADULT_POINTS_EN,
  CHILD_NAMES,
  CHILD_POINTS_CY,
  CHILD_POINTS_EN,
  COMPLAINANT_NAMES,
  DESIRED_OUTCOMES_CHILD_CY,
  DESIRED_OUTCOMES_CHILD_EN,
  DESIRED_OUTCOMES_CY,
  DESIRED_OUTCOMES_EN,
  type DemoPoint,
} from './demo-content';
import {
  DEMO_BUSINESS_AREAS,
  DEMO_PRACTITIONERS,
  DEMO_STAFF,
  TEAM_NAMES_CY,
  demoEmail,
} from './demo-organisation';
import { seedReferenceData } from './reference-data';

/** Every demo account signs in with this password. Demo accounts are refused in production. */
export const DEMO_PASSWORD = 'demo-complaints-2026';

/** A demo account's second-factor secret, derived from its address so a newcomer can compute codes. */
export function demoTotpKey(email: string): Uint8Array {
  return new Uint8Array(createHash('sha1').update(`demo-second-factor:${email}`).digest());
}

export type SeedSummary = {
  businessAreas: number;
  staff: Array<{ email: string; fullName: string; role: RoleKey; secondFactor: boolean }>;
  complaints: number;
  /**
   * Complaints seeded as logged and assigned that the demo shows further on: the services take
   * each on to its state by the lifecycle's own moves, so its letters and history are real.
   */
  toAdvance: DemoCase[];
};

/** A demo complaint to be taken on to a state, with who works on it. */
export type DemoCase = {
  complaintId: string;
  state: ComplaintState;
  stage: Stage;
  language: Language;
  receivedAt: Date;
  administratorId: string;
  managerId: string;
  reviewerId: string;
  csqManagerId: string;
};

/** A small seeded generator so the demo data is the same on every machine (mulberry32). */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    bytes: (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)),
  };
}

type Spec = { state: ComplaintState; stage: Stage; kind?: FeedbackKind };

/** Every state at both stages, weighted like a real caseload. */
const SPECS: Spec[] = [
  ...Array.from({ length: 5 }, () => ({ state: 'received' as const, stage: 1 as const })),
  ...Array.from({ length: 4 }, () => ({ state: 'logged' as const, stage: 1 as const })),
  ...Array.from({ length: 5 }, () => ({ state: 'acknowledged' as const, stage: 1 as const })),
  ...Array.from({ length: 10 }, () => ({ state: 'investigating' as const, stage: 1 as const })),
  ...Array.from({ length: 4 }, () => ({ state: 'response_drafted' as const, stage: 1 as const })),
  ...Array.from({ length: 4 }, () => ({ state: 'in_quality_assurance' as const, stage: 1 as const })),
  ...Array.from({ length: 5 }, () => ({ state: 'response_sent' as const, stage: 1 as const })),
  ...Array.from({ length: 7 }, () => ({ state: 'closed' as const, stage: 1 as const })),
  ...Array.from({ length: 2 }, () => ({ state: 'withdrawn' as const, stage: 1 as const })),
  ...Array.from({ length: 2 }, () => ({ state: 'received' as const, stage: 2 as const })),
  ...Array.from({ length: 2 }, () => ({ state: 'acknowledged' as const, stage: 2 as const })),
  ...Array.from({ length: 3 }, () => ({ state: 'investigating' as const, stage: 2 as const })),
  { state: 'in_quality_assurance', stage: 2 },
  { state: 'response_sent', stage: 2 },
  { state: 'closed', stage: 2 },
  ...Array.from({ length: 2 }, () => ({ state: 'with_ombudsman' as const, stage: 2 as const })),
  { state: 'logged', stage: 1, kind: 'compliment' },
  { state: 'logged', stage: 1, kind: 'compliment' },
  { state: 'received', stage: 1, kind: 'feedback' },
  { state: 'logged', stage: 1, kind: 'correspondence' },
];

export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(businessAreas);
  return (row?.n ?? 0) === 0;
}

/**
 * Seeds the demo organisation, staff and about sixty complaints into an empty database, in one
 * transaction. Dates are relative to the clock, so some complaints are always overdue and some due
 * this week. Each complaint is written as received, or logged, triaged and assigned, with the
 * events of those moves; the rest of the way is for the services to take it (`toAdvance`).
 * Returns null when the database already had data.
 */
export async function seedDemoDataIfEmpty(
  db: Database,
  options: { clock: Clock; passwordHash: string },
): Promise<SeedSummary | null> {
  await seedReferenceData(db);
  return db.transaction(async (tx) => {
    // Several instances may start at once on one empty database: one seeds, the others wait and see data.
    await tx.execute(sql`select pg_advisory_xact_lock(724310992)`);
    if (!(await isDatabaseEmpty(tx))) return null;
    return seedDemoData(tx, options);
  });
}

async function seedDemoData(tx: Transaction, options: { clock: Clock; passwordHash: string }): Promise<SeedSummary> {
  const random = seededRandom(20081205);
  const calendar = createWorkingDayCalendar();
  const now = options.clock.now();
  const today = londonDateOf(now);

  // Organisation.
  const areaIds = new Map<string, string>();
  const serviceAreaIds = new Map<string, string>();
  const teamIds = new Map<string, string>();
  const teamServiceArea = new Map<string, string>();
  const serviceAreaBusinessArea = new Map<string, string>();
  for (const area of DEMO_BUSINESS_AREAS) {
    const [ba] = await tx
      .insert(businessAreas)
      .values({ code: area.code, nameEn: area.nameEn, nameCy: area.nameCy, email: area.email, phone: area.phone, postalAddress: `Complaints, ${area.nameEn} business area, PO Box ${100 + areaIds.size}, Coventry CV1 9ZZ` })
      .returning({ id: businessAreas.id });
    areaIds.set(area.code, ba!.id);
    for (const sa of area.serviceAreas) {
      const [row] = await tx
        .insert(serviceAreas)
        .values({ businessAreaId: ba!.id, code: sa.code, nameEn: sa.nameEn, nameCy: sa.nameCy, nation: sa.nation })
        .returning({ id: serviceAreas.id });
      serviceAreaIds.set(sa.code, row!.id);
      serviceAreaBusinessArea.set(sa.code, area.code);
      for (const name of sa.teams) {
        const code = `${sa.code}-${name.replace(/[^A-Za-z]/g, '').slice(0, 8).toUpperCase()}`;
        const [team] = await tx
          .insert(teams)
          .values({
            serviceAreaId: row!.id,
            code,
            nameEn: name,
            nameCy: TEAM_NAMES_CY[name] ?? name,
            email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
            phone: `0300 123 ${String(5000 + teamIds.size * 11).padStart(4, '0')}`,
            postalAddress: `${name} office, 1 Court Street, ${name}`,
          })
          .returning({ id: teams.id });
        teamIds.set(name, team!.id);
        teamServiceArea.set(name, sa.code);
      }
    }
  }

  // Staff.
  const staffByRole = new Map<RoleKey, Array<{ id: string; businessArea?: string; serviceArea?: string; team?: string }>>();
  const summaryStaff: SeedSummary['staff'] = [];
  for (const person of DEMO_STAFF) {
    const email = demoEmail(person.fullName);
    const serviceArea = person.serviceArea ?? (person.team ? teamServiceArea.get(person.team) : undefined);
    const businessArea = person.businessArea ?? (serviceArea ? serviceAreaBusinessArea.get(serviceArea) : undefined);
    const [row] = await tx
      .insert(staff)
      .values({
        email,
        fullName: person.fullName,
        jobTitle: person.jobTitle,
        phone: `0300 123 ${String(6000 + summaryStaff.length * 7).padStart(4, '0')}`,
        roleKey: person.role,
        businessAreaId: businessArea ? areaIds.get(businessArea) : null,
        serviceAreaId: serviceArea ? serviceAreaIds.get(serviceArea) : null,
        teamId: person.team ? teamIds.get(person.team) : null,
        passwordHash: options.passwordHash,
        passwordChangedAt: now,
        // Everyone signs in with a second factor; a demo account's secret is derived from its address.
        totpKey: demoTotpKey(email),
        totpEnabledAt: now,
        isDemo: true,
      })
      .returning({ id: staff.id });
    const list = staffByRole.get(person.role) ?? [];
    list.push({ id: row!.id, ...(businessArea ? { businessArea } : {}), ...(serviceArea ? { serviceArea } : {}), ...(person.team ? { team: person.team } : {}) });
    staffByRole.set(person.role, list);
    summaryStaff.push({ email, fullName: person.fullName, role: person.role, secondFactor: true });
  }
  for (const admin of staffByRole.get('csq_administrator') ?? []) {
    await tx.update(businessAreas).set({ csqAdministratorId: admin.id }).where(eq(businessAreas.id, areaIds.get(admin.businessArea!)!));
  }
  for (const head of staffByRole.get('head_of_service') ?? []) {
    await tx.update(serviceAreas).set({ headOfServiceId: head.id }).where(eq(serviceAreas.id, serviceAreaIds.get(head.serviceArea!)!));
  }

  // Practitioners.
  const practitionerRows: Array<{ id: string; fullName: string; team: string }> = [];
  for (const [team, names] of Object.entries(DEMO_PRACTITIONERS)) {
    for (const fullName of names) {
      const [row] = await tx.insert(practitioners).values({ fullName, teamId: teamIds.get(team)! }).returning({ id: practitioners.id });
      practitionerRows.push({ id: row!.id, fullName, team });
    }
  }

  // Complaints.
  const managers = staffByRole.get('responding_manager') ?? [];
  const csqManagers = staffByRole.get('csq_manager') ?? [];
  const admins = staffByRole.get('csq_administrator') ?? [];
  let complaintCount = 0;
  const toAdvance: DemoCase[] = [];
  for (const [index, spec] of SPECS.entries()) {
    const practitioner = practitionerRows[(index * 7) % practitionerRows.length]!;
    const serviceAreaCode = teamServiceArea.get(practitioner.team)!;
    const businessAreaCode = serviceAreaBusinessArea.get(serviceAreaCode)!;
    const inWales = serviceAreaCode === 'WAL';
    const language: Language = inWales && index % 2 === 0 ? 'cy' : index % 9 === 4 ? 'cy' : 'en';
    const audience: Audience = index % 5 === 2 ? 'child' : 'adult';
    const kind: FeedbackKind = spec.kind ?? 'complaint';
    const channel: Channel = (['online', 'online', 'online', 'letter', 'email', 'phone'] as const)[index % 6]!;
    const manager = managers.find((m) => m.team === practitioner.team) ?? managers.find((m) => m.serviceArea === serviceAreaCode) ?? managers[index % managers.length]!;
    // The stage 2 reviewer is never the person who answered at stage 1, and is of the same business area.
    const businessAreaOf = (m: { team?: string }) => (m.team ? serviceAreaBusinessArea.get(teamServiceArea.get(m.team) ?? '') : undefined);
    const reviewer =
      managers.find((m) => m.id !== manager.id && m.team && teamServiceArea.get(m.team) === serviceAreaCode) ??
      managers.find((m) => m.id !== manager.id && businessAreaOf(m) === businessAreaCode) ??
      managers.find((m) => m.id !== manager.id)!;
    const csqManager = csqManagers.find((m) => m.businessArea === businessAreaCode) ?? csqManagers[0]!;
    const admin = admins.find((a) => a.businessArea === businessAreaCode) ?? admins[0]!;

    // How long ago it arrived: open complaints spread so that some are overdue and some due this week.
    const ageInWorkingDays = receivedAgo(spec, index);
    const receivedOn: IsoDate = calendar.addWorkingDays(today, -ageInWorkingDays);
    // Never in the future, even when the demo is seeded before the working day starts.
    const receivedAt = new Date(Math.min(londonInstant(receivedOn, 9 + (index % 7), (index * 13) % 60).getTime(), now.getTime() - 5 * 60_000));
    const stageOneDates = stageDueDates(1, receivedOn, DEFAULT_TIMESCALES, calendar);
    const reference = generateReference(random.bytes);
    const pointPool: DemoPoint[] =
      audience === 'child' ? (language === 'cy' ? CHILD_POINTS_CY : CHILD_POINTS_EN) : language === 'cy' ? ADULT_POINTS_CY : ADULT_POINTS_EN;
    const pointCount = kind === 'complaint' ? 1 + (index % 3) + (index % 7 === 0 ? 1 : 0) : 1;
    const points = Array.from({ length: Math.min(pointCount, pointPool.length) }, (_, i) => pointPool[(index + i * 3) % pointPool.length]!);
    // Only what is written here is in the history: received; or logged, triaged and assigned.
    const logged = !(spec.state === 'received' && spec.stage === 1);
    const assigned = logged && spec.state !== 'logged' && (kind === 'complaint' || kind === 'correspondence');
    const state: ComplaintState = logged ? 'logged' : 'received';
    const steps = spreadTimes(receivedAt, 3, now, spec.state === 'received' && spec.stage === 1 ? 'received' : 'logged');
    const loggedAt = logged ? steps[1]! : null;
    const assignedAt = assigned ? steps[2]! : null;
    const isChild = audience === 'child';
    const role: ComplainantRole = isChild ? (index % 2 === 0 ? 'child' : 'helping_child') : index % 11 === 3 ? 'professional' : index % 4 === 1 ? 'family_member' : 'parent_or_carer';
    const preferred: ContactMethod = index % 8 === 5 ? 'post' : index % 8 === 6 ? 'phone' : 'email';
    const name = isChild && role === 'child' ? CHILD_NAMES[index % CHILD_NAMES.length]! : COMPLAINANT_NAMES[index % COMPLAINANT_NAMES.length]!;

    const [created] = await tx
      .insert(complaints)
      .values({
        reference,
        kind,
        channel,
        audience,
        language,
        receivedAt,
        receivedOn,
        stage: 1,
        state,
        businessAreaId: areaIds.get(businessAreaCode)!,
        serviceAreaId: serviceAreaIds.get(serviceAreaCode)!,
        teamId: teamIds.get(practitioner.team)!,
        practitionerId: practitioner.id,
        practitionerNameGiven: index % 3 === 0 ? practitioner.fullName : null,
        courtCaseNumber: index % 4 === 0 ? `${['LS', 'MA', 'BM', 'CF', 'ZE'][index % 5]}${String(20 + (index % 6)).padStart(2, '0')}P${String(1000 + index * 37).slice(-4)}` : null,
        desiredOutcome: isChild
          ? random.pick(language === 'cy' ? DESIRED_OUTCOMES_CHILD_CY : DESIRED_OUTCOMES_CHILD_EN)
          : random.pick(language === 'cy' ? DESIRED_OUTCOMES_CY : DESIRED_OUTCOMES_EN),
        responderId: assigned ? manager.id : null,
        csqManagerId: assigned ? csqManager.id : null,
        currentDueOn: kind === 'compliment' || kind === 'feedback' ? null : currentDueOn(state, stageOneDates),
        loggedAt,
        assignedAt,
        createdAt: receivedAt,
        updatedAt: assignedAt ?? loggedAt ?? receivedAt,
      })
      .returning({ id: complaints.id });
    const complaintId = created!.id;

    await tx.insert(complaintStages).values({
      complaintId,
      stage: 1,
      startedOn: receivedOn,
      ...stageOneDates,
      originalResponseDueOn: stageOneDates.responseDueOn,
      responderId: assigned ? manager.id : null,
      assignedAt,
    });

    await tx.insert(complainants).values({
      complaintId,
      role,
      fullName: name,
      email: preferred === 'post' ? null : `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${index}@example.com`,
      phone: `07700 900${String(100 + index).slice(-3)}`,
      postalAddress: preferred === 'post' ? `${10 + index} Example Road\nSomewhere` : null,
      postcode: preferred === 'post' ? `AB${1 + (index % 9)} ${index % 9}CD` : null,
      preferredContact: preferred,
      safeToLeaveVoicemail: index % 6 !== 0,
      safeToSendPost: preferred === 'post' ? true : index % 5 !== 0,
      safeCallTimes: index % 6 === 0 ? (language === 'cy' ? 'Ar ôl 6pm yn unig' : 'Only after 6pm on weekdays') : null,
      language,
      supportNeeds: index % 10 === 3 ? ['interpreter'] : index % 10 === 7 ? ['large_print'] : [],
      onBehalfOfName: role === 'helping_child' || role === 'professional' ? CHILD_NAMES[(index + 1) % CHILD_NAMES.length]! : null,
      onBehalfOfRelationship: role === 'helping_child' ? (language === 'cy' ? 'Nain' : 'Grandparent') : role === 'professional' ? 'Teacher' : null,
      onBehalfOfConsent: role === 'helping_child' || role === 'professional' ? 'given' : null,
      privacyAcceptedAt: receivedAt,
    });

    const insertedPoints = await tx
      .insert(complaintPoints)
      .values(
        points.map((p, position) => ({
          complaintId,
          position: position + 1,
          text: p.text,
          categoryKey: logged ? p.category : null,
          triage: logged ? p.triage : null,
          triageReason: logged ? triageReason(p, language) : null,
          courtRoute: logged && p.triage === 'court' ? (p.courtRoute ?? null) : null,
          practitionerId: p.category === 'conduct' || p.category === 'quality_of_work' ? practitioner.id : null,
          triagedBy: logged ? admin.id : null,
          triagedAt: loggedAt,
        })),
      )
      .returning({ id: complaintPoints.id });

    const event = (type: keyof typeof MOVES, at: Date, actorStaffId: string | null, payload: Record<string, unknown>): NewComplaintEvent => {
      const rule = MOVES[type];
      return {
        type: rule.event.type,
        stage: 1,
        actorType: actorStaffId ? 'staff' : 'complainant',
        actorStaffId,
        occurredAt: at,
        visibility: rule.event.visibility,
        payload: rule.event.payload.parse(payload) as Record<string, unknown>,
      };
    };
    const events: NewComplaintEvent[] = [event('submit', receivedAt, channel === 'online' ? null : admin.id, { channel, points: points.length, kind })];
    if (loggedAt) {
      events.push(event('log', loggedAt, admin.id, { routed: false }));
      insertedPoints.forEach((row, i) => events.push(event('triage_point', loggedAt, admin.id, { pointId: row.id, outcome: points[i]!.triage, category: points[i]!.category })));
    }
    if (assignedAt) {
      events.push(event('assign_responder', assignedAt, admin.id, { responderId: manager.id }));
      events.push(event('assign_csq_manager', assignedAt, admin.id, { csqManagerId: csqManager.id }));
      if (spec.state !== 'logged' || spec.stage !== 1) {
        toAdvance.push({ complaintId, state: spec.state, stage: spec.stage, language, receivedAt, administratorId: admin.id, managerId: manager.id, reviewerId: reviewer.id, csqManagerId: csqManager.id });
      }
    }
    await appendComplaintEvents(tx, complaintId, events);
    complaintCount += 1;
  }

  return { businessAreas: DEMO_BUSINESS_AREAS.length, staff: summaryStaff, complaints: complaintCount, toAdvance };
}

/** Working days since receipt, chosen by state so the queues show every shade of warning. */
function receivedAgo(spec: Spec, index: number): number {
  const open = ['received', 'logged', 'acknowledged', 'investigating', 'response_drafted', 'in_quality_assurance'].includes(spec.state);
  if (spec.stage === 2) return 30 + (index % 15);
  if (spec.state === 'received') return index % 3; // today, yesterday (acknowledgement overdue), two days ago
  if (spec.state === 'logged') return index % 2;
  if (open) {
    // A third overdue (more than 15 working days), a third due within five, a third comfortably in time.
    const band = index % 3;
    return band === 0 ? 16 + (index % 8) : band === 1 ? 11 + (index % 4) : 2 + (index % 7);
  }
  return 20 + (index % 40);
}

/** A London wall-clock time on a date, as an instant (Europe/London is UTC or UTC+1). */
function londonInstant(date: IsoDate, hour: number, minute: number): Date {
  const utc = new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  const shown = londonDateOf(utc) === date && new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(utc);
  const offsetHours = shown !== false && Number(shown) !== hour ? Number(shown) - hour : 0;
  return new Date(utc.getTime() - offsetHours * 3_600_000);
}

/** Times for each step, in order, between receipt and now; never in the future. */
function spreadTimes(start: Date, steps: number, now: Date, state: ComplaintState): Date[] {
  const end = Math.max(start.getTime() + steps * 60_000, now.getTime() - (state === 'received' ? 0 : 3_600_000));
  const span = Math.max(end - start.getTime(), steps * 60_000);
  return Array.from({ length: steps }, (_, i) => new Date(Math.min(start.getTime() + Math.round((span * i) / Math.max(steps, 1)), now.getTime())));
}

function triageReason(point: DemoPoint, language: Language): string {
  if (point.triage === 'court') return language === 'cy' ? "Mae'n ymwneud ag argymhelliad neu orchymyn y llys." : 'It is about the recommendation or order of the court.';
  return language === 'cy' ? 'Mae hyn yn ymwneud â sut y gwnaethom ein gwaith.' : 'This is about how we did our work.';
}
