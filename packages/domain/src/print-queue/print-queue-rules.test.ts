import { describe, expect, it } from 'vitest';
import { printQueueScope } from './print-queue-rules';

const owner = (role: Parameters<typeof printQueueScope>[0]['role'], businessAreaId: string | null = 'north') => ({ id: 'me', role, businessAreaId, serviceAreaId: 'nec' });

describe('printQueueScope', () => {
  it('gives national office every letter and CSQ administration their business area', () => {
    expect(printQueueScope(owner('national_office', null))).toEqual({ kind: 'everything' });
    expect(printQueueScope(owner('csq_administrator'))).toEqual({ kind: 'business_area', businessAreaId: 'north' });
    expect(printQueueScope(owner('csq_manager'))).toEqual({ kind: 'business_area', businessAreaId: 'north' });
  });

  it('gives nobody else a print queue, nor CSQ staff without an area', () => {
    for (const role of ['responding_manager', 'head_of_service', 'system_administrator'] as const) expect(printQueueScope(owner(role))).toBeNull();
    expect(printQueueScope(owner('csq_administrator', null))).toBeNull();
  });
});
