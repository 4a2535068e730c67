import { type CorrectableComplainant, findCorrectableComplainant, recordAudit, recordComplainantCorrection } from '@complaints/db';
import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { requireMove } from '../lifecycle/offered-moves';
import { type MoveUseCase, runMove } from '../lifecycle/run-move';
import { Refusal } from '../refusal';
import { type CorrectableField, type CorrectionInput, correctionInputSchema, planCorrection } from './complainant-correction';

/**
 * A correction to the complainant's details after logging (a new address, a number mistyped, a
 * language or a need for help we did not know of), with the reason for it. Their record is changed;
 * the old and new values are kept with the reason, for those who may read them; the history says
 * only which fields changed. A change of language is the complaint's too: its letters follow it.
 */
export const correctComplainantDetailsMove: MoveUseCase<'correct_complainant_details', CorrectionInput, { correctionId: string; fields: CorrectableField[] }> = {
  move: 'correct_complainant_details',
  input: correctionInputSchema,
  async apply({ tx, complaint, staff, now }, { reason, ...corrected }) {
    const current = await findCorrectableComplainant(tx, complaint.id, { lock: true });
    if (!current) throw new Refusal('not_found');
    const plan = planCorrection(current, corrected);
    if (!plan.ok) throw 'problems' in plan ? Refusal.invalid(plan.problems) : new Refusal(plan.refusal);
    const correctionId = await recordComplainantCorrection(tx, { complaintId: complaint.id, details: plan.details, changes: plan.changes, reason, staffId: staff!.id, now });
    const fields = plan.changes.map((c) => c.field);
    return {
      payload: { correctionId, fields },
      reason,
      ...(plan.details.language ? { changes: { language: plan.details.language } } : {}),
      auditSubject: `correction:${correctionId}`,
      result: { correctionId, fields },
    };
  },
};

export function correctComplainantDetails(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string, raw: unknown) {
  return runMove(deps, request, correctComplainantDetailsMove, { complaintId }, raw);
}

export type ComplainantCorrectionForm = {
  complaintId: string;
  reference: string;
  /** Their details as they stand, to correct. */
  current: Omit<CorrectableComplainant, 'anonymisedAt' | 'role' | 'onBehalfOfName' | 'onBehalfOfRelationship' | 'onBehalfOfConsent'>;
};

/** The page for correcting their details: for those who may, while there are details to correct. */
export async function viewComplainantCorrection(deps: ServiceDependencies, request: CaseworkRequest, complaintId: string): Promise<ComplainantCorrectionForm> {
  const { access, blocked } = await requireMove(deps, request, complaintId, 'correct_complainant_details');
  if (blocked) throw new Refusal(blocked);
  const complainant = await findCorrectableComplainant(deps.db, complaintId);
  if (!complainant) throw new Refusal('not_found');
  if (complainant.anonymisedAt !== null) throw new Refusal('anonymised');
  await recordAudit(deps.db, { staffId: request.actor.id, action: 'complaint.viewed', complaintId, subject: 'page:correct_complainant_details', requestId: request.requestId });
  const { anonymisedAt: _gone, role: _role, onBehalfOfName: _name, onBehalfOfRelationship: _relationship, onBehalfOfConsent: _consent, ...current } = complainant;
  return { complaintId, reference: access.reference, current };
}
