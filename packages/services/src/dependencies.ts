import type { Database } from '@complaints/db';
import type { Clock } from '@complaints/domain';

/** What every use case may use. Wired once per process and handed to the apps and the worker. */
export type ServiceDependencies = {
  db: Database;
  clock: Clock;
  /** Cryptographic randomness, for references, tokens and codes. */
  randomBytes: (length: number) => Uint8Array;
};
