import { enqueueOutboxMessages, findComplaintToTrack, hitRateLimit, insertTrackingChallenge, lockTrackingChallenge, spendTrackingChallenge } from '@complaints/db';
import { generateEmailCode, parseReference, type ReferenceParseFailure, TRACKING_LIMITS } from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';
import { trackingCodeEmail } from './tracking-emails';
import { addressBucket, hashOf, newToken } from '../protection/secrets';

export type TrackingStart =
  | { outcome: 'invalid'; problem: `reference.${ReferenceParseFailure}` }
  | { outcome: 'rate-limited'; retryAfterSeconds: number }
  /** The browser keeps `token` (its cookie) and is asked for the code. Said whether or not the reference exists. */
  | { outcome: 'asked-for-code'; token: string };

/**
 * The first step of following a complaint: the reference. A reference that cannot be one (wrong
 * length, a character we never use, a check character that does not fit) is a mistake to point
 * out. Any reference that could be one is treated the same whether a complaint has it or not:
 * a challenge is written, a code is made and its email written, and the next page asks for the
 * code; only when a complaint has it and has an email address is the email queued. So the page,
 * its status and its timing tell nobody whether a complaint exists.
 */
export async function startTracking(deps: Pick<ServiceDependencies, 'db' | 'clock' | 'randomBytes'>, input: { typed: string; clientIp: string }): Promise<TrackingStart> {
  const parsed = parseReference(input.typed);
  if (!parsed.ok) return { outcome: 'invalid', problem: `reference.${parsed.reason}` };
  const now = deps.clock.now();
  const byAddress = await hitRateLimit(deps.db, addressBucket('track-lookup', input.clientIp), { ...TRACKING_LIMITS.lookupsPerAddress, now });
  if (!byAddress.allowed) return { outcome: 'rate-limited', retryAfterSeconds: byAddress.retryAfterSeconds };
  return issueChallenge(deps, parsed.reference, now);
}

/**
 * "Send me a new code": the challenge the browser holds is spent and a new one made for the same
 * reference, under the same limits (and, for a reference no complaint has, the same nothing).
 */
export async function askForNewCode(deps: Pick<ServiceDependencies, 'db' | 'clock' | 'randomBytes'>, input: { token: string | null; clientIp: string }): Promise<TrackingStart | { outcome: 'start-again' }> {
  if (!input.token) return { outcome: 'start-again' };
  const now = deps.clock.now();
  const byAddress = await hitRateLimit(deps.db, addressBucket('track-lookup', input.clientIp), { ...TRACKING_LIMITS.lookupsPerAddress, now });
  if (!byAddress.allowed) return { outcome: 'rate-limited', retryAfterSeconds: byAddress.retryAfterSeconds };
  const reference = await deps.db.transaction(async (tx) => {
    const challenge = await lockTrackingChallenge(tx, hashOf(input.token!));
    if (!challenge) return null;
    await spendTrackingChallenge(tx, challenge.id, now);
    return challenge.reference;
  });
  if (!reference) return { outcome: 'start-again' };
  return issueChallenge(deps, reference, now);
}

async function issueChallenge(deps: Pick<ServiceDependencies, 'db' | 'clock' | 'randomBytes'>, reference: string, now: Date): Promise<TrackingStart> {
  // Counted by reference whether or not a complaint has it: a limit reached says nothing either.
  const byReference = await hitRateLimit(deps.db, `track-code:${reference}`, { ...TRACKING_LIMITS.codesPerReference, now });
  if (!byReference.allowed) return { outcome: 'rate-limited', retryAfterSeconds: byReference.retryAfterSeconds };
  const token = newToken(deps.randomBytes);
  const code = generateEmailCode(deps.randomBytes);
  await deps.db.transaction(async (tx) => {
    const complaint = await findComplaintToTrack(tx, reference);
    const language = complaint?.language ?? 'en';
    const audience = complaint?.audience ?? 'adult';
    // Written every time, sent only when there is somewhere to send it.
    const email = trackingCodeEmail({ reference, code, language, audience, minutes: TRACKING_LIMITS.codeMinutes });
    await insertTrackingChallenge(tx, {
      tokenHash: hashOf(token),
      reference,
      complaintId: complaint?.id ?? null,
      codeHash: hashOf(code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + TRACKING_LIMITS.codeMinutes * 60_000),
    });
    if (complaint?.email && !complaint.anonymisedAt) {
      await enqueueOutboxMessages(tx, [
        { complaintId: complaint.id, channel: 'email', template: 'tracking.code', recipient: complaint.email, language, audience, payload: { ...email, forgetAfterSending: true }, createdAt: now, nextAttemptAt: now },
      ]);
    }
  });
  return { outcome: 'asked-for-code', token };
}
