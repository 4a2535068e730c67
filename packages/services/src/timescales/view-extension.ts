import { findStageClock, recordAudit } from '@complaints/db';
import { extensionMaximum, type IsoDate, latestExtendedDueOn, londonDateOf, type MoveRefusal, type Stage } from '@complaints/domain';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { Refusal } from '../refusal';
import { loadProcessSettings } from '../settings/process-settings';

export type ExtensionPage = {
  complaintId: string;
  reference: string;
  stage: Stage;
  today: IsoDate;
  /** The response date as it stands, and the latest an extension may set. */
  dueOn: IsoDate;
  latestDueOn: IsoDate;
  maxWorkingDays: number;
  /** The stage's extension, if it has had its one. */
  extension: { extendedAt: Date; reason: string | null } | null;
  /** Why it cannot be extended now (already extended, the clock paused), if it cannot. */
  blocked: MoveRefusal | null;
};

/** The page to extend a stage's timescale: the date as it stands, how far it may go, and whether it may. */
export async function viewExtension(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<ExtensionPage> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'extend');
  const [clock, settings] = await Promise.all([findStageClock(deps.db, complaintId, access.stage), loadProcessSettings(deps.db)]);
  if (!clock) throw new Refusal('nothing_owed');
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:extend', requestId: request.requestId });
  return {
    complaintId,
    reference: access.reference,
    stage: access.stage,
    today: londonDateOf(deps.clock.now()),
    dueOn: clock.responseDueOn,
    latestDueOn: latestExtendedDueOn(access.stage, clock.responseDueOn, settings.timescales, settings.calendar),
    maxWorkingDays: extensionMaximum(access.stage, settings.timescales),
    extension: clock.extendedAt ? { extendedAt: clock.extendedAt, reason: clock.extensionReason } : null,
    blocked,
  };
}
