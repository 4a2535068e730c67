import type { CaseworkRequest } from '../casework/casework-context';
import type { ServiceDependencies } from '../dependencies';
import { printBatch } from './print-batch';
import { viewPrintQueue } from './view-print-queue';

export type { PrintQueueArea, PrintQueuePage } from './view-print-queue';
export type { PrintBatchFile } from './print-batch';

/** The print queue of the back office: letters waiting for post, and printing them in one go. */
export function createPrintQueueServices(deps: ServiceDependencies) {
  return {
    view: (request: CaseworkRequest, query: { area: string | null }) => viewPrintQueue(deps, request, query),
    printBatch: (request: CaseworkRequest, input: unknown, options: { language: 'en' | 'cy' }) => printBatch(deps, request, input, options),
  };
}

export type PrintQueueServices = ReturnType<typeof createPrintQueueServices>;
