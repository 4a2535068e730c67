import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATES, type ComplaintState, LETTER_KINDS, type LetterKind, type Stage } from '../complaint/vocabulary';
import { CASEWORK_CAPABILITIES } from './capabilities';
import { checkMove, isLetterMove, type LetterFacts, type MoveActor, type MoveFacts } from './check-move';
import { readEvent } from './event-history';
import { LETTER_EFFECTS, MOVE_NAMES, MOVES } from './moves';

const everyone: MoveActor = { type: 'staff', id: 'anyone', holds: () => true };
const nobody: MoveActor = { type: 'staff', id: 'nobody', holds: () => false };

function facts(over: Partial<MoveFacts> = {}): MoveFacts {
  return {
    kind: 'complaint',
    state: 'investigating',
    stage: 1,
    responderId: 'manager',
    stageOneResponderIds: [],
    points: { total: 3, untriaged: 0, unanswered: 0 },
    answersChangedAt: null,
    lettersUnsent: [],
    extended: false,
    paused: false,
    closureCheckComplete: true,
    stages: [1],
    surveyAnswered: false,
    ...over,
  };
}

function letter(over: Partial<LetterFacts> = {}): LetterFacts {
  return {
    id: 'letter',
    kind: 'stage_1_response',
    state: 'in_quality_assurance',
    stage: 1,
    delivery: 'email',
    writtenBy: 'manager',
    lastChangedBy: 'manager',
    versionMadeAt: new Date('2026-11-24T10:00:00Z'),
    ...over,
  };
}

