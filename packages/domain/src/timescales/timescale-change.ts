import type { FieldProblem } from '../complaint/complaint-input';
import { TIMESCALE_KEYS, TIMESCALE_LIMITS, type TimescaleKey, type Timescales } from './timescales';

/**
 * A problem with one timescale as national office typed it. `than` names the other timescale a
 * value may not exceed, so the words can say which and what it is.
 */
export type TimescaleProblem = FieldProblem & { field: TimescaleKey; than?: TimescaleKey };

/**
 * Pairs where the first may not be more than the second, each with why:
 * - the acknowledgement names the manager, so passing the complaint on is due no later than it;
 * - the acknowledgement of each stage is due no later than that stage's response.
 * The problem is shown at the first of the pair.
 */
export const TIMESCALE_ORDER: ReadonlyArray<readonly [TimescaleKey, TimescaleKey]> = [
  ['pass_to_manager', 'acknowledge'],
  ['acknowledge', 'stage_1_response'],
  ['stage_2_acknowledge', 'stage_2_response'],
];

export type TimescaleChangeCheck = { ok: true; timescales: Timescales } | { ok: false; problems: TimescaleProblem[] };

const WHOLE_NUMBER = /^\d+$/;

/**
 * Every timescale as typed into the settings form: a whole number of working days within its
 * limits, and the pairs in `TIMESCALE_ORDER` in order. Each problem is told at its own field, all
 * at once; the order between two values is only checked once both are numbers within limits.
 */
export function checkTimescaleChange(typed: Readonly<Partial<Record<string, unknown>>>): TimescaleChangeCheck {
  const problems: TimescaleProblem[] = [];
  const values: Partial<Timescales> = {};
  for (const key of TIMESCALE_KEYS) {
    const raw = typed[key];
    const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      problems.push({ field: key, message: 'timescale.required' });
    } else if (!WHOLE_NUMBER.test(text) || text.length > 6) {
      problems.push({ field: key, message: 'timescale.whole' });
    } else {
      const days = Number(text);
      const { min, max } = TIMESCALE_LIMITS[key];
      if (days < min || days > max) problems.push({ field: key, message: 'timescale.range' });
      else values[key] = days;
    }
  }
  for (const [first, second] of TIMESCALE_ORDER) {
    const a = values[first];
    const b = values[second];
    if (a !== undefined && b !== undefined && a > b) problems.push({ field: first, message: 'timescale.notMoreThan', than: second });
  }
  if (problems.length > 0) {
    // In the order of the form, so the error summary reads top to bottom.
    problems.sort((p, q) => TIMESCALE_KEYS.indexOf(p.field) - TIMESCALE_KEYS.indexOf(q.field));
    return { ok: false, problems };
  }
  return { ok: true, timescales: values as Timescales };
}

export type TimescaleChange = { key: TimescaleKey; from: number; to: number };

/** The timescales that differ between what is in force and what was chosen, in the form's order. */
export function changedTimescales(current: Timescales, chosen: Timescales): TimescaleChange[] {
  return TIMESCALE_KEYS.filter((key) => current[key] !== chosen[key]).map((key) => ({ key, from: current[key], to: chosen[key] }));
}
