import { type Database, queryRows } from '@complaints/db';
import { sql } from 'drizzle-orm';

export type Consistency = {
  complaints: number;
  /** Complaints without exactly the two points every prepared form has. */
  withoutTheirPoints: number;
  withoutTheirEmail: number;
  withoutHistory: number;
  /** Complaints no draft is marked as sent to, and drafts marked sent to no complaint. */
  withoutTheirDraft: number;
  draftsMarkedForNothing: number;
};

/**
 * What a complaint sent from a prepared draft must have, all or nothing: its two points, the
 * "we have your complaint" email in the outbox, its first event, and its draft marked sent.
 */
export async function consistencyOf(db: Database): Promise<Consistency> {
  const [row] = await queryRows<Consistency>(
    db,
    sql`select
      (select count(*)::int from complaints) as "complaints",
      (select count(*)::int from complaints c where (select count(*) from complaint_points p where p.complaint_id = c.id) <> 2) as "withoutTheirPoints",
      (select count(*)::int from complaints c where not exists (select 1 from outbox o where o.complaint_id = c.id)) as "withoutTheirEmail",
      (select count(*)::int from complaints c where not exists (select 1 from complaint_events e where e.complaint_id = c.id)) as "withoutHistory",
      (select count(*)::int from complaints c where not exists (select 1 from form_drafts d where d.complaint_id = c.id)) as "withoutTheirDraft",
      (select count(*)::int from form_drafts d where d.complaint_id is not null and not exists (select 1 from complaints c where c.id = d.complaint_id)) as "draftsMarkedForNothing"`,
  );
  return row!;
}

export const WHOLE = { withoutTheirPoints: 0, withoutTheirEmail: 0, withoutHistory: 0, withoutTheirDraft: 0, draftsMarkedForNothing: 0 };

/** How many complaints each form key made. */
export async function complaintsPerFormKey(db: Database, formKeys: string[]): Promise<Map<string, number>> {
  const rows = await queryRows<{ key: string; n: number }>(
    db,
    sql`select idempotency_key as key, count(*)::int as n from complaints where idempotency_key in ${formKeys} group by idempotency_key`,
  );
  return new Map(rows.map((r) => [r.key, r.n]));
}
