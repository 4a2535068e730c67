/** The id of a form's submit button: where a problem that is not about one field links to. */
export const SUBMIT_ID = 'submit';
