import { isoDateFromParts, type IsoDate } from '@complaints/domain';
import { z } from 'zod';

export type AuditQueryErrors = Partial<Record<'reference' | 'from' | 'to', true>>;

const part = z.string().trim().max(4).optional();
const query = z.object({
  person: z.string().uuid().optional().catch(undefined),
  reference: z.string().trim().max(40).optional().catch(undefined),
  action: z.string().trim().max(80).regex(/^[a-z_.]+$/).optional().catch(undefined),
  'from.day': part.catch(undefined),
  'from.month': part.catch(undefined),
  'from.year': part.catch(undefined),
  'to.day': part.catch(undefined),
  'to.month': part.catch(undefined),
  'to.year': part.catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

function dateFrom(day?: string, month?: string, year?: string): IsoDate | undefined | 'invalid' {
  if (!day && !month && !year) return undefined;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  if (![d, m, y].every(Number.isInteger) || y < 2000 || y > 2200) return 'invalid';
  try {
    return isoDateFromParts(y, m, d);
  } catch {
    return 'invalid';
  }
}

/** The audit search as typed into the page's form (a GET, so it can be bookmarked and paged). */
export function parseAuditQuery(searchParams: URLSearchParams) {
  const q = query.parse(Object.fromEntries(searchParams));
  const errors: AuditQueryErrors = {};
  const reference = q.reference || undefined;
  if (reference && !/^[A-Za-z0-9-]{4,40}$/.test(reference)) errors.reference = true;
  const from = dateFrom(q['from.day'], q['from.month'], q['from.year']);
  const to = dateFrom(q['to.day'], q['to.month'], q['to.year']);
  if (from === 'invalid') errors.from = true;
  if (to === 'invalid') errors.to = true;
  return {
    query: {
      staffId: q.person,
      complaintReference: errors.reference ? undefined : reference,
      action: q.action || undefined,
      fromDate: from === 'invalid' ? undefined : from,
      toDate: to === 'invalid' ? undefined : to,
    },
    typed: {
      person: q.person ?? '',
      reference: q.reference ?? '',
      action: q.action ?? '',
      from: { day: q['from.day'] ?? '', month: q['from.month'] ?? '', year: q['from.year'] ?? '' },
      to: { day: q['to.day'] ?? '', month: q['to.month'] ?? '', year: q['to.year'] ?? '' },
    },
    page: q.page,
    errors,
  };
}
