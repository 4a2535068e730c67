import { describe, expect, it } from 'vitest';
import { afterOneMoreTry, pairThrottleBucket, passwordThrottleBucket, SIGN_IN_THROTTLE, secondsBeforeNextTry, type TriesSoFar } from './sign-in-throttle';

const at = (seconds: number) => new Date(Date.UTC(2026, 2, 2, 9, 0, 0) + seconds * 1000);

describe('growing delays at sign-in', () => {
  const rule = SIGN_IN_THROTTLE.pair;

  it('lets the first five tries through, then waits 30 seconds, 1, 2, 4, 8 and at most 15 minutes after each', () => {
    let sofar: TriesSoFar | null = null;
    const waits: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      waits.push(secondsBeforeNextTry(sofar, sofar?.lastAt ?? at(0), rule));
      sofar = afterOneMoreTry(sofar, sofar?.lastAt ?? at(0), rule);
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]);
  });

  it('counts the wait from the last try, and forgets the tries an hour after it', () => {
    const sofar = { tries: 6, lastAt: at(0) };
    expect(secondsBeforeNextTry(sofar, at(20), rule)).toBe(40);
    expect(secondsBeforeNextTry(sofar, at(60), rule)).toBe(0);
    expect(secondsBeforeNextTry({ tries: 40, lastAt: at(0) }, at(3599), rule)).toBe(0);
    expect(afterOneMoreTry({ tries: 40, lastAt: at(0) }, at(3600), rule)).toEqual({ tries: 1, lastAt: at(3600) });
    expect(afterOneMoreTry({ tries: 40, lastAt: at(0) }, at(3599), rule)).toEqual({ tries: 41, lastAt: at(3599) });
  });

  it('lets an account be tried twenty times from anywhere before slowing every address', () => {
    expect(secondsBeforeNextTry({ tries: 19, lastAt: at(0) }, at(0), SIGN_IN_THROTTLE.password)).toBe(0);
    expect(secondsBeforeNextTry({ tries: 20, lastAt: at(0) }, at(0), SIGN_IN_THROTTLE.password)).toBe(30);
  });

  it('names the buckets by hashes, one per account and address together, whatever the case of the email address', () => {
    expect(pairThrottleBucket('Ann@Example.org', '192.0.2.1')).toBe(pairThrottleBucket('ann@example.org', '192.0.2.1'));
    expect(pairThrottleBucket('ann@example.org', '192.0.2.1')).not.toBe(pairThrottleBucket('ann@example.org', '192.0.2.2'));
    expect(pairThrottleBucket('ann@example.org', '192.0.2.1')).not.toContain('ann');
    expect(passwordThrottleBucket('ann@example.org')).not.toContain('ann');
  });
});
