export * from './document-model';
export { renderPdf } from './pdf/render-pdf';
export { renderPrintRun, type PrintRun } from './pdf/print-run';
export { ENVELOPE_WINDOW, addressForWindow } from './pdf/envelope-window';
export { registerPdfFonts, PDF_FONT_FAMILY } from './pdf/fonts';
export { DocumentBlocks, renderHtmlDocument, renderPlainText } from './html/document-body';
export * from './leaflets/index';
export { PICTURE_SET, isPictureName, pictureSvg, picturePng, picturePath } from './pictures';
