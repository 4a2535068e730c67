import { describe, expect, it } from 'vitest';
import { changedTimescales, checkTimescaleChange } from './timescale-change';
import { DEFAULT_TIMESCALES, TIMESCALE_KEYS, TIMESCALE_LIMITS } from './timescales';

/** The form as it arrives: every box a string. */
const typed = (over: Record<string, string> = {}) => ({ ...Object.fromEntries(TIMESCALE_KEYS.map((k) => [k, String(DEFAULT_TIMESCALES[k])])), ...over });

describe('a change to the timescales', () => {
  it('takes every timescale as a whole number of working days', () => {
    expect(checkTimescaleChange(typed({ stage_1_response: ' 20 ', reminder_window: '3' }))).toEqual({
      ok: true,
      timescales: { ...DEFAULT_TIMESCALES, stage_1_response: 20, reminder_window: 3 },
    });
  });

  it('accepts each limit itself, and nothing past it', () => {
    for (const key of TIMESCALE_KEYS) {
      const { min, max } = TIMESCALE_LIMITS[key];
      // The order between pairs is kept by moving the other of the pair with it where needed.
      const withOthers = (days: number) =>
        typed({
          [key]: String(days),
          ...(key === 'acknowledge' ? { pass_to_manager: '0' } : {}),
          ...(key === 'stage_1_response' ? { acknowledge: '1', pass_to_manager: '0' } : {}),
          ...(key === 'pass_to_manager' ? { acknowledge: '5' } : {}),
          ...(key === 'stage_2_response' ? { stage_2_acknowledge: '0' } : {}),
          ...(key === 'stage_2_acknowledge' ? { stage_2_response: '65' } : {}),
        });
      expect(checkTimescaleChange(withOthers(min)).ok, `${key} at ${min}`).toBe(true);
      expect(checkTimescaleChange(withOthers(max)).ok, `${key} at ${max}`).toBe(true);
      expect(checkTimescaleChange(withOthers(max + 1)), `${key} past ${max}`).toEqual({ ok: false, problems: [{ field: key, message: 'timescale.range' }] });
      if (min > 0) expect(checkTimescaleChange(withOthers(min - 1)), `${key} under ${min}`).toEqual({ ok: false, problems: [{ field: key, message: 'timescale.range' }] });
    }
  });

  it('says which boxes are empty, not whole numbers or out of range, all at once and in the order of the form', () => {
    expect(checkTimescaleChange(typed({ stage_2_response: '', acknowledge: '1.5', stage_1_response: '-3', reminder_window: 'five', non_service_user_reply: '100' }))).toEqual({
      ok: false,
      problems: [
        { field: 'acknowledge', message: 'timescale.whole' },
        { field: 'stage_1_response', message: 'timescale.whole' },
        { field: 'stage_2_response', message: 'timescale.required' },
        { field: 'reminder_window', message: 'timescale.whole' },
        { field: 'non_service_user_reply', message: 'timescale.range' },
      ],
    });
  });

  it('needs every timescale, and reads numbers sent as numbers', () => {
    const { stage_2_extension_max: _left, ...rest } = typed();
    expect(checkTimescaleChange(rest)).toEqual({ ok: false, problems: [{ field: 'stage_2_extension_max', message: 'timescale.required' }] });
    expect(checkTimescaleChange({ ...DEFAULT_TIMESCALES })).toEqual({ ok: true, timescales: DEFAULT_TIMESCALES });
    expect(checkTimescaleChange({ ...typed(), acknowledge: ['1'] as unknown as string }).ok).toBe(false);
  });

  it('refuses a very long run of digits as not a number it could mean', () => {
    expect(checkTimescaleChange(typed({ stage_1_response: '0000000015' }))).toEqual({ ok: false, problems: [{ field: 'stage_1_response', message: 'timescale.whole' }] });
    expect(checkTimescaleChange(typed({ stage_1_response: '015' }))).toMatchObject({ ok: true, timescales: { stage_1_response: 15 } });
  });

  it('keeps each acknowledgement no later than its response, and passing on no later than the acknowledgement', () => {
    expect(checkTimescaleChange(typed({ acknowledge: '5', stage_1_response: '4' }))).toEqual({
      ok: false,
      problems: [{ field: 'acknowledge', message: 'timescale.notMoreThan', than: 'stage_1_response' }],
    });
    expect(checkTimescaleChange(typed({ stage_2_acknowledge: '10', stage_2_response: '9' }))).toEqual({
      ok: false,
      problems: [{ field: 'stage_2_acknowledge', message: 'timescale.notMoreThan', than: 'stage_2_response' }],
    });
    expect(checkTimescaleChange(typed({ pass_to_manager: '2', acknowledge: '1' }))).toEqual({
      ok: false,
      problems: [{ field: 'pass_to_manager', message: 'timescale.notMoreThan', than: 'acknowledge' }],
    });
    // Equal is allowed: due on the same day.
    expect(checkTimescaleChange(typed({ pass_to_manager: '1', acknowledge: '1', stage_1_response: '1' })).ok).toBe(true);
    // No order is told against a value that is itself wrong.
    expect(checkTimescaleChange(typed({ acknowledge: '5', stage_1_response: '' }))).toEqual({ ok: false, problems: [{ field: 'stage_1_response', message: 'timescale.required' }] });
  });
});

describe('what a change changes', () => {
  it('lists only the timescales that differ, from and to', () => {
    expect(changedTimescales(DEFAULT_TIMESCALES, DEFAULT_TIMESCALES)).toEqual([]);
    expect(changedTimescales(DEFAULT_TIMESCALES, { ...DEFAULT_TIMESCALES, stage_2_response: 25, acknowledge: 2 })).toEqual([
      { key: 'acknowledge', from: 1, to: 2 },
      { key: 'stage_2_response', from: 20, to: 25 },
    ]);
  });
});
