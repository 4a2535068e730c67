import type { ContactMethod } from '../complaint/vocabulary';

export type WrittenDelivery = 'email' | 'post';

/**
 * How a letter reaches the complainant safely. Their choice first; post never
 * goes where they said it is not safe to send it (some live with the person they fear); email is
 * used when post cannot be; with no safe way to write, staff must ask the complainant first.
 */
export function writtenDelivery(complainant: {
  preferredContact: ContactMethod;
  email: string | null;
  postalAddress: string | null;
  safeToSendPost: boolean | null;
}): { ok: true; delivery: WrittenDelivery } | { ok: false; reason: 'no_safe_written_contact' } {
  const canEmail = complainant.email !== null && complainant.email !== '';
  const canPost = complainant.postalAddress !== null && complainant.postalAddress !== '' && complainant.safeToSendPost !== false;
  if (complainant.preferredContact === 'post' && canPost) return { ok: true, delivery: 'post' };
  if (canEmail) return { ok: true, delivery: 'email' };
  if (canPost) return { ok: true, delivery: 'post' };
  return { ok: false, reason: 'no_safe_written_contact' };
}
