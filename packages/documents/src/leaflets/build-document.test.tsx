import { DEFAULT_TIMESCALES } from '@complaints/domain';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DocumentSource } from '../document-model';
import { DocumentBlocks } from '../html/document-body';
import { extractPdfLines, extractPdfPictures, extractPdfText, keepWithNextTexts, strandedTexts } from '../pdf/extract-text';
import { renderPdf } from '../pdf/render-pdf';
import { buildPublicDocument, webAddress } from './build-document';
import { DOCUMENT_LANGUAGES, PUBLIC_DOCUMENT_IDS } from './catalogue';

const PORTAL = 'https://complaints.example.org';
const build = (id: (typeof PUBLIC_DOCUMENT_IDS)[number], language: 'en' | 'cy', timescales = DEFAULT_TIMESCALES) =>
  buildPublicDocument(id, language, { timescales, portalUrl: PORTAL });
const html = (source: DocumentSource) => renderToStaticMarkup(<DocumentBlocks blocks={source.blocks} />);
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('buildPublicDocument', () => {
  it('fills in the timescales as the organisation has set them, in each language', () => {
    const en = flat(html(build('leaflet-adult', 'en').source));
    expect(en).toContain('within 1 working day to say we have your complaint');
    expect(en).toContain('full answer within 15 working days');
    expect(en).toContain('within 2 working days to say we have your request');
    expect(en).toContain('answer within 20 working days');
    const cy = flat(html(build('leaflet-adult', 'cy').source));
    expect(cy).toContain('o fewn 1 diwrnod gwaith i ddweud');
    expect(cy).toContain('o fewn 2 ddiwrnod gwaith i ddweud');
    expect(cy).toContain('o fewn 15 diwrnod gwaith');
    expect(cy).toContain('o fewn 20 diwrnod gwaith');
  });

  it('says "the same working day" when a step takes no working days', () => {
    const text = flat(html(build('leaflet-adult', 'en', { ...DEFAULT_TIMESCALES, acknowledge: 0 }).source));
    expect(text).toContain('We will write to you within the same working day to say we have your complaint');
  });

  it('fills in the organisation, both Ombudsmen and the web addresses, Welsh pages in Welsh', () => {
    const en = build('leaflet-adult', 'en').source;
    const text = flat(html(en));
    expect(en.organisationName).toBe('Children and Family Court Advisory Service');
    expect(text).toContain('0300 123 4567');
    expect(text).toContain('Parliamentary and Health Service Ombudsman');
    expect(text).toContain('Public Services Ombudsman for Wales');
    expect(text).toContain('complaints.example.org/leaflets/young-people');
    expect(en.webVersionNote).toContain('complaints.example.org/leaflets/adult.');
    const cy = build('leaflet-adult', 'cy').source;
    expect(flat(html(cy))).toContain('Ombwdsmon Gwasanaethau Cyhoeddus Cymru');
    expect(cy.webVersionNote).toContain('complaints.example.org/leaflets/adult?lng=cy');
  });

  it('shows the general form of the welcome pack to everyone, without any case details', () => {
    const source = build('welcome-pack-adult', 'en').source;
    expect(source.blocks.some((b) => b.kind === 'reference')).toBe(false);
    expect(flat(html(source))).toContain('They will tell you their name and how to contact their team');
    expect(source.footer).toBeUndefined();
  });

  it('fills in a case in the personalised welcome pack and leaves out details the team does not have', () => {
    const { source } = buildPublicDocument('welcome-pack-child', 'cy', {
      timescales: DEFAULT_TIMESCALES,
      portalUrl: PORTAL,
      personal: { practitionerName: 'Siân Ŵyn', teamName: 'Caerdydd', teamPhone: '0300 123 5000', teamEmail: null, teamAddress: 'Swyddfa\n1 Stryd y Llys', caseReference: 'CF24P00123' },
    });
    const facts = source.blocks.find((b) => b.kind === 'facts');
    expect(facts).toEqual({
      kind: 'facts',
      rows: [
        { label: 'Enw', value: 'Siân Ŵyn' },
        { label: 'Tîm', value: 'Caerdydd' },
        { label: 'Ffôn', value: '0300 123 5000' },
        { label: 'Cyfeiriad', value: 'Swyddfa, 1 Stryd y Llys' },
      ],
    });
    expect(source.blocks).toContainEqual({ kind: 'reference', label: 'Rhif eich achos', value: 'CF24P00123' });
    expect(flat(html(source))).not.toContain('Gallech ei ysgrifennu i lawr');
    expect(source.footer).toContain('CF24P00123');
  });

  it('changes its fingerprint when what the reader sees changes, and only then', () => {
    const before = build('leaflet-child', 'en').fingerprint;
    expect(build('leaflet-child', 'en').fingerprint).toBe(before);
    expect(build('leaflet-child', 'en', { ...DEFAULT_TIMESCALES, stage_1_response: 12 }).fingerprint).not.toBe(before);
    // The reminder window is for staff and appears in no leaflet.
    expect(build('leaflet-child', 'en', { ...DEFAULT_TIMESCALES, reminder_window: 3 }).fingerprint).toBe(before);
    expect(buildPublicDocument('leaflet-child', 'en', { timescales: DEFAULT_TIMESCALES, portalUrl: 'https://other.example.org' }).fingerprint).not.toBe(before);
  });
});

