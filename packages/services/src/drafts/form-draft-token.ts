import type { FlowId } from '@complaints/domain';
import { findFormDraft, type FormDraftRecord, type Executor, insertFormDraft } from '@complaints/db';
import type { FormDraftData } from '@complaints/domain';
import { hashOf, newToken } from '../protection/secrets';

/**
 * A draft is found by the random token in the complainant's cookie. Only the token's SHA-256 is
 * stored, as the draft's id, so the table of drafts cannot be used to take over anyone's form.
 */
export const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const newDraftToken = newToken;

/** The draft id for a token, or null for anything that is not one of our tokens. */
export function draftIdOf(token: string | null | undefined): string | null {
  if (!token || !TOKEN.test(token)) return null;
  return hashOf(token);
}

/** The draft behind a cookie, for this form only; null when there is none, it has expired, or it is another form's. */
export async function findDraftByToken(db: Executor, flow: FlowId, token: string | null | undefined, now: Date): Promise<FormDraftRecord | null> {
  const id = draftIdOf(token);
  if (!id) return null;
  const draft = await findFormDraft(db, id, now);
  return draft && draft.flow === flow ? draft : null;
}

export function draftExpiry(now: Date): Date {
  return new Date(now.getTime() + DRAFT_LIFETIME_MS);
}

/**
 * Starts a draft: a new cookie token, and the form instance key that the final submit carries and
 * the complaint keeps as its idempotency key.
 */
export async function startFormDraft(
  deps: { db: Executor; randomBytes: (n: number) => Uint8Array },
  flow: FlowId,
  data: Omit<FormDraftData, 'formKey'>,
  now: Date,
): Promise<{ token: string; id: string; data: FormDraftData }> {
  const token = newDraftToken(deps.randomBytes);
  const id = draftIdOf(token)!;
  const full: FormDraftData = { ...data, formKey: Buffer.from(deps.randomBytes(18)).toString('base64url') };
  await insertFormDraft(deps.db, { id, flow, data: full, now, expiresAt: draftExpiry(now) });
  return { token, id, data: full };
}
