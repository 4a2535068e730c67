import { describe, expect, it } from 'vitest';
import { extractPdfText } from './extract-text';
import { renderPdf } from './render-pdf';

describe('renderPdf', () => {
  it('writes a PDF with its title, language and every block, Welsh letters included', async () => {
    const pdf = await renderPdf({
      title: 'Sut i gwyno',
      language: 'cy',
      audience: 'adult',
      organisationName: 'Gwasanaeth Cynghori Llys i Blant a Theuluoedd',
      blocks: [
        { kind: 'heading', level: 1, text: 'Sut i gwyno' },
        { kind: 'paragraph', text: "Byddwn yn ateb o fewn 15 diwrnod gwaith. Dŵr, ŵyr, tŷ, ŷd." },
        { kind: 'reference', label: 'Eich cyfeirnod', value: 'CMP-7K3P-9QX2' },
        { kind: 'list', items: ['Ar-lein', 'Dros y ffôn'] },
        { kind: 'facts', rows: [{ label: 'Cam 1', value: '15 diwrnod gwaith' }] },
      ],
      webVersionNote: 'Mae’r ddogfen hon hefyd ar ein gwefan.',
    });
    const read = await extractPdfText(pdf);
    expect(read.title).toBe('Sut i gwyno');
    expect(read.language).toBe('cy-GB');
    const text = read.text.replace(/\s+/g, ' ');
    expect(text).toContain('Dŵr, ŵyr, tŷ, ŷd');
    expect(text).toContain('CMP-7K3P-9QX2');
    expect(text).toContain('15 diwrnod gwaith');
    expect(text).toContain('Tudalen 1 o 1');
  });

  // A reference or tracking code is printed spaced out so it can be copied by eye; spaced too far,
  // some pairs of letters (AJ, EJ, TT) read back with a space between them, and a screen reader or a
  // copy and paste then gets the wrong code.
  it('reads back every reference exactly as it was written, whatever letters sit side by side', { timeout: 30_000 }, async () => {
    const letters = '0123456789ABCDEFGHJKMNPQRSTVWXYZ-';
    // Every pair of characters side by side, six pairs to a line: 'A0A1A2A3A4A5', 'A6A7…'.
    const references = [...letters].flatMap((a) =>
      Array.from({ length: Math.ceil(letters.length / 6) }, (_, i) => [...letters.slice(i * 6, i * 6 + 6)].map((b) => a + b).join('')),
    );
    const pdf = await renderPdf({
      title: 'References',
      language: 'en',
      audience: 'adult',
      organisationName: 'Org',
      blocks: references.map((value) => ({ kind: 'reference' as const, label: 'Your reference', value })),
    });
    const text = (await extractPdfText(pdf)).text;
    expect(references.filter((r) => !text.includes(r))).toEqual([]);
  });

  it('breaks a long document over pages and numbers them', async () => {
    const pdf = await renderPdf({
      title: 'Long',
      language: 'en',
      audience: 'child',
      organisationName: 'Org',
      blocks: Array.from({ length: 60 }, (_, i) => ({ kind: 'paragraph' as const, text: `Paragraph ${i + 1} of a long letter.` })),
    });
    const read = await extractPdfText(pdf);
    expect(read.pages).toBeGreaterThan(1);
    expect(read.text).toContain(`Page ${read.pages} of ${read.pages}`);
  });

  it('draws a bar chart with each label and its figure, beside the table of the same figures', async () => {
    const pdf = await renderPdf({
      title: 'Quarterly report',
      language: 'en',
      audience: 'adult',
      organisationName: 'Children and Family Court Advisory Service',
      blocks: [
        { kind: 'heading', level: 2, text: 'Complaints received and answered' },
        {
          kind: 'chart',
          name: 'Complaints in Quarter 2 of 2026',
          bars: [
            { label: 'Received', value: 1234, text: '1,234' },
            { label: 'Answered', value: 0, text: '0' },
          ],
        },
        { kind: 'table', caption: 'Complaints in Quarter 2 of 2026', head: ['Figure', 'Number'], rows: [['Received', '1,234'], ['Answered', '0']] },
      ],
    });
    const text = (await extractPdfText(pdf)).text.replace(/\s+/g, '');
    expect(text).toContain('ComplaintsinQuarter2of2026Received1,234Answered0ComplaintsinQuarter2of2026FigureNumberReceived1,234Answered0');
  });
});
