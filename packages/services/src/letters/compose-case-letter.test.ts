import { readFileSync } from 'node:fs';
import { organisation } from '@complaints/content';
import { letterTemplateSources } from '@complaints/content/letters';
import type { DocumentBlock } from '@complaints/documents';
import { describe, expect, it } from 'vitest';
import { type CaseLetterFacts, LETTER_LISTS, LETTER_SECTIONS, LETTER_VALUES, composeCaseLetter, decisionInWords, pointExcerpt, sampleLetterFacts } from './compose-case-letter';
import { dateInWords } from './letter-dates';
import { TRACKING_CODE_SLOT } from './letter-template';

const WRITTEN_ON = '2026-11-24';
const sources = letterTemplateSources();
const template = (kind: string, audience: 'adult' | 'child', language: 'en' | 'cy') =>
  sources.find((s) => s.kind === kind && s.audience === audience && s.language === language)!;

/** What a reader reads, block by block, in order. */
function textOf(blocks: DocumentBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
        case 'callout':
          return b.text;
        case 'list':
          return b.items.join('\n');
        case 'reference':
          return `${b.label}: ${b.value}`;
        case 'facts':
          return b.rows.map((r) => `${r.label}: ${r.value}`).join('\n');
        case 'table':
          return [b.caption, ...b.head, ...b.rows.flat()].join('\n');
        case 'address':
          return b.lines.join('\n');
        default:
          return '';
      }
    })
    .join('\n');
}

function compose(kind: string, audience: 'adult' | 'child', language: 'en' | 'cy', over: Partial<CaseLetterFacts> = {}) {
  const facts = { ...sampleLetterFacts(kind as CaseLetterFacts['kind'], language, audience, WRITTEN_ON), ...over };
  const letter = composeCaseLetter(template(kind, audience, language), facts);
  return { facts, letter, text: textOf(letter.document.blocks) };
}

const VARIANTS = sources.map((s) => [s.kind, s.audience, s.language] as const);

