import { readFileSync } from 'node:fs';
import { formPictures } from '@complaints/content';
import { collectStrings, fleschKincaidGrade, READING_GRADE_LIMITS } from '@complaints/content/readability';
import { COMPLAINT_FLOWS, type FieldDefinition, flattenFields, type FlowDefinition, summaryLabel } from '@complaints/domain';
import { isPictureName } from '@complaints/documents';
import { describe, expect, it } from 'vitest';

type Words = Record<string, unknown>;
const load = (language: 'en' | 'cy', namespace: string): Words =>
  JSON.parse(readFileSync(new URL(`../../../../content/locales/${language}/${namespace}.json`, import.meta.url), 'utf8')) as Words;

const complain = { en: load('en', 'complain'), cy: load('cy', 'complain') };
const validation = { en: load('en', 'validation'), cy: load('cy', 'validation') };

function lookup(words: Words, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Words)[part] : undefined), words);
}

/** The words a key shows in a wording: `key_child` where the child wording has one. */
function resolve(words: Words, key: string, audience: 'adult' | 'child'): unknown {
  return (audience === 'child' ? lookup(words, `${key}_child`) : undefined) ?? lookup(words, key);
}

function leafKeys(words: Words, prefix = ''): string[] {
  return Object.entries(words).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? leafKeys(v as Words, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** Every key of the `complain` namespace a form shows, from its definition and the pages around it. */
function keysOf(flow: FlowDefinition): string[] {
  const keys: string[] = [];
  const field = (f: FieldDefinition, isQuestion: boolean) => {
    if (!isQuestion) keys.push(f.label);
    if (f.hint) keys.push(f.hint);
    if (f.kind !== 'consent' && f.kind !== 'points') keys.push(summaryLabel(f));
    if (f.kind === 'consent') keys.push(f.label);
    if (f.kind === 'radios' || f.kind === 'checkboxes') {
      for (const o of f.options) {
        keys.push(o.label, ...(o.hint ? [o.hint] : []));
        (o.reveals ?? []).forEach((r) => field(r, false));
      }
    }
    if (f.kind === 'points') {
      keys.push(...['label', 'textLabel', 'textHint', 'add', 'remove', 'limit', 'summary'].map((k) => `fields.points.${k}`));
      if (f.withDates) keys.push(...['dateLegend', 'dateHint', 'day', 'month', 'year', 'happenedOn'].map((k) => `fields.points.${k}`));
    }
    if (f.kind === 'attachments') keys.push(...['listHeading', 'remove', 'upload', 'none'].map((k) => `fields.attachments.${k}`));
  };
  for (const page of flow.pages) {
    const picture = flow.id === 'child' ? formPictures.child[page.id] : undefined;
    if (picture && !picture.decorative) keys.push(`pictures.${page.id}`);
    keys.push(page.heading, ...(page.intro ?? []), ...(page.links ?? []).map((l) => l.text));
    const single = page.fields.length === 1 && !page.intro && page.fields[0]!.kind !== 'points' && page.fields[0]!.kind !== 'attachments';
    page.fields.forEach((f) => field(f, single));
  }
  const start = ['title', 'lead', 'beforeHeading', 'before', 'saved', 'courtHeading', 'court', 'otherWays', 'button'];
  keys.push(...start.map((k) => `start.${k}`));
  keys.push(...(flow.id === 'adult' ? ['start.youngPeople', 'start.youngPeopleLink'] : ['start.adults', 'start.adultsLink']));
  keys.push('form.optional', 'form.honeypot');
  keys.push(...leafKeys(complain.en).filter((k) => /^(check|confirmation|email|receipt|outcomes)\./.test(k) && !k.endsWith('_child')));
  if (flow.id === 'adult') keys.push(...leafKeys(complain.en).filter((k) => k.startsWith('errors.attachment.')));
  return [...new Set(keys)];
}

/** The validation messages a child can meet in the child form. */
const CHILD_MESSAGES = [
  'generic.invalid',
  'fullName.required',
  'fullName.tooLong',
  'fullName.invalidCharacters',
  'someoneHelping.required',
  'helpingName.tooLong',
  'helpingName.invalidCharacters',
  'pointText.required',
  'pointText.tooLong',
  'pointText.invalidCharacters',
  'points.tooMany',
  'desiredOutcome.tooLong',
  'desiredOutcome.invalidCharacters',
  'practitionerNameGiven.tooLong',
  'practitionerNameGiven.invalidCharacters',
  'preferredContact.required',
  'email.requiredForContact',
  'email.invalid',
  'email.tooLong',
  'phone.requiredForContact',
  'phone.invalid',
  'postalAddress.requiredForContact',
  'postalAddress.tooLong',
  'postcode.invalid',
  'safeToLeaveVoicemail.required',
  'safeToSendPost.required',
  'language.required',
  'privacy.required',
];

describe('the complaint forms’ words', () => {
  for (const flow of Object.values(COMPLAINT_FLOWS)) {
    it(`${flow.id}: every word the form shows is there in English and Welsh`, () => {
      const missing = keysOf(flow).flatMap((key) =>
        (['en', 'cy'] as const).filter((language) => resolve(complain[language], key, flow.audience) === undefined).map((language) => `${language}:${key}`),
      );
      expect(missing).toEqual([]);
    });
  }

  it("has a picture from the set beside every question of the children's form, and none for a page it does not have", () => {
    const pages = COMPLAINT_FLOWS.child.pages.map((p) => p.id);
    expect(pages.filter((id) => !formPictures.child[id])).toEqual([]);
    expect(Object.keys(formPictures.child).filter((id) => !pages.includes(id))).toEqual([]);
    expect(Object.values(formPictures.child).filter((p) => !isPictureName(p.name))).toEqual([]);
  });

  it('has the same keys in English and Welsh', () => {
    expect(leafKeys(complain.cy).sort()).toEqual(leafKeys(complain.en).sort());
    expect(leafKeys(validation.cy).sort()).toEqual(leafKeys(validation.en).sort());
  });

  it('has a message for every choice left unanswered, in both languages', () => {
    const messages = Object.values(COMPLAINT_FLOWS).flatMap((flow) =>
      flow.pages.flatMap((p) => flattenFields(p.fields)).flatMap((f) => ('requiredMessage' in f && f.requiredMessage ? [f.requiredMessage] : [])),
    );
    for (const language of ['en', 'cy'] as const) {
      expect(messages.filter((m) => typeof lookup(validation[language], m) !== 'string')).toEqual([]);
    }
  });

  it(`is written for a reading age of about 9 in the children's form (Flesch–Kincaid grade ${READING_GRADE_LIMITS.child} or below)`, () => {
    const child = COMPLAINT_FLOWS.child;
    const words = [
      ...keysOf(child).map((key) => resolve(complain.en, key, 'child')),
      ...CHILD_MESSAGES.map((key) => resolve(validation.en, key, 'child')),
    ];
    const strings = collectStrings(words);
    expect(fleschKincaidGrade(strings.join('\n'))).toBeLessThanOrEqual(READING_GRADE_LIMITS.child);
    // Short labels pull the score down; the sentences must be plain on their own too.
    const sentences = strings.filter((s) => s.split(/\s+/).length >= 6);
    expect(fleschKincaidGrade(sentences.join('\n'))).toBeLessThanOrEqual(READING_GRADE_LIMITS.child);
  });

  it(`is plain English in the adult form (grade ${READING_GRADE_LIMITS.adult} or below)`, () => {
    const text = collectStrings(keysOf(COMPLAINT_FLOWS.adult).map((key) => resolve(complain.en, key, 'adult'))).join('\n');
    expect(fleschKincaidGrade(text)).toBeLessThanOrEqual(READING_GRADE_LIMITS.adult);
  });
});
