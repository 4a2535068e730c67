import { COMPLAINT_LIMITS, complainantSchema } from '../complaint/complaint-input';
import type { Answers, ChoiceFieldDefinition, FlowDefinition } from './form-definition';
import {
  courtCaseNumberField,
  desiredOutcomeField,
  fullNameField,
  languageField,
  postField,
  practitionerNameField,
  preferredContactField,
  privacyField,
  requiredAs,
  safeCallTimesField,
  serviceAreaField,
  voicemailField,
} from './fields';

const complainant = complainantSchema.shape;

/** People who complain for someone else are asked whose complaint it is and whether they agree. */
export const complainsForSomeoneElse = (answers: Answers) => answers.role === 'helping_child' || answers.role === 'professional';

const roleField: ChoiceFieldDefinition = {
  name: 'role',
  kind: 'radios',
  label: 'fields.role.label',
  requiredMessage: 'role.required',
  options: [
    { value: 'parent_or_carer', label: 'fields.role.options.parent_or_carer' },
    { value: 'family_member', label: 'fields.role.options.family_member' },
    { value: 'child', label: 'fields.role.options.child', hint: 'fields.role.hints.child' },
    { value: 'helping_child', label: 'fields.role.options.helping_child' },
    { value: 'professional', label: 'fields.role.options.professional', hint: 'fields.role.hints.professional' },
  ],
};

const supportNeedsField: ChoiceFieldDefinition = {
  name: 'supportNeeds',
  kind: 'checkboxes',
  label: 'fields.supportNeeds.label',
  hint: 'fields.supportNeeds.hint',
  requiredMessage: 'supportNeeds.invalid',
  optional: true,
  options: [
    { value: 'large_print', label: 'fields.supportNeeds.options.large_print' },
    { value: 'easy_read', label: 'fields.supportNeeds.options.easy_read' },
    { value: 'interpreter', label: 'fields.supportNeeds.options.interpreter', hint: 'fields.supportNeeds.hints.interpreter' },
    { value: 'advocate', label: 'fields.supportNeeds.options.advocate', hint: 'fields.supportNeeds.hints.advocate' },
    {
      value: 'other',
      label: 'fields.supportNeeds.options.other',
      reveals: [
        {
          name: 'supportNeedsOther',
          kind: 'text',
          label: 'fields.supportNeedsOther.label',
          max: COMPLAINT_LIMITS.supportNeedsOther,
          width: '30',
          schema: requiredAs(complainant.supportNeedsOther, 'supportNeedsOther.required'),
        },
      ],
    },
  ],
};

/**
 * The adult form at /complain: who you are, whose complaint it is when it is someone else's, the
 * case, what went wrong point by point, what you would like to happen, how and whether it is safe
 * to contact you, language, help you need, documents, and the privacy notice.
 */
export const adultFlow: FlowDefinition = {
  id: 'adult',
  audience: 'adult',
  basePath: '/complain',
  pages: [
    { id: 'who', heading: 'pages.who.heading', fields: [roleField] },
    {
      id: 'whose-complaint',
      heading: 'pages.whoseComplaint.heading',
      intro: ['pages.whoseComplaint.intro'],
      when: complainsForSomeoneElse,
      fields: [
        {
          name: 'onBehalfOfName',
          kind: 'text',
          label: 'fields.onBehalfOfName.label',
          max: COMPLAINT_LIMITS.onBehalfOfName,
          width: '30',
          schema: requiredAs(complainant.onBehalfOfName, 'onBehalfOfName.required'),
        },
        {
          name: 'onBehalfOfRelationship',
          kind: 'text',
          label: 'fields.onBehalfOfRelationship.label',
          hint: 'fields.onBehalfOfRelationship.hint',
          optional: true,
          max: COMPLAINT_LIMITS.onBehalfOfRelationship,
          width: '30',
          schema: complainant.onBehalfOfRelationship,
        },
        {
          name: 'onBehalfOfConsent',
          kind: 'radios',
          label: 'fields.onBehalfOfConsent.label',
          requiredMessage: 'onBehalfOfConsent.required',
          options: [
            { value: 'given', label: 'fields.onBehalfOfConsent.options.given' },
            { value: 'not_given', label: 'fields.onBehalfOfConsent.options.not_given' },
            { value: 'not_able', label: 'fields.onBehalfOfConsent.options.not_able', hint: 'fields.onBehalfOfConsent.hints.not_able' },
          ],
        },
      ],
    },
    { id: 'your-name', heading: 'pages.yourName.heading', fields: [fullNameField] },
    {
      id: 'case',
      heading: 'pages.case.heading',
      intro: ['pages.case.intro'],
      fields: [courtCaseNumberField, serviceAreaField, practitionerNameField],
    },
    {
      id: 'what-went-wrong',
      heading: 'pages.whatWentWrong.heading',
      intro: ['pages.whatWentWrong.intro'],
      fields: [{ name: 'points', kind: 'points', label: 'fields.points.label', withDates: true }],
    },
    { id: 'outcome', heading: 'pages.outcome.heading', fields: [desiredOutcomeField] },
    { id: 'contact', heading: 'pages.contact.heading', fields: [preferredContactField] },
    {
      id: 'safety',
      heading: 'pages.safety.heading',
      intro: ['pages.safety.intro'],
      when: (a) => voicemailField.when!(a) || postField.when!(a),
      fields: [voicemailField, safeCallTimesField, postField],
    },
    { id: 'language', heading: 'pages.language.heading', fields: [languageField] },
    { id: 'help', heading: 'pages.help.heading', fields: [supportNeedsField] },
    {
      id: 'documents',
      heading: 'pages.documents.heading',
      intro: ['pages.documents.intro'],
      fields: [{ name: 'attachments', kind: 'attachments', label: 'fields.attachments.label', hint: 'fields.attachments.hint', optional: true }],
    },
    {
      id: 'privacy',
      heading: 'pages.privacy.heading',
      intro: ['pages.privacy.intro', 'pages.privacy.sharing', 'pages.privacy.keeping'],
      links: [{ href: '/privacy', text: 'pages.privacy.link' }],
      fields: [privacyField],
    },
  ],
};
