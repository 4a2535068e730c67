/** Time is passed in, never read inside a rule, so tests can stand on any day. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return { now: () => new Date(instant.getTime()) };
}

/**
 * A clock that starts at a fixed instant and moves on a little at each reading, so that things
 * done one after another in a test happen one after another in time, on any machine.
 */
export function steppingClock(at: Date | string, stepMs = 1000): Clock {
  let next = (typeof at === 'string' ? new Date(at) : at).getTime();
  return {
    now: () => {
      const instant = new Date(next);
      next += stepMs;
      return instant;
    },
  };
}
