import { formHandle, formPageHeaders, formPageMeta, QuestionPage } from '../complaint-form/question-page';
import { questionPageAction, questionPageLoader } from '../complaint-form/question-page.server';

export const handle = formHandle;
export const meta = formPageMeta;
export const headers = formPageHeaders;
export const loader = questionPageLoader('child');
export const action = questionPageAction('child');
export default QuestionPage;
