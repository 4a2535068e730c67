import { can, canViewReport, type StaffActor } from '@complaints/auth';
import {
  businessAreaExists,
  recordAudit,
  findServiceAreaBusinessArea,
  readReportFigures,
  reportCategories,
  reportCategoryLabels,
  reportGradeLabels,
  reportDecisions,
  reportLearningAndViews,
  reportPeopleComplainedAbout,
  reportTeamTimescales,
  reportThroughput,
  type CategoryLabel,
  type CategoryRow,
  type DecisionRow,
  type LearningRow,
  type OmbudsmanFindingRow,
  type OmbudsmanReferralRow,
  type PractitionerRow,
  type ReportPeriod,
  type ReviewGradeRow,
  type SurveyRatingRow,
  type TeamComplaintsRow,
  type TeamTimescalesRow,
  type ThroughputRow,
} from '@complaints/db';
import {
  type IsoDate,
  type Quarter,
  type ReportScope,
  reportScopeKey,
  formatQuarter,
  fourQuartersTo,
  parseQuarter,
  quarterBounds,
  quarterDays,
  reportCalendar,
  type ReportCalendar,
  reportCalendarSpan,
  share,
  timescaleForKind,
  type WorkingDayCalendar,
} from '@complaints/domain';
import type { ServiceDependencies } from '../dependencies';

/** What reading a report needs: the database, and the clock its audit entry is dated by. */
export type ReportDependencies = Pick<ServiceDependencies, 'db' | 'clock'>;
import { Refusal } from '../refusal';
import { loadProcessSettings } from '../settings/process-settings';

/** The counts of the throughput section, for one group or all of them. */
export type ThroughputFigures = Omit<ThroughputRow, 'kind' | 'channel' | 'stage'>;

/** The timescales of one team (or of all teams together) at one stage, with the share answered on time. */
export type TeamTimescales = TeamTimescalesRow & { onTimeShare: number | null };

/**
 * The quarterly report's figures, as plain data: no words, no charts. Every count is of the
 * scope's complaints; `people` is null for whoever may not see who is complained about.
 */
