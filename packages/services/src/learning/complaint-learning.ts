import { type Executor, type LearningPointRow, listComplaintLearning } from '@complaints/db';
import { isLearningOverdue } from '@complaints/domain';

export type ComplaintLearning = Array<LearningPointRow & { overdue: boolean }>;

/** The learning raised from a complaint, for its page, each with whether its action is overdue. */
export async function complaintLearning(db: Executor, complaintId: string, today: string): Promise<ComplaintLearning> {
  return (await listComplaintLearning(db, complaintId)).map((p) => ({ ...p, overdue: isLearningOverdue(p, today) }));
}
