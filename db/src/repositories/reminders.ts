import {
  BEFORE_ACKNOWLEDGEMENT,
  DAILY_WARNING_ROLES,
  type DailyWarningCutoffs,
  type IsoDate,
  RESPONSE_OWED_STATES,
  type StaffRecipient,
  type WeeklyReminderComplaint,
} from '@complaints/domain';
import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { complaints, complaintStages, serviceAreas, staff } from '../schema/index';

/**
 * The complaints the reminders and warnings list, each with the people it goes to, in one query
 * each. Which complaints qualify is the domain's rule (`packages/domain/src/reminders`); these
 * queries select the same in the database.
 */

const day = (value: IsoDate) => sql`${value}::date`;

/*
 * Written as literals, not parameters, and in the same words as the partial index
 * `complaints_reminder_due_idx` is defined with, so the planner can see at planning time that
 * the index holds every row the query asks for and read the rows from it alone.
 */
const responseOwed = sql`${complaints.state} in (${sql.raw(RESPONSE_OWED_STATES.map((s) => `'${s}'`).join(', '))}) and ${complaints.pausedSince} is null`;

const manager = alias(staff, 'manager');
const headOfService = alias(staff, 'head_of_service');

/**
 * Every complaint whose manager owes the response, clock running, due before `dueBefore` (late, or
 * within the reminder window), with its manager and the Head of Service of its service area (null
 * when it is in no service area or the area has none). Inactive people are returned marked so: the
 * rules decide who is sent what.
 */
export async function listWeeklyReminderComplaints(db: Executor, options: { dueBefore: IsoDate }): Promise<WeeklyReminderComplaint[]> {
  return (await weeklyReminderQuery(db, options)) as WeeklyReminderComplaint[];
}

/** The weekly reminder's query as built: `listWeeklyReminderComplaints` runs it; a test asks the planner how. */
export function weeklyReminderQuery(db: Executor, options: { dueBefore: IsoDate }) {
  return db
    .select({
      complaintId: complaints.id,
      reference: complaints.reference,
      dueOn: sql<IsoDate>`${complaints.currentDueOn}`,
      manager: { id: manager.id, fullName: manager.fullName, email: manager.email, active: manager.active },
      headOfService: { id: headOfService.id, fullName: headOfService.fullName, email: headOfService.email, active: headOfService.active },
    })
    .from(complaints)
    .innerJoin(manager, eq(manager.id, complaints.responderId))
    .leftJoin(serviceAreas, eq(serviceAreas.id, complaints.serviceAreaId))
    .leftJoin(headOfService, eq(headOfService.id, serviceAreas.headOfServiceId))
    .where(and(responseOwed, sql`${complaints.currentDueOn} < ${day(options.dueBefore)}`));
}

/** A complaint waiting to be passed to a manager or acknowledged, once for each person warned of it. */
export type DailyWarningRow = {
  complaintId: string;
  reference: string;
  state: (typeof BEFORE_ACKNOWLEDGEMENT)[number];
  responderId: string | null;
  stageStartedOn: IsoDate;
  passToManagerDueOn: IsoDate;
  acknowledgeDueOn: IsoDate;
  recipient: StaffRecipient;
};

const recipient = alias(staff, 'recipient');

/**
 * Complaints not yet acknowledged that are owed something, whose stage began on or before
 * `startedOnOrBefore`, with passing to a manager (when none is assigned) or the acknowledgement due
 * on or before `dueOnOrBefore`; each with every active CSQ administrator and CSQ manager of its
 * business area, or of every area while it is placed in none (they are the ones who place it).
 */
export async function listDailyWarningComplaints(db: Executor, cutoffs: DailyWarningCutoffs): Promise<DailyWarningRow[]> {
  const due = day(cutoffs.dueOnOrBefore);
  const rows = await db
    .select({
      complaintId: complaints.id,
      reference: complaints.reference,
      state: complaints.state,
      responderId: complaints.responderId,
      stageStartedOn: complaintStages.startedOn,
      passToManagerDueOn: complaintStages.passToManagerDueOn,
      acknowledgeDueOn: complaintStages.acknowledgeDueOn,
      recipient: { id: recipient.id, fullName: recipient.fullName, email: recipient.email, active: recipient.active },
    })
    .from(complaints)
    .innerJoin(complaintStages, and(eq(complaintStages.complaintId, complaints.id), eq(complaintStages.stage, complaints.stage)))
    .innerJoin(
      recipient,
      and(
        inArray(recipient.roleKey, [...DAILY_WARNING_ROLES]),
        eq(recipient.active, true),
        or(isNull(complaints.businessAreaId), eq(recipient.businessAreaId, complaints.businessAreaId)),
      ),
    )
    .where(
      and(
        inArray(complaints.state, [...BEFORE_ACKNOWLEDGEMENT]),
        isNotNull(complaints.currentDueOn),
        sql`${complaintStages.startedOn} <= ${day(cutoffs.startedOnOrBefore)}`,
        or(
          and(isNull(complaints.responderId), sql`${complaintStages.passToManagerDueOn} <= ${due}`),
          sql`${complaintStages.acknowledgeDueOn} <= ${due}`,
        ),
      ),
    );
  return rows as DailyWarningRow[];
}
