import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acknowledgementDelivery, acknowledgementLetterKind, checkAcknowledgement } from './acknowledgement-rules';
import { generateTrackingCode, normaliseTrackingCode } from './tracking-code';

describe('when an acknowledgement may go', () => {
  it('waits until a manager is assigned', () => {
    expect(checkAcknowledgement({ kind: 'complaint', responderId: null })).toEqual({ ok: false, reason: 'no_responder' });
    expect(checkAcknowledgement({ kind: 'complaint', responderId: 'm1' })).toEqual({ ok: true });
    expect(checkAcknowledgement({ kind: 'correspondence', responderId: 'm1' })).toEqual({ ok: true });
  });

  it('is not owed for compliments and feedback', () => {
    expect(checkAcknowledgement({ kind: 'compliment', responderId: 'm1' })).toEqual({ ok: false, reason: 'nothing_owed' });
    expect(checkAcknowledgement({ kind: 'feedback', responderId: null })).toEqual({ ok: false, reason: 'nothing_owed' });
  });

  it('tells people who are not service users that the reply is outside the procedure', () => {
    expect(acknowledgementLetterKind('complaint')).toBe('acknowledgement');
    expect(acknowledgementLetterKind('correspondence')).toBe('non_service_user_reply');
  });
});

describe('how the acknowledgement is sent', () => {
  const person = { preferredContact: 'email' as const, email: 'jo@example.com', postalAddress: '1 High Street', safeToSendPost: true };

  it('follows the complainant’s choice', () => {
    expect(acknowledgementDelivery(person)).toEqual({ ok: true, delivery: 'email' });
    expect(acknowledgementDelivery({ ...person, preferredContact: 'post' })).toEqual({ ok: true, delivery: 'post' });
  });

  it('never posts where post is not safe', () => {
    expect(acknowledgementDelivery({ ...person, preferredContact: 'post', safeToSendPost: false })).toEqual({ ok: true, delivery: 'email' });
    expect(acknowledgementDelivery({ ...person, preferredContact: 'post', safeToSendPost: false, email: null })).toEqual({
      ok: false,
      reason: 'no_safe_written_contact',
    });
  });

  it('writes to someone who asked for phone calls by email, or else by post', () => {
    expect(acknowledgementDelivery({ ...person, preferredContact: 'phone' })).toEqual({ ok: true, delivery: 'email' });
    expect(acknowledgementDelivery({ ...person, preferredContact: 'phone', email: null })).toEqual({ ok: true, delivery: 'post' });
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