describe('every letter template composes from sample facts', () => {
  it.each(VARIANTS)('%s for %s in %s', (kind, audience, language) => {
    for (const delivery of ['post', 'email'] as const) {
      for (const nation of ['england', 'wales'] as const) {
        for (const stage of [1, 2] as const) {
          const complainant = { fullName: 'Jo Bloggs', postalAddress: '9 Elm Road\nLeeds', postcode: 'LS1 1AA' };
          const { facts, letter, text } = compose(kind, audience, language, { delivery, nation, stage, complainant });
          expect(letter.subject).toContain(facts.reference);
          // Nothing of the template's own language is left in what a reader sees.
          expect(JSON.stringify(letter)).not.toMatch(/\[\[|\{\{(?!trackingCode\}\})/);
          expect(text).toContain(facts.reference);
          if (delivery === 'post') {
            expect(letter.document.blocks[0]).toEqual({ kind: 'address', lines: ['Jo Bloggs', '9 Elm Road', 'Leeds', 'LS1 1AA'] });
          } else {
            expect(text).not.toContain('LS1 1AA');
            expect(text).not.toContain(TRACKING_CODE_SLOT);
          }
        }
      }
    }
  });
});

describe('a response', () => {
  for (const [audience, language] of [['adult', 'en'], ['child', 'en'], ['adult', 'cy'], ['child', 'cy']] as const) {
    it(`at stage 1 answers each point in order, with its decision, and says how to ask for a stage 2 review (${audience}, ${language})`, () => {
      const { facts, text } = compose('stage_1_response', audience, language);
      let from = 0;
      for (const point of facts.points) {
        const at = text.indexOf(pointExcerpt(point.text), from);
        expect(at, `point ${point.position}`).toBeGreaterThanOrEqual(from);
        const decision = decisionInWords(point.answer!.decision, language, audience);
        expect(text.indexOf(decision, at)).toBeGreaterThan(at);
        from = at + 1;
      }
      const [answered, forTheCourt] = facts.points;
      for (const detail of [answered!.answer!.reasons, answered!.answer!.whatShouldHaveHappened!, answered!.answer!.whatHappened!, answered!.answer!.standardCited!, answered!.answer!.remedy!]) {
        expect(text).toContain(detail);
      }
      expect(text).toContain(forTheCourt!.courtRoute!);
      expect(text).toContain(facts.message!);
      expect(text).toContain(facts.actions[0]!.description);
      expect(text).toContain(dateInWords(facts.actions[0]!.dueOn, language));
      // The way on: a stage 2 review, who to ask and how long it takes; not yet the Ombudsman.
      const escalation = text.slice(text.lastIndexOf(organisation.contact.email) - 400);
      expect(escalation).toContain(organisation.contact.phone);
      expect(escalation).toContain(organisation.contact.email);
      expect(escalation).toContain(`${facts.stageTwoResponseDays} ${language === 'cy' ? 'diwrnod gwaith' : 'working days'}`);
      expect(text).not.toContain(organisation.ombudsman.phso.phone);
    });

    it(`at stage 2 names the Ombudsman of the service area's nation (${audience}, ${language})`, () => {
      const england = compose('stage_2_response', audience, language, { nation: 'england' }).text;
      const wales = compose('stage_2_response', audience, language, { nation: 'wales' }).text;
      for (const [text, ombudsman, other] of [
        [england, organisation.ombudsman.phso, organisation.ombudsman.psow],
        [wales, organisation.ombudsman.psow, organisation.ombudsman.phso],
      ] as const) {
        expect(text).toContain(ombudsman.name[language]);
        expect(text).toContain(ombudsman.phone);
        expect(text).toContain(ombudsman.website);
        expect(text).not.toContain(other.name[language]);
      }
      expect(compose('stage_2_response', audience, language).text).toContain(decisionInWords('upheld', language, audience));
    });
  }
});

describe('the other letters say what they must', () => {
  for (const [audience, language] of [['adult', 'en'], ['child', 'en'], ['adult', 'cy'], ['child', 'cy']] as const) {
    it(`an extension gives the new date, the reason and the Ombudsman (${audience}, ${language})`, () => {
      const { facts, text } = compose('extension', audience, language, { nation: 'wales' });
      expect(text).toContain(dateInWords(facts.extension!.newDueOn, language, { weekday: true }));
      expect(text).toContain(facts.extension!.reason);
      expect(text).toContain(organisation.ombudsman.psow.name[language]);
      expect(text).toContain(organisation.ombudsman.psow.phone);
    });

    it(`holding, closure and the reply to someone outside the procedure carry the writer's words (${audience}, ${language})`, () => {
      for (const kind of ['holding', 'closure', 'non_service_user_reply']) {
        const { facts, text } = compose(kind, audience, language);
        expect(text, kind).toContain(facts.message!);
        expect(compose(kind, audience, language, { message: null }).text, kind).not.toContain(facts.message!);
      }
    });

    it(`an acknowledgement lists each point for the court with how to raise it (${audience}, ${language})`, () => {
      const { facts, text } = compose('acknowledgement', audience, language);
      expect(text).toContain(facts.points[1]!.triageReason!);
      expect(text).toContain(facts.points[1]!.courtRoute!);
    });
  }
});

describe('the template language is documented once, in content/letters/README.md', () => {
  const readme = readFileSync(new URL('../../../../content/letters/README.md', import.meta.url), 'utf8');
  it('with every value, part and list a template may use', () => {
    for (const value of LETTER_VALUES) expect(readme).toContain(`\`{{${value}}}\``);
    for (const section of LETTER_SECTIONS) expect(readme).toMatch(new RegExp(`\\| \`${section}\` \\|`));
    for (const [list, values] of Object.entries(LETTER_LISTS)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${list}\` |`) && line.includes('{{'));
      expect(row, list).toBeDefined();
      for (const value of values) expect(row, `${list}.${value}`).toContain(`{{${value}}}`);
    }
  });
});
