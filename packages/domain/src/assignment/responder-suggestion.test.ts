import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AssignmentContext,
  type ResponderCandidate,
  checkResponderChoice,
  passedToManager,
  rankResponders,
  suggestCsqManager,
  suggestResponder,
} from './responder-suggestion';

const manager = (id: string, fullName: string, teamId: string | null, serviceAreaId: string | null, businessAreaId: string | null): ResponderCandidate => ({
  id,
  fullName,
  teamId,
  serviceAreaId,
  businessAreaId,
});

const managers = [
  manager('m1', 'David Brown', 'newcastle', 'nec', 'north'),
  manager('m2', 'Sarah Wilson', 'carlisle', 'nec', 'north'),
  manager('m3', 'Yusuf Ali', 'leeds', 'yah', 'north'),
  manager('m4', 'Kwame Mensah', 'north-london', 'ldn', 'south'),
];

const context = (over: Partial<AssignmentContext> = {}): AssignmentContext => ({
  stage: 1,
  teamId: 'carlisle',
  serviceAreaId: 'nec',
  businessAreaId: 'north',
  stageOneResponderIds: [],
  ...over,
});

describe('suggesting the responding manager', () => {
  it("suggests the manager of the practitioner's team first", () => {
    expect(suggestResponder(managers, context())).toMatchObject({ candidate: { id: 'm2' }, reason: 'team' });
  });

  it('falls back to the service area, then the business area', () => {
    // Reading has no manager of its own.
    expect(suggestResponder(managers, context({ teamId: 'reading', serviceAreaId: 'nec' }))).toMatchObject({
      candidate: { id: 'm1' },
      reason: 'service_area',
    });
    expect(suggestResponder(managers, context({ teamId: null, serviceAreaId: 'hull-only', businessAreaId: 'north' }))).toMatchObject({
      candidate: { id: 'm1' },
      reason: 'business_area',
    });
  });

  it('suggests nobody for a complaint not yet routed to an area, but still lists everyone', () => {
    const unrouted = context({ teamId: null, serviceAreaId: null, businessAreaId: null });
    expect(suggestResponder(managers, unrouted)).toBeNull();
    expect(rankResponders(managers, unrouted).map((r) => r.reason)).toEqual(['elsewhere', 'elsewhere', 'elsewhere', 'elsewhere']);
  });

  it('never offers the stage 1 responder for the stage 2 review', () => {
    const stageTwo = context({ stage: 2, stageOneResponderIds: ['m2'] });
    expect(rankResponders(managers, stageTwo).map((r) => r.candidate.id)).not.toContain('m2');
    expect(suggestResponder(managers, stageTwo)).toMatchObject({ candidate: { id: 'm1' }, reason: 'service_area' });
    // At stage 1 the same person is fine.
    expect(suggestResponder(managers, context({ stageOneResponderIds: ['m2'] }))).toMatchObject({ candidate: { id: 'm2' } });
  });

  const arbitraryManager = fc.record({
    id: fc.uuid(),
    fullName: fc.constantFrom('Ann', 'Bob', 'Cat', 'Dan', 'Eve'),
    teamId: fc.constantFrom('t1', 't2', 't3', null),
    serviceAreaId: fc.constantFrom('s1', 's2', null),
    businessAreaId: fc.constantFrom('b1', 'b2', null),
  });
  const arbitraryContext = fc.record({
    stage: fc.constantFrom(1 as const, 2 as const),
    teamId: fc.constantFrom('t1', 't2', null),
    serviceAreaId: fc.constantFrom('s1', 's2', null),
    businessAreaId: fc.constantFrom('b1', 'b2', null),
    stageOneResponderIds: fc.array(fc.uuid(), { maxLength: 2 }),
  });

  it('ranks the same whatever order the candidates come in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryManager, { selector: (m) => m.id, maxLength: 12 }), arbitraryContext, (list, ctx) => {
        const reversed = [...list].reverse();
        expect(rankResponders(reversed, ctx)).toEqual(rankResponders(list, ctx));
      }),
    );
  });

  it('never ranks a farther manager above a closer one, and never suggests a stage 1 responder at stage 2', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryManager, { selector: (m) => m.id, maxLength: 12 }), arbitraryContext, (list, ctx) => {
        const withPast = { ...ctx, stageOneResponderIds: [...ctx.stageOneResponderIds, ...(list[0] ? [list[0].id] : [])] };
        const ranked = rankResponders(list, withPast);
        const order = ['team', 'service_area', 'business_area', 'elsewhere'];
        for (let i = 1; i < ranked.length; i += 1) {
          expect(order.indexOf(ranked[i - 1]!.reason)).toBeLessThanOrEqual(order.indexOf(ranked[i]!.reason));
        }
        if (withPast.stage === 2) {
          for (const r of ranked) expect(withPast.stageOneResponderIds).not.toContain(r.candidate.id);
        }
        const inTeam = list.some((m) => withPast.teamId !== null && m.teamId === withPast.teamId && ranked.some((r) => r.candidate.id === m.id));
        if (inTeam) expect(suggestResponder(list, withPast)?.reason).toBe('team');
      }),
    );
  });
});

describe('checking the chosen responder', () => {
  it('refuses the stage 1 responder at stage 2, and anyone not offered', () => {
    expect(checkResponderChoice('m2', managers, { stage: 2, stageOneResponderIds: ['m2'] })).toEqual({ ok: false, reason: 'answered_stage_one' });
    expect(checkResponderChoice('someone-else', managers, { stage: 1, stageOneResponderIds: [] })).toEqual({ ok: false, reason: 'not_a_candidate' });
    expect(checkResponderChoice('m2', managers, { stage: 1, stageOneResponderIds: ['m2'] })).toEqual({ ok: true });
  });
});

describe('suggesting the CSQ manager', () => {
  it("suggests the business area's CSQ manager", () => {
    const csq = [manager('c1', 'Rachel Green', null, null, 'north'), manager('c2', 'Jamal Robinson', null, null, 'south')];
    expect(suggestCsqManager(csq, 'south')?.id).toBe('c2');
    expect(suggestCsqManager(csq, null)).toBeNull();
  });
});

describe('passing the complaint to its manager within the working day', () => {
  it('is in time when assigned on or before the day, late after it, and waiting until then', () => {
    expect(passedToManager('2026-11-24', '2026-11-24', '2026-11-25')).toBe('in_time');
    expect(passedToManager('2026-11-25', '2026-11-24', '2026-11-25')).toBe('late');
    expect(passedToManager(null, '2026-11-24', '2026-11-24')).toBe('waiting');
    expect(passedToManager(null, '2026-11-24', '2026-11-25')).toBe('late');
  });
});
