import { documentPdfLoader } from '../components/document-page.server';

/** The PDF of the page without `.pdf`, for printing; an address that is printed on paper. */
export const loader = documentPdfLoader('welcome-pack-adult');
