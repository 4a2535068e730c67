import { can, type Capability, type StaffActor } from '@complaints/auth';

/**
 * Thrown by a use case asked to do what the person may not. Routes check first (and answer 403);
 * this is the second line, so a use case is safe whoever calls it.
 */
export class AccessDeniedError extends Error {
  override name = 'AccessDeniedError';
  constructor(readonly capability: string) {
    super(`Not allowed: ${capability}`);
  }
}

export function ensureCapability(actor: Pick<StaffActor, 'role'>, capability: Capability): void {
  if (!can(actor, capability)) throw new AccessDeniedError(capability);
}
