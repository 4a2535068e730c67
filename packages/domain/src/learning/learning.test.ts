import { describe, expect, it } from 'vitest';
import {
  checkDueOn,
  checkLearningLevel,
  checkLearningUpdate,
  isLearningOverdue,
  LEARNING_SOURCE_KINDS,
  learningSourceValue,
  learningLogQuerySchema,
  namesInWording,
  raiseLearningSchema,
  readLearningSource,
  updateLearningSchema,
} from './learning';
import { MOVES } from '../lifecycle/moves';

const NONE = { teamId: null, serviceAreaId: null, businessAreaId: null };

describe('a learning point’s level', () => {
  it('needs the matching area: a team for team learning, a service area, a business area', () => {
    expect(checkLearningLevel('team', NONE)).toEqual([{ field: 'teamId', message: 'team.required' }]);
    expect(checkLearningLevel('service_area', NONE)).toEqual([{ field: 'serviceAreaId', message: 'serviceArea.required' }]);
    expect(checkLearningLevel('business_area', NONE)).toEqual([{ field: 'businessAreaId', message: 'businessArea.required' }]);
  });

  it('is not satisfied by an area of another level', () => {
    expect(checkLearningLevel('team', { ...NONE, serviceAreaId: 'sa', businessAreaId: 'ba' })).toHaveLength(1);
    expect(checkLearningLevel('service_area', { ...NONE, teamId: 't', businessAreaId: 'ba' })).toHaveLength(1);
    expect(checkLearningLevel('business_area', { ...NONE, teamId: 't', serviceAreaId: 'sa' })).toHaveLength(1);
  });

  it('is met when the matching area is given, and national learning needs none', () => {
    expect(checkLearningLevel('team', { ...NONE, teamId: 't' })).toEqual([]);
    expect(checkLearningLevel('service_area', { ...NONE, serviceAreaId: 'sa' })).toEqual([]);
    expect(checkLearningLevel('business_area', { ...NONE, businessAreaId: 'ba' })).toEqual([]);
    expect(checkLearningLevel('national', NONE)).toEqual([]);
  });
});

describe('raising learning', () => {
  const input = { source: 'complaint', level: 'team', teamId: 't', learnt: 'Calls were not returned.', action: 'Set a call-back rota.', ownerId: 'o', dueOn: '2027-01-15' };

  it('needs what was learnt, an action, an owner, a level and a real due date', () => {
    const parsed = raiseLearningSchema.safeParse({ source: 'complaint', learnt: ' ', action: '', dueOn: '2027-02-30' });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => i.message).sort();
    expect(messages).toEqual(['action.required', 'dueOn.invalid', 'learnt.required', 'level.required', 'owner.required']);
  });

  it('reads empty area choices as none', () => {
    expect(raiseLearningSchema.parse({ ...input, serviceAreaId: '', businessAreaId: '' })).toMatchObject({ teamId: 't', serviceAreaId: null, businessAreaId: null });
  });

  it('reads the source it came from: the complaint, one of its reviews, its referral or one of the Ombudsman’s recommendations', () => {
    expect(readLearningSource('complaint', 'c1')).toEqual({ kind: 'complaint', id: 'c1' });
    expect(readLearningSource('management_review:r1', 'c1')).toEqual({ kind: 'management_review', id: 'r1' });
    expect(readLearningSource('ombudsman_referral:o1', 'c1')).toEqual({ kind: 'ombudsman_referral', id: 'o1' });
    expect(readLearningSource('ombudsman_recommendation:x1', 'c1')).toEqual({ kind: 'ombudsman_recommendation', id: 'x1' });
    expect(readLearningSource('letter:l1', 'c1')).toBeNull();
    expect(readLearningSource('management_review:', 'c1')).toBeNull();
    expect(readLearningSource('ombudsman_recommendation:', 'c1')).toBeNull();
    expect(readLearningSource('complaint:c2', 'c1')).toBeNull();
  });

  it('names each source as the form sends it, and reads it back the same', () => {
    expect(learningSourceValue('complaint', 'c1')).toBe('complaint');
    expect(learningSourceValue('ombudsman_recommendation', 'x1')).toBe('ombudsman_recommendation:x1');
    for (const kind of LEARNING_SOURCE_KINDS) {
      const id = kind === 'complaint' ? 'c1' : 'x1';
      expect(readLearningSource(learningSourceValue(kind, id), 'c1')).toEqual({ kind, id });
    }
  });

  it('is in the learning.raised event with a recommendation as its source', () => {
    const payload = { learningPointId: '7b0f2c36-4c1e-4d6a-9f55-2f6d8e0b1a01', level: 'national', source: 'ombudsman_recommendation', sourceId: '7b0f2c36-4c1e-4d6a-9f55-2f6d8e0b1a02', dueOn: '2027-01-15' };
    expect(MOVES.raise_learning.event.payload.safeParse(payload).success).toBe(true);
    expect(MOVES.raise_learning.event.payload.safeParse({ ...payload, source: 'letter' }).success).toBe(false);
  });

  it('sets an action due from today on', () => {
    expect(checkDueOn('2026-11-23', '2026-11-24')).toEqual([{ field: 'dueOn', message: 'dueOn.past' }]);
    expect(checkDueOn('2026-11-24', '2026-11-24')).toEqual([]);
  });
});

