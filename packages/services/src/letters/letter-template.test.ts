import { describe, expect, it } from 'vitest';
import { LetterTemplateError, TRACKING_CODE_SLOT, composeLetter, type TemplateInput } from './letter-template';

const input = (over: Partial<TemplateInput> = {}): TemplateInput => ({
  values: { reference: 'CMP-7K3P-9QX2', name: 'Jo', phone: '0300 123 4567', email: null },
  sections: [],
  lists: {},
  address: null,
  ...over,
});

describe('composing a letter from its template', () => {
  it('turns headings, paragraphs, lists, callouts and the reference into blocks', () => {
    const letter = composeLetter(
      {
        subject: 'Your complaint – {{reference}}',
        body: 'Dear {{name}},\nthank you.\n\n## Contact\n- Phone: {{phone}}\n- Email: {{email}}\n> Keep this safe.\n[[reference Your reference]]',
      },
      input(),
    );
    expect(letter.subject).toBe('Your complaint – CMP-7K3P-9QX2');
    expect(letter.blocks).toEqual([
      { kind: 'paragraph', text: 'Dear Jo, thank you.' },
      { kind: 'heading', level: 2, text: 'Contact' },
      // The email line is left out: there is no email address.
      { kind: 'list', items: ['Phone: 0300 123 4567'] },
      { kind: 'callout', text: 'Keep this safe.' },
      { kind: 'reference', label: 'Your reference', value: 'CMP-7K3P-9QX2' },
    ]);
  });

  it('uses a part only when it applies, and repeats lines for each item', () => {
    const template = { subject: 's', body: 'Start.\n[[if court]]\n## For the court\n[[each points]]\n- Point {{number}}: {{reason}}\n[[end]]\n[[end]]\nEnd.' };
    const without = composeLetter(template, input({ lists: { points: [] } }));
    expect(without.blocks).toEqual([{ kind: 'paragraph', text: 'Start. End.' }]);
    const withCourt = composeLetter(
      template,
      input({ sections: ['court'], lists: { points: [{ number: '2', reason: 'The order is the court’s.' }, { number: '3', reason: 'So is this.' }] } }),
    );
    expect(withCourt.blocks).toEqual([
      { kind: 'paragraph', text: 'Start.' },
      { kind: 'heading', level: 2, text: 'For the court' },
      { kind: 'list', items: ['Point 2: The order is the court’s.', 'Point 3: So is this.'] },
      { kind: 'paragraph', text: 'End.' },
    ]);
  });

  it('puts the address at the top of a posted letter, and nothing for an emailed one', () => {
    const template = { subject: 's', body: '[[address]]\n\nDear {{name}},' };
    expect(composeLetter(template, input({ address: ['Jo Bloggs', '1 High Street', 'AB1 2CD'] })).blocks).toEqual([
      { kind: 'address', lines: ['Jo Bloggs', '1 High Street', 'AB1 2CD'] },
      { kind: 'paragraph', text: 'Dear Jo,' },
    ]);
    expect(composeLetter(template, input()).blocks).toEqual([{ kind: 'paragraph', text: 'Dear Jo,' }]);
  });

  it('leaves a slot for the tracking code, filled only when printed', () => {
    const letter = composeLetter({ subject: 's', body: '[[trackingCode Your tracking code]]' }, input());
    expect(letter.blocks).toEqual([{ kind: 'reference', label: 'Your tracking code', value: TRACKING_CODE_SLOT }]);
  });

  it('refuses a value the letter does not have, and a template that does not close its parts', () => {
    expect(() => composeLetter({ subject: 's', body: 'Call {{phnoe}}' }, input())).toThrow(LetterTemplateError);
    expect(() => composeLetter({ subject: 's', body: '[[if court]]\nText' }, input())).toThrow(/never closed/);
    expect(() => composeLetter({ subject: 's', body: '[[end]]' }, input())).toThrow(LetterTemplateError);
    expect(() => composeLetter({ subject: 's', body: '[[each points]]\n[[end]]' }, input())).toThrow(/each points/);
    expect(() => composeLetter({ subject: 's', body: '[[signature]]' }, input())).toThrow(/not something/);
  });
});