export type QuarterlyReport = {
  quarter: string;
  scope: ReportScope;
  firstDay: IsoDate;
  lastDay: IsoDate;
  /** The four quarters the trends cover, oldest first, ending with this one. */
  trendQuarters: string[];
  throughput: {
    /** By kind of feedback, channel and stage. */
    rows: ThroughputRow[];
    total: ThroughputFigures;
    /**
     * Of the stages received in the quarter that are owed a reply (complaints, and letters from
     * people who are not service users; not compliments or feedback), the shares acknowledged and
     * passed on within a working day.
     */
    acknowledgedWithinWorkingDayShare: number | null;
    passedWithinWorkingDayShare: number | null;
  };
  timescales: {
    /** Each team's figures at each stage; a team of null is complaints recorded with no team. */
    teams: TeamTimescales[];
    /** Every team together, at each stage. */
    overall: TeamTimescales[];
  };
  complainedAbout: {
    /** Points raised by category, for each of the four quarters. */
    categories: CategoryRow[];
    /** The decision on each point answered in the quarter, by stage and category. */
    decisions: DecisionRow[];
    /** The name of every category, in the organisation's order, in English and Welsh. */
    labels: CategoryLabel[];
  };
  people: {
    practitioners: PractitionerRow[];
    teams: TeamComplaintsRow[];
    reviewGrades: ReviewGradeRow[];
    /** The name of every grade, in English and Welsh. */
    gradeLabels: CategoryLabel[];
  } | null;
  learningAndViews: {
    learning: LearningRow[];
    surveysInvited: number;
    surveysAnswered: number;
    ratings: SurveyRatingRow[];
    ombudsmanReferrals: OmbudsmanReferralRow[];
    ombudsmanFindings: OmbudsmanFindingRow[];
  };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function periodOf(quarter: Quarter): ReportPeriod {
  return { ...quarterDays(quarter), ...quarterBounds(quarter) };
}

/**
 * Refuses unless the person may read the report of this scope (`canViewReport`): `not_found` for
 * an area that does not exist, `not_allowed` for one that is not theirs.
 */
async function checkScope(deps: ReportDependencies, actor: StaffActor, scope: ReportScope): Promise<void> {
  if (!can(actor, 'view_reports')) throw new Refusal('not_allowed');
  let serviceAreaBusinessArea: string | null = null;
  if (scope.kind === 'service_area') {
    serviceAreaBusinessArea = UUID.test(scope.serviceAreaId) ? await findServiceAreaBusinessArea(deps.db, scope.serviceAreaId) : null;
    if (serviceAreaBusinessArea === null) throw new Refusal('not_found');
  }
  if (scope.kind === 'business_area' && !(UUID.test(scope.businessAreaId) && (await businessAreaExists(deps.db, scope.businessAreaId)))) {
    throw new Refusal('not_found');
  }
  if (!canViewReport(actor, scope, serviceAreaBusinessArea)) throw new Refusal('not_allowed');
}

/** Throughput's figures added up over its rows (kinds, channels and stages). */
export function sumThroughput(rows: readonly ThroughputRow[]): ThroughputFigures {
  const total: ThroughputFigures = { received: 0, acknowledgedWithinWorkingDay: 0, passedWithinWorkingDay: 0, answered: 0, closed: 0, openAtEnd: 0 };
  for (const row of rows) {
    for (const key of Object.keys(total) as Array<keyof ThroughputFigures>) total[key] += row[key];
  }
  return total;
}

/** A team's timescales with the share of its answers sent on time. */
export function withShare(row: TeamTimescalesRow): TeamTimescales {
  return { ...row, onTimeShare: share(row.onTime, row.answered) };
}

/**
 * The working-day calendar a report of this period counts with: the organisation's working days
 * (bank holidays and the days national office added) over the period and the days its figures
 * reach beyond it.
 */
export async function reportCalendarFor(deps: ReportDependencies, period: ReportPeriod): Promise<ReportCalendar> {
  const { calendar: workingDays } = await loadProcessSettings(deps.db);
  const span = reportCalendarSpan(period.firstDay, period.lastDay);
  // Ten years of days, a few milliseconds to make: kept with the settings' calendar they were made
  // from (the same object until the settings are read again), so a report made again reuses them.
  let made = calendarsMade.get(workingDays);
  if (made === undefined) calendarsMade.set(workingDays, (made = new Map()));
  const key = `${span.from}/${span.to}`;
  let calendar = made.get(key);
  if (calendar === undefined) made.set(key, (calendar = reportCalendar(workingDays, span.from, span.to)));
  return calendar;
}

const calendarsMade = new WeakMap<WorkingDayCalendar, Map<string, ReportCalendar>>();

/**
 * The quarterly report of a quarter ("2026-Q3") for the organisation, a business area or a
 * service area, in its five sections. Counted in the database, a few grouped queries a section;
 * the working days by the organisation's calendar (bank holidays and the days national office
 * added). The section on who is complained about is left out for anyone without
 * `view_staff_in_reports`. Each reading is audited (`report.viewed`, naming the quarter and the
 * scope), as the dashboard is: the report carries figures about named staff.
 */
export async function quarterlyReport(
  deps: ReportDependencies,
  request: { actor: StaffActor; scope: ReportScope; quarter: string; requestId?: string },
): Promise<QuarterlyReport> {
  return readQuarterlyReport(deps, request, 'report.viewed');
}

/** The report's figures, audited as read on screen (`report.viewed`) or downloaded (`report.downloaded`). */
export async function readQuarterlyReport(
  deps: ReportDependencies,
  request: { actor: StaffActor; scope: ReportScope; quarter: string; requestId?: string },
  auditAction: 'report.viewed' | 'report.downloaded',
): Promise<QuarterlyReport> {
  const { actor, scope } = request;
  const quarter = parseQuarter(request.quarter);
  if (quarter === undefined) throw Refusal.invalid([{ field: 'quarter', message: 'quarter.invalid' }]);
  await checkScope(deps, actor, scope);

  const period = periodOf(quarter);
  const trend = fourQuartersTo(quarter);
  const earliest = periodOf(trend[0]!);
  const calendar = await reportCalendarFor(deps, period);

  // Three connections side by side, each running its share of the queries one after another,
  // the shares about equal in work: more at once only compete for the same few cores.
  const [[throughput, categoryLabels], [timescales, categories, decisions], [people, views]] = await Promise.all([
    readReportFigures(deps.db, (reader) => Promise.all([reportThroughput(reader, { scope, period, calendar }), reportCategoryLabels(reader)])),
    readReportFigures(deps.db, (reader) =>
      Promise.all([
        reportTeamTimescales(reader, { scope, period, calendar }),
        reportCategories(reader, { scope, from: earliest, to: period }),
        reportDecisions(reader, { scope, period }),
      ]),
    ),
    readReportFigures(deps.db, (reader) =>
      Promise.all([
        can(actor, 'view_staff_in_reports')
          ? Promise.all([reportPeopleComplainedAbout(reader, { scope, from: earliest, to: period }), reportGradeLabels(reader)])
          : Promise.resolve(null),
        reportLearningAndViews(reader, { scope, period }),
      ]),
    ),
  ]);

  const total = sumThroughput(throughput);
  const owed = sumThroughput(throughput.filter((row) => timescaleForKind(row.kind) !== 'none'));

  await recordAudit(
    deps.db,
    { staffId: actor.id, action: auditAction, subject: `quarterly_report:${formatQuarter(quarter)}:${reportScopeKey(scope)}`, requestId: request.requestId ?? null },
    deps.clock.now(),
  );

  return {
    quarter: formatQuarter(quarter),
    scope,
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    trendQuarters: trend.map(formatQuarter),
    throughput: {
      rows: throughput,
      total,
      acknowledgedWithinWorkingDayShare: share(owed.acknowledgedWithinWorkingDay, owed.received),
      passedWithinWorkingDayShare: share(owed.passedWithinWorkingDay, owed.received),
    },
    timescales: { teams: timescales.teams.map(withShare), overall: timescales.overall.map(withShare) },
    complainedAbout: { categories, decisions, labels: categoryLabels },
    people: people === null ? null : { practitioners: people[0].practitioners, teams: people[0].teams, reviewGrades: people[0].reviews, gradeLabels: people[1] },
    learningAndViews: {
      learning: views.learning,
      surveysInvited: views.surveysInvited,
      surveysAnswered: views.surveysAnswered,
      ratings: views.ratings,
      ombudsmanReferrals: views.referrals,
      ombudsmanFindings: views.findings,
    },
  };
}
