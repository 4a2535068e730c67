import { CheckPage } from '../complaint-form/check-page';
import { checkPageAction, checkPageLoader } from '../complaint-form/check-page.server';
import { formHandle, formPageHeaders, formPageMeta } from '../complaint-form/question-page';

export const handle = formHandle;
export const meta = formPageMeta;
export const headers = formPageHeaders;
export const loader = checkPageLoader('adult');
export const action = checkPageAction('adult');
export default CheckPage;
