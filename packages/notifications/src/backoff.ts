/** After this many failed attempts a message is marked failed and shown to staff. */
export const MAX_DELIVERY_ATTEMPTS = 8;

/**
 * How long to wait before the next attempt: doubling from 30 seconds, capped at 6 hours, with
 * jitter from the caller's random number so many failing messages do not retry in step.
 */
export function retryDelayMs(attempt: number, random: number): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 6 * 60 * 60 * 1000);
  return Math.round(base * (0.75 + random * 0.5));
}
