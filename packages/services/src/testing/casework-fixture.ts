import { randomBytes } from 'node:crypto';
import { type Database, queryRows, seedDemoDataIfEmpty } from '@complaints/db';
import type { Clock } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import { beforeAll } from 'vitest';
import { assignComplaint } from '../casework/assign-complaint';
import type { CaseworkRequest } from '../casework/casework-context';
import { logComplaint, type LogComplaintInput } from '../casework/log-complaint';
import { prepareAcknowledgement } from '../casework/prepare-acknowledgement';
import type { ServiceDependencies } from '../dependencies';
import { sendLetter } from '../letters/send-letter';
import { approveLetter } from '../quality-assurance/review-letter';
import { recordTriage } from '../casework/record-triage';
import { answerPoint } from '../investigation/answer-point';
import { startInvestigation } from '../investigation/start-investigation';
import { draftResponse } from '../letters/draft-response';
import { submitLetter } from '../letters/submit-letter';
import { checkClosure } from '../quality-assurance/check-closure';
import { closeComplaint } from '../casework/close-complaint';
import { testSecondFactorSealer } from './second-factor-sealer';

export { testSecondFactorSealer };

/** Who works a complaint: the CSQ administrator who logs it, the manager who answers it, the CSQ manager who oversees it. */
export type CaseworkPeople = { admin: string; csq: string; manager: string };

/** The demo staff of the North business area who work a complaint about the Carlisle team. */
export const NORTH: CaseworkPeople = { admin: 'aisha.khan@example.org', csq: 'rachel.green@example.org', manager: 'sarah.wilson@example.org' };

/** Their counterparts in Wales, for a complaint about the Cardiff team. */
export const WALES: CaseworkPeople = { admin: 'carys.jones@example.org', csq: 'elin.roberts@example.org', manager: 'owain.williams@example.org' };

/** Others of the demo staff, by the part they play in casework tests. */
export const DEMO_STAFF = {
  /** A manager in the North (Newcastle) who has not worked on the complaint: the one for a stage 2 review. */
  reviewer: 'david.brown@example.org',
  /** The Head of Service over the Carlisle team. */
  head: 'helen.okafor@example.org',
  /** National office, who see every complaint. */
  national: 'margaret.lewis@example.org',
  /** A CSQ administrator of another business area, who may not see the North's complaints. */
  otherArea: 'tom.hughes@example.org',
} as const;

/**
 * What casework tests share: the demo organisation seeded into the test's database, each demo
 * member of staff as the use cases see them (by email), and the ids of places by their code.
 */
export type CaseworkFixture = {
  deps: ServiceDependencies;
  db: Database;
  as: (email: string) => CaseworkRequest;
  staffId: (email: string) => string;
  /** Service areas and teams by code, practitioners by name. */
  places: Record<string, string>;
};

export async function caseworkFixture(db: Database, clock: Clock): Promise<CaseworkFixture> {
  await seedDemoDataIfEmpty(db, { clock, passwordHash: '$argon2id$placeholder' });
  const staff: Record<string, CaseworkRequest['actor']> = {};
  const rows = await queryRows<{ id: string; email: string; role_key: string; business_area_id: string | null; service_area_id: string | null; team_id: string | null; full_name: string }>(
    db,
    sql`select id, email, role_key, business_area_id, service_area_id, team_id, full_name from staff`,
  );
  for (const r of rows) {
    staff[r.email] = { id: r.id, role: r.role_key as never, businessAreaId: r.business_area_id, serviceAreaId: r.service_area_id, teamId: r.team_id, fullName: r.full_name };
  }
  const places: Record<string, string> = {};
  for (const r of await queryRows<{ id: string; code: string }>(db, sql`select id, code from service_areas union all select id, code from teams`)) places[r.code] = r.id;
  for (const r of await queryRows<{ id: string; full_name: string }>(db, sql`select id, full_name from practitioners`)) places[r.full_name] = r.id;
  const known = (email: string) => {
    const actor = staff[email];
    if (!actor) throw new Error(`No demo account ${email}`);
    return actor;
  };
  return {
    deps: { db, clock, randomBytes: (n) => randomBytes(n), secondFactorSealer: testSecondFactorSealer },
    db,
    as: (email) => ({ actor: known(email), requestId: 'test-request' }),
    staffId: (email) => known(email).id,
    places,
  };
}

/**
 * The fixture of a `describeEachDatabase` suite: seeded in the suite's own database before its
 * first test, and filled in by then for every test to read.
 */
export function caseworkSuite(database: () => { db: Database }, clock: Clock): CaseworkFixture {
  const fixture = {} as CaseworkFixture;
  beforeAll(async () => {
    Object.assign(fixture, await caseworkFixture(database().db, clock));
  });
  return fixture;
}

