import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newComplaintSchema } from '../complaint/complaint-input';
import { adultFlow } from './adult-flow';
import { ACCEPTED_ATTACHMENT_TYPES, ATTACHMENT_EXTENSIONS, attachmentDisplayName, attachmentRefusal, attachmentServedType, ATTACHMENT_LIMITS } from './attachment-rules';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
import { complaintFromAnswers, effectiveAnswers } from './answers-to-complaint';
import { checkAnswersRows } from './check-answers';
import { childFlow } from './child-flow';
import { readDraftData, withPageAnswers } from './draft-data';
import { CONFIRMATION_SHOWN_MINUTES, isConfirmationShown } from './sent-confirmation';
import { flattenFields } from './fields';
import type { Answers, FieldDefinition, FlowDefinition, FormDraftData, PageContext, PageDefinition } from './form-definition';
import { findPage, firstUnansweredPage, nextStep, previousPage, shownPages } from './navigation';
import { checkPage, happenedOnFromParts, readPage, type TypedValue, type TypedValues, typedFromAnswers } from './page-answers';

const AREA = '6f1c2d3e-4b5a-4c6d-8e7f-901234567890';
const context: PageContext = { today: '2026-03-27', areas: [{ id: AREA, name: { en: 'Wales', cy: 'Cymru' } }] };
const FLOWS = [adultFlow, childFlow];

function form(entries: Array<[string, string]>) {
  return { names: () => entries.map(([n]) => n), getAll: (name: string) => entries.filter(([n]) => n === name).map(([, v]) => v) };
}

function page(flow: FlowDefinition, id: string): PageDefinition {
  const found = findPage(flow, id);
  if (!found) throw new Error(`no page ${id}`);
  return found;
}

/** Fills in a flow as a person would, page by page, with the typed values given for each page. */
function fillIn(flow: FlowDefinition, typedFor: (page: PageDefinition, answers: Answers) => TypedValues): FormDraftData {
  let draft: FormDraftData = { answers: {}, completed: [], formKey: 'k' };
  for (let step = 0; step < 30; step += 1) {
    const next = firstUnansweredPage(flow, draft);
    if (!next) break;
    const result = checkPage(next, typedFor(next, draft.answers), draft.answers, context);
    if (!result.ok) throw new Error(`${next.id}: ${JSON.stringify(result.problems)}`);
    draft = withPageAnswers(draft, next.id, result.values);
  }
  return draft;
}

const ADULT_ANSWERS: Record<string, TypedValues> = {
  who: { role: 'helping_child' },
  'whose-complaint': { onBehalfOfName: 'Mia Harris', onBehalfOfRelationship: 'Her aunt', onBehalfOfConsent: 'given' },
  'your-name': { fullName: '  Jodie Harris ' },
  case: { courtCaseNumber: 'AB12C34567', serviceAreaId: 'unknown', areaGiven: 'Swansea', practitionerNameGiven: '' },
  'what-went-wrong': {
    points: [
      { text: 'Nobody called me back.', day: '3', month: '2', year: '2026' },
      { text: '', day: '', month: '', year: '' },
      { text: 'The report had the wrong school.', day: '', month: '', year: '' },
    ],
  },
  outcome: { desiredOutcome: 'An apology.' },
  contact: { preferredContact: 'phone', phone: '07700 900 982', email: 'left@example.com' },
  safety: { safeToLeaveVoicemail: 'no', safeCallTimes: 'Weekdays after 3pm' },
  language: { language: 'cy' },
  help: { supportNeeds: ['other', 'large_print'], supportNeedsOther: 'A quiet room' },
  documents: {},
  privacy: { privacyAccepted: true },
};

