import { blockPicture, type PublicDocumentId, readDocumentContent } from '@complaints/documents';
import { extractPdfPictures, extractPdfText } from '@complaints/documents/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { checkPage, visit } from './support/pages';

const portal = inject('portalUrl');

/** The leaflets and welcome packs: addresses printed on paper, so they must keep working. */
const DOCUMENTS: ReadonlyArray<{ id: PublicDocumentId; path: string; file: string; title: { en: string; cy: string } }> = [
  { id: 'leaflet-adult', path: '/leaflets/adult', file: 'complaints-leaflet', title: { en: 'How to complain', cy: 'Sut i gwyno' } },
  {
    id: 'leaflet-easy-read',
    path: '/leaflets/easy-read',
    file: 'complaints-leaflet-easy-read',
    title: { en: 'How to complain: easy read', cy: 'Sut i gwyno: hawdd ei ddeall' },
  },
  {
    id: 'leaflet-child',
    path: '/leaflets/young-people',
    file: 'complaints-leaflet-young-people',
    title: { en: 'How to complain: for children and young people', cy: 'Sut i gwyno: i blant a phobl ifanc' },
  },
  { id: 'welcome-pack-adult', path: '/welcome-pack', file: 'welcome-pack', title: { en: 'Welcome pack', cy: 'Pecyn croeso' } },
  {
    id: 'welcome-pack-child',
    path: '/welcome-pack/young-people',
    file: 'welcome-pack-young-people',
    title: { en: 'Welcome pack for children and young people', cy: 'Pecyn croeso i blant a phobl ifanc' },
  },
];

/** The pictures a document's general form shows, in order, as its words file gives them. */
function picturesOf(id: PublicDocumentId, language: 'en' | 'cy'): Array<{ name: string; alt: string }> {
  return readDocumentContent(id, language)
    .content.blocks.filter((block) => block.when !== 'personalised')
    .flatMap((block) => {
      const picture = blockPicture(block);
      return picture ? [{ name: picture.name, alt: 'alt' in picture ? picture.alt : '' }] : [];
    });
}

const PICTURE_CREDIT = { en: 'Pictures: OpenMoji', cy: 'Lluniau: OpenMoji' };

