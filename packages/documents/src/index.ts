export * from './document-model';
export { renderPdf } from './pdf/render-pdf';
export { registerPdfFonts, PDF_FONT_FAMILY } from './pdf/fonts';
export { DocumentBlocks, renderHtmlDocument, renderPlainText } from './html/document-body';
export * from './leaflets/index';
