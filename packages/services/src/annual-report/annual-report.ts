import type { StaffActor } from '@complaints/auth';
import {
  listLearningBulletin,
  listNamesOnRecord,
  readSelfAssessment,
  recordAudit,
  readReportFigures,
  reportDecisions,
  reportLearningAndViews,
  reportTeamTimescales,
  reportThroughput,
  type LearningRow,
  type OmbudsmanFindingRow,
  type OmbudsmanReferralRow,
  type ReportPeriod,
  type SurveyRatingRow,
  writeSelfAssessment,
} from '@complaints/db';
import {
  type FinancialYear,
  type IsoDate,
  type PointDecision,
  type SelfAssessmentHeading,
  type SelfAssessmentText,
  SELF_ASSESSMENT_HEADINGS,
  fieldProblems,
  financialYearBounds,
  financialYearDays,
  financialYearOf,
  financialYearQuarterNames,
  financialYearsTo,
  formatFinancialYear,
  londonDateOf,
  namesInWording,
  parseFinancialYear,
  selfAssessmentSchema,
  share,
  timescaleForKind,
} from '@complaints/domain';
import { renderPdf } from '@complaints/documents';
import { annualReportDocument } from './annual-report-document';
import { ensureCapability } from '../access/access-denied';
import { type ReportDependencies, reportCalendarFor, sumThroughput, type TeamTimescales, type ThroughputFigures, withShare } from '../reports/quarterly-report';
import { Refusal } from '../refusal';

/** A year's self-assessment as kept: each heading's words, and who last changed it and when. */
export type SelfAssessment = { text: SelfAssessmentText; updatedAt: Date; updatedByName: string };

/**
 * The annual complaints performance report's content, as plain data: the whole organisation's
 * figures for the financial year, the learning, what complainants told us and the self-assessment.
 * Nothing in it names a person: no staff, practitioner, team or complainant, and the only words
 * written by people are the bulletin's published wording and the self-assessment, each checked
 * against every name on record.
 */
export type AnnualReport = {
  year: string;
  quarters: string[];
  firstDay: IsoDate;
  lastDay: IsoDate;
  throughput: ThroughputFigures & { acknowledgedWithinWorkingDayShare: number | null };
  timescales: TeamTimescales[];
  decisions: Array<{ decision: PointDecision; points: number }>;
  learning: {
    byLevelAndStatus: Array<Pick<LearningRow, 'level' | 'status' | 'points'>>;
    /** The national learning published in the staff bulletin in the year, in its bulletin wording. */
    published: Array<{ wording: string; status: LearningRow['status'] }>;
  };
  feedback: { surveysInvited: number; surveysAnswered: number; ratings: SurveyRatingRow[]; referrals: OmbudsmanReferralRow[]; findings: OmbudsmanFindingRow[] };
  /** Each heading's assessment; a heading that now names someone on record is left out (null). */
  selfAssessment: Record<SelfAssessmentHeading, string | null> | null;
};

export type AnnualReportRequest = { actor: StaffActor; year: string; requestId?: string | undefined };

function requireYear(raw: string): FinancialYear {
  const year = parseFinancialYear(raw);
  if (year === undefined) throw Refusal.invalid([{ field: 'year', message: 'year.invalid' }]);
  return year;
}

function periodOf(year: FinancialYear): ReportPeriod {
  return { ...financialYearDays(year), ...financialYearBounds(year) };
}

function stored(text: Record<string, string>): SelfAssessmentText {
  return Object.fromEntries(SELF_ASSESSMENT_HEADINGS.map((h) => [h, typeof text[h] === 'string' ? text[h] : ''])) as SelfAssessmentText;
}

/**
 * The annual report's page: the years it may be read for (the one under way and the five before,
 * newest first), the year chosen (by default the last whole year) and its self-assessment.
 * National office only.
 */
export async function annualReportPage(
  deps: ReportDependencies,
  request: { actor: StaffActor; year?: string | undefined },
): Promise<{ year: string; years: string[]; selfAssessment: SelfAssessment | null }> {
  ensureCapability(request.actor, 'manage_annual_report');
  const today = londonDateOf(deps.clock.now());
  const years = financialYearsTo(today);
  const year = request.year === undefined ? { startYear: financialYearOf(today).startYear - 1 } : requireYear(request.year);
  const kept = await readSelfAssessment(deps.db, year.startYear);
  return {
    year: formatFinancialYear(year),
    years: years.map(formatFinancialYear),
    selfAssessment: kept === null ? null : { text: stored(kept.assessment), updatedAt: kept.updatedAt, updatedByName: kept.updatedByName },
  };
}

/**
 * Writes a year's self-assessment against the procedure, replacing what was there. Refused, with
 * nothing written, when it is too long, empty, or names anyone on record: a member of staff, a
 * practitioner, a complainant or whoever they complained for (the learning bulletin's check,
 * `namesInWording`, against every name held). Audited as `annual_report.self_assessment_changed`.
 */
