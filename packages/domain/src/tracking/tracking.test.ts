import { describe, expect, it } from 'vitest';
import { generateEmailCode, hasLapsed, progressKey, publicProgress, readTrackingProof } from './tracking-rules';
import { surveyAnswersSchema } from './survey';
import { COMPLAINT_STATES } from '../complaint/vocabulary';

const bytes = (...values: number[]) => () => new Uint8Array(values);

describe('emailed codes', () => {
  it('are six digits, leading zeros kept', () => {
    expect(generateEmailCode(bytes(0, 0, 0, 7))).toBe('000007');
    expect(generateEmailCode(bytes(0, 0x0f, 0x42, 0x3f))).toBe('999999');
  });

  it('draw again rather than favour low codes', () => {
    const draws = [new Uint8Array([0xff, 0xff, 0xff, 0xff]), new Uint8Array([0, 0, 0, 42])];
    expect(generateEmailCode(() => draws.shift()!)).toBe('000042');
  });

  it('come out evenly over many draws', () => {
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 5000; i += 1) counts[Number(generateEmailCode((n) => crypto.getRandomValues(new Uint8Array(n)))[0])] += 1;
    for (const c of counts) expect(c).toBeGreaterThan(350);
  });
});

describe('reading what was typed in the code box', () => {
  it('takes six digits as an emailed code, pasted with spaces or a hyphen', () => {
    expect(readTrackingProof(' 123 456 ')).toEqual({ kind: 'email_code', code: '123456' });
    expect(readTrackingProof('123-456')).toEqual({ kind: 'email_code', code: '123456' });
  });

  it('takes ten characters as a printed tracking code, forgiving case and look-alikes', () => {
    expect(readTrackingProof('abcde-fghjk')).toEqual({ kind: 'tracking_code', code: 'ABCDEFGHJK' });
    expect(readTrackingProof('0O1IL 23456')).toEqual({ kind: 'tracking_code', code: '0011123456' });
  });

  it('refuses anything else', () => {
    for (const typed of ['', '12345', '1234567', 'ABCDE', 'ABCDE-FGHJU', '12345678901']) expect(readTrackingProof(typed), typed).toBeUndefined();
  });
});

describe('lapsing', () => {
  it('lapses at the limit, not before', () => {
    const since = new Date('2026-12-01T10:00:00Z');
    expect(hasLapsed(since, new Date('2026-12-01T10:09:59Z'), 10)).toBe(false);
    expect(hasLapsed(since, new Date('2026-12-01T10:10:00Z'), 10)).toBe(true);
  });
});

describe('progress as the complainant sees it', () => {
  it('has a plain step for every state, with our own work folded into "looking into it"', () => {
    for (const state of COMPLAINT_STATES) expect(publicProgress(state)).toBeTruthy();
    expect(publicProgress('in_quality_assurance')).toBe('looking_into_it');
    expect(publicProgress('response_approved')).toBe('looking_into_it');
    expect(progressKey('response_sent', 2)).toBe('answered.stage2');
  });
});

describe('the survey', () => {
  it('accepts any answered question, or only a comment', () => {
    expect(surveyAnswersSchema.safeParse({ kept_informed: '4' }).success).toBe(true);
    expect(surveyAnswersSchema.safeParse({ comments: 'Thank you' }).success).toBe(true);
  });

  it('refuses an empty survey and a rating off the scale', () => {
    expect(surveyAnswersSchema.safeParse({}).success).toBe(false);
    expect(surveyAnswersSchema.safeParse({ on_time: '9' }).success).toBe(false);
  });
});
