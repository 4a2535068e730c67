import { countTrackingTry, hitRateLimit, insertTrackingSession, isCurrentTrackingCode, lockTrackingChallenge, spendTrackingChallenge } from '@complaints/db';
import { readTrackingProof, TRACKING_LIMITS } from '@complaints/domain';
import { trackingCodeHash } from '../casework/tracking-code-hash';
import type { ServiceDependencies } from '../dependencies';
import { addressBucket, hashOf, newToken, sameHash } from '../protection/secrets';

export type TrackingConfirmation =
  | { outcome: 'invalid'; problem: 'code.missing' | 'code.format' }
  /** Not the code: the same answer for a wrong code and for a reference no complaint has. */
  | { outcome: 'wrong'; triesLeft: number }
  /** Used, expired, tried too often, or never asked for: a new code is needed. */
  | { outcome: 'spent' }
  | { outcome: 'rate-limited'; retryAfterSeconds: number }
  /** The browser keeps `sessionToken` (its tracking cookie). */
  | { outcome: 'opened'; sessionToken: string };

/** A complaint id no complaint has: the printed code is looked up against it when the reference named none, so both take the same path. */
const NO_COMPLAINT = '00000000-0000-0000-0000-000000000000';

/**
 * The second step: the code. Either the 6-digit code emailed for this challenge or the tracking
 * code printed on a posted letter opens the complaint's tracking page. Each try is counted under
 * the challenge's lock; the fifth wrong try spends it, and a spent, used or expired challenge
 * opens nothing, however right the code. A reference no complaint has is followed down the same
 * path to the same answers, so nothing here tells anyone whether it exists.
 */
export async function confirmTrackingCode(
  deps: Pick<ServiceDependencies, 'db' | 'clock' | 'randomBytes'>,
  input: { token: string | null; typed: string; clientIp: string },
): Promise<TrackingConfirmation> {
  if (input.typed.trim() === '') return { outcome: 'invalid', problem: 'code.missing' };
  const proof = readTrackingProof(input.typed);
  if (!proof) return { outcome: 'invalid', problem: 'code.format' };
  if (!input.token) return { outcome: 'spent' };
  const now = deps.clock.now();
  const byAddress = await hitRateLimit(deps.db, addressBucket('track-try', input.clientIp), { ...TRACKING_LIMITS.triesPerAddress, now });
  if (!byAddress.allowed) return { outcome: 'rate-limited', retryAfterSeconds: byAddress.retryAfterSeconds };
  return deps.db.transaction(async (tx): Promise<TrackingConfirmation> => {
    const challenge = await lockTrackingChallenge(tx, hashOf(input.token!));
    if (!challenge || challenge.consumedAt || now >= challenge.expiresAt) return { outcome: 'spent' };
    const tries = await countTrackingTry(tx, challenge.id);
    if (tries > TRACKING_LIMITS.triesPerCode) {
      await spendTrackingChallenge(tx, challenge.id, now);
      return { outcome: 'spent' };
    }
    const matches =
      proof.kind === 'email_code'
        ? sameHash(hashOf(proof.code), challenge.codeHash)
        : await isCurrentTrackingCode(tx, challenge.complaintId ?? NO_COMPLAINT, trackingCodeHash(proof.code)!);
    if (matches && challenge.complaintId) {
      await spendTrackingChallenge(tx, challenge.id, now);
      const sessionToken = newToken(deps.randomBytes);
      await insertTrackingSession(tx, { id: hashOf(sessionToken), complaintId: challenge.complaintId, at: now });
      return { outcome: 'opened', sessionToken };
    }
    if (tries >= TRACKING_LIMITS.triesPerCode) {
      await spendTrackingChallenge(tx, challenge.id, now);
      return { outcome: 'spent' };
    }
    return { outcome: 'wrong', triesLeft: TRACKING_LIMITS.triesPerCode - tries };
  });
}
