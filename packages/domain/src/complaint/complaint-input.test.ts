import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPLAINT_LIMITS, fieldProblems, keptContactDetails, newComplaintSchema } from './complaint-input';

const valid = {
  channel: 'online',
  audience: 'adult',
  language: 'en',
  complainant: { role: 'parent_or_carer', fullName: 'Jodie Harris', email: 'jodie@example.com', preferredContact: 'email' },
  points: [{ text: 'Nobody called me back.' }],
  privacyAccepted: true,
} as const;

function problems(input: unknown) {
  const result = newComplaintSchema.safeParse(input);
  return result.success ? [] : fieldProblems(result.error);
}

describe('newComplaintSchema', () => {
  it('accepts a complete complaint and fills in the defaults', () => {
    const parsed = newComplaintSchema.parse(valid);
    expect(parsed.kind).toBe('complaint');
    expect(parsed.complainant.supportNeeds).toEqual([]);
  });

  it('trims text and treats blank optional answers as not given', () => {
    const parsed = newComplaintSchema.parse({ ...valid, courtCaseNumber: '   ', points: [{ text: '  Late report  ', happenedOn: '' }] });
    expect(parsed.courtCaseNumber).toBeUndefined();
    expect(parsed.points[0]).toEqual({ text: 'Late report', happenedOn: undefined });
  });

  it('names each field with a message key', () => {
    expect(problems({ ...valid, points: [{ text: '' }] })).toEqual([{ field: 'points.0.text', message: 'pointText.required' }]);
    expect(problems({ ...valid, points: [{ text: 'x'.repeat(COMPLAINT_LIMITS.pointText + 1) }] })).toEqual([
      { field: 'points.0.text', message: 'pointText.tooLong' },
    ]);
    expect(problems({ ...valid, points: [] })).toEqual([{ field: 'points', message: 'points.required' }]);
    expect(problems({ ...valid, privacyAccepted: false })).toEqual([{ field: 'privacyAccepted', message: 'privacy.required' }]);
  });

  it('needs the contact details for the way the complainant wants to hear from us', () => {
    expect(problems({ ...valid, complainant: { ...valid.complainant, email: undefined } })).toEqual([
      { field: 'complainant.email', message: 'email.requiredForContact' },
    ]);
    expect(problems({ ...valid, complainant: { ...valid.complainant, preferredContact: 'post' } })).toEqual([
      { field: 'complainant.postalAddress', message: 'postalAddress.requiredForContact' },
    ]);
  });

  it('asks whose complaint it is when someone complains for a child', () => {
    const fields = problems({ ...valid, complainant: { ...valid.complainant, role: 'helping_child' } }).map((p) => p.field);
    expect(fields).toEqual(['complainant.onBehalfOfName', 'complainant.onBehalfOfConsent']);
  });

  it('refuses more points than a complaint can hold, and control characters', () => {
    expect(problems({ ...valid, points: Array.from({ length: 1000 }, () => ({ text: 'x' })) })).toEqual([
      { field: 'points', message: 'points.tooMany' },
    ]);
    expect(problems({ ...valid, complainant: { ...valid.complainant, fullName: 'A\u0000B' } })).toEqual([
      { field: 'complainant.fullName', message: 'fullName.invalidCharacters' },
    ]);
  });

  it('never throws on hostile input, and every problem has a message key', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = newComplaintSchema.safeParse(input);
        if (!result.success) {
          for (const p of fieldProblems(result.error)) expect(p.message).toMatch(/^[a-zA-Z]+\.[a-zA-Z]+$/);
        }
      }),
    );
  });
});

describe('keptContactDetails', () => {
  it('keeps what was not given as null and a postcode in capitals, from the form or as stored', () => {
    const fromForm = newComplaintSchema.parse({ ...valid, complainant: { ...valid.complainant, postcode: 'cf10 1aa', safeToSendPost: false } }).complainant;
    const kept = keptContactDetails(fromForm);
    expect(kept).toEqual({
      fullName: 'Jodie Harris',
      email: 'jodie@example.com',
      phone: null,
      postalAddress: null,
      postcode: 'CF10 1AA',
      preferredContact: 'email',
      safeToLeaveVoicemail: null,
      safeToSendPost: false,
      safeCallTimes: null,
    });
    expect(keptContactDetails(kept)).toEqual(kept);
  });
});
