import type { AttachmentStorage } from '@complaints/storage';
import type { ServiceDependencies } from '../dependencies';
import { attachDraftFiles } from '../drafts/attach-draft-files';
import { openCheckAnswers } from '../drafts/open-check-answers';
import { openFormPage } from '../drafts/open-form-page';
import { removeDraftFile } from '../drafts/remove-draft-file';
import { saveFormPage } from '../drafts/save-form-page';
import { renderComplaintReceipt } from './render-complaint-receipt';
import { showSentComplaint } from './show-sent-complaint';
import { submitComplaint } from './submit-complaint';

type Input<F> = F extends (deps: never, input: infer I) => unknown ? I : never;

/**
 * The public complaint forms' use cases, bound to their dependencies. The attachment store is
 * handed in by the portal with each call that touches files, as the worker hands in its mail
 * transport: where files live is the running app's setting.
 */
export function createComplaintFormServices(deps: ServiceDependencies) {
  return {
    openPage: (input: Input<typeof openFormPage>) => openFormPage(deps, input),
    savePage: (input: Input<typeof saveFormPage>) => saveFormPage(deps, input),
    attachFiles: (storage: AttachmentStorage, input: Input<typeof attachDraftFiles>) => attachDraftFiles({ ...deps, storage }, input),
    removeFile: (storage: AttachmentStorage, input: Input<typeof removeDraftFile>) => removeDraftFile({ ...deps, storage }, input),
    openCheckAnswers: (input: Input<typeof openCheckAnswers>) => openCheckAnswers(deps, input),
    submit: (input: Input<typeof submitComplaint>) => submitComplaint(deps, input),
    showSent: (input: Input<typeof showSentComplaint>) => showSentComplaint(deps, input),
    renderReceipt: (input: Input<typeof renderComplaintReceipt>) => renderComplaintReceipt(deps, input),
  };
}

export type ComplaintFormServices = ReturnType<typeof createComplaintFormServices>;
