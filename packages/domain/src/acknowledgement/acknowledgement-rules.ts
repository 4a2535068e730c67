import type { ContactMethod, FeedbackKind, LetterKind } from '../complaint/vocabulary';
import { timescaleForKind } from '../logging/index';

/**
 * The acknowledgement sent by return. It always says which manager will give the next response,
 * when, and how to reach them, so it cannot go before a manager is assigned. Compliments and
 * feedback are recorded, not answered, so they get none.
 */

export type AcknowledgementRefusal = 'no_responder' | 'nothing_owed';

export function checkAcknowledgement(complaint: { kind: FeedbackKind; responderId: string | null }): { ok: true } | { ok: false; reason: AcknowledgementRefusal } {
  if (timescaleForKind(complaint.kind) === 'none') return { ok: false, reason: 'nothing_owed' };
  if (complaint.responderId === null) return { ok: false, reason: 'no_responder' };
  return { ok: true };
}

/**
 * The letter an acknowledgement is written from: the complaint acknowledgement, or for someone who
 * is not a service user the letter that says we will reply outside the complaints procedure.
 */
export function acknowledgementLetterKind(kind: FeedbackKind): LetterKind {
  return kind === 'correspondence' ? 'non_service_user_reply' : 'acknowledgement';
}

export type WrittenDelivery = 'email' | 'post';

/**
 * How the written acknowledgement reaches the complainant safely. Their choice first; post never
 * goes where they said it is not safe to send it (some live with the person they fear); email is
 * used when post cannot be; with no safe way to write, staff must ask the complainant first.
 */
export function acknowledgementDelivery(complainant: {
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
