import { DEFAULT_RETENTION_YEARS, RETENTION_SETTING_KEY } from '@complaints/domain';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { queryRows } from '../client';
import { sealChainHead } from '../history-seal';
import { complaintChain, eventSignature, listComplaintEvents } from './complaint-history';
import { retentionSettings, staff } from '../schema/index';

/*
 * Retention: the schedule, finding complaints whose schedule has run out, and clearing in place
 * everything an expired complaint holds about its complainant. What the reports count is kept:
 * dates, channel, kind, stage, states, categories, decisions, areas, teams, practitioner and
 * responder ids, timescale facts and how many of each thing there were.
 */

/** The schedule in years, or null when national office has never set it (the default applies). */
export async function readRetentionYears(db: Executor): Promise<number | null> {
  const [row] = await db.select({ years: retentionSettings.years }).from(retentionSettings).where(eq(retentionSettings.key, RETENTION_SETTING_KEY)).limit(1);
  return row?.years ?? null;
}

/** The schedule as set, with when and by whom, for the settings page. */
export async function readRetentionSetting(db: Executor): Promise<{ years: number; updatedAt: Date | null; updatedByName: string | null }> {
  const [row] = await db
    .select({ years: retentionSettings.years, updatedAt: retentionSettings.updatedAt, updatedByName: staff.fullName })
    .from(retentionSettings)
    .leftJoin(staff, eq(staff.id, retentionSettings.updatedBy))
    .where(eq(retentionSettings.key, RETENTION_SETTING_KEY))
    .limit(1);
  return row ?? { years: DEFAULT_RETENTION_YEARS, updatedAt: null, updatedByName: null };
}

export async function writeRetentionYears(db: Executor, years: number, staffId: string | null, at: Date): Promise<void> {
  await db
    .insert(retentionSettings)
    .values({ key: RETENTION_SETTING_KEY, years, updatedBy: staffId, updatedAt: at })
    .onConflictDoUpdate({ target: retentionSettings.key, set: { years, updatedBy: staffId, updatedAt: at } });
}

