import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATES } from '../complaint/vocabulary';
import { LIFECYCLE, availableActions, checkTransition, pathTo } from './complaint-lifecycle';

const complaint = (state: (typeof COMPLAINT_STATES)[number], stage: 1 | 2 = 1) => ({ state, stage, kind: 'complaint' as const });

describe('complaint lifecycle', () => {
  it('moves a complaint from received to acknowledged only through an administrator', () => {
    expect(checkTransition('acknowledge', complaint('logged'), 'csq_administrator')).toMatchObject({ ok: true, to: 'acknowledged' });
    expect(checkTransition('acknowledge', complaint('logged'), 'responding_manager')).toMatchObject({ ok: false, reason: 'not_allowed_for_actor' });
    expect(checkTransition('acknowledge', complaint('closed'), 'csq_administrator')).toMatchObject({ ok: false, reason: 'wrong_state' });
  });

  it('lets the complainant ask for stage 2 after the stage 1 response, and only once', () => {
    expect(checkTransition('request_stage_two', complaint('response_sent'), 'complainant')).toMatchObject({ ok: true, to: 'received', stage: 2 });
    expect(checkTransition('request_stage_two', complaint('response_sent', 2), 'complainant')).toMatchObject({ ok: false, reason: 'wrong_stage' });
  });

  it('does not offer stage 2 for a compliment', () => {
    expect(checkTransition('request_stage_two', { state: 'response_sent', stage: 1, kind: 'compliment' }, 'complainant')).toMatchObject({
      ok: false,
      reason: 'not_for_this_kind',
    });
  });

  it('only quality assurance can approve or return a response', () => {
    expect(checkTransition('approve_response', complaint('in_quality_assurance'), 'csq_manager').ok).toBe(true);
    expect(checkTransition('approve_response', complaint('in_quality_assurance'), 'responding_manager').ok).toBe(false);
    expect(checkTransition('return_response', complaint('in_quality_assurance'), 'csq_manager')).toMatchObject({ to: 'investigating' });
  });

  it('lets a complaint be withdrawn while open but not once closed', () => {
    expect(checkTransition('withdraw', complaint('investigating'), 'complainant').ok).toBe(true);
    expect(checkTransition('withdraw', complaint('closed'), 'complainant').ok).toBe(false);
  });

  it('every rule names an event and every target state is a known state', () => {
    for (const [action, rule] of Object.entries(LIFECYCLE)) {
      expect(rule.event, action).toMatch(/^[a-z_]+\.[a-z_]+$/);
      if (rule.to) expect(COMPLAINT_STATES).toContain(rule.to);
    }
  });

  it('can reach every state at both stages by allowed steps', () => {
    const actors = ['complainant', 'csq_administrator', 'responding_manager', 'csq_manager', 'national_office'] as const;
    for (const stage of [1, 2] as const) {
      for (const target of COMPLAINT_STATES) {
        let current = complaint('received', 1);
        for (const step of pathTo(target, stage)) {
          const actor = actors.find((a) => checkTransition(step, current, a).ok);
          expect(actor, `${target}@${stage}: ${step} from ${current.state}`).toBeDefined();
          const result = checkTransition(step, current, actor!);
          if (!result.ok) throw new Error('unreachable');
          current = { ...current, state: result.to, stage: result.stage };
        }
        expect(current.state, `${target}@${stage}`).toBe(target);
        if (target !== 'received' || stage === 2) expect(current.stage).toBe(stage);
      }
    }
  });

  it('offers the manager the next steps of an investigation', () => {
    expect(availableActions(complaint('investigating'), 'responding_manager')).toEqual(
      expect.arrayContaining(['answer_point', 'draft_response', 'record_management_review', 'extend']),
    );
  });
});
