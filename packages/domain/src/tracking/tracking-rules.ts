import type { ComplaintState, Stage } from '../complaint/vocabulary';
import { normaliseTrackingCode } from '../acknowledgement/tracking-code';

/**
 * Following a complaint online: the reference, then proof that this is the complainant, either a
 * 6-digit code sent to the email address on the complaint or the tracking code printed on a
 * posted letter. Never the surname, postcode or date of birth: in a family court case the other
 * party may know all three.
 */
export const TRACKING_LIMITS = {
  /** How long an emailed code works. */
  codeMinutes: 10,
  /** Tries at one code (emailed or printed) before it is spent and a new one must be asked for. */
  triesPerCode: 5,
  /** A tracking session ends after this long without a page being opened. */
  sessionIdleMinutes: 30,
  /** References looked up from one address (a person mistyping a few times is well inside it). */
  lookupsPerAddress: { limit: 10, windowSeconds: 15 * 60 },
  /** Codes sent for one reference, whoever asks: the complainant's inbox is not to be flooded. */
  codesPerReference: { limit: 4, windowSeconds: 60 * 60 },
  /** Codes tried from one address, across references. */
  triesPerAddress: { limit: 30, windowSeconds: 60 * 60 },
} as const;

const EMAIL_CODE_DIGITS = 6;
const EMAIL_CODE_SPACE = 10 ** EMAIL_CODE_DIGITS;
// The largest multiple of a million below 2^32: values at or above it are drawn again, so every code is equally likely.
const UNBIASED_BELOW = Math.floor(2 ** 32 / EMAIL_CODE_SPACE) * EMAIL_CODE_SPACE;

/** A 6-digit code, uniformly chosen, leading zeros kept. */
export function generateEmailCode(randomBytes: (n: number) => Uint8Array): string {
  for (;;) {
    const bytes = randomBytes(4);
    if (bytes.length < 4) throw new RangeError(`Expected 4 random bytes, got ${bytes.length}`);
    const value = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    if (value < UNBIASED_BELOW) return String(value % EMAIL_CODE_SPACE).padStart(EMAIL_CODE_DIGITS, '0');
  }
}

export type TrackingProof = { kind: 'email_code'; code: string } | { kind: 'tracking_code'; code: string };

/**
 * What was typed in the code box, read as one of the two proofs: six digits (spaces and hyphens
 * forgiven, as people paste "123 456") are an emailed code; ten characters of the printed alphabet
 * are a tracking code, in its normal form. Undefined when it can be neither.
 */
export function readTrackingProof(typed: string): TrackingProof | undefined {
  const compact = typed.replace(/[\s\-\u2010-\u2015\u2212]/g, '');
  if (/^[0-9]{6}$/.test(compact)) return { kind: 'email_code', code: compact };
  const code = normaliseTrackingCode(compact);
  return code === undefined ? undefined : { kind: 'tracking_code', code };
}

/** Whether a code (or a session) last used at `since` has lapsed by `now`. */
export function hasLapsed(since: Date, now: Date, minutes: number): boolean {
  return now.getTime() - since.getTime() >= minutes * 60_000;
}

/** Where a complaint is, in the few plain steps the complainant is shown. */
export const PUBLIC_PROGRESS = ['received', 'acknowledged', 'looking_into_it', 'answered', 'closed', 'withdrawn', 'with_ombudsman'] as const;
export type PublicProgress = (typeof PUBLIC_PROGRESS)[number];

const PROGRESS_OF: Record<ComplaintState, PublicProgress> = {
  received: 'received',
  logged: 'received',
  acknowledged: 'acknowledged',
  investigating: 'looking_into_it',
  response_drafted: 'looking_into_it',
  in_quality_assurance: 'looking_into_it',
  response_approved: 'looking_into_it',
  response_sent: 'answered',
  closed: 'closed',
  withdrawn: 'withdrawn',
  with_ombudsman: 'with_ombudsman',
};

/** The complainant's view of the state: drafts, quality assurance and approval are our work, not steps of theirs. */
export function publicProgress(state: ComplaintState): PublicProgress {
  return PROGRESS_OF[state];
}

/** The stage a progress is described at: a review (stage 2) is told as such. */
export function progressKey(state: ComplaintState, stage: Stage): `${PublicProgress}.stage${Stage}` {
  return `${publicProgress(state)}.stage${stage}`;
}