describe('webAddress', () => {
  it('prints addresses as people type them, keeping a path the portal is served under', () => {
    expect(webAddress('https://example.org', '/leaflets/adult', 'en')).toBe('example.org/leaflets/adult');
    expect(webAddress('https://example.org/complaints/', '/welcome-pack', 'cy')).toBe('example.org/complaints/welcome-pack?lng=cy');
    expect(webAddress('http://localhost:3000', '/', 'en')).toBe('http://localhost:3000');
  });
});

describe('the PDFs', () => {
  for (const id of PUBLIC_DOCUMENT_IDS) {
    for (const language of DOCUMENT_LANGUAGES) {
      it(`${id} in ${language}: title, language, every heading, the timescales and every picture are in the file, no heading stranded`, { timeout: 30_000 }, async () => {
        const { source } = build(id, language);
        const pdf = await renderPdf(source);
        const read = await extractPdfText(pdf);
        // The running header and footer, on every page, may fall in the middle of a sentence.
        const running = [new RegExp(`^${source.organisationName}$`), /(Page|Tudalen) \d+ (of|o) \d+/];
        const pages = await extractPdfLines(pdf);
        const text = flat(pages.flatMap((page) => page.lines.filter((l) => !running.some((r) => r.test(l.text))).map((l) => l.text)).join(' '));
        expect(read.title).toBe(source.title);
        expect(read.language).toBe(language === 'cy' ? 'cy-GB' : 'en-GB');
        for (const block of source.blocks) {
          if (block.kind === 'heading') expect(text, `heading "${block.text}"`).toContain(block.text);
        }
        const days = language === 'cy' ? ['1 diwrnod gwaith', '15 diwrnod gwaith', '20 diwrnod gwaith'] : ['1 working day', '15 working days', '20 working days'];
        for (const phrase of days) expect(text).toContain(phrase);
        expect(text).toContain(source.webVersionNote!);
        expect(await strandedTexts(pdf, keepWithNextTexts(source), running)).toEqual([]);

        // Every picture is drawn, each beside words on its own page, never alone at a page's foot.
        const pictured = source.blocks.filter((b) => 'picture' in b && b.picture).length;
        const pictures = await extractPdfPictures(pdf);
        expect(pictures.flat()).toHaveLength(pictured);
        pictures.forEach((onPage, i) => {
          for (const picture of onPage) {
            const beside = pages[i]!.lines.filter((l) => l.top >= picture.top - 2 && l.top <= picture.bottom + 2);
            expect(beside.length, `a picture on page ${i + 1} has words beside it`).toBeGreaterThan(0);
          }
        });
        if (pictured > 0) expect(text).toContain(source.credits!);
      });
    }
  }

  it('changes in both the web page and the PDF when a timescale setting changes', { timeout: 30_000 }, async () => {
    const changed = build('leaflet-adult', 'en', { ...DEFAULT_TIMESCALES, stage_1_response: 12, stage_2_response: 25 }).source;
    const page = flat(html(changed));
    const pdf = flat((await extractPdfText(await renderPdf(changed))).text);
    for (const text of [page, pdf]) {
      expect(text).toContain('full answer within 12 working days');
      expect(text).toContain('25 working days');
      expect(text).not.toContain('15 working days');
      expect(text).not.toContain('answer within 20 working days');
    }
  });
});