/** A complaint as staff log it when it comes by letter, email or phone. */
export function loggedComplaint(
  places: Record<string, string>,
  over: {
    preferredContact?: 'email' | 'post';
    kind?: string;
    points?: string[];
    receivedOn?: string;
    channel?: string;
    audience?: 'adult' | 'child';
    language?: 'en' | 'cy';
    serviceArea?: string;
    team?: string;
  } = {},
): LogComplaintInput {
  return {
    complaint: {
      kind: over.kind ?? 'complaint',
      channel: over.channel ?? 'letter',
      audience: over.audience ?? 'adult',
      language: over.language ?? 'en',
      complainant: {
        role: over.audience === 'child' ? 'child' : 'parent_or_carer',
        fullName: 'Jo Bloggs',
        email: over.preferredContact === 'post' ? undefined : 'jo.bloggs@example.com',
        postalAddress: '1 High Street\nCarlisle',
        postcode: 'CA1 1AA',
        preferredContact: over.preferredContact ?? 'email',
        safeToSendPost: true,
      },
      serviceAreaId: places[over.serviceArea ?? 'NEC'],
      points: (over.points ?? ['Nobody returned my calls for three weeks.', 'The report says I missed a meeting.', 'My letter was sent to my old address.']).map((text) => ({ text })),
      privacyAccepted: true,
    },
    receivedOn: over.receivedOn ?? '2026-11-23',
    teamId: places[over.team ?? 'NEC-CARLISLE'] ?? null,
    practitionerId: over.team ? null : (places['Lucy Bell'] ?? null),
  };
}

/** The ids of a complaint's points, in order. */
export async function pointIdsOf(f: CaseworkFixture, complaintId: string): Promise<string[]> {
  return (await queryRows<{ id: string }>(f.db, sql`select id from complaint_points where complaint_id = ${complaintId} order by position`)).map((r) => r.id);
}

/** Passed to the manager who will answer it, with the CSQ manager overseeing it. */
export async function assign(f: CaseworkFixture, complaintId: string, people: CaseworkPeople = NORTH): Promise<void> {
  await assignComplaint(f.deps, f.as(people.admin), complaintId, { responderId: f.staffId(people.manager), csqManagerId: f.staffId(people.csq) }, { caseUrl: 'https://backoffice.example.org/x' });
}

/** The acknowledgement written, approved by the CSQ manager and sent: the letter, and how it went. */
export async function acknowledge(f: CaseworkFixture, complaintId: string, people: CaseworkPeople = NORTH): Promise<{ letterId: string; delivery: 'email' | 'post' }> {
  const { letterId } = await prepareAcknowledgement(f.deps, f.as(people.admin), complaintId);
  await approveLetter(f.deps, f.as(people.csq), complaintId, letterId, {});
  return sendLetter(f.deps, f.as(people.admin), complaintId, letterId);
}

/** A complaint that came by email, logged, passed to its manager and acknowledged: its id. */
export async function acknowledgedComplaint(f: CaseworkFixture, over: Parameters<typeof loggedComplaint>[1] = {}, people: CaseworkPeople = NORTH): Promise<string> {
  const { id } = await logComplaint(f.deps, f.as(people.admin), loggedComplaint(f.places, { channel: 'email', ...over }));
  await assign(f, id, people);
  await acknowledge(f, id, people);
  return id;
}

/** A complaint logged from an email, each point triaged and answered, the response approved and sent: its id. */
export async function answeredComplaint(f: CaseworkFixture, people: CaseworkPeople = NORTH, over: Parameters<typeof loggedComplaint>[1] = {}): Promise<string> {
  const { id } = await logComplaint(f.deps, f.as(people.admin), loggedComplaint(f.places, { channel: 'email', ...over }));
  const points = await pointIdsOf(f, id);
  for (const pointId of points) await recordTriage(f.deps, f.as(people.admin), id, pointId, { categoryKey: 'communication', outcome: 'organisation', reason: 'How we kept in touch.' });
  await assign(f, id, people);
  await acknowledge(f, id, people);
  await startInvestigation(f.deps, f.as(people.manager), id);
  for (const pointId of points) {
    await answerPoint(f.deps, f.as(people.manager), id, {
      pointId,
      decision: 'not_upheld',
      reasons: 'The file shows we called back within two working days.',
      standardCited: 'Practice standard 4: keeping in touch',
      whatShouldHaveHappened: 'A call back within two working days.',
      whatHappened: 'A call back the next day.',
    });
  }
  const { letterId: response } = await draftResponse(f.deps, f.as(people.manager), id, {});
  await submitLetter(f.deps, f.as(people.manager), id, response);
  await approveLetter(f.deps, f.as(people.csq), id, response, {});
  await sendLetter(f.deps, f.as(people.admin), id, response);
  return id;
}

/** An answered complaint whose closure check is complete, closed: its id. */
export async function closedComplaint(f: CaseworkFixture, people: CaseworkPeople = NORTH, over: Parameters<typeof loggedComplaint>[1] = {}): Promise<string> {
  const id = await answeredComplaint(f, people, over);
  const item = (note: string) => ({ done: true, note });
  await checkClosure(f.deps, f.as(people.csq), id, {
    points_answered: item('Each point has its own answer.'),
    letters_approved_and_sent: item('Every letter was approved before it went.'),
    timescales_met: item('Checked against the due dates.'),
    record_complete: item('The record matches the file.'),
  });
  await closeComplaint(f.deps, f.as(people.csq), id);
  return id;
}
