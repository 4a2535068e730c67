import { letterTemplateSources } from '@complaints/content/letters';
import { describe, expect, it } from 'vitest';
import { letterTemplateInput, letterTemplateProblems } from './check-letter-template';
import { letterTemplateKey } from './letter-template-key';

const key = { kind: 'stage_1_response', audience: 'adult', language: 'en' } as const;
const today = '2026-11-24';
const good = letterTemplateSources().find((s) => s.kind === key.kind && s.audience === key.audience && s.language === key.language)!;
const problems = (over: Partial<{ subject: string; body: string }>) => letterTemplateProblems({ subject: good.subject, body: good.body, ...over }, key, today);

describe('checking a template before it is saved', () => {
  it('passes every template in content', () => {
    for (const source of letterTemplateSources()) expect(letterTemplateProblems(source, source, today), source.file).toEqual([]);
  });

  it('names the value, list or part that the letter does not have', () => {
    expect(problems({ body: `${good.body}\nCall {{managerPhnoe}}` })).toEqual([{ field: 'body', message: 'template.unknownValue', name: 'managerPhnoe' }]);
    expect(problems({ subject: 'About {{decision}}' })).toEqual([{ field: 'subject', message: 'template.unknownValue', name: 'decision' }]);
    expect(problems({ body: '[[each complaints]]\n- {{number}}\n[[end]]' })).toEqual([{ field: 'body', message: 'template.unknownList', name: 'complaints' }]);
    expect(problems({ body: '[[if stageThree]]\nText\n[[end]]' })).toEqual([{ field: 'body', message: 'template.unknownSection', name: 'stageThree' }]);
    expect(problems({ body: '[[signature]]' })).toEqual([{ field: 'body', message: 'template.unknownDirective', name: 'signature' }]);
  });

  it('finds a mistake inside a part that applies only at the other stage or by post', () => {
    expect(problems({ body: '[[if stageTwo]]\n{{ombudsmanNmae}}\n[[end]]' })).toEqual([{ field: 'body', message: 'template.unknownValue', name: 'ombudsmanNmae' }]);
    expect(problems({ body: '[[if trackingCode]]\n[[trackingCode]]\n[[end]]' })).toEqual([{ field: 'body', message: 'template.needsLabel', name: 'trackingCode' }]);
  });

  it('says which part is never closed, and when an end has nothing to close', () => {
    expect(problems({ body: 'Dear {{complainantName}},\n[[if message]]\n{{message}}' })).toEqual([{ field: 'body', message: 'template.notClosed', name: 'message' }]);
    expect(problems({ body: 'Text\n[[end]]' })).toEqual([{ field: 'body', message: 'template.endWithoutStart' }]);
    expect(problems({ body: '[[if]]\n[[end]]' })).toEqual([{ field: 'body', message: 'template.needsName', name: 'if' }]);
  });

  it('keeps a template as typed, with plain newlines, and refuses an empty or multi-line subject', () => {
    expect(letterTemplateInput.parse({ subject: ' Hello – {{reference}} ', body: 'One\r\nTwo\r\n' })).toEqual({ subject: 'Hello – {{reference}}', body: 'One\nTwo' });
    expect(letterTemplateInput.safeParse({ subject: '', body: 'x' }).error?.issues.map((i) => i.message)).toEqual(['subject.required']);
    expect(letterTemplateInput.safeParse({ subject: 'a\nb', body: 'x' }).error?.issues.map((i) => i.message)).toEqual(['subject.oneLine']);
    expect(letterTemplateInput.safeParse({ subject: 'a', body: ' ' }).error?.issues.map((i) => i.message)).toEqual(['body.required']);
  });

  it('knows only the templates there are', () => {
    expect(letterTemplateKey({ kind: 'closure', audience: 'child', language: 'cy' })).toEqual({ kind: 'closure', audience: 'child', language: 'cy' });
    expect(() => letterTemplateKey({ kind: 'received', audience: 'adult', language: 'en' })).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => letterTemplateKey({ kind: 'closure', audience: 'teen', language: 'en' })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
