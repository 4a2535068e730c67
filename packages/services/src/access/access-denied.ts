import { can, type Capability, type StaffActor } from '@complaints/auth';
import { Refusal } from '../refusal';

/**
 * A use case asked to do what the person may not refuses as every use case does (`not_allowed`).
 * Routes check first (and answer 403); this is the second line, so a use case is safe whoever calls it.
 */
export function ensureCapability(actor: Pick<StaffActor, 'role'>, capability: Capability): void {
  if (!can(actor, capability)) throw new Refusal('not_allowed');
}
