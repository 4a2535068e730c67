import { type Executor, listCaseStages } from '@complaints/db';
import { type ClosureRecord, londonDateOf, type MoveFacts } from '@complaints/domain';

/** What the record says of the closure check's items that are facts. */
export async function closureRecord(db: Executor, complaintId: string, facts: MoveFacts): Promise<ClosureRecord> {
  const stages = await listCaseStages(db, complaintId);
  return {
    unansweredPoints: facts.points.unanswered,
    lettersNotSent: facts.lettersUnsent.length,
    responsesOnTime: stages.every((s) => !s.responseSentAt || londonDateOf(s.responseSentAt) <= s.responseDueOn),
  };
}