describe('the lifecycle table', () => {
  it('gives every move its own event type, a payload schema and a known capability (or none, when only the complainant or the system makes it)', () => {
    const types = MOVE_NAMES.map((m) => MOVES[m].event.type);
    expect(new Set(types).size).toBe(types.length);
    for (const move of MOVE_NAMES) {
      const rule = MOVES[move];
      expect(rule.event.type, move).toMatch(/^[a-z_0-9]+\.[a-z_]+$/);
      expect(typeof rule.event.payload.safeParse, move).toBe('function');
      if ('capability' in rule) expect(CASEWORK_CAPABILITIES, move).toContain(rule.capability);
      else expect(('complainant' in rule && rule.complainant) || ('system' in rule && rule.system), move).toBe(true);
      for (const state of rule.from) expect(COMPLAINT_STATES, move).toContain(state);
    }
  });

  it('lets only the system anonymise, and only a complaint that is closed or withdrawn', () => {
    const everything = { type: 'staff' as const, id: 'someone', holds: () => true };
    const closed = facts({ state: 'closed' });
    expect(checkMove('anonymise', closed, { type: 'system' })).toMatchObject({ ok: true, to: 'closed' });
    expect(checkMove('anonymise', facts({ state: 'withdrawn' }), { type: 'system' })).toMatchObject({ ok: true, to: 'withdrawn' });
    expect(checkMove('anonymise', closed, everything).ok).toBe(false);
    expect(checkMove('anonymise', closed, { type: 'complainant' }).ok).toBe(false);
    expect(checkMove('anonymise', facts({ state: 'investigating' }), { type: 'system' }).ok).toBe(false);
    expect(checkMove('assign_responder', facts({ state: 'logged' }), { type: 'system' }).ok).toBe(false);
  });

  it('reaches every state at both stages by moves it allows', () => {
    // Breadth-first over (state, stage), each move made by someone who holds everything, on a
    // complaint whose guards are all met and, for letter moves, on each kind of letter it carries.
    const seen = new Set<string>(['received@1']);
    const queue: Array<{ state: ComplaintState; stage: Stage }> = [{ state: 'received', stage: 1 }];
    while (queue.length > 0) {
      const at = queue.shift()!;
      for (const move of MOVE_NAMES) {
        const letters: Array<LetterFacts | null> = isLetterMove(move)
          ? LETTER_KINDS.flatMap((kind) => (['draft', 'in_quality_assurance', 'approved', 'sent'] as const).map((state) => letter({ kind, state, stage: at.stage })))
          : [null];
        for (const l of letters) {
          const check = checkMove(move, facts({ state: at.state, stage: at.stage, stages: at.stage === 2 ? [1, 2] : [1] }), everyone, l);
          if (!check.ok) continue;
          const key = `${check.to}@${check.stage}`;
          if (!seen.has(key)) {
            seen.add(key);
            queue.push({ state: check.to, stage: check.stage });
          }
        }
      }
    }
    for (const stage of [1, 2]) for (const state of COMPLAINT_STATES) expect(seen, `${state}@${stage}`).toContain(`${state}@${stage}`);
  });

  it('refuses anyone without the capability, and lets the complainant make only their own moves', () => {
    for (const move of MOVE_NAMES) {
      expect(checkMove(move, facts({ state: MOVES[move].from[0] ?? 'received' }), nobody, letter()), move).toEqual({ ok: false, reason: 'not_allowed' });
    }
    const complainant: MoveActor = { type: 'complainant' };
    const theirs = MOVE_NAMES.filter((m) => 'complainant' in MOVES[m]);
    expect(theirs.sort()).toEqual(['add_information', 'answer_survey', 'request_stage_two', 'resume_clock', 'submit', 'withdraw']);
    expect(checkMove('withdraw', facts(), complainant)).toMatchObject({ ok: true, to: 'withdrawn' });
    expect(checkMove('approve_letter', facts({ state: 'in_quality_assurance' }), complainant, letter())).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('moves the complaint with its response letter through quality assurance', () => {
    expect(checkMove('submit_letter', facts({ state: 'response_drafted' }), everyone, letter({ state: 'draft' }))).toEqual({
      ok: true,
      to: 'in_quality_assurance',
      stage: 1,
      letterTo: 'in_quality_assurance',
    });
    const inQa = facts({ state: 'in_quality_assurance' });
    const qa: MoveActor = { type: 'staff', id: 'csq', holds: () => true };
    expect(checkMove('approve_letter', inQa, qa, letter())).toMatchObject({ ok: true, to: 'response_approved', letterTo: 'approved' });
    expect(checkMove('return_letter', inQa, qa, letter())).toMatchObject({ ok: true, to: 'investigating', letterTo: 'returned' });
    expect(checkMove('send_letter', facts({ state: 'response_approved' }), qa, letter({ state: 'approved' }))).toMatchObject({ ok: true, to: 'response_sent' });
    // A holding letter goes through the same checks and leaves the complaint where it is.
    expect(checkMove('approve_letter', facts(), qa, letter({ kind: 'holding' }))).toMatchObject({ ok: true, to: 'investigating', letterTo: 'approved' });
  });

  it('refuses approval of a letter by whoever wrote or last changed it', () => {
    const inQa = facts({ state: 'in_quality_assurance' });
    const author: MoveActor = { type: 'staff', id: 'manager', holds: () => true };
    expect(checkMove('approve_letter', inQa, author, letter())).toEqual({ ok: false, reason: 'own_letter' });
    expect(checkMove('approve_letter', inQa, { ...author, id: 'editor' }, letter({ lastChangedBy: 'editor' }))).toEqual({ ok: false, reason: 'own_letter' });
    expect(checkMove('return_letter', inQa, author, letter())).toEqual({ ok: false, reason: 'own_letter' });
  });

  it('refuses a response while any point lacks its own answer, or once an answer changed after it was drafted', () => {
    const unanswered = facts({ state: 'in_quality_assurance', points: { total: 3, untriaged: 0, unanswered: 1 } });
    const qa: MoveActor = { type: 'staff', id: 'csq', holds: () => true };
    expect(checkMove('approve_letter', unanswered, qa, letter())).toEqual({ ok: false, reason: 'point_unanswered' });
    expect(checkMove('draft_response', facts({ points: { total: 3, untriaged: 0, unanswered: 2 } }), everyone)).toEqual({ ok: false, reason: 'point_unanswered' });
    // A holding letter does not carry the answers, so it does not wait for them.
    expect(checkMove('approve_letter', unanswered, qa, letter({ kind: 'holding' }))).toMatchObject({ ok: true });
    const changed = facts({ state: 'in_quality_assurance', answersChangedAt: new Date('2026-11-24T11:00:00Z') });
    expect(checkMove('approve_letter', changed, qa, letter())).toEqual({ ok: false, reason: 'draft_out_of_date' });
  });

  it('sends nothing without approval', () => {
    for (const state of ['draft', 'in_quality_assurance', 'returned'] as const) {
      expect(checkMove('send_letter', facts({ state: 'response_approved' }), everyone, letter({ state }))).toEqual({ ok: false, reason: 'wrong_letter_state' });
    }
    expect(checkMove('send_letter', facts({ state: 'response_approved' }), everyone, null)).toEqual({ ok: false, reason: 'no_such_letter' });
  });

  it('keeps whoever answered stage 1 from the stage 2 review', () => {
    const stageTwo = facts({ stage: 2, stages: [1, 2], stageOneResponderIds: ['manager'] });
    const stageOneManager: MoveActor = { type: 'staff', id: 'manager', holds: () => true };
    expect(checkMove('answer_point', stageTwo, stageOneManager)).toEqual({ ok: false, reason: 'answered_stage_one' });
    expect(checkMove('draft_response', stageTwo, stageOneManager)).toEqual({ ok: false, reason: 'answered_stage_one' });
    expect(checkMove('start_investigation', { ...stageTwo, state: 'acknowledged' }, stageOneManager)).toEqual({ ok: false, reason: 'answered_stage_one' });
    expect(checkMove('answer_point', stageTwo, { ...stageOneManager, id: 'reviewer' })).toMatchObject({ ok: true });
    // At stage 1 the same person is the one answering.
    expect(checkMove('answer_point', facts({ stageOneResponderIds: ['manager'] }), stageOneManager)).toMatchObject({ ok: true });
  });

  it('closes only after the closure check, and opens stage 2 only once', () => {
    expect(checkMove('close', facts({ state: 'response_sent', closureCheckComplete: false }), everyone)).toEqual({ ok: false, reason: 'closure_check_incomplete' });
    expect(checkMove('close', facts({ state: 'response_sent' }), everyone)).toMatchObject({ ok: true, to: 'closed' });
    expect(checkMove('request_stage_two', facts({ state: 'closed' }), everyone)).toMatchObject({ ok: true, to: 'received', stage: 2 });
    expect(checkMove('request_stage_two', facts({ state: 'closed', stages: [1, 2] }), everyone)).toEqual({ ok: false, reason: 'stage_two_already' });
    expect(checkMove('request_stage_two', facts({ state: 'response_sent', kind: 'compliment' }), everyone)).toEqual({ ok: false, reason: 'not_for_this_kind' });
  });

  it('asks how the handling felt once, after closure, and only of the complainant', () => {
    const complainant: MoveActor = { type: 'complainant' };
    expect(checkMove('answer_survey', facts({ state: 'closed' }), complainant)).toMatchObject({ ok: true, to: 'closed' });
    expect(checkMove('answer_survey', facts({ state: 'closed', surveyAnswered: true }), complainant)).toEqual({ ok: false, reason: 'survey_answered' });
    expect(checkMove('answer_survey', facts({ state: 'response_sent' }), complainant)).toEqual({ ok: false, reason: 'wrong_state' });
    // No member of staff answers it for them, whatever they hold.
    expect(checkMove('answer_survey', facts({ state: 'closed' }), everyone)).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('acknowledges only once a manager is assigned, and never compliments', () => {
    expect(checkMove('prepare_acknowledgement', facts({ state: 'logged', responderId: null }), everyone)).toEqual({ ok: false, reason: 'no_responder' });
    expect(checkMove('prepare_acknowledgement', facts({ state: 'logged', kind: 'compliment' }), everyone)).toEqual({ ok: false, reason: 'not_for_this_kind' });
    expect(checkMove('prepare_acknowledgement', facts({ state: 'logged', lettersUnsent: [{ kind: 'acknowledgement', state: 'in_quality_assurance' }] }), everyone)).toEqual({
      ok: false,
      reason: 'letter_waiting',
    });
    // One returned by quality assurance is written again.
    expect(checkMove('prepare_acknowledgement', facts({ state: 'logged', lettersUnsent: [{ kind: 'acknowledgement', state: 'returned' }] }), everyone)).toMatchObject({ ok: true });
    expect(checkMove('assign_responder', facts({ state: 'logged', kind: 'feedback' }), everyone)).toEqual({ ok: false, reason: 'not_for_this_kind' });
  });

  it('gives each letter that carries the complaint an effect only at its own stage', () => {
    const effects = Object.keys(LETTER_EFFECTS) as LetterKind[];
    expect(effects).toEqual(expect.arrayContaining(['acknowledgement', 'stage_1_response', 'stage_2_response']));
    expect(checkMove('send_letter', facts({ state: 'response_approved', stage: 2, stages: [1, 2] }), everyone, letter({ state: 'approved', stage: 1 }))).toEqual({
      ok: false,
      reason: 'letter_of_another_stage',
    });
  });
});

describe('reading the history back', () => {
  it('reads each event by its move’s schema, and keeps what it cannot read by its type', () => {
    expect(readEvent('point.triaged', { pointId: '7d6f6a8e-1111-4222-8333-944444444444', outcome: 'court', category: 'delay' })).toMatchObject({
      move: 'triage_point',
      payload: { outcome: 'court' },
    });
    expect(readEvent('point.triaged', { pointId: 'not-an-id' })).toEqual({ move: null, type: 'point.triaged', payload: null });
    expect(readEvent('complaint.acknowledged', { letter: 'acknowledgement' })).toMatchObject({ move: null, payload: { letter: 'acknowledgement' } });
    expect(readEvent('something.else', {})).toEqual({ move: null, type: 'something.else', payload: null });
  });

  it('has a move for every event type it writes', () => {
    for (const move of MOVE_NAMES) expect(readEvent(MOVES[move].event.type, {}).type).toBe(MOVES[move].event.type);
  });
});
