import type { SecretSealer } from '@complaints/auth';
import type { Database } from '@complaints/db';
import type { Clock } from '@complaints/domain';

/** What every use case may use. Wired once per process and handed to the apps and the worker. */
export type ServiceDependencies = {
  db: Database;
  clock: Clock;
  /** Cryptographic randomness, for references, tokens and codes. */
  randomBytes: (length: number) => Uint8Array;
  /** Seals and opens staff's second-factor secrets, with a key kept outside the database. */
  secondFactorSealer: SecretSealer;
  /**
   * The public addresses of the portal and the back office, for links in emails the services
   * write (a case for staff, the tracking page for a complainant). Absent in some tests: links
   * are then written as paths.
   */
  addresses?: { portal: string; backoffice: string };
};

/** A link to a page of the back office or the portal, absolute when the addresses are known. */
export function linkTo(deps: Pick<ServiceDependencies, 'addresses'>, app: 'portal' | 'backoffice', path: string): string {
  return `${deps.addresses?.[app] ?? ''}${path}`;
}
