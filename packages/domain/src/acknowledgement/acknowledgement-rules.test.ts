import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writtenDelivery } from './acknowledgement-rules';
import { generateTrackingCode, normaliseTrackingCode } from './tracking-code';

describe('how a letter is sent', () => {
  const person = { preferredContact: 'email' as const, email: 'jo@example.com', postalAddress: '1 High Street', safeToSendPost: true };

  it('follows the complainant’s choice', () => {
    expect(writtenDelivery(person)).toEqual({ ok: true, delivery: 'email' });
    expect(writtenDelivery({ ...person, preferredContact: 'post' })).toEqual({ ok: true, delivery: 'post' });
  });

  it('never posts where post is not safe', () => {
    expect(writtenDelivery({ ...person, preferredContact: 'post', safeToSendPost: false })).toEqual({ ok: true, delivery: 'email' });
    expect(writtenDelivery({ ...person, preferredContact: 'post', safeToSendPost: false, email: null })).toEqual({
      ok: false,
      reason: 'no_safe_written_contact',
    });
  });

  it('writes to someone who asked for phone calls by email, or else by post', () => {
    expect(writtenDelivery({ ...person, preferredContact: 'phone' })).toEqual({ ok: true, delivery: 'email' });
    expect(writtenDelivery({ ...person, preferredContact: 'phone', email: null })).toEqual({ ok: true, delivery: 'post' });
  });
});

describe('tracking codes', () => {
  it('are ten characters in two groups, from the unambiguous alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 7, maxLength: 7 }), (bytes) => {
        const code = generateTrackingCode(() => bytes);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
        expect(normaliseTrackingCode(code)).toBe(code.replace('-', ''));
      }),
    );
  });

  it('use every bit of the randomness', () => {
    expect(generateTrackingCode(() => new Uint8Array(7))).toBe('00000-00000');
    expect(generateTrackingCode(() => new Uint8Array(7).fill(255))).toBe('ZZZZZ-ZZZZZ');
    const seen = new Set(Array.from({ length: 50 }, (_, i) => generateTrackingCode(() => Uint8Array.from([i, i * 3, i * 7, i * 11, i * 13, i * 17, i * 19]))));
    expect(seen.size).toBe(50);
  });

  it('read back as people type them', () => {
    expect(normaliseTrackingCode(' 7k3pq o1il9 ')).toBe('7K3PQ01119');
    expect(normaliseTrackingCode('7K3PQ–0111')).toBeUndefined();
    expect(normaliseTrackingCode('7K3PQ-U1119')).toBeUndefined();
  });
});
