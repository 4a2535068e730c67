import { type Executor, latestPauseReason, listStageClocks, type StageClock } from '@complaints/db';

export type CaseTimescales = {
  /** Each stage's clock: the response date first set and as it stands, any extension, the days paused. */
  stages: StageClock[];
  /** What we asked the complainant for when the clock was last paused. */
  pauseReason: string | null;
};

/** What a complaint's page shows of its timescales beside the dates it already has. */
export async function caseTimescales(db: Executor, complaintId: string, paused: boolean): Promise<CaseTimescales> {
  const [stages, pauseReason] = await Promise.all([listStageClocks(db, complaintId), paused ? latestPauseReason(db, complaintId) : Promise.resolve(null)]);
  return { stages, pauseReason };
}
