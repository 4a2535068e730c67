import { type Executor, listOwedOmbudsmanDeadlines } from '@complaints/db';
import { type IsoDate, ombudsmanDueOn } from '@complaints/domain';

/**
 * The complaint's due date while it is with the Ombudsman: the earliest deadline of an enquiry
 * still owed our reply, read inside the move's transaction after its own change.
 */
export async function ombudsmanDueDate(tx: Executor, complaintId: string): Promise<IsoDate | null> {
  return ombudsmanDueOn((await listOwedOmbudsmanDeadlines(tx, complaintId)) as Array<{ dueOn: IsoDate; repliedOn: IsoDate | null }>);
}
