import { randomBytes } from 'node:crypto';
import { hashPassword } from '@complaints/auth';

let dummy: Promise<string> | null = null;

/**
 * A hash of a password nobody knows, checked when an account does not exist (or cannot sign in),
 * so the answer takes as long as for a real account and timing does not reveal who has one.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(32).toString('hex'));
  return dummy;
}
