import type { ChoiceFieldDefinition, FlowDefinition } from './form-definition';
import {
  desiredOutcomeField,
  fullNameField,
  helpingNameField,
  languageField,
  postField,
  practitionerNameField,
  preferredContactField,
  privacyField,
  voicemailField,
} from './fields';

/** "Is someone helping you?": yes (and who), no but I would like help, or no. */
export const someoneHelpingField: ChoiceFieldDefinition = {
  name: 'someoneHelping',
  kind: 'radios',
  label: 'fields.someoneHelping.label',
  requiredMessage: 'someoneHelping.required',
  options: [
    { value: 'yes', label: 'fields.someoneHelping.options.yes', reveals: [helpingNameField] },
    { value: 'would_like', label: 'fields.someoneHelping.options.would_like', hint: 'fields.someoneHelping.hints.would_like' },
    { value: 'no', label: 'fields.someoneHelping.options.no' },
  ],
};

/**
 * The form for children and young people at /complain/young-people: short words and one question
 * a page. Wording keys are the adult ones; the pages show their `_child` wording.
 */
export const childFlow: FlowDefinition = {
  id: 'child',
  audience: 'child',
  basePath: '/complain/young-people',
  pages: [
    { id: 'name', heading: 'pages.yourName.heading', fields: [fullNameField] },
    { id: 'someone-helping', heading: 'pages.someoneHelping.heading', fields: [someoneHelpingField] },
    {
      id: 'what-happened',
      heading: 'pages.whatWentWrong.heading',
      intro: ['pages.whatWentWrong.intro'],
      fields: [{ name: 'points', kind: 'points', label: 'fields.points.label', withDates: false }],
    },
    { id: 'better', heading: 'pages.outcome.heading', fields: [desiredOutcomeField] },
    { id: 'worker', heading: 'pages.worker.heading', fields: [{ ...practitionerNameField }] },
    { id: 'tell-you', heading: 'pages.contact.heading', fields: [preferredContactField] },
    { id: 'voicemail', heading: 'pages.voicemail.heading', when: voicemailField.when!, fields: [{ ...voicemailField, when: undefined }] },
    { id: 'letters', heading: 'pages.letters.heading', when: postField.when!, fields: [{ ...postField, when: undefined }] },
    { id: 'language', heading: 'pages.language.heading', fields: [languageField] },
    {
      id: 'privacy',
      heading: 'pages.privacy.heading',
      intro: ['pages.privacy.intro', 'pages.privacy.sharing', 'pages.privacy.keeping'],
      links: [{ href: '/privacy', text: 'pages.privacy.link' }],
      fields: [privacyField],
    },
  ],
};
