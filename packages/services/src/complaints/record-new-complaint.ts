import {
  appendComplaintEvents,
  businessAreaOfServiceArea,
  insertComplaint,
  referenceExists,
  type Transaction,
} from '@complaints/db';
import {
  currentDueOn,
  generateReference,
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
  const reference = await freshReference(tx, deps);
  const { id, pointIds } = await insertComplaint(tx, {
    reference,
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
  });
  await appendComplaintEvents(tx, id, [
    {
      type: 'complaint.submitted',
      stage: 1,
      actorType: options.actor.type,
      actorStaffId: options.actor.type === 'staff' ? options.actor.staffId : null,
      occurredAt: options.receivedAt,
      visibility: 'public',
      payload: { channel: input.channel, points: input.points.length, kind: input.kind },
    },
  ]);
  return { id, reference, receivedOn, dueDates, pointIds };
}

/** References are random; a clash is vanishingly rare, but checked. */
async function freshReference(tx: Transaction, deps: Pick<ServiceDependencies, 'randomBytes'>): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const reference = generateReference(deps.randomBytes);
    if (!(await referenceExists(tx, reference))) return reference;
  }
  throw new Error('Could not find an unused reference after five attempts.');
}
