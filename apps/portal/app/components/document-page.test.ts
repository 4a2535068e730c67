import { describe, expect, it } from 'vitest';
import { ensureDocumentPreview, fingerprintsIn, pdfResponse, portalUrlOf } from './document-page.server';

describe('the preview of leaflets and welcome packs', () => {
  it('does not exist on the live service', () => {
    let thrown: unknown;
    try {
      ensureDocumentPreview({ documentPreview: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    expect(() => ensureDocumentPreview({})).toThrow();
    expect(() => ensureDocumentPreview({ documentPreview: true })).not.toThrow();
  });
});

describe('serving a PDF', () => {
  const result = { fingerprint: 'abc123', fileName: 'complaints-leaflet-young-people-cy.pdf', pdf: Buffer.from('%PDF-1.3 pretend') };

  it('opens it in the browser under its file name, and makes caches check it every time', async () => {
    const response = pdfResponse(result, 'cy');
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': 'inline; filename="complaints-leaflet-young-people-cy.pdf"',
      'content-language': 'cy',
      'content-length': String(result.pdf.length),
      etag: 'W/"abc123"',
      'cache-control': 'public, no-cache',
      vary: 'Cookie, Accept-Language',
    });
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('%PDF-1.3 pretend');
  });

  it('answers "not modified" with no body when the browser has this version', async () => {
    const response = pdfResponse({ ...result, pdf: null }, 'en');
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe('W/"abc123"');
    expect(await response.text()).toBe('');
  });

  it('reads the versions a browser holds from If-None-Match, weak or strong', () => {
    expect(fingerprintsIn(null)).toEqual([]);
    expect(fingerprintsIn('W/"abc123"')).toEqual(['abc123']);
    expect(fingerprintsIn('"one", W/"two"')).toEqual(['one', 'two']);
    expect(fingerprintsIn('*')).toEqual([]);
  });

  it('prints the portal address from PORTAL_URL, else the address asked for', () => {
    const request = new Request('http://10.0.0.5:3000/leaflets/adult.pdf');
    expect(portalUrlOf(request, { portalUrl: 'https://complaints.example.org' })).toBe('https://complaints.example.org');
    expect(portalUrlOf(request, {})).toBe('http://10.0.0.5:3000');
  });
});