describe('the forms as data', () => {
  it.each(FLOWS)('$id: pages have unique, URL-safe ids and fields unique names', (flow) => {
    const ids = flow.pages.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(id).toMatch(/^[a-z][a-z-]*$/));
    expect(ids).not.toContain('check');
    const names = flow.pages.flatMap((p) => flattenFields(p.fields).map((f) => f.name));
    expect(new Set(names).size).toBe(names.length);
  });

  it('asks whose complaint it is only of someone complaining for another person', () => {
    expect(shownPages(adultFlow, { role: 'parent_or_carer' }).map((p) => p.id)).not.toContain('whose-complaint');
    expect(shownPages(adultFlow, { role: 'helping_child' }).map((p) => p.id)).toContain('whose-complaint');
    expect(shownPages(adultFlow, { role: 'professional' }).map((p) => p.id)).toContain('whose-complaint');
  });

  it('asks about safety only when we would phone or write', () => {
    const ids = (answers: Answers) => shownPages(adultFlow, answers).map((p) => p.id);
    expect(ids({ preferredContact: 'email', email: 'a@b.co' })).not.toContain('safety');
    expect(ids({ preferredContact: 'phone', phone: '07700 900 982' })).toContain('safety');
    expect(ids({ preferredContact: 'post', postalAddress: '1 High St' })).toContain('safety');
    const child = (answers: Answers) => shownPages(childFlow, answers).map((p) => p.id);
    expect(child({ preferredContact: 'phone', phone: '07700 900 982' })).toContain('voicemail');
    expect(child({ preferredContact: 'phone', phone: '07700 900 982' })).not.toContain('letters');
  });
});

describe('a page', () => {
  it('reads only its own fields, and keeps what was typed when it refuses it', () => {
    const p = page(adultFlow, 'your-name');
    const typed = readPage(p, {}, form([['fullName', 'A\u0001B'], ['role', 'child'], ['extra', 'x']]));
    expect(typed).toEqual({ fullName: 'A\u0001B' });
    const result = checkPage(p, typed, {}, context);
    expect(result).toEqual({ ok: false, problems: [{ field: 'fullName', message: 'fullName.invalidCharacters' }], typed });
  });

  it('checks the follow-up of the choice made and clears the others', () => {
    const p = page(adultFlow, 'contact');
    const missing = checkPage(p, { preferredContact: 'email', email: '  ' }, {}, context);
    expect(missing.ok ? [] : missing.problems).toEqual([{ field: 'email', message: 'email.requiredForContact' }]);
    const result = checkPage(p, { preferredContact: 'phone', phone: '07700 900 982', email: 'not an email' }, {}, context);
    expect(result.ok && result.values).toEqual({
      preferredContact: 'phone',
      phone: '07700 900 982',
      email: undefined,
      postalAddress: undefined,
      postcode: undefined,
    });
  });

  it('refuses a choice that is not offered', () => {
    const result = checkPage(page(adultFlow, 'who'), { role: 'judge' }, {}, context);
    expect(result.ok ? [] : result.problems).toEqual([{ field: 'role', message: 'role.required' }]);
    const area = checkPage(page(adultFlow, 'case'), { serviceAreaId: '00000000-0000-4000-8000-000000000000' }, {}, context);
    expect(area.ok ? [] : area.problems).toEqual([{ field: 'serviceAreaId', message: 'serviceArea.invalid' }]);
  });

  it('takes points one by one, leaving out empty boxes, each with its own problem', () => {
    const p = page(adultFlow, 'what-went-wrong');
    const typed = readPage(
      p,
      {},
      form([
        ['points.0.text', ''],
        ['points.1.text', 'x'.repeat(5001)],
        ['points.1.day', '31'],
        ['points.1.month', '2'],
        ['points.1.year', '2026'],
        ['points.7.text', 'Late'],
        ['points.7.day', '1'],
      ]),
    );
    const result = checkPage(p, typed, {}, context);
    expect(result.ok ? [] : result.problems).toEqual([
      { field: 'points.0.text', message: 'pointText.tooLong' },
      { field: 'points.0.happenedOn', message: 'happenedOn.invalid' },
      { field: 'points.1.happenedOn', message: 'happenedOn.incomplete' },
    ]);
    expect((result.typed.points as unknown[]).length).toBe(2);
    expect(checkPage(p, { points: [] }, {}, context)).toMatchObject({ ok: false, problems: [{ field: 'points.0.text', message: 'pointText.required' }] });
  });

  it('refuses more points than a complaint holds, without reading a thousand', () => {
    const entries: Array<[string, string]> = Array.from({ length: 1000 }, (_, i) => [`points.${i}.text`, `Point ${i}`]);
    const p = page(adultFlow, 'what-went-wrong');
    const typed = readPage(p, {}, form(entries));
    expect((typed.points as unknown[]).length).toBe(21);
    const result = checkPage(p, typed, {}, context);
    expect(result.ok ? [] : result.problems).toEqual([{ field: 'points', message: 'points.tooMany' }]);
  });

  it('shows the answers already given when it is opened again', () => {
    const p = page(adultFlow, 'what-went-wrong');
    expect(typedFromAnswers(p, { points: [{ text: 'Late', happenedOn: '2026-02-03' }] })).toEqual({
      points: [{ text: 'Late', day: '3', month: '2', year: '2026' }],
    });
  });
});

