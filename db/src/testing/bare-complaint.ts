import { randomUUID } from 'node:crypto';
import type { Executor } from '../client';
import { businessAreas, complaints } from '../schema/index';

/** A complaint row and a business area of its own, and nothing else: for tests of what hangs off a complaint. */
export async function insertBareComplaint(db: Executor): Promise<string> {
  const [area] = await db.insert(businessAreas).values({ code: `A${randomUUID().slice(0, 8)}`, nameEn: 'Area', nameCy: 'Ardal' }).returning();
  const [complaint] = await db
    .insert(complaints)
    .values({
      reference: `CMP-${randomUUID().slice(0, 4)}-${randomUUID().slice(0, 4)}`,
      channel: 'online',
      receivedAt: new Date('2026-03-02T10:00:00Z'),
      receivedOn: '2026-03-02',
      state: 'received',
      businessAreaId: area!.id,
    })
    .returning();
  return complaint!.id;
}

/** An event of a test history, `minutes` after 10:00 on 2 March 2026. */
export const testEvent = (type: string, minutes: number) => ({
  type,
  stage: 1 as const,
  actorType: 'system' as const,
  occurredAt: new Date(Date.UTC(2026, 2, 2, 10, minutes)),
  visibility: 'internal' as const,
  payload: { note: type },
});
