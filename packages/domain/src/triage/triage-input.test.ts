import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldProblems } from '../complaint/complaint-input';
import { triageInputSchema, triageProgress } from './triage-input';

describe('triage of a point', () => {
  it('accepts a point for the organisation with its category and reason', () => {
    const parsed = triageInputSchema.parse({ categoryKey: 'delay', outcome: 'organisation', reason: ' We were slow to reply. ', courtRoute: 'ignored' });
    expect(parsed).toEqual({ categoryKey: 'delay', outcome: 'organisation', reason: 'We were slow to reply.', courtRoute: undefined });
  });

  it('needs a court matter to say how to raise it with the court', () => {
    const result = triageInputSchema.safeParse({ categoryKey: 'quality_of_work', outcome: 'court', reason: 'It is about the recommendation.', courtRoute: '' });
    expect(result.success).toBe(false);
    expect(fieldProblems(result.error!)).toEqual([{ field: 'courtRoute', message: 'courtRoute.required' }]);
    const ok = triageInputSchema.parse({
      categoryKey: 'quality_of_work',
      outcome: 'court',
      reason: 'It is about the recommendation.',
      courtRoute: 'Ask your solicitor, or write to the court, before the next hearing.',
    });
    expect(ok.courtRoute).toMatch(/solicitor/);
  });

  it('names each missing answer', () => {
    const result = triageInputSchema.safeParse({});
    expect(fieldProblems(result.error!).map((p) => p.message).sort()).toEqual(['category.required', 'outcome.required', 'triageReason.required']);
  });

  it('never throws, whatever is sent', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('categoryKey', 'outcome', 'reason', 'courtRoute'), fc.oneof(fc.string(), fc.integer(), fc.constant(null))), (input) => {
        const result = triageInputSchema.safeParse(input);
        if (!result.success) for (const p of fieldProblems(result.error)) expect(p.message).toMatch(/^[a-zA-Z]+\.[a-zA-Z]+$/);
      }),
    );
  });
});

describe('triage progress', () => {
  it('counts what is done and the court matters', () => {
    expect(triageProgress([{ triage: 'organisation' }, { triage: 'court' }, { triage: null }])).toEqual({
      triaged: 2,
      total: 3,
      courtMatters: 1,
      complete: false,
    });
    expect(triageProgress([]).complete).toBe(false);
  });
});