describe('happenedOnFromParts', () => {
  it('is not given, a real past date, or a specific problem', () => {
    expect(happenedOnFromParts({ day: '', month: ' ', year: '' }, '2026-03-27')).toEqual({ ok: true, date: undefined });
    expect(happenedOnFromParts({ day: '27', month: '3', year: '2026' }, '2026-03-27')).toEqual({ ok: true, date: '2026-03-27' });
    expect(happenedOnFromParts({ day: '28', month: '3', year: '2026' }, '2026-03-27')).toEqual({ ok: false, message: 'happenedOn.future' });
    expect(happenedOnFromParts({ day: '29', month: '2', year: '2025' }, '2026-03-27')).toEqual({ ok: false, message: 'happenedOn.invalid' });
    expect(happenedOnFromParts({ day: '1', month: '2', year: '26' }, '2026-03-27')).toEqual({ ok: false, message: 'happenedOn.invalid' });
    expect(happenedOnFromParts({ day: '1', year: '2026' }, '2026-03-27')).toEqual({ ok: false, message: 'happenedOn.incomplete' });
  });
});

describe('moving through the form', () => {
  it('goes in order, skipping what is not asked, and back links mirror it', () => {
    const draft = { answers: { role: 'parent_or_carer' }, completed: ['who'] };
    expect(nextStep(adultFlow, draft, 'who', false)).toEqual({ page: page(adultFlow, 'your-name') });
    expect(previousPage(adultFlow, draft.answers, 'your-name')?.id).toBe('who');
    expect(previousPage(adultFlow, draft.answers, 'who')).toBeUndefined();
    expect(previousPage(adultFlow, draft.answers, 'whose-complaint')?.id).toBe('who');
  });

  it('returns to check your answers after a change, unless a new question must be answered first', () => {
    const complete = fillIn(adultFlow, (p) => ADULT_ANSWERS[p.id]!);
    expect(nextStep(adultFlow, complete, 'outcome', true)).toEqual({ check: true });
    const changed = withPageAnswers(complete, 'contact', { preferredContact: 'post', postalAddress: '1 High St', phone: undefined });
    // Post was not asked about before: the safety page must be answered again for it.
    expect(nextStep(adultFlow, { ...changed, completed: changed.completed.filter((c) => c !== 'safety') }, 'contact', true)).toEqual({
      page: page(adultFlow, 'safety'),
    });
  });
});

