import { randomBytes } from 'node:crypto';
import { type Database, queryRows, seedDemoDataIfEmpty } from '@complaints/db';
import type { Clock } from '@complaints/domain';
import { sql } from 'drizzle-orm';
import type { CaseworkRequest } from '../casework/casework-context';
import type { LogComplaintInput } from '../casework/log-complaint';
import type { ServiceDependencies } from '../dependencies';

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
    deps: { db, clock, randomBytes: (n) => randomBytes(n) },
    db,
    as: (email) => ({ actor: known(email), requestId: 'test-request' }),
    staffId: (email) => known(email).id,
    places,
  };
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
