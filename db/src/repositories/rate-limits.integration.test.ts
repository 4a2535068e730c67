import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/test-database';
import { clearRateLimit, hitRateLimit } from './rate-limits';

describeEachDatabase('rate limits', (database) => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 5, 10, 0, seconds));

  it('allows up to the limit in a window, then refuses until the window has passed', async () => {
    const db = database().db;
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await hitRateLimit(db, 'ip:1', { limit: 3, windowSeconds: 60, now: at(i) }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBe(57);
    expect((await hitRateLimit(db, 'ip:1', { limit: 3, windowSeconds: 60, now: at(61) })).allowed).toBe(true);
  });

  it('counts concurrent hits exactly', async () => {
    const db = database().db;
    const hits = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(db, 'ip:2', { limit: 10, windowSeconds: 60, now: at(0) })));
    expect(hits.filter((h) => h.allowed)).toHaveLength(10);
    expect(Math.max(...hits.map((h) => h.hits))).toBe(20);
  });

  it('can be cleared', async () => {
    const db = database().db;
    await hitRateLimit(db, 'account:x', { limit: 1, windowSeconds: 60, now: at(0) });
    await clearRateLimit(db, 'account:x');
    expect((await hitRateLimit(db, 'account:x', { limit: 1, windowSeconds: 60, now: at(1) })).allowed).toBe(true);
  });
});
