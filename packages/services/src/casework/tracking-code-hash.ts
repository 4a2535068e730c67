import { createHash } from 'node:crypto';
import { normaliseTrackingCode } from '@complaints/domain';

/**
 * The hash a tracking code is kept as: SHA-256 of its normal form (upper case, no separators, with
 * O read as 0 and I or L as 1), so the tracking page can check what a person types, however they
 * type it. Null when what was typed cannot be a tracking code.
 */
export function trackingCodeHash(typed: string): string | null {
  const normal = normaliseTrackingCode(typed);
  return normal === undefined ? null : createHash('sha256').update(normal).digest('hex');
}
