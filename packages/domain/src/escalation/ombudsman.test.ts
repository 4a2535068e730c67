import { describe, expect, it } from 'vitest';
import { checkDayFrom, checkOmbudsmanReplyDue, checkRecordedDay, judgeRecommendations, ombudsmanDueOn, ombudsmanFor } from './ombudsman';

describe('the Ombudsman', () => {
  it('is the Public Services Ombudsman for Wales for services in Wales, and the PHSO otherwise', () => {
    expect(ombudsmanFor('wales')).toBe('psow');
    expect(ombudsmanFor('england')).toBe('phso');
    expect(ombudsmanFor(null)).toBe('phso');
  });
});

describe('a day recorded after the fact', () => {
  const bounds = { notBefore: '2026-10-01', today: '2026-11-24' };

  it('is a real day between what it follows and today', () => {
    expect(checkRecordedDay('referredOn', '2026-11-24', bounds)).toEqual({ ok: true, date: '2026-11-24' });
    expect(checkRecordedDay('referredOn', '2026-10-01', bounds)).toEqual({ ok: true, date: '2026-10-01' });
  });

  it('says what is wrong with it, for the field it belongs to', () => {
    expect(checkRecordedDay('findingOn', 'missing', bounds)).toEqual({ ok: false, problem: { field: 'findingOn', message: 'findingOn.required' } });
    expect(checkRecordedDay('findingOn', 'invalid', bounds)).toEqual({ ok: false, problem: { field: 'findingOn', message: 'findingOn.invalid' } });
    expect(checkRecordedDay('findingOn', '2026-11-25', bounds)).toEqual({ ok: false, problem: { field: 'findingOn', message: 'findingOn.inFuture' } });
    expect(checkRecordedDay('findingOn', '2026-09-30', bounds)).toEqual({ ok: false, problem: { field: 'findingOn', message: 'findingOn.tooEarly' } });
  });
});

describe('the day the Ombudsman wants our reply by', () => {
  it('is any real day from the day of the referral on, even one already past', () => {
    expect(checkOmbudsmanReplyDue('2026-11-24', '2026-11-24')).toEqual({ ok: true, date: '2026-11-24' });
    expect(checkOmbudsmanReplyDue('2026-12-22', '2026-11-24')).toEqual({ ok: true, date: '2026-12-22' });
    expect(checkOmbudsmanReplyDue('2026-11-25', '2026-10-01')).toEqual({ ok: true, date: '2026-11-25' });
  });

  it('is required, a real date, and not before the referral', () => {
    const problem = (message: string) => ({ ok: false, problem: { field: 'replyDueOn', message: `replyDueOn.${message}` } });
    expect(checkOmbudsmanReplyDue('missing', '2026-11-24')).toEqual(problem('required'));
    expect(checkOmbudsmanReplyDue('invalid', '2026-11-24')).toEqual(problem('invalid'));
    expect(checkOmbudsmanReplyDue('2026-11-23', '2026-11-24')).toEqual(problem('beforeReferral'));
    expect(checkOmbudsmanReplyDue('2025-12-31', '2026-01-01')).toEqual(problem('beforeReferral'));
  });
});

describe('the Ombudsman’s enquiries', () => {
  it('make the complaint due on the earliest deadline not yet answered', () => {
    expect(ombudsmanDueOn([])).toBeNull();
    expect(
      ombudsmanDueOn([
        { dueOn: '2026-12-01', repliedOn: '2026-11-30' },
        { dueOn: '2026-12-22', repliedOn: null },
        { dueOn: '2026-12-15', repliedOn: null },
      ]),
    ).toBe('2026-12-15');
    expect(ombudsmanDueOn([{ dueOn: '2026-12-01', repliedOn: '2026-12-03' }])).toBeNull();
  });

  it('have a deadline on or after the day they came', () => {
    expect(checkDayFrom('dueOn', '2026-11-24', '2026-11-24', 'beforeReceived')).toEqual({ ok: true, date: '2026-11-24' });
    expect(checkDayFrom('dueOn', '2026-11-23', '2026-11-24', 'beforeReceived')).toEqual({ ok: false, problem: { field: 'dueOn', message: 'dueOn.beforeReceived' } });
    expect(checkDayFrom('dueOn', 'invalid', '2026-11-24', 'beforeReceived')).toEqual({ ok: false, problem: { field: 'dueOn', message: 'dueOn.invalid' } });
  });
});

describe('the Ombudsman’s recommendations', () => {
  it('each have an action, an owner and a due date not before the finding; empty rows are not recommendations', () => {
    expect(
      judgeRecommendations(
        [
          { action: ' Apologise in writing. ', owner: 'Head of Service, North East', dueOn: '2026-12-08' },
          { action: '', owner: '', dueOn: '' },
        ],
        '2026-11-24',
      ),
    ).toEqual({ ok: true, recommendations: [{ action: 'Apologise in writing.', owner: 'Head of Service, North East', dueOn: '2026-12-08' }] });
    expect(judgeRecommendations([], '2026-11-24')).toEqual({ ok: true, recommendations: [] });
  });

  it('say what a half-filled row is missing', () => {
    expect(
      judgeRecommendations(
        [
          { action: 'Train the team.', owner: '', dueOn: '2026-11-20' },
          { action: '', owner: 'CSQ manager', dueOn: 'invalid' },
        ],
        '2026-11-24',
      ),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'recommendations.0.owner', message: 'owner.required' },
        { field: 'recommendations.0.dueOn', message: 'dueOn.beforeFinding' },
        { field: 'recommendations.1.action', message: 'action.required' },
        { field: 'recommendations.1.dueOn', message: 'dueOn.invalid' },
      ],
    });
  });
});
