import { InfoPage, infoPageMeta } from '../components/info-page';
import { infoPageLoader } from '../components/info-page.server';

export const loader = infoPageLoader('cookies');
export const meta = infoPageMeta;
export default InfoPage;