const STAGE_ONE = { en: '15 working days', cy: '15 diwrnod gwaith' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('leaflets and welcome packs, in English and Welsh', () => {
  for (const language of ['en', 'cy'] as const) {
    for (const document of DOCUMENTS) {
      it(`${document.path} in ${language}: the page, and its PDF to print`, async () => {
        const { context, page } = await newPage(browser);
        await visit(page, `${portal}${document.path}?lng=${language}`, { language });
        expect(await page.locator('h1').textContent()).toBe(document.title[language]);
        expect(await page.locator('main').textContent()).toContain(STAGE_ONE[language]);

        // Every picture beside its words, each with its words for a screen reader (or marked
        // decorative), drawn by the browser; the same pictures in the PDF, and the credit in both.
        const expected = picturesOf(document.id, language);
        const shown = await page.locator('main .app-document img').evaluateAll((images) =>
          (images as HTMLImageElement[]).map((img) => ({ src: img.getAttribute('src'), alt: img.getAttribute('alt'), drawn: img.complete && img.naturalWidth > 0 })),
        );
        expect(shown).toEqual(expected.map((p) => ({ src: `/pictures/${p.name}.svg`, alt: p.alt, drawn: true })));
        if (expected.length > 0) expect(await page.locator('main .app-document-credits').textContent()).toContain(PICTURE_CREDIT[language]);

        const link = page.locator(`main a[href^="${document.path}.pdf"]`);
        expect(await link.getAttribute('href')).toBe(`${document.path}.pdf?lng=${language}`);
        const [opened] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === `${document.path}.pdf`), link.click()]);
        expect(opened.status()).toBe(200);
        expect(await opened.headerValue('content-type')).toBe('application/pdf');

        const response = await page.request.get(`${portal}${document.path}.pdf?lng=${language}`);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-disposition']).toBe(`inline; filename="${document.file}-${language}.pdf"`);
        expect(response.headers()['cache-control']).toBe('public, no-cache');
        const read = await extractPdfText(await response.body());
        expect(read.title).toBe(document.title[language]);
        expect(read.language).toBe(language === 'cy' ? 'cy-GB' : 'en-GB');
        expect(read.text.replace(/\s+/g, ' ')).toContain(STAGE_ONE[language]);

        expect((await extractPdfPictures(await response.body())).flat()).toHaveLength(expected.length);
        if (expected.length > 0) expect(read.text.replace(/\s+/g, ' ')).toContain(PICTURE_CREDIT[language]);
        await context.close();
      });
    }
  }

  it('works without JavaScript, and the language switch keeps you on the document', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    await visit(page, `${portal}/leaflets/young-people`, { language: 'en' });
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL(/\/leaflets\/young-people\?lng=cy/);
    await checkPage(page, { language: 'cy' });
    expect(await page.locator('h1').textContent()).toBe('Sut i gwyno: i blant a phobl ifanc');
    // The choice is remembered: the next document is in Welsh too, and so is its PDF.
    await visit(page, `${portal}/welcome-pack`, { language: 'cy' });
    const pdf = await page.request.get(`${portal}/welcome-pack.pdf`);
    expect(pdf.headers()['content-disposition']).toContain('welcome-pack-cy.pdf');
    await context.close();
  });

  it('is listed on the home page, each version linked from the other', async () => {
    const { context, page } = await newPage(browser);
    await visit(page, `${portal}/`);
    for (const document of DOCUMENTS) expect(await page.locator(`main a[href="${document.path}"]`).count()).toBe(1);
    await visit(page, `${portal}/leaflets/adult`);
    // The easy-read version is named in the leaflet's words and linked beside them.
    expect(await page.locator('main .app-document').textContent()).toContain('/leaflets/easy-read');
    await page.locator('main nav a[href="/leaflets/easy-read"]').click();
    await page.waitForURL(/\/leaflets\/easy-read$/);
    await checkPage(page);
    await visit(page, `${portal}/leaflets/adult`);
    await page.getByRole('link', { name: 'How to complain: for children and young people' }).click();
    await page.waitForURL(/\/leaflets\/young-people$/);
    await checkPage(page);
    await context.close();
  });

  it('answers "not modified" for a PDF the browser already has, and a changed version is a new one', async () => {
    const first = await fetch(`${portal}/leaflets/adult.pdf?lng=en`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]{32}"$/);
    expect(first.headers.get('vary')).toContain('Accept-Language');
    const again = await fetch(`${portal}/leaflets/adult.pdf?lng=en`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const welsh = await fetch(`${portal}/leaflets/adult.pdf?lng=cy`, { headers: { 'If-None-Match': etag! } });
    expect(welsh.status).toBe(200);
    expect(welsh.headers.get('etag')).not.toBe(etag);
  });
});

describe('the preview for the people who write the words', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`lists every document and shows each beside its PDF, in ${language}`, async () => {
      const { context, page } = await newPage(browser);
      await visit(page, `${portal}/documents/preview?lng=${language}`, { language });
      expect(await page.locator('tbody tr').count()).toBe(10);
      await page.locator('a[href="/documents/preview/welcome-pack-child/cy"]').click();
      await page.waitForURL(/\/documents\/preview\/welcome-pack-child\/cy$/);
      await checkPage(page, { language });
      expect(await page.locator('h1').textContent()).toBe('Pecyn croeso i blant a phobl ifanc');
      expect(await page.locator('section[aria-labelledby="pdf-heading"] .govuk-summary-list').textContent()).toContain('cy-GB');
      await visit(page, `${portal}/documents/preview/leaflet-adult/en?lng=${language}`, { language });
      await context.close();
    });
  }

  it('serves only the pictures in the set', async () => {
    const picture = await fetch(`${portal}/pictures/1F61F.svg`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/svg+xml');
    for (const name of ['1F61F.png', 'ZZZZ.svg', '..%2Fpackage.json.svg', '%2E%2E%2F%2E%2E%2Fpackage.svg']) {
      expect((await fetch(`${portal}/pictures/${name}`)).status, name).toBe(404);
    }
  });

  it('answers 404 for a document that does not exist', async () => {
    const { context, page } = await newPage(browser);
    await visit(page, `${portal}/documents/preview/leaflet-teenager/en`, { status: 404 });
    await context.close();
  });
});