/** Closed or withdrawn complaints that ended before the cut-off and are not yet anonymised, oldest first, leaving out those named. */
export async function listComplaintsDueForAnonymising(db: Executor, cutoff: Date, limit: number, except: string[] = []): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select c.id from complaints c
        where c.state in ('closed', 'withdrawn')
          and coalesce(c.closed_at, c.withdrawn_at) < ${cutoff.toISOString()}::timestamptz
          and not exists (select 1 from complaint_events e where e.complaint_id = c.id and e.type = 'complaint.anonymised')
          and not (c.id = any(${`{${except.join(',')}}`}::uuid[]))
        order by coalesce(c.closed_at, c.withdrawn_at), c.id
        limit ${limit}`,
  );
  return rows.map((r) => r.id);
}

/** Whether a complaint has been anonymised already: its history says so. */
export async function isComplaintAnonymised(db: Executor, complaintId: string): Promise<boolean> {
  const rows = await queryRows<{ anonymised: boolean }>(
    db,
    sql`select exists (select 1 from complaint_events where complaint_id = ${complaintId} and type = 'complaint.anonymised') as anonymised`,
  );
  return rows[0]?.anonymised === true;
}

/** The stored files an expired complaint holds (its attachments and its letters' PDFs), to remove from storage. */
export async function storedFilesOfComplaint(db: Executor, complaintId: string): Promise<{ attachments: string[]; letterPdfs: string[] }> {
  const attachments = await queryRows<{ key: string }>(
    db,
    sql`select a.storage_key as key from attachments a
        where a.complaint_id = ${complaintId}
           or a.draft_id in (select d.id from form_drafts d where d.complaint_id = ${complaintId})`,
  );
  const letterPdfs = await queryRows<{ key: string }>(db, sql`select pdf_storage_key as key from letters where complaint_id = ${complaintId} and pdf_storage_key is not null`);
  return { attachments: attachments.map((r) => r.key), letterPdfs: letterPdfs.map((r) => r.key) };
}

/** How much was cleared, by count. */
export type AnonymisedCounts = { files: number; letters: number; emails: number };

/**
 * Clears, in place, every personal value an expired complaint holds outside its history: the
 * complainant, what they said and asked for, the points' text and answers' wording, notes,
 * correspondence, corrections' old and new values, letters and their versions, emails in the
 * outbox, reviews' comments, the Ombudsman's free text, the survey's written answers, drafts,
 * tracking codes and sessions; and removes its attachments' rows (their files go through storage).
 * Call under the complaint's lock, in the transaction of its `anonymise` move.
 */
export async function anonymiseComplaintRecords(tx: Executor, complaintId: string, at: Date): Promise<AnonymisedCounts> {
  const id = complaintId;
  const when = at.toISOString();
  await tx.execute(sql`update complainants set full_name = '', email = null, phone = null, postal_address = null, postcode = null,
      safe_call_times = null, support_needs_other = null, on_behalf_of_name = null, on_behalf_of_relationship = null,
      anonymised_at = ${when}::timestamptz
    where complaint_id = ${id}`);
  await tx.execute(sql`update complaints set practitioner_name_given = null, area_given = null, court_case_number = null,
      desired_outcome = null, idempotency_key = null
    where id = ${id}`);
  await tx.execute(sql`update complaint_points set text = '', triage_reason = null, court_route = null where complaint_id = ${id}`);
  await tx.execute(sql`update complaint_stages set extension_reason = null where complaint_id = ${id}`);
  await tx.execute(sql`update point_answers set reasons = '', standard_cited = null, what_should_have_happened = null, what_happened = null, remedy = null
    where point_id in (select p.id from complaint_points p where p.complaint_id = ${id})`);
  await tx.execute(sql`update complaint_actions set description = '', owner_name = '' where complaint_id = ${id}`);
  await tx.execute(sql`update case_notes set text = '' where complaint_id = ${id}`);
  await tx.execute(sql`update correspondence set summary = '' where complaint_id = ${id}`);
  await tx.execute(sql`update complainant_corrections
    set reason = '',
        changes = (select coalesce(jsonb_agg(jsonb_build_object('field', c -> 'field', 'from', null, 'to', null)), '[]'::jsonb) from jsonb_array_elements(changes) c)
    where complaint_id = ${id}`);
  await tx.execute(sql`update quality_reviews
    set comments = null,
        checklist = (select coalesce(jsonb_object_agg(k, jsonb_build_object('done', coalesce(v -> 'done', 'false'::jsonb), 'note', '')), '{}'::jsonb) from jsonb_each(checklist) as e(k, v))
    where complaint_id = ${id}`);
  await tx.execute(sql`update management_reviews set good_practice = null, failings = null, evidence = null where complaint_id = ${id}`);
  await tx.execute(sql`update ombudsman_referrals set their_reference = null, recommendations = null where complaint_id = ${id}`);
  await tx.execute(sql`update ombudsman_enquiries set summary = null, reply = null where complaint_id = ${id}`);
  await tx.execute(sql`update ombudsman_recommendations set action = '', owner = '', evidence = null where complaint_id = ${id}`);
  // The survey's scores are kept for the reports; anything written in words is not.
  await tx.execute(sql`update survey_responses
    set answers = (select coalesce(jsonb_object_agg(k, v), '{}'::jsonb) from jsonb_each(answers) as e(k, v) where jsonb_typeof(v) = 'number')
    where complaint_id = ${id} and answers is not null`);
  const letters = await queryRows<{ n: number }>(
    tx,
    sql`with changed as (update letters set subject = '', html = '', document = null, recipient = null, message = null, pdf_storage_key = null
      where complaint_id = ${id} returning 1) select count(*)::int as n from changed`,
  );
  await tx.execute(sql`update letter_versions set subject = '', html = '', document = null, message = null
    where letter_id in (select l.id from letters l where l.complaint_id = ${id})`);
  const emails = await queryRows<{ n: number }>(
    tx,
    sql`with changed as (update outbox set recipient = null, payload = '{}'::jsonb, last_error = null,
        status = case when status = 'pending' then 'failed' else status end
      where complaint_id = ${id} or letter_id in (select l.id from letters l where l.complaint_id = ${id}) returning 1)
      select count(*)::int as n from changed`,
  );
  await tx.execute(sql`update move_submissions set result = null where complaint_id = ${id}`);
  await tx.execute(sql`update tracking_codes set revoked_at = coalesce(revoked_at, ${when}::timestamptz) where complaint_id = ${id}`);
  await tx.execute(sql`update tracking_sessions set ended_at = coalesce(ended_at, ${when}::timestamptz) where complaint_id = ${id}`);
  await tx.execute(sql`delete from tracking_challenges where complaint_id = ${id}`);
  const files = await queryRows<{ n: number }>(
    tx,
    sql`with gone as (delete from attachments
      where complaint_id = ${id} or draft_id in (select d.id from form_drafts d where d.complaint_id = ${id}) returning 1)
      select count(*)::int as n from gone`,
  );
  await tx.execute(sql`delete from form_drafts where complaint_id = ${id}`);
  return { files: files[0]?.n ?? 0, letters: letters[0]?.n ?? 0, emails: emails[0]?.n ?? 0 };
}

/**
 * Clears the reasons of an expired complaint's events and signs the history again, through the
 * database function that alone may change it (which checks the caller and that the complaint has
 * expired by the earlier of `asOf` and the database's clock). Returns how many reasons were cleared.
 */
export async function rewriteExpiredHistory(tx: Executor, complaintId: string, asOf: Date): Promise<number> {
  const events = await listComplaintEvents(tx, complaintId);
  let previousHash: string | null = null;
  const signed = events.map((e) => {
    const hash = eventSignature(e, previousHash, e.hashKind, null);
    const link = { sequence: e.sequence, previous_hash: previousHash, hash };
    previousHash = hash;
    return link;
  });
  const headHash = previousHash ?? '';
  const seal = signed.length > 0 ? sealChainHead(complaintChain(complaintId), signed.length, headHash) : '';
  await tx.execute(
    sql`select rewrite_expired_history(${complaintId}::uuid, ${asOf.toISOString()}::timestamptz, ${JSON.stringify(signed)}::jsonb, ${headHash}, ${seal})`,
  );
  return events.filter((e) => e.reason !== null).length;
}
