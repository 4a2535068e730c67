import { ACCEPTED_ATTACHMENT_TYPES } from '@complaints/domain';
import { describe, expect, it } from 'vitest';
import { attachmentResponse } from './casework-files.server';

const SERVED: Record<(typeof ACCEPTED_ATTACHMENT_TYPES)[number], { type: string; name: string }> = {
  'application/pdf': { type: 'application/pdf', name: 'letter.pdf' },
  'image/jpeg': { type: 'image/jpeg', name: 'letter.jpg' },
  'image/png': { type: 'image/png', name: 'letter.png' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    name: 'letter.docx',
  },
  'text/plain': { type: 'text/plain; charset=utf-8', name: 'letter.txt' },
};

describe('a file from the public, downloaded by staff', () => {
  it('is served for every accepted type as a download of that type, named by it, never sniffed', () => {
    for (const type of ACCEPTED_ATTACHMENT_TYPES) {
      const response = attachmentResponse({ fileName: 'letter.html', contentType: type, bytes: new Uint8Array([1, 2, 3]) });
      expect(response.headers.get('Content-Type')).toBe(SERVED[type].type);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(response.headers.get('Cache-Control')).toBe('private, no-store');
      expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${SERVED[type].name}"; filename*=UTF-8''${SERVED[type].name}`);
    }
  });

  it('serves a text file of HTML and script as plain UTF-8 text to save, with a name that cannot pose as another kind', async () => {
    const markup = '<html><body><script>alert(document.cookie)</script></body></html>';
    const response = attachmentResponse({ fileName: 'statement\u202Elmth.txt', contentType: 'text/plain', bytes: new TextEncoder().encode(markup) });
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="statementlmth\.txt"; filename\*=UTF-8''statementlmth\.txt$/);
    expect(await response.text()).toBe(markup);
  });

  it('serves a type no longer accepted (say, one stored as HTML) as bare bytes', () => {
    const response = attachmentResponse({ fileName: 'page.html', contentType: 'text/html', bytes: new Uint8Array([60]) });
    expect(response.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="page\.html"/);
  });
});
