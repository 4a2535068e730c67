import type { QueueOwner, QueueScope } from '../queues/queue-rules';

/**
 * The print queue: posted letters that are approved and sent to be printed, waiting for someone
 * to print them, and those printed lately, which may be printed again (a lost letter, a jammed
 * printer). Printing is done by CSQ administration (the `print_letters` capability), each for the
 * letters of their business area.
 */

/** At most this many letters in one print: about one ream's worth of short letters, and a PDF a browser opens at once. */
export const PRINT_BATCH_LIMITS = { max: 50 } as const;

/** Letters printed in the last this many days are listed to be printed again. */
export const REPRINT_WINDOW_DAYS = 14;

/**
 * Whose letters a person's print queue holds: national office everyone's; a CSQ administrator or
 * CSQ manager their business area's (with letters of complaints not yet placed in an area, as
 * the access rules let them see those); nobody else prints. Always inside what the access rules
 * (packages/auth) let that person see.
 */
export function printQueueScope(owner: QueueOwner): QueueScope | null {
  switch (owner.role) {
    case 'national_office':
      return { kind: 'everything' };
    case 'csq_administrator':
    case 'csq_manager':
      return owner.businessAreaId ? { kind: 'business_area', businessAreaId: owner.businessAreaId } : null;
    default:
      return null;
  }
}
