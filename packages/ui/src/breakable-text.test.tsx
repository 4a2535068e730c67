import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BreakableText, breakOpportunities } from './breakable-text';

describe('long addresses in narrow columns', () => {
  it('may break after "@" and "/" and before each "."', () => {
    expect(breakOpportunities('jodie.harriss.family@example.co.uk')).toEqual([['jodie', '.harriss', '.family@', 'example', '.co', '.uk']]);
    expect(renderToStaticMarkup(<BreakableText text="https://example.org/a/long/path" />)).toBe('https:/<wbr/>/<wbr/>example<wbr/>.org/<wbr/>a/<wbr/>long/<wbr/>path');
  });

  it('leaves ordinary words and short addresses alone', () => {
    expect(renderToStaticMarkup(<BreakableText text="My son is 9. He was upset." />)).toBe('My son is 9. He was upset.');
    expect(renderToStaticMarkup(<BreakableText text="jo@example.com" />)).toBe('jo@example.com');
  });
});
