import { receiptLoader } from '../complaint-form/receipt.server';

/** The receipt PDF of the complaint this browser has just sent. */
export const loader = receiptLoader('adult');