describe('the complaint the answers make', () => {
  it('counts only what is asked now, and passes the one complaint schema', () => {
    const draft = fillIn(adultFlow, (p) => ADULT_ANSWERS[p.id]!);
    const complaint = newComplaintSchema.parse(complaintFromAnswers(adultFlow, draft.answers, { pageLanguage: 'en', helpingNote: () => '' }));
    expect(complaint).toMatchObject({
      channel: 'online',
      audience: 'adult',
      language: 'cy',
      areaGiven: 'Swansea',
      serviceAreaId: null,
      points: [
        { text: 'Nobody called me back.', happenedOn: '2026-02-03' },
        { text: 'The report had the wrong school.' },
      ],
    });
    expect(complaint.complainant).toMatchObject({
      role: 'helping_child',
      fullName: 'Jodie Harris',
      email: undefined,
      phone: '07700 900 982',
      safeToLeaveVoicemail: false,
      onBehalfOfName: 'Mia Harris',
      onBehalfOfConsent: 'given',
      supportNeeds: ['large_print', 'other'],
      supportNeedsOther: 'A quiet room',
    });
    // Choosing "parent" afterwards drops the answers about someone else's complaint.
    const asParent = withPageAnswers(draft, 'who', { role: 'parent_or_carer' });
    expect(effectiveAnswers(adultFlow, asParent.answers).onBehalfOfName).toBeUndefined();
  });

  it('records a child who has help, or would like it', () => {
    const typed: Record<string, TypedValues> = {
      name: { fullName: 'Sam' },
      'someone-helping': { someoneHelping: 'yes', helpingName: 'My nan' },
      'what-happened': { points: [{ text: 'They did not listen to me.', day: '', month: '', year: '' }] },
      better: { desiredOutcome: '' },
      worker: { practitionerNameGiven: '' },
      'tell-you': { preferredContact: 'email', email: 'sam@example.com' },
      language: { language: 'en' },
      privacy: { privacyAccepted: true },
    };
    const draft = fillIn(childFlow, (p) => typed[p.id]!);
    const note = (name: string | undefined) => `Someone is helping me: ${name}`;
    const complaint = newComplaintSchema.parse(complaintFromAnswers(childFlow, draft.answers, { pageLanguage: 'en', helpingNote: note }));
    expect(complaint.audience).toBe('child');
    expect(complaint.complainant).toMatchObject({ role: 'child', supportNeeds: ['other'], supportNeedsOther: 'Someone is helping me: My nan' });
    const wouldLike = withPageAnswers(draft, 'someone-helping', { someoneHelping: 'would_like', helpingName: undefined });
    expect(complaintFromAnswers(childFlow, wouldLike.answers, { pageLanguage: 'en', helpingNote: note }).complainant.supportNeeds).toEqual(['advocate']);
  });

  it('lists every question asked on check your answers, linked back to its field', () => {
    const draft = fillIn(adultFlow, (p) => ADULT_ANSWERS[p.id]!);
    const rows = checkAnswersRows(adultFlow, draft.answers);
    expect(rows.map((r) => `${r.pageId}#${r.fieldId}`)).toEqual([
      'who#role',
      'whose-complaint#onBehalfOfName',
      'whose-complaint#onBehalfOfRelationship',
      'whose-complaint#onBehalfOfConsent',
      'your-name#fullName',
      'case#courtCaseNumber',
      'case#serviceAreaId',
      'case#areaGiven',
      'case#practitionerNameGiven',
      'what-went-wrong#points-0-text',
      'what-went-wrong#points-1-text',
      'outcome#desiredOutcome',
      'contact#preferredContact',
      'contact#phone',
      'safety#safeToLeaveVoicemail',
      'safety#safeCallTimes',
      'language#language',
      'help#supportNeeds',
      'help#supportNeedsOther',
      'documents#attachments',
    ]);
    expect(rows.find((r) => r.fieldId === 'practitionerNameGiven')?.value).toEqual({ kind: 'none' });
    expect(rows.find((r) => r.fieldId === 'points-1-text')).toMatchObject({ labelValues: { number: 2 }, value: { kind: 'point' } });
  });
});

/** Values a person might type in a field: mostly sensible, sometimes not, sometimes hostile. */
function typedValue(field: FieldDefinition): fc.Arbitrary<TypedValue> {
  const junk = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constant('<script>alert(1)</script>'), fc.constant(''));
  switch (field.kind) {
    case 'text':
    case 'email':
    case 'tel':
    case 'textarea': {
      const sensible: Record<string, string[]> = {
        email: ['jodie@example.com'],
        phone: ['07700 900 982', '+44 1632 960001'],
        postcode: ['CF10 1AA', ''],
        fullName: ['Jodie Harris', 'Rhys ap Dafydd'],
      };
      return fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...(sensible[field.name] ?? ['Some words', ''])) },
        { weight: 1, arbitrary: junk },
        { weight: 1, arbitrary: fc.constant('x'.repeat(field.max + 1)) },
      );
    }
    case 'radios':
      return fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...field.options.map((o) => o.value), ...(field.optionsFrom ? [AREA] : [])) }, { weight: 1, arbitrary: junk });
    case 'checkboxes':
      return fc.oneof({ weight: 12, arbitrary: fc.subarray(field.options.map((o) => o.value)) }, { weight: 1, arbitrary: fc.array(junk, { maxLength: 3 }) });
    case 'points': {
      const date: fc.Arbitrary<readonly string[]> = fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom<readonly string[]>(['', '', ''], ['3', '2', '2026'], ['29', '2', '2024']) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', '31', 'x'), fc.constantFrom('', '2', '13'), fc.constantFrom('', '2030', '26')) },
      );
      const point = fc.record({
        text: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('Nobody called back.', '', 'Dŵr') }, { weight: 1, arbitrary: junk }),
        date,
      });
      return fc.array(point.map(({ text, date: [day = '', month = '', year = ''] }) => ({ text, day, month, year })), { maxLength: 22 }).map((points) =>
        points.length > 6 ? points.slice(0, 3) : points,
      );
    }
    case 'consent':
      return fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
    case 'attachments':
      return fc.constant('');
  }
}

