import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, createWorkingDayCalendar } from '../calendar/index';
import { ROLE_KEYS } from '../complaint/vocabulary';
import { ragStatus } from '../timescales/index';
import {
  DEFAULT_QUEUE_QUERY,
  dashboardScope,
  parseDashboardPeriod,
  QUEUE_KEYS,
  QUEUE_ORDER_BY_ROLE,
  pageCount,
  parseQueueQuery,
  queueScope,
  queueSearch,
  queueStates,
  ragBoundaries,
  ragFromBoundaries,
} from './queue-rules';

const calendar = createWorkingDayCalendar({ extraNonWorkingDays: ['2026-08-28'] });
const owner = (role: (typeof ROLE_KEYS)[number]) => ({
  id: 'me',
  role,
  businessAreaId: 'area-1',
  serviceAreaId: 'service-1',
});

describe('queue scopes', () => {
  it('gives each role the queues its work needs and no others', () => {
    expect(queueScope('new', owner('csq_administrator'))).toEqual({ kind: 'business_area', businessAreaId: 'area-1' });
    expect(queueScope('mine', owner('csq_administrator'))).toBeNull();
    expect(queueScope('mine', owner('responding_manager'))).toEqual({ kind: 'responder', staffId: 'me' });
    expect(queueScope('new', owner('responding_manager'))).toBeNull();
    expect(queueScope('mine', owner('head_of_service'))).toEqual({ kind: 'service_area', serviceAreaId: 'service-1' });
    expect(queueScope('caseload', owner('csq_manager'))).toEqual({ kind: 'csq_manager', staffId: 'me' });
    expect(queueScope('all', owner('national_office'))).toEqual({ kind: 'everything' });
    expect(queueScope('all', owner('csq_manager'))).toBeNull();
  });

  it('gives a system administrator no queue at all', () => {
    for (const queue of QUEUE_KEYS) expect(queueScope(queue, owner('system_administrator'))).toBeNull();
  });

  it('gives nothing to someone whose role needs an area they do not have', () => {
    expect(queueScope('new', { ...owner('csq_administrator'), businessAreaId: null })).toBeNull();
    expect(queueScope('mine', { ...owner('head_of_service'), serviceAreaId: null })).toBeNull();
  });

  it('starts everyone on a queue they may open', () => {
    for (const role of ROLE_KEYS) {
      for (const queue of QUEUE_ORDER_BY_ROLE[role]) expect(queueScope(queue, owner(role)), `${role} ${queue}`).not.toBeNull();
    }
  });
});

describe('dashboard scope', () => {
  it('reports on what each role watches, and nothing for a system administrator', () => {
    expect(dashboardScope(owner('national_office'))).toEqual({ kind: 'everything' });
    expect(dashboardScope(owner('csq_administrator'))).toEqual({ kind: 'business_area', businessAreaId: 'area-1' });
    expect(dashboardScope(owner('head_of_service'))).toEqual({ kind: 'service_area', serviceAreaId: 'service-1' });
    expect(dashboardScope(owner('responding_manager'))).toEqual({ kind: 'responder', staffId: 'me' });
    expect(dashboardScope(owner('system_administrator'))).toBeNull();
  });

  it('looks back 30 days unless asked for 7 or 90', () => {
    expect(parseDashboardPeriod('7')).toBe(7);
    expect(parseDashboardPeriod('90')).toBe(90);
    expect(parseDashboardPeriod('1000')).toBe(30);
    expect(parseDashboardPeriod(null)).toBe(30);
  });
});

describe('queue addresses', () => {
  it('reads every setting from the address', () => {
    const query = parseQueueQuery(
      new URLSearchParams('sort=received&direction=desc&state=investigating&stage=2&rag=red&area=7d3c9e0a-1b2c-4d5e-8f90-123456789abc&kind=complaint&page=3'),
    );
    expect(query).toEqual({
      sort: 'received',
      direction: 'desc',
      state: 'investigating',
      stage: 2,
      rag: 'red',
      serviceAreaId: '7d3c9e0a-1b2c-4d5e-8f90-123456789abc',
      kind: 'complaint',
      page: 3,
    });
  });

  it('falls back to the defaults for anything it does not understand', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('sort', 'direction', 'state', 'stage', 'rag', 'area', 'kind', 'page'), fc.string()), (params) => {
        const query = parseQueueQuery(new URLSearchParams(params));
        expect(query.page).toBeGreaterThanOrEqual(1);
        expect(Number.isInteger(query.page)).toBe(true);
        expect([null, 1, 2]).toContain(query.stage);
      }),
    );
    expect(parseQueueQuery(new URLSearchParams('sort=drop%20table&page=-4&stage=9&area=nope'))).toEqual(DEFAULT_QUEUE_QUERY);
  });

  it('writes an address that reads back as the same query, leaving defaults out', () => {
    expect(queueSearch(DEFAULT_QUEUE_QUERY)).toBe('');
    const query = { ...DEFAULT_QUEUE_QUERY, sort: 'reference' as const, rag: 'amber' as const, page: 4 };
    expect(parseQueueQuery(new URLSearchParams(queueSearch(query)))).toEqual(query);
  });
});

describe('queue states', () => {
  it('keeps the new queue to complaints waiting for their acknowledgement', () => {
    expect(queueStates('new', 'open')).toEqual(['received', 'logged']);
    expect(queueStates('new', 'any')).toEqual(['received', 'logged']);
    expect(queueStates('new', 'logged')).toEqual(['logged']);
    expect(queueStates('new', 'closed')).toEqual([]);
  });

  it('shows open complaints by default elsewhere, and any state when asked', () => {
    expect(queueStates('all', 'open')).toContain('investigating');
    expect(queueStates('all', 'open')).not.toContain('closed');
    expect(queueStates('all', 'any')).toBeNull();
    expect(queueStates('mine', 'closed')).toEqual(['closed']);
  });
});

describe('electronic warnings as date boundaries', () => {
  const dates = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2025-12-01', n));

  it('colour every due date exactly as ragStatus does, weekends and bank holidays included', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -10, max: 40 }), fc.integer({ min: 0, max: 20 }), (today, offset, window) => {
        const due = addDays(today, offset);
        expect(ragFromBoundaries(due, ragBoundaries(today, calendar, window))).toBe(ragStatus(due, today, calendar, window));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts amber from the due date back five working days', () => {
    // Friday 20 November 2026: five working days on is Friday 27 November; the weekend after it is still amber.
    const b = ragBoundaries('2026-11-20', calendar, 5);
    expect(b).toEqual({ redBefore: '2026-11-20', greenFrom: '2026-11-30' });
  });
});

describe('pages', () => {
  it('always has at least one page', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(25)).toBe(1);
    expect(pageCount(26)).toBe(2);
  });
});
