import {
  BEFORE_ACKNOWLEDGEMENT,
  DAILY_WARNING_ROLES,
  type DailyWarningCutoffs,
  type ComplaintState,
  type DailyWarningArea,
  type IsoDate,
  type Ombudsman,
  type OmbudsmanReplyArea,
  RESPONSE_OWED_STATES,
  type WeeklyReminderGroup,
} from '@complaints/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client';
import { complaints, complaintStages, ombudsmanEnquiries, ombudsmanReferrals, serviceAreas, staff } from '../schema/index';

/**
 * The complaints the reminders and warnings list, each with the people it goes to, one query each.
 * Which complaints qualify is the domain's rule (`packages/domain/src/reminders`); these queries
 * select the same in the database, and count in the database too, so a run reads only what its
 * emails list however many complaints are late.
 */

const literals = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Every complaint whose manager owes the response, clock running, due before `dueBefore` (late, or
 * within the reminder window), grouped by its manager and the Head of Service of its service area
 * (none when it is in no service area or the area has none): how many in each group, and the
 * soonest due up to `limit` (the same due date in the order of the complaints' ids). Inactive
 * people are returned marked so: the rules decide who is sent what.
 *
 * The complaints come from the partial index `complaints_reminder_due_idx` alone: the states are
 * written as literals in the same words as the index's definition, so the planner can see at
 * planning time that the index holds every row asked for.
 */
export function weeklyReminderQuery(options: { dueBefore: IsoDate; limit: number }): SQL {
  const c = complaints;
  const group = sql`${c.responderId}, ${serviceAreas.headOfServiceId}`;
  return sql`
    select ranked.complaint_id, ranked.reference, ranked.due_on, ranked.total,
           manager.id as manager_id, manager.full_name as manager_name, manager.email as manager_email, manager.active as manager_active,
           head.id as head_id, head.full_name as head_name, head.email as head_email, head.active as head_active
    from (
      select ${c.id} as complaint_id, ${c.reference} as reference, ${c.currentDueOn}::text as due_on,
             ${c.responderId} as responder_id, ${serviceAreas.headOfServiceId} as head_of_service_id,
             row_number() over (partition by ${group} order by ${c.currentDueOn}, ${c.id}) as rank,
             (count(*) over (partition by ${group}))::int as total
      from ${c}
      left join ${serviceAreas} on ${serviceAreas.id} = ${c.serviceAreaId}
      where ${c.state} in (${literals(RESPONSE_OWED_STATES)}) and ${c.pausedSince} is null
        and ${c.currentDueOn} < ${options.dueBefore}::date
    ) as ranked
    join ${staff} as manager on manager.id = ranked.responder_id
    left join ${staff} as head on head.id = ranked.head_of_service_id
    where ranked.rank <= ${options.limit}`;
}

type WeeklyReminderRow = {
  complaint_id: string;
  reference: string;
  due_on: IsoDate;
  total: number;
  manager_id: string;
  manager_name: string;
  manager_email: string;
  manager_active: boolean;
  head_id: string | null;
  head_name: string | null;
  head_email: string | null;
  head_active: boolean | null;
};

export async function listWeeklyReminderGroups(db: Executor, options: { dueBefore: IsoDate; limit: number }): Promise<WeeklyReminderGroup[]> {
  const rows = await queryRows<WeeklyReminderRow>(db, weeklyReminderQuery(options));
  const groups = new Map<string, WeeklyReminderGroup>();
  for (const row of rows) {
    const key = `${row.manager_id} ${row.head_id ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      const manager = { id: row.manager_id, fullName: row.manager_name, email: row.manager_email, active: row.manager_active };
      const headOfService = row.head_id === null ? null : { id: row.head_id, fullName: row.head_name!, email: row.head_email!, active: row.head_active! };
      groups.set(key, (group = { manager, headOfService, total: row.total, first: [] }));
    }
    group.first.push({ complaintId: row.complaint_id, reference: row.reference, dueOn: row.due_on });
  }
  return [...groups.values()];
}

/**
 * The complaints waiting to be passed to a manager or acknowledged, by business area (and those
 * placed in none): complaints not yet acknowledged that are owed something, whose stage began on
 * or before `startedOnOrBefore`, with passing to a manager (when none is assigned) or the
 * acknowledgement due on or before `dueOnOrBefore`. For each area, how many, the longest overdue
 * up to `limit`, and its active CSQ administrators and CSQ managers (for complaints placed in no
 * area, those of every area: they are the ones who place it).
 */
export async function listDailyWarningAreas(db: Executor, options: DailyWarningCutoffs & { limit: number }): Promise<DailyWarningArea[]> {
  const c = complaints;
  const s = complaintStages;
  const due = sql`${options.dueOnOrBefore}::date`;
  const passOwed = sql`${c.responderId} is null and ${s.passToManagerDueOn} <= ${due}`;
  const rows = await rankedWithPeople<{
    complaint_id: string;
    reference: string;
    state: ComplaintState;
    responder_id: string | null;
    started_on: IsoDate;
    pass_due_on: IsoDate;
    acknowledge_due_on: IsoDate;
  }>(
    db,
    options.limit,
    sql`
        select ${c.id} as complaint_id, ${c.reference} as reference, ${c.state} as state, ${c.responderId} as responder_id,
               ${s.startedOn}::text as started_on, ${s.passToManagerDueOn}::text as pass_due_on, ${s.acknowledgeDueOn}::text as acknowledge_due_on,
               ${c.businessAreaId} as business_area_id,
               row_number() over (
                 partition by ${c.businessAreaId}
                 order by least(case when ${c.responderId} is null then ${s.passToManagerDueOn} end, ${s.acknowledgeDueOn}), ${c.id}
               ) as rank,
               (count(*) over (partition by ${c.businessAreaId}))::int as total
        from ${c}
        join ${s} on ${s.complaintId} = ${c.id} and ${s.stage} = ${c.stage}
        where ${c.state} in (${literals(BEFORE_ACKNOWLEDGEMENT)}) and ${c.currentDueOn} is not null
          and ${s.startedOn} <= ${options.startedOnOrBefore}::date
          and ((${passOwed}) or ${s.acknowledgeDueOn} <= ${due})`,
  );
  return byArea(rows, (r) => r.complaint_id, (r) => ({
    complaintId: r.complaint_id,
    reference: r.reference,
    state: r.state,
    owed: true,
    responderId: r.responder_id,
    stageStartedOn: r.started_on,
    passToManagerDueOn: r.pass_due_on,
    acknowledgeDueOn: r.acknowledge_due_on,
  }));
}

/**
 * The replies owed to the Ombudsman, by business area (and for complaints placed in none): each
 * enquiry not yet answered, on a referral still waiting for the Ombudsman's finding, whose deadline
 * is before `dueBefore` (late, or within the reminder window). For each area, how many, the soonest due up to `limit`, and its
 * active CSQ administrators and CSQ managers (for complaints placed in no area, those of every area).
 */
export async function listOmbudsmanRepliesDue(db: Executor, options: { dueBefore: IsoDate; limit: number }): Promise<OmbudsmanReplyArea[]> {
  const c = complaints;
  const r = ombudsmanReferrals;
  const e = ombudsmanEnquiries;
  const rows = await rankedWithPeople<{
    referral_id: string;
    enquiry_id: string;
    complaint_id: string;
    reference: string;
    ombudsman: Ombudsman;
    their_reference: string | null;
    reply_due_on: IsoDate;
  }>(
    db,
    options.limit,
    sql`
        select ${r.id} as referral_id, ${e.id} as enquiry_id, ${c.id} as complaint_id, ${c.reference} as reference, ${r.ombudsman} as ombudsman,
               ${r.theirReference} as their_reference, ${e.dueOn}::text as reply_due_on, ${c.businessAreaId} as business_area_id,
               row_number() over (partition by ${c.businessAreaId} order by ${e.dueOn}, ${c.reference}, ${e.id}) as rank,
               (count(*) over (partition by ${c.businessAreaId}))::int as total
        from ${e}
        join ${r} on ${r.id} = ${e.referralId}
        join ${c} on ${c.id} = ${e.complaintId}
        where ${e.repliedOn} is null and ${r.finding} is null and ${e.dueOn} < ${options.dueBefore}::date`,
  );
  return byArea(rows, (row) => row.enquiry_id, (row) => ({
    referralId: row.referral_id,
    enquiryId: row.enquiry_id,
    complaintId: row.complaint_id,
    reference: row.reference,
    ombudsman: row.ombudsman,
    theirReference: row.their_reference,
    replyDueOn: row.reply_due_on,
    finding: null,
    repliedOn: null,
  }));
}

type AreaRow = { business_area_id: string | null; total: number; recipient_id: string; recipient_name: string; recipient_email: string; recipient_active: boolean };

/**
 * The daily warning's items, ranked by `ranked` (a select with `business_area_id`, `rank` within
 * the area and the area's `total`), the first `limit` of each area, each beside every active CSQ
 * administrator and CSQ manager to tell: those of its area, or of every area for items placed in
 * none. Materialised, so the items are read and ranked once, not once for each person.
 */
function rankedWithPeople<Item>(db: Executor, limit: number, ranked: SQL): Promise<Array<Item & AreaRow>> {
  return queryRows<Item & AreaRow>(
    db,
    sql`
      with ranked as materialized (${ranked})
      select ranked.*, recipient.id as recipient_id, recipient.full_name as recipient_name,
             recipient.email as recipient_email, recipient.active as recipient_active
      from ranked
      join ${staff} as recipient
        on recipient.role_key in (${literals(DAILY_WARNING_ROLES)}) and recipient.active
       and (ranked.business_area_id is null or recipient.business_area_id = ranked.business_area_id)
      where ranked.rank <= ${limit}`,
  );
}

/**
 * The daily warning's rows (one per item and person to tell) folded into one entry per business
 * area: its total, its items once each in the order read, and the people to tell once each.
 */
function byArea<R extends AreaRow, Item>(rows: readonly R[], itemId: (row: R) => string, item: (row: R) => Item) {
  const areas = new Map<string, { businessAreaId: string | null; total: number; first: Item[]; recipients: DailyWarningArea['recipients']; listed: Set<string>; warned: Set<string> }>();
  for (const row of rows) {
    const key = row.business_area_id ?? '';
    let area = areas.get(key);
    if (!area) areas.set(key, (area = { businessAreaId: row.business_area_id, total: row.total, first: [], recipients: [], listed: new Set(), warned: new Set() }));
    if (!area.listed.has(itemId(row))) {
      area.listed.add(itemId(row));
      area.first.push(item(row));
    }
    if (!area.warned.has(row.recipient_id)) {
      area.warned.add(row.recipient_id);
      area.recipients.push({ id: row.recipient_id, fullName: row.recipient_name, email: row.recipient_email, active: row.recipient_active });
    }
  }
  return [...areas.values()].map(({ listed: _listed, warned: _warned, ...area }) => area);
}