export async function saveSelfAssessment(deps: ReportDependencies, request: AnnualReportRequest & { values: unknown }): Promise<{ year: string }> {
  ensureCapability(request.actor, 'manage_annual_report');
  const year = requireYear(request.year);
  const parsed = selfAssessmentSchema.safeParse(request.values);
  if (!parsed.success) throw Refusal.invalid(fieldProblems(parsed.error));
  const names = await listNamesOnRecord(deps.db);
  const problems = SELF_ASSESSMENT_HEADINGS.filter((h) => namesInWording(parsed.data[h], names).length > 0).map((h) => ({ field: h, message: `${h}.namesPerson` }));
  if (problems.length > 0) throw Refusal.invalid(problems);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await writeSelfAssessment(tx, year.startYear, parsed.data, request.actor.id, at);
    await recordAudit(tx, { staffId: request.actor.id, action: 'annual_report.self_assessment_changed', subject: `annual_report:${formatFinancialYear(year)}`, requestId: request.requestId ?? null }, at);
  });
  return { year: formatFinancialYear(year) };
}

/**
 * The annual report's content for a financial year, for the whole organisation, counted by the
 * quarterly report's queries over the year's period. National office only; audited as
 * `report.downloaded`, naming the year, as the quarterly report's CSV is.
 */
export async function readAnnualReport(deps: ReportDependencies, request: AnnualReportRequest): Promise<AnnualReport> {
  ensureCapability(request.actor, 'manage_annual_report');
  const year = requireYear(request.year);
  const period = periodOf(year);
  const scope = { kind: 'organisation' } as const;
  const calendar = await reportCalendarFor(deps, period);

  const [[throughput, decisions], [timescales, views], bulletin, kept, names] = await Promise.all([
    readReportFigures(deps.db, (reader) => Promise.all([reportThroughput(reader, { scope, period, calendar }), reportDecisions(reader, { scope, period })])),
    readReportFigures(deps.db, (reader) => Promise.all([reportTeamTimescales(reader, { scope, period, calendar }), reportLearningAndViews(reader, { scope, period })])),
    listLearningBulletin(deps.db, { limit: 1000, publishedFrom: period.start, publishedBefore: period.end }),
    readSelfAssessment(deps.db, year.startYear),
    listNamesOnRecord(deps.db),
  ]);

  const total = sumThroughput(throughput);
  const owed = sumThroughput(throughput.filter((row) => timescaleForKind(row.kind) !== 'none'));
  const byDecision = new Map<PointDecision, number>();
  for (const row of decisions) byDecision.set(row.decision, (byDecision.get(row.decision) ?? 0) + row.points);
  const byLevelAndStatus = new Map<string, Pick<LearningRow, 'level' | 'status' | 'points'>>();
  for (const row of views.learning) {
    const key = `${row.level}:${row.status}`;
    const entry = byLevelAndStatus.get(key) ?? { level: row.level, status: row.status, points: 0 };
    entry.points += row.points;
    byLevelAndStatus.set(key, entry);
  }
  const clean = (text: string) => namesInWording(text, names).length === 0;
  const published = bulletin
    .filter((b) => clean(b.bulletinWording))
    .reverse()
    .map((b) => ({ wording: b.bulletinWording, status: b.status }));
  const text = kept === null ? null : stored(kept.assessment);

  await recordAudit(
    deps.db,
    { staffId: request.actor.id, action: 'report.downloaded', subject: `annual_report:${formatFinancialYear(year)}`, requestId: request.requestId ?? null },
    deps.clock.now(),
  );

  return {
    year: formatFinancialYear(year),
    quarters: financialYearQuarterNames(year),
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    throughput: { ...total, acknowledgedWithinWorkingDayShare: share(owed.acknowledgedWithinWorkingDay, owed.received) },
    timescales: timescales.overall.map(withShare),
    decisions: [...byDecision].map(([decision, points]) => ({ decision, points })),
    learning: { byLevelAndStatus: [...byLevelAndStatus.values()], published },
    feedback: { surveysInvited: views.surveysInvited, surveysAnswered: views.surveysAnswered, ratings: views.ratings, referrals: views.referrals, findings: views.findings },
    selfAssessment: text === null ? null : (Object.fromEntries(SELF_ASSESSMENT_HEADINGS.map((h) => [h, clean(text[h]) ? text[h] : null])) as Record<SelfAssessmentHeading, string | null>),
  };
}

/** The annual report as a PDF for the board to publish, in English or Welsh; audited as downloaded. */
export async function annualReportPdf(deps: ReportDependencies, request: AnnualReportRequest & { language: 'en' | 'cy' }): Promise<{ year: string; pdf: Uint8Array }> {
  const report = await readAnnualReport(deps, request);
  return { year: report.year, pdf: await renderPdf(annualReportDocument(report, request.language)) };
}