describe('following an action up', () => {
  const update = (raw: Record<string, string>) => updateLearningSchema.parse(raw);

  it('is done only with the evidence that it was done', () => {
    expect(checkLearningUpdate('open', update({ status: 'done' }))).toEqual([{ field: 'evidence', message: 'evidence.required' }]);
    expect(checkLearningUpdate('in_progress', update({ status: 'done', evidence: '   ' }))).toEqual([{ field: 'evidence', message: 'evidence.required' }]);
    expect(checkLearningUpdate('in_progress', update({ status: 'done', evidence: 'Rota in place from 1 December; minutes of the team meeting.' }))).toEqual([]);
  });

  it('is not taken forward only with the reason', () => {
    expect(checkLearningUpdate('open', update({ status: 'not_taken_forward' }))).toEqual([{ field: 'reason', message: 'reason.required' }]);
    expect(checkLearningUpdate('open', update({ status: 'not_taken_forward', reason: 'Covered by the national change.' }))).toEqual([]);
  });

  it('moves on from open or in progress, and stays as it ended once done or not taken forward', () => {
    expect(checkLearningUpdate('open', update({ status: 'in_progress' }))).toEqual([]);
    expect(checkLearningUpdate('open', update({ status: 'open' }))).toEqual([{ field: 'status', message: 'status.unchanged' }]);
    expect(checkLearningUpdate('done', update({ status: 'in_progress' }))).toEqual([{ field: 'status', message: 'status.closed' }]);
    expect(checkLearningUpdate('not_taken_forward', update({ status: 'done', evidence: 'x' }))).toEqual([{ field: 'status', message: 'status.closed' }]);
  });

  it('is overdue once its day has passed while it is still to be done', () => {
    expect(isLearningOverdue({ status: 'open', dueOn: '2026-11-23' }, '2026-11-24')).toBe(true);
    expect(isLearningOverdue({ status: 'in_progress', dueOn: '2026-11-23' }, '2026-11-24')).toBe(true);
    expect(isLearningOverdue({ status: 'open', dueOn: '2026-11-24' }, '2026-11-24')).toBe(false);
    expect(isLearningOverdue({ status: 'done', dueOn: '2026-11-01' }, '2026-11-24')).toBe(false);
    expect(isLearningOverdue({ status: 'not_taken_forward', dueOn: '2026-11-01' }, '2026-11-24')).toBe(false);
  });
});

describe('the learning log’s links', () => {
  it('reads what it knows and falls back for anything else, so a mangled link still opens the log', () => {
    expect(learningLogQuerySchema.parse({ status: 'overdue', sort: 'raised', direction: 'desc', page: '2', area: 'a1' })).toEqual({ status: 'overdue', sort: 'raised', direction: 'desc', page: 2, area: 'a1' });
    expect(learningLogQuerySchema.parse({ status: 'nonsense', sort: '1;drop', direction: 'up', page: '-4' })).toEqual({ status: 'outstanding', sort: 'due', direction: 'asc', page: 1, area: null });
  });
});

describe('the bulletin’s wording', () => {
  const people = ['Jo Bloggs', 'Lucy Bell', 'Sarah Wilson', null];

  it('finds a full name or a surname, in any case, as words of their own', () => {
    expect(namesInWording('After Jo Bloggs complained, we changed the rota.', people)).toEqual(['Jo Bloggs']);
    expect(namesInWording('Ms BELL’s reports are now checked.', people)).toEqual(['Lucy Bell']);
    expect(namesInWording("Ms Bell's reports are now checked.", people)).toEqual(['Lucy Bell']);
    expect(namesInWording('Reports by Ms. Bell, the practitioner, are now checked.', people)).toEqual(['Lucy Bell']);
    expect(namesInWording('A letter from Mr O’Brien.', ["Sean O'Brien"])).toEqual(["Sean O'Brien"]);
    expect(namesInWording('sarah wilson reviewed the case', people)).toEqual(['Sarah Wilson']);
  });

  it('lets words that only contain a name through', () => {
    expect(namesInWording('Teams now return calls within two working days; a bellwether measure is reported monthly.', people)).toEqual([]);
  });
});
