import { deleteFormDrafts, endFormDrafts } from '@complaints/db';
import type { AttachmentStorage } from '@complaints/storage';
import type { ServiceDependencies } from '../dependencies';
import { draftIdOf } from '../drafts/form-draft-token';
import { endTracking } from '../tracking/tracking-session';

/** What a browser holds with us, as its cookies carry it. */
export type ThisDevice = {
  /** The tokens of the complaint form drafts whose cookies the browser holds (either form, sent or not). */
  draftTokens: Array<string | null | undefined>;
  /** The token of the tracking session whose cookie the browser holds, if any. */
  trackingToken?: string | null | undefined;
};

export type ForgottenDevice = { drafts: number; filesDeleted: number };

/**
 * Forgets what a browser holds with us, for "Exit this page" and "Remove this from this device": the
 * device may be shared with the other party in a family court case. The session for following a
 * complaint ends here too, and whatever else a browser comes to hold with us belongs here, so that
 * one call forgets it all.
 *
 * Form drafts end at once, so they cannot be opened again; then the files uploaded to them are
 * deleted from storage, then their rows. If a file cannot be deleted the drafts stay ended, and the
 * nightly housekeeping removes them and their files as it does any expired draft. A complaint that
 * was sent is never touched: only the draft that led to its confirmation page.
 */
export async function forgetThisDevice(
  deps: Pick<ServiceDependencies, 'db' | 'clock'> & { storage: AttachmentStorage },
  input: ThisDevice,
): Promise<ForgottenDevice> {
  // A tracking session ends first and at once: it opens a whole complaint, not just a draft.
  await endTracking(deps, input.trackingToken ?? null);
  const ids = [...new Set(input.draftTokens.map((t) => draftIdOf(t)).filter((id): id is string => id !== null))];
  const ended = await endFormDrafts(deps.db, ids, deps.clock.now());
  if (ended.drafts === 0) return { drafts: 0, filesDeleted: 0 };
  for (const key of ended.storageKeys) await deps.storage.delete(key);
  return { drafts: await deleteFormDrafts(deps.db, ids), filesDeleted: ended.storageKeys.length };
}
