import { formHandle, formPageMeta } from '../complaint-form/question-page';
import { StartPage } from '../complaint-form/start-page';
import { startPageLoader } from '../complaint-form/start-page.server';

export const handle = formHandle;
export const meta = formPageMeta;
export const loader = startPageLoader('child');
export default StartPage;
