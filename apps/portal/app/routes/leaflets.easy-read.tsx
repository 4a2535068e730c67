import { DocumentPage, documentPageHandle, documentPageMeta } from '../components/document-page';
import { documentPageLoader } from '../components/document-page.server';

export const handle = documentPageHandle;
export const loader = documentPageLoader('leaflet-easy-read');
export const meta = documentPageMeta;
export default DocumentPage;