function typedPage(p: PageDefinition): fc.Arbitrary<TypedValues> {
  const fields = flattenFields(p.fields);
  return fc.record(Object.fromEntries(fields.map((f) => [f.name, typedValue(f)])) as Record<string, fc.Arbitrary<TypedValue>>);
}

describe('laws of the forms', () => {
  it.each(FLOWS)('$id: whatever the pages accept, the complaint schema accepts', (flow) => {
    let completedRuns = 0;
    const attempts = fc.record(Object.fromEntries(flow.pages.map((p) => [p.id, fc.array(typedPage(p), { minLength: 6, maxLength: 6 })])));
    fc.assert(
      fc.property(attempts, (tries) => {
        let draft: FormDraftData = { answers: {}, completed: [], formKey: 'k' };
        for (let step = 0; step < 30; step += 1) {
          const next = firstUnansweredPage(flow, draft);
          if (!next) break;
          const accepted = tries[next.id]!.map((t) => checkPage(next, t, draft.answers, context)).find((r) => r.ok);
          if (!accepted?.ok) return;
          draft = withPageAnswers(draft, next.id, accepted.values);
        }
        if (firstUnansweredPage(flow, draft)) return;
        completedRuns += 1;
        const result = newComplaintSchema.safeParse(complaintFromAnswers(flow, draft.answers, { pageLanguage: 'en', helpingNote: (n) => `Helper ${n ?? ''}` }));
        expect(result.error?.issues ?? []).toEqual([]);
        expect(checkAnswersRows(flow, draft.answers).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    // The law is only worth something if whole forms were filled in.
    expect(completedRuns).toBeGreaterThan(50);
    // 300 whole forms take a second or two on a quiet machine; a busy one is given room.
  }, 30_000);

  it.each(FLOWS)('$id: a page never throws, whatever is sent', (flow) => {
    const names = flow.pages.flatMap((p) => flattenFields(p.fields).map((f) => f.name));
    const entries = fc.array(
      fc.tuple(fc.oneof(fc.constantFrom(...names, 'points.0.text', 'points.99999.day', 'points.x.text'), fc.string()), fc.string({ unit: 'binary' })),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...flow.pages), entries, fc.dictionary(fc.string(), fc.anything()), (p, sent, answers) => {
        const result = checkPage(p, readPage(p, answers, form(sent)), answers, context);
        if (!result.ok) result.problems.forEach((problem) => expect(problem.message).toMatch(/^[a-zA-Z]+\.[a-zA-Z]+$/));
      }),
    );
  });
});

describe('drafts', () => {
  it('read anything stored as a draft, trusting only its shape', () => {
    expect(readDraftData(null)).toEqual({ answers: {}, completed: [], formKey: '' });
    expect(readDraftData({ answers: [], completed: ['a', 1], formKey: 7 })).toEqual({ answers: {}, completed: ['a'], formKey: '' });
  });
});

describe('the confirmation shown again', () => {
  it('is shown for 30 minutes after the complaint was sent, and not from then on', () => {
    const sentAt = new Date('2026-03-27T23:45:00Z');
    const after = (minutes: number) => new Date(sentAt.getTime() + minutes * 60 * 1000);
    expect(CONFIRMATION_SHOWN_MINUTES).toBe(30);
    expect(isConfirmationShown(sentAt, sentAt)).toBe(true);
    expect(isConfirmationShown(sentAt, new Date(after(30).getTime() - 1))).toBe(true);
    expect(isConfirmationShown(sentAt, after(30))).toBe(false);
    expect(isConfirmationShown(sentAt, after(24 * 60))).toBe(false);
  });
});

describe('attachments', () => {
  it('accepts five files of the five kinds, each up to 10 MB', () => {
    expect(attachmentRefusal({ sizeBytes: 10, contentType: 'application/pdf' }, 4)).toBeNull();
    expect(attachmentRefusal({ sizeBytes: 10, contentType: 'application/pdf' }, 5)).toBe('tooMany');
    expect(attachmentRefusal({ sizeBytes: ATTACHMENT_LIMITS.bytesPerFile + 1, contentType: 'image/png' }, 0)).toBe('tooBig');
    expect(attachmentRefusal({ sizeBytes: 0, contentType: null }, 0)).toBe('empty');
    expect(attachmentRefusal({ sizeBytes: 10, contentType: 'application/zip' }, 0)).toBe('wrongType');
    expect(attachmentRefusal({ sizeBytes: 10, contentType: null }, 0)).toBe('wrongType');
  });

  it('lists a file by a clean name', () => {
    expect(attachmentDisplayName('C:\\Users\\me\\letter <1>.pdf', 'application/pdf')).toBe('letter 1.pdf');
    expect(attachmentDisplayName('\u0000', 'application/pdf')).toBe('document.pdf');
    expect(attachmentDisplayName(`${'a'.repeat(300)}.docx`, DOCX)).toMatch(/^a{195}\.docx$/);
  });

  it('names a file with the extension of what its bytes are, never the one it came with', () => {
    expect(attachmentDisplayName('notes.exe', 'text/plain')).toBe('notes.txt');
    expect(attachmentDisplayName('page.html', 'text/plain')).toBe('page.txt');
    expect(attachmentDisplayName('scan.PDF', 'image/png')).toBe('scan.png');
    expect(attachmentDisplayName('photo.jpeg', 'image/jpeg')).toBe('photo.jpg');
    expect(attachmentDisplayName('report.pdf.exe', 'image/png')).toBe('report.pdf.png');
    expect(attachmentDisplayName('letter', DOCX)).toBe('letter.docx');
    expect(attachmentDisplayName('my letter to the court.', 'application/pdf')).toBe('my letter to the court.pdf');
  });

  it('takes out what could disguise a name: bidirectional overrides, controls, paths, leading dots', () => {
    // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf" in a right-to-left override.
    expect(attachmentDisplayName('invoice\u202Efdp.exe', 'application/pdf')).toBe('invoicefdp.pdf');
    expect(attachmentDisplayName('\u2066photo\u2069\u200E\u200F\u202Agnp.exe', 'image/png')).toBe('photognp.png');
    for (const mark of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\uFEFF']) {
      expect(attachmentDisplayName(`a${mark}b.txt`, 'text/plain')).toBe('ab.txt');
    }
    expect(attachmentDisplayName('bad\u0000na\u0007me\u001B[31m\u009B.txt', 'text/plain')).toBe('badname[31m.txt');
    expect(attachmentDisplayName('../../etc/passwd', 'text/plain')).toBe('passwd.txt');
    expect(attachmentDisplayName('..\\..\\windows\\win.ini', 'text/plain')).toBe('win.txt');
    expect(attachmentDisplayName('.htaccess', 'text/plain')).toBe('htaccess.txt');
    expect(attachmentDisplayName('...', 'text/plain')).toBe('document.txt');
    expect(attachmentDisplayName(' . .bashrc', 'text/plain')).toBe('bashrc.txt');
    expect(attachmentDisplayName('line\r\nbreak.txt', 'text/plain')).toBe('line break.txt');
    expect(attachmentDisplayName('<img src=x onerror=alert(1)>.txt', 'text/plain')).toBe('img src=x onerror=alert(1).txt');
    expect(attachmentDisplayName('<script>alert(1)</script>.txt', 'text/plain')).toBe('script.txt');
    expect(attachmentDisplayName(null, 'application/pdf')).toBe('document.pdf');
  });

  it('caps a long name without splitting a character, and keeps it readable', () => {
    const welsh = attachmentDisplayName(`${'ŵ'.repeat(150)}${'😀'.repeat(100)}.pdf`, 'application/pdf');
    expect([...welsh]).toHaveLength(ATTACHMENT_LIMITS.nameLength);
    expect(welsh.endsWith('😀.pdf')).toBe(true);
    expect(welsh).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(attachmentDisplayName('Llythyr i’r llys – Mawrth.docx', DOCX)).toBe('Llythyr i’r llys – Mawrth.docx');
  });

  it('serves text as UTF-8 plain text and anything not accepted as bare bytes', () => {
    expect(attachmentServedType('text/plain')).toBe('text/plain; charset=utf-8');
    expect(attachmentServedType('application/pdf')).toBe('application/pdf');
    expect(attachmentServedType('text/html')).toBe('application/octet-stream');
    expect(attachmentServedType('image/svg+xml')).toBe('application/octet-stream');
    for (const type of ACCEPTED_ATTACHMENT_TYPES) expect(ATTACHMENT_EXTENSIONS[type]).toMatch(/^[a-z]+$/);
  });
});
