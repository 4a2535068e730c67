import type { CorrectableComplainant } from '@complaints/db';
import { describe, expect, it } from 'vitest';
import { correctionInputSchema, planCorrection } from './complainant-correction';

const jo: CorrectableComplainant = {
  role: 'helping_child',
  fullName: 'Jo Bloggs',
  email: 'jo@example.com',
  phone: null,
  postalAddress: '1 High Street\nCarlisle',
  postcode: 'CA1 1AA',
  preferredContact: 'email',
  safeToLeaveVoicemail: null,
  safeToSendPost: true,
  safeCallTimes: null,
  language: 'en',
  supportNeeds: ['large_print', 'other'],
  supportNeedsOther: 'Someone with me on calls',
  onBehalfOfName: 'Sam Bloggs',
  onBehalfOfRelationship: 'son',
  onBehalfOfConsent: 'not_able',
  anonymisedAt: null,
};

/** What the form sends back, unchanged, parsed as the move parses it. */
function formOf(c: CorrectableComplainant, over: Record<string, unknown> = {}) {
  const { reason: _reason, ...details } = correctionInputSchema.parse({
    fullName: c.fullName,
    email: c.email ?? '',
    phone: c.phone ?? '',
    postalAddress: c.postalAddress ?? '',
    postcode: c.postcode ?? '',
    preferredContact: c.preferredContact,
    safeToLeaveVoicemail: c.safeToLeaveVoicemail ?? undefined,
    safeToSendPost: c.safeToSendPost ?? undefined,
    safeCallTimes: c.safeCallTimes ?? '',
    language: c.language,
    supportNeeds: c.supportNeeds,
    supportNeedsOther: c.supportNeedsOther ?? '',
    reason: 'A reason.',
    ...over,
  });
  return details;
}

describe('a correction to their details', () => {
  it('is refused when their details were removed under retention, whatever was sent', () => {
    expect(planCorrection({ ...jo, anonymisedAt: new Date('2026-01-01T00:00:00Z') }, formOf(jo, { fullName: 'Joanna Bloggs' }))).toEqual({ ok: false, refusal: 'anonymised' });
  });

  it('finds nothing changed in the same details written differently', () => {
    expect(planCorrection(jo, formOf(jo, { postcode: 'ca1 1aa', supportNeeds: ['other', 'large_print'], email: ' jo@example.com ' }))).toEqual({ ok: false, refusal: 'nothing_changed' });
  });

  it('records each field changed, from what to what, in the words it keeps', () => {
    const plan = planCorrection(jo, formOf(jo, { phone: '01632 960 001', safeToLeaveVoicemail: false, supportNeeds: ['large_print'], language: 'cy' }));
    expect(plan).toEqual({
      ok: true,
      details: { phone: '01632 960 001', safeToLeaveVoicemail: false, language: 'cy', supportNeeds: ['large_print'], supportNeedsOther: null },
      changes: [
        { field: 'phone', from: null, to: '01632 960 001' },
        { field: 'safeToLeaveVoicemail', from: null, to: 'no' },
        { field: 'language', from: 'en', to: 'cy' },
        { field: 'supportNeeds', from: 'large_print,other', to: 'large_print' },
        { field: 'supportNeedsOther', from: 'Someone with me on calls', to: null },
      ],
    });
  });

  it('checks the whole person by the complaint form’s rules, but only for what can be put right here', () => {
    expect(planCorrection(jo, formOf(jo, { preferredContact: 'post', postalAddress: '' }))).toEqual({
      ok: false,
      problems: [{ field: 'postalAddress', message: 'postalAddress.requiredForContact' }],
    });
    // Whom they complain for is not corrected on this page, so a gap there never blocks a correction.
    expect(planCorrection({ ...jo, onBehalfOfName: null }, formOf(jo, { fullName: 'Joanna Bloggs' }))).toMatchObject({ ok: true, changes: [{ field: 'fullName' }] });
  });
});
