import { ConfirmationPage } from '../complaint-form/confirmation-page';
import { confirmationPageAction, confirmationPageLoader } from '../complaint-form/confirmation-page.server';
import { formHandle, formPageHeaders, formPageMeta } from '../complaint-form/question-page';

export const handle = formHandle;
export const meta = formPageMeta;
export const headers = formPageHeaders;
export const loader = confirmationPageLoader('child');
export const action = confirmationPageAction('child');
export default ConfirmationPage;
