import { describe, expect, it } from 'vitest';
import type { MoveActor, MoveFacts } from './check-move';
import { nextSteps } from './next-steps';

const everyone: MoveActor = { type: 'staff', id: 'anyone', holds: () => true };
const onlyNotes: MoveActor = { type: 'staff', id: 'clerk', holds: (c) => c === 'investigate' };

function facts(over: Partial<MoveFacts> = {}): MoveFacts {
  return {
    kind: 'complaint',
    state: 'received',
    stage: 1,
    responderId: null,
    stageOneResponderIds: [],
    points: { total: 2, untriaged: 2, unanswered: 2 },
    answersChangedAt: null,
    lettersUnsent: [],
    extended: false,
    paused: false,
    closureCheckComplete: false,
    stages: [1],
    surveyAnswered: false,
    ...over,
  };
}

describe('nextSteps', () => {
  it('offers logging, triage and a manager while a complaint is new', () => {
    expect(nextSteps(facts(), everyone)).toEqual(['log', 'triage_point', 'assign_responder']);
  });

  it('offers the acknowledgement once the points are triaged and a manager assigned', () => {
    expect(nextSteps(facts({ state: 'logged', responderId: 'manager', points: { total: 2, untriaged: 0, unanswered: 2 } }), everyone)).toEqual(['prepare_acknowledgement']);
  });

  it('after the acknowledgement no longer offers triage or a manager already done', () => {
    const steps = nextSteps(facts({ state: 'acknowledged', responderId: 'manager', points: { total: 2, untriaged: 0, unanswered: 2 } }), everyone);
    expect(steps).toEqual(['start_investigation']);
    expect(steps).not.toContain('triage_point');
    expect(steps).not.toContain('assign_responder');
    expect(steps).not.toContain('assign_csq_manager');
  });

  it('still offers triage after the acknowledgement when a point was added and not triaged', () => {
    expect(nextSteps(facts({ state: 'acknowledged', responderId: 'manager', points: { total: 3, untriaged: 1, unanswered: 3 } }), everyone)).toContain('triage_point');
  });

  it('moves from answering the points to drafting the response', () => {
    const investigating = facts({ state: 'investigating', responderId: 'manager', points: { total: 2, untriaged: 0, unanswered: 1 } });
    expect(nextSteps(investigating, everyone)).toEqual(['answer_point']);
    expect(nextSteps({ ...investigating, points: { total: 2, untriaged: 0, unanswered: 0 } }, everyone)).toEqual(['draft_response']);
    expect(nextSteps({ ...investigating, state: 'response_drafted', points: { total: 2, untriaged: 0, unanswered: 0 } }, everyone)).toEqual([]);
  });

  it('offers the closure check, then closing', () => {
    const sent = facts({ state: 'response_sent', responderId: 'manager', points: { total: 2, untriaged: 0, unanswered: 0 } });
    expect(nextSteps(sent, everyone)).toEqual(['quality_assure_closure']);
    expect(nextSteps({ ...sent, closureCheckComplete: true }, everyone)).toEqual(['close']);
  });

  it('offers starting the clock again while it is paused, before anything else it allows', () => {
    expect(nextSteps(facts({ state: 'investigating', responderId: 'manager', paused: true, points: { total: 2, untriaged: 0, unanswered: 1 } }), everyone)).toContain('resume_clock');
  });

  it('offers only what the table lets this person do', () => {
    expect(nextSteps(facts(), onlyNotes)).toEqual([]);
    expect(nextSteps(facts({ state: 'acknowledged', responderId: 'manager', points: { total: 2, untriaged: 0, unanswered: 2 } }), onlyNotes)).toEqual(['start_investigation']);
  });
});
