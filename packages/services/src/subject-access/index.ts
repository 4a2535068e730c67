import type { StaffActor } from '@complaints/auth';
import type { AttachmentStorage } from '@complaints/storage';
import type { ServiceDependencies } from '../dependencies';
import { exportSubjectAccess } from './export-subject-access';

export { exportSubjectAccess, SUBJECT_ACCESS_MATCHING_RULE, type SubjectAccessExport } from './export-subject-access';

/** Subject access exports, bound to their dependencies. */
export function createSubjectAccessServices(deps: ServiceDependencies) {
  return {
    exportSubjectAccess: (storage: AttachmentStorage, actor: StaffActor & { sessionId: string }, from: { reference: string } | { complaintId: string }, requestId?: string) =>
      exportSubjectAccess({ ...deps, storage }, actor, from, requestId),
  };
}

export type SubjectAccessServices = ReturnType<typeof createSubjectAccessServices>;
