import type { ServiceDependencies } from '../dependencies';
import type { AdministrationRequest } from './letter-template-key';
import { listLetterTemplates } from './list-letter-templates';
import { previewLetterTemplateDraft, previewLetterTemplatePdf } from './preview-letter-template';
import { saveLetterTemplate } from './save-letter-template';
import { viewLetterTemplate } from './view-letter-template';

/** National office's administration of the letter templates, bound to its dependencies. */
export function createLetterTemplateServices(deps: ServiceDependencies) {
  return {
    list: (request: AdministrationRequest) => listLetterTemplates(deps, request),
    view: (request: AdministrationRequest, key: Record<string, unknown>) => viewLetterTemplate(deps, request, key),
    previewPdf: (request: AdministrationRequest, key: Record<string, unknown>, version: number | null) => previewLetterTemplatePdf(deps, request, key, version),
    previewDraft: (request: AdministrationRequest, key: Record<string, unknown>, input: unknown) => previewLetterTemplateDraft(deps, request, key, input),
    save: (request: AdministrationRequest, key: Record<string, unknown>, input: unknown) => saveLetterTemplate(deps, request, key, input),
  };
}

export type LetterTemplateServices = ReturnType<typeof createLetterTemplateServices>;
export type { LetterTemplateListing } from './list-letter-templates';
export type { LetterTemplatePage } from './view-letter-template';
export type { LetterTemplateProblem } from './check-letter-template';
export type { SavedLetterTemplate } from './save-letter-template';
export type { AdministrationRequest } from './letter-template-key';
