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
});
