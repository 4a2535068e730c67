import { z } from 'zod';
import { COMPLAINT_LIMITS, complainantSchema, newComplaintSchema, optionalText } from '../complaint/complaint-input';
import type { Answers, ChoiceFieldDefinition, ChoiceOption, FieldDefinition, TextFieldDefinition } from './form-definition';

/**
 * The fields both forms ask, each checked by the same rule as the complaint it becomes: the text
 * schemas here are the ones in `newComplaintSchema`, so a page cannot accept what the final
 * complaint would refuse.
 */

/** Limits of answers the forms ask that the complaint itself does not hold as they are. */
export const FORM_LIMITS = { helpingName: 200 } as const;

const complainant = complainantSchema.shape;
const complaint = newComplaintSchema.shape;

/** The complaint's own rule for a piece of text, with the message for leaving it empty when it must be given. */
export function requiredAs(schema: z.ZodType<string | undefined, unknown>, message: string): z.ZodType<string | undefined, unknown> {
  return z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .pipe(schema as z.ZodType<string | undefined, string>);
}

const key = (name: string, part: string) => `fields.${name}.${part}`;

function textField(
  name: string,
  kind: TextFieldDefinition['kind'],
  schema: z.ZodType<string | undefined, unknown>,
  max: number,
  extra: Partial<Omit<TextFieldDefinition, 'name' | 'kind' | 'schema' | 'max'>> = {},
): TextFieldDefinition {
  return { name, kind, schema, max, label: key(name, 'label'), ...extra };
}

function options(name: string, values: readonly string[], extra: Record<string, Partial<ChoiceOption>> = {}): ChoiceOption[] {
  return values.map((value) => ({ value, label: key(name, `options.${value}`), ...extra[value] }));
}

export const fullNameField = textField('fullName', 'text', complainant.fullName, COMPLAINT_LIMITS.fullName, {
  autocomplete: 'name',
  width: '30',
});

export const emailField = textField('email', 'email', requiredAs(complainant.email, 'email.requiredForContact'), COMPLAINT_LIMITS.email, {
  autocomplete: 'email',
  width: '30',
});
export const phoneField = textField('phone', 'tel', requiredAs(complainant.phone, 'phone.requiredForContact'), COMPLAINT_LIMITS.phone, {
  autocomplete: 'tel',
  width: '20',
});
export const postalAddressField = textField(
  'postalAddress',
  'textarea',
  requiredAs(complainant.postalAddress, 'postalAddress.requiredForContact'),
  COMPLAINT_LIMITS.postalAddress,
  { autocomplete: 'street-address', rows: 4 },
);
export const postcodeField = textField('postcode', 'text', complainant.postcode, COMPLAINT_LIMITS.postcode, {
  autocomplete: 'postal-code',
  width: '10',
  optional: true,
});

/** How to reach the complainant: the choice reveals the detail it needs. */
export const preferredContactField: ChoiceFieldDefinition = {
  name: 'preferredContact',
  kind: 'radios',
  label: key('preferredContact', 'label'),
  requiredMessage: 'preferredContact.required',
  options: options('preferredContact', ['email', 'post', 'phone'], {
    email: { reveals: [emailField] },
    post: { reveals: [postalAddressField, postcodeField] },
    phone: { reveals: [phoneField] },
  }),
};

const YES_NO = ['yes', 'no'] as const;

export const hasPhone = (answers: Answers) => answers.preferredContact === 'phone' && typeof answers.phone === 'string';
export const hasPostalAddress = (answers: Answers) => answers.preferredContact === 'post' && typeof answers.postalAddress === 'string';

export const voicemailField: ChoiceFieldDefinition = {
  name: 'safeToLeaveVoicemail',
  kind: 'radios',
  label: key('safeToLeaveVoicemail', 'label'),
  requiredMessage: 'safeToLeaveVoicemail.required',
  options: options('safeToLeaveVoicemail', YES_NO),
  inline: true,
  when: hasPhone,
};

export const safeCallTimesField = textField('safeCallTimes', 'text', complainant.safeCallTimes, COMPLAINT_LIMITS.safeCallTimes, {
  hint: key('safeCallTimes', 'hint'),
  optional: true,
  when: hasPhone,
});

export const postField: ChoiceFieldDefinition = {
  name: 'safeToSendPost',
  kind: 'radios',
  label: key('safeToSendPost', 'label'),
  hint: key('safeToSendPost', 'hint'),
  requiredMessage: 'safeToSendPost.required',
  options: options('safeToSendPost', YES_NO),
  inline: true,
  when: hasPostalAddress,
};

export const languageField: ChoiceFieldDefinition = {
  name: 'language',
  kind: 'radios',
  label: key('language', 'label'),
  requiredMessage: 'language.required',
  options: options('language', ['en', 'cy']),
};

export const desiredOutcomeField = textField('desiredOutcome', 'textarea', complaint.desiredOutcome, COMPLAINT_LIMITS.desiredOutcome, {
  hint: key('desiredOutcome', 'hint'),
  optional: true,
  rows: 6,
});

export const practitionerNameField = textField(
  'practitionerNameGiven',
  'text',
  complaint.practitionerNameGiven,
  COMPLAINT_LIMITS.practitionerNameGiven,
  { hint: key('practitionerNameGiven', 'hint'), optional: true, width: '30' },
);

export const courtCaseNumberField = textField('courtCaseNumber', 'text', complaint.courtCaseNumber, COMPLAINT_LIMITS.courtCaseNumber, {
  hint: key('courtCaseNumber', 'hint'),
  optional: true,
  width: '20',
  autocomplete: 'off',
});

export const areaGivenField = textField('areaGiven', 'text', complaint.areaGiven, COMPLAINT_LIMITS.areaGiven, {
  hint: key('areaGiven', 'hint'),
  optional: true,
  width: '30',
});

export const serviceAreaField: ChoiceFieldDefinition = {
  name: 'serviceAreaId',
  kind: 'radios',
  label: key('serviceAreaId', 'label'),
  hint: key('serviceAreaId', 'hint'),
  requiredMessage: 'serviceArea.invalid',
  optionsFrom: 'serviceAreas',
  options: options('serviceAreaId', ['unknown'], { unknown: { reveals: [areaGivenField] } }),
};

export const privacyField: FieldDefinition = {
  name: 'privacyAccepted',
  kind: 'consent',
  label: key('privacyAccepted', 'label'),
  requiredMessage: 'privacy.required',
};

export const helpingNameField = textField('helpingName', 'text', optionalText('helpingName', FORM_LIMITS.helpingName), FORM_LIMITS.helpingName, {
  optional: true,
  width: '30',
});

/** Every field, with those revealed under a choice, in the order they appear. */
export function flattenFields(fields: FieldDefinition[]): FieldDefinition[] {
  return fields.flatMap((f) =>
    f.kind === 'radios' || f.kind === 'checkboxes' ? [f, ...f.options.flatMap((o) => flattenFields(o.reveals ?? []))] : [f],
  );
}
