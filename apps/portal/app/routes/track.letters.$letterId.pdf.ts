import { letterPdfLoader } from '../tracking/tracking-pages.server';

/** A letter's PDF for its complainant, opened in the browser. */
export const loader = letterPdfLoader;
