import { appendComplaintEvents, businessAreaOfServiceArea, insertComplaint, insertComplaintDetails, type NewComplaintRecord, type Transaction } from '@complaints/db';
import {
  currentDueOn,
  generateReference,
  MOVES,
  londonDateOf,
  stageDueDates,
  type ComplaintState,
  type NewComplaint,
  type StageDueDates,
} from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import type { ProcessSettings } from '../settings/process-settings';

export type RecordedComplaint = {
  id: string;
  reference: string;
  receivedOn: string;
  dueDates: StageDueDates;
  pointIds: string[];
};

/**
 * Records a new complaint, however it arrived, inside the caller's transaction: a fresh reference,
 * the clock started from the day it reached us (its date in London), the due dates from the
 * organisation's timescales, the complaint with its complainant and points, and the first event of
 * its history. The caller adds its own events and outbox messages in the same transaction.
 */
export async function recordNewComplaint(
  tx: Transaction,
  deps: Pick<ServiceDependencies, 'randomBytes'>,
  settings: ProcessSettings,
  input: NewComplaint,
  options: {
    receivedAt: Date;
    state: ComplaintState;
    idempotencyKey?: string;
    actor: { type: 'complainant' } | { type: 'staff'; staffId: string };
  },
): Promise<RecordedComplaint> {
  const receivedOn = londonDateOf(options.receivedAt);
  const dueDates = stageDueDates(1, receivedOn, settings.timescales, settings.calendar);
  const businessAreaId = input.serviceAreaId ? await businessAreaOfServiceArea(tx, input.serviceAreaId) : null;
  const record: Omit<NewComplaintRecord, 'reference'> = {
    kind: input.kind,
    channel: input.channel,
    audience: input.audience,
    language: input.language,
    receivedAt: options.receivedAt,
    receivedOn,
    state: options.state,
    businessAreaId,
    serviceAreaId: input.serviceAreaId && businessAreaId ? input.serviceAreaId : null,
    idempotencyKey: options.idempotencyKey ?? null,
    dueDates,
    currentDueOn: currentDueOn(options.state, dueDates),
    input,
  };
  // References are random; a clash is vanishingly rare, and answered by drawing another.
  let id: string | null = null;
  let reference = '';
  for (let attempt = 0; attempt < 5 && !id; attempt += 1) {
    reference = generateReference(deps.randomBytes);
    id = await insertComplaint(tx, { ...record, reference });
  }
  if (!id) throw new Error('Could not find an unused reference after five attempts.');
  const complaintId = id;
  // The details and the first event need only the new id: sent together, one round trip.
  const [{ pointIds }] = await Promise.all([
    insertComplaintDetails(tx, complaintId, { ...record, reference }),
    appendComplaintEvents(
      tx,
      complaintId,
      [
        {
          // The first move of every complaint: the lifecycle's `submit`, by the complainant or by staff logging it for them.
          type: MOVES.submit.event.type,
          stage: 1,
          actorType: options.actor.type,
          actorStaffId: options.actor.type === 'staff' ? options.actor.staffId : null,
          occurredAt: options.receivedAt,
          visibility: MOVES.submit.event.visibility,
          payload: MOVES.submit.event.payload.parse({ channel: input.channel, points: input.points.length, kind: input.kind }),
        },
      ],
      { newComplaint: true },
    ),
  ]);
  return { id: complaintId, reference, receivedOn, dueDates, pointIds };
}
