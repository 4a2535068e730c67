import { type Database, queryRows } from '@complaints/db';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';

/**
 * Everything a move could write for a complaint, counted or read back as one value: its history,
 * points and answers, letters and their reviews, messages, notes, correspondence, files, the
 * complainant's record, the audit trail (what was only looked at aside), its stages' dates and the
 * complaint's own state, clock and version.
 */
export async function footprint(db: Database, complaintId: string): Promise<Record<string, unknown>> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select
      (select count(*)::int from complaint_events where complaint_id = ${complaintId}) as events,
      (select count(*)::int from complaint_points where complaint_id = ${complaintId}) as points,
      (select count(*)::int from point_answers a join complaint_points p on p.id = a.point_id where p.complaint_id = ${complaintId}) as answers,
      (select count(*)::int from complaint_actions where complaint_id = ${complaintId}) as actions,
      (select count(*)::int from letters where complaint_id = ${complaintId}) as letters,
      (select count(*)::int from letter_versions v join letters l on l.id = v.letter_id where l.complaint_id = ${complaintId}) as versions,
      (select count(*)::int from quality_reviews where complaint_id = ${complaintId}) as reviews,
      (select count(*)::int from outbox where complaint_id = ${complaintId}) as outbox,
      (select count(*)::int from case_notes where complaint_id = ${complaintId}) as notes,
      (select count(*)::int from correspondence where complaint_id = ${complaintId}) as correspondence,
      (select count(*)::int from attachments where complaint_id = ${complaintId}) as attachments,
      (select count(*)::int from complainant_corrections where complaint_id = ${complaintId}) as corrections,
      (select count(*)::int from management_reviews where complaint_id = ${complaintId}) as management_reviews,
      (select count(*)::int from ombudsman_referrals where complaint_id = ${complaintId}) as ombudsman_referrals,
      (select count(*)::int from tracking_codes where complaint_id = ${complaintId}) as tracking_codes,
      (select count(*)::int from audit_log where complaint_id = ${complaintId} and action <> 'complaint.viewed') as audit,
      (select row_to_json(c)::text from complainants c where complaint_id = ${complaintId}) as complainant,
      (select string_agg(stage || ':' || coalesce(response_due_on::text, '-') || '/' || coalesce(extended_at::text, '-') || '/' || paused_working_days, ',' order by stage)
         from complaint_stages where complaint_id = ${complaintId}) as stages,
      (select state || '/' || stage || '/' || lock_version || '/' || coalesce(current_due_on::text, '-') || '/' || coalesce(paused_since::text, '-')
         from complaints where id = ${complaintId}) as complaint`,
  );
  return row ?? {};
}

/**
 * The check that a refusal writes nothing: `refusedWithNothingWritten(complaintId, work, refusal)`
 * expects the work to be refused as `refusal` says (its code, its problems) and the complaint's
 * footprint to be as it was, with whatever `alsoUnchanged` reads (the files in storage, say).
 */
export function refusalCheck(f: { db: Database }, alsoUnchanged: () => unknown = () => null) {
  const everything = async (complaintId: string) => ({ ...(await footprint(f.db, complaintId)), also: await alsoUnchanged() });
  return async function refusedWithNothingWritten(complaintId: string, work: () => Promise<unknown>, refusal: Record<string, unknown>): Promise<void> {
    const before = await everything(complaintId);
    await expect(work()).rejects.toMatchObject(refusal);
    expect(await everything(complaintId)).toEqual(before);
  };
}
