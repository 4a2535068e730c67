import {
  type Channel,
  FEEDBACK_KINDS,
  type FeedbackKind,
  type IsoDate,
  type LearningLevel,
  type LearningSourceKind,
  type LearningStatus,
  type Ombudsman,
  type OmbudsmanFinding,
  type PointDecision,
  REPORT_PERCENTILE,
  REPORT_SQL,
  type ReportCalendar,
  type ReportScope,
  SURVEY_QUESTIONS,
  daysBetween,
  type Stage,
  timescaleForKind,
} from '@complaints/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../client';

/**
 * The quarterly report's figures, counted in the database: each query groups and counts, and
 * returns only the groups, however many complaints there are. What counts as on time, within a
 * working day and so on is the domain's (`REPORT_SQL`, made from the same rules as the functions
 * beside it); working days are counted with the report calendar the domain makes
 * (`reportCalendar`), passed in as lists of numbers and joined as a table.
 */

/** A quarter as the queries read it: its London days, and its bounds as instants. */
export type ReportPeriod = { firstDay: IsoDate; lastDay: IsoDate; start: Date; end: Date };

const raw = (text: string) => sql.raw(text);
/** Kinds that are owed a reply, and so are open until closed: compliments and feedback never are. */
const OWED_KINDS = raw(FEEDBACK_KINDS.filter((kind) => timescaleForKind(kind) !== 'none').map((kind) => `'${kind}'`).join(', '));
const instant = (at: Date) => sql`${at.toISOString()}::timestamptz`;
const day = (date: IsoDate) => sql`${date}::date`;
/** 1 when the condition holds, else 0: never null, whatever is missing. */
const flag = (condition: SQL) => sql`coalesce(${condition}, false)::int`;


/**
 * A connection reading a report's figures: only `readReportFigures` makes one, so every section's
 * queries run with the planner settings it sets.
 */
export type ReportReader = Executor & { readonly reportReader: true };

/**
 * Reads some of a report's figures in one read-only transaction. The queries `read` starts
 * together are sent together on its one connection and run one after another, with three of
 * PostgreSQL's planner settings changed for them alone:
 * - JIT compilation off. Each query is an aggregate over tens of thousands of rows found by an
 *   index, finished in well under a second; over a million complaints PostgreSQL's estimates put
 *   them above its JIT thresholds, and compiling the plan took longer (up to 0.6 s a query) than
 *   running it.
 * - No parallel workers. A report reads its sections over a few connections side by side
 *   already, so a worker started for one query only competes with the others for the same cores:
 *   starting one cost up to 100 ms, more than its share of the work.
 * - No merge joins. PostgreSQL has no statistics for the report calendar (a table made in the
 *   query), guessed each of its days to match thousands of stages, and so sorted every stage by
 *   its day to merge the two; hashing the calendar's few thousand days once is cheaper (an area's
 *   timescales took 30 ms rather than 43).
 * One transaction for several queries, rather than one each, saves three round trips a query and
 * holds one connection rather than one a query.
 */
export async function readReportFigures<T>(db: Executor, read: (reader: ReportReader) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(
        sql`select set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true), set_config('enable_mergejoin', 'off', true)`,
      );
      return read(tx as unknown as ReportReader);
    },
    { accessMode: 'read only' },
  );
}

/**
 * Rows of `alias` in the report's scope, by their area columns: a complaint's own, or the copies
 * of them that its stages, points, answers, reviews, referrals and surveys carry (kept equal to the
 * complaint's by the database's triggers).
 */
function areaInScope(scope: ReportScope, alias: string): SQL {
  switch (scope.kind) {
    case 'organisation':
      return sql`true`;
    case 'business_area':
      return sql`${raw(alias)}.business_area_id = ${scope.businessAreaId}::uuid`;
    case 'service_area':
      return sql`${raw(alias)}.service_area_id = ${scope.serviceAreaId}::uuid`;
  }
}

/** Complaints (`c`) in the report's scope. */
const inScope = (scope: ReportScope): SQL => areaInScope(scope, 'c');

/** Each calendar's lists as sent, written once for a calendar a report reuses. */
const calendarLists = new WeakMap<ReportCalendar, { first: IsoDate; numbers: string; nextDays: string }>();

/**
 * The report calendar as a table `cal(day, n, next_day)`. Its days run one after another from the
 * first, so each is sent as its place in the list and each next working day as days after the
 * first: two lists of small numbers, rather than thousands of dates for the database to read one
 * by one (about 9 ms of every query that joined them).
 */
function calendarTable(calendar: ReportCalendar): SQL {
  let lists = calendarLists.get(calendar);
  if (lists === undefined) {
    const first = calendar.days[0];
    if (first === undefined) throw new RangeError('A report calendar has at least one day.');
    lists = {
      first,
      numbers: `{${calendar.workingDayNumbers.join(',')}}`,
      nextDays: `{${calendar.nextWorkingDays.map((next) => daysBetween(first, next)).join(',')}}`,
    };
    calendarLists.set(calendar, lists);
  }
  const { first, numbers, nextDays } = lists;
  return sql`cal as (
    select ${day(first)} + (t.i - 1)::int as day, t.n, ${day(first)} + t.next as next_day
    from unnest(${numbers}::int[], ${nextDays}::int[]) with ordinality as t(n, next, i))`;
}

// ---------------------------------------------------------------------------------------------
// Throughput

export type ThroughputRow = {
  kind: FeedbackKind;
  channel: Channel;
  stage: Stage;
  /** Stages started in the quarter (stage 1: the complaint reached us; stage 2: a review asked for). */
  received: number;
  /** Of those, acknowledged by the first working day after they started. */
  acknowledgedWithinWorkingDay: number;
  /** Of those, passed to a manager on or before the day the stage set for it. */
  passedWithinWorkingDay: number;
  /** Stages whose response was sent in the quarter. */
  answered: number;
  /** Closures in the quarter, at the stage the complaint was closed at. */
  closed: number;
  /**
   * Stages started by the quarter's last day and still open at its end: not closed or withdrawn
   * by then, and no later stage started. Compliments and feedback, owed nothing, are never open.
   */
  openAtEnd: number;
};

export async function reportThroughput(db: ReportReader, options: { scope: ReportScope; period: ReportPeriod; calendar: ReportCalendar }): Promise<ThroughputRow[]> {
  const { period } = options;
  const acknowledged = raw(REPORT_SQL.acknowledgedWithinWorkingDay('cal.next_day', REPORT_SQL.londonDate('s.acknowledged_at')));
  const passed = raw(REPORT_SQL.passedWithinWorkingDay(REPORT_SQL.londonDate('s.assigned_at'), 's.pass_to_manager_due_on'));
  // Each figure reads only the rows that can count towards it, each found by an index: the stages
  // started in the quarter (received) and those whose response went in it (answered), counted by
  // the copies of their complaint's kind, channel and areas that each stage carries; the closures
  // in it, with their complaints; and, for open at the end, the complaints not closed or withdrawn
  // before the quarter ended (`open_until`, kept by the database), read from their index alone: a
  // complaint whose closing or withdrawal came before the end and was not undone since was not
  // open at the end. Of the others, only the latest stage started by the quarter's last day can be
  // open at its end (every earlier one has a later stage started), so that stage alone is tested
  // against the complaint's closings, one of which may have been undone after the end. That stage
  // is found from the complaint: stage 1 starts on the day the complaint was received, and the
  // complaint's own stage is the latest started (the move that starts stage 2 sets both in one
  // transaction), so only a complaint at stage 2 needs its stage 2 looked up, to see whether it
  // had started by the quarter's end.
  const rows = await queryRows<ThroughputRow>(
    db,
    sql`with ${calendarTable(options.calendar)},
    figures as (
      select s.kind, s.channel, s.stage, count(*) as received, sum(${flag(acknowledged)}) as acknowledged, sum(${flag(passed)}) as passed,
             0 as answered, 0 as closed, 0 as open_at_end
      from complaint_stages s
      left join cal on cal.day = s.started_on
      where ${areaInScope(options.scope, 's')} and s.started_on >= ${day(period.firstDay)} and s.started_on <= ${day(period.lastDay)}
      group by 1, 2, 3
      union all
      select s.kind, s.channel, s.stage, 0, 0, 0, count(*), 0, 0
      from complaint_stages s
      where ${areaInScope(options.scope, 's')} and s.response_sent_at >= ${instant(period.start)} and s.response_sent_at < ${instant(period.end)}
      group by 1, 2, 3
      union all
      -- A complaint closed in the quarter did not stop being open before it began: a closing sets
      -- the closing time, a later one moves it later, opening again clears it, and nothing is
      -- closed once withdrawn. So its complaint is among those found by their open-until index,
      -- and among those received by the quarter's end.
      select c.kind, c.channel, e.stage, 0, 0, 0, 0, count(*), 0
      from complaint_events e
      join complaints c on c.id = e.complaint_id
      where ${inScope(options.scope)} and c.open_until >= ${instant(period.start)} and c.received_on <= ${day(period.lastDay)}
        and e.type = 'complaint.closed' and e.occurred_at >= ${instant(period.start)} and e.occurred_at < ${instant(period.end)}
      group by 1, 2, 3
      union all
      select c.kind, c.channel, l.stage, 0, 0, 0, 0, 0, count(*)
      from complaints c
      cross join lateral (
        -- A correlated lookup, made only for a complaint at stage 2 (a case's branches are taken in
        -- order): joined as a set, every second stage ever started would be read.
        select case when c.stage <> 2 then 1
                    when (select s.started_on from complaint_stages s where s.complaint_id = c.id and s.stage = 2) <= ${day(period.lastDay)} then 2
                    else 1 end as stage) l
      where ${inScope(options.scope)} and c.kind in (${OWED_KINDS}) and c.open_until >= ${instant(period.end)}
        and c.received_on <= ${day(period.lastDay)}
        -- Only a complaint at stage 2 whose second stage had not started by the quarter's end can
        -- have been closed before the end and still not be closed now: asking for a review is the
        -- one move that reopens a closed complaint, and it clears the closing and starts stage 2.
        -- A complaint still at stage 1, or whose stage 2 had started, closed or withdrawn before
        -- the end would have stopped being open then, and is not among these.
        -- That closing is looked up by its index (a scalar subquery, which PostgreSQL does not
        -- turn into a join): as a join, every closing ever recorded would be read.
        and (l.stage = 2 or c.stage <> 2
             or (select 1 from complaint_events e
                 where e.complaint_id = c.id and e.stage >= l.stage
                   and e.type in ('complaint.closed', 'complaint.withdrawn') and e.occurred_at < ${instant(period.end)}
                 limit 1) is null)
      group by 1, 2, 3
    )
    select kind, channel, stage::int as stage,
           sum(received)::int as "received", sum(acknowledged)::int as "acknowledgedWithinWorkingDay",
           sum(passed)::int as "passedWithinWorkingDay", sum(answered)::int as "answered",
           sum(closed)::int as "closed", sum(open_at_end)::int as "openAtEnd"
    from figures
    group by kind, channel, stage
    order by kind, channel, stage`,
  );
  return rows.map((r) => ({ ...r, stage: Number(r.stage) as Stage }));
}

// ---------------------------------------------------------------------------------------------
// Timescales per team

export type TeamTimescalesRow = {
  /** The complaint's team; null for complaints recorded with none. */
  teamId: string | null;
  teamName: string | null;
  stage: Stage;
  /** Stages whose response was sent in the quarter. */
  answered: number;
  onTime: number;
  /** Working days from the start of the stage to the response, less the days paused. */
  medianWorkingDays: number | null;
  /** The 90th percentile (`REPORT_PERCENTILE`) of the same. */
  percentile90WorkingDays: number | null;
  /** Of the stages answered, those extended, and those whose clock was paused, with the working days it stood still. */
  extended: number;
  paused: number;
  pausedWorkingDays: number;
};

/**
 * The stages answered in the quarter, for each team at each stage and for every team together at
 * each stage (one query, grouping sets), so the overall median is the median of all the stages
 * and not of the teams' medians.
 */
export async function reportTeamTimescales(
  db: ReportReader,
  options: { scope: ReportScope; period: ReportPeriod; calendar: ReportCalendar },
): Promise<{ teams: TeamTimescalesRow[]; overall: TeamTimescalesRow[] }> {
  const { period } = options;
  const sentOn = REPORT_SQL.londonDate('s.response_sent_at');
  const onTime = raw(REPORT_SQL.answeredOnTime(sentOn, 's.response_due_on'));
  const taken = REPORT_SQL.workingDaysTaken('started.n', 'sent.n', 's.paused_working_days');
  const rows = await queryRows<TeamTimescalesRow & { allTeams: boolean }>(
    db,
    // Grouped by the team's id and named after: sorting the stages by a name, compared as words
    // in the database's collation, took a quarter of the query's time.
    sql`with ${calendarTable(options.calendar)},
    figures as (
      select s.team_id, s.stage::int as stage,
             grouping(s.team_id) = 1 as all_teams,
             count(*)::int as answered,
             count(*) filter (where ${onTime})::int as on_time,
             ${raw(REPORT_SQL.percentile(0.5, taken))} as median,
             ${raw(REPORT_SQL.percentile(REPORT_PERCENTILE, taken))} as p90,
             count(*) filter (where s.extended_at is not null)::int as extended,
             count(*) filter (where s.paused_working_days > 0)::int as paused,
             coalesce(sum(s.paused_working_days), 0)::int as paused_days
      from complaint_stages s
      left join cal started on started.day = s.started_on
      left join cal sent on sent.day = ${raw(sentOn)}
      where ${areaInScope(options.scope, 's')}
        and s.response_sent_at >= ${instant(period.start)} and s.response_sent_at < ${instant(period.end)}
      group by grouping sets ((s.team_id, s.stage), (s.stage)))
    select f.team_id as "teamId", t.name_en as "teamName", f.stage, f.all_teams as "allTeams",
           f.answered as "answered", f.on_time as "onTime", f.median as "medianWorkingDays", f.p90 as "percentile90WorkingDays",
           f.extended as "extended", f.paused as "paused", f.paused_days as "pausedWorkingDays"
    from figures f
    left join teams t on t.id = f.team_id
    order by f.all_teams, t.name_en nulls last, f.team_id, f.stage`,
  );
  const plain = rows.map(({ allTeams: _allTeams, ...r }) => ({ ...r, stage: Number(r.stage) as Stage }));
  return { teams: plain.filter((_, i) => !rows[i]!.allTeams), overall: plain.filter((_, i) => rows[i]!.allTeams) };
}

// ---------------------------------------------------------------------------------------------
// What is complained about

export type CategoryRow = { quarter: string; categoryKey: string | null; points: number };

/**
 * Points raised, by category, in each quarter from `from` to `to` (the quarter the stage they
 * were raised at started in). Complaints only: compliments and feedback have no points to count.
 */
export async function reportCategories(db: ReportReader, options: { scope: ReportScope; from: ReportPeriod; to: ReportPeriod }): Promise<CategoryRow[]> {
  return queryRows<CategoryRow>(
    db,
    // Counted by day first and the days then put in their quarters: a quarter is written out for
    // each day, not for each of the hundreds of thousands of points.
    // Each point carries the day its stage started and its complaint's kind and areas (copies
    // kept by the database), so the points are counted from their report index alone.
    sql`select ${raw(REPORT_SQL.quarterOf('d.raised_on'))} as "quarter", d.category_key as "categoryKey", sum(d.points)::int as "points"
    from (
      select p.raised_on, p.category_key, count(*) as points
      from complaint_points p
      where ${areaInScope(options.scope, 'p')} and p.kind = 'complaint'
        and p.raised_on >= ${day(options.from.firstDay)} and p.raised_on <= ${day(options.to.lastDay)}
      group by 1, 2) d
    group by 1, 2
    order by 1, 2 nulls last`,
  );
}

export type CategoryLabel = { key: string; labelEn: string; labelCy: string };

/** The name of every category of point, in use or not, in the organisation's order: the report names the categories it counts. */
export async function reportCategoryLabels(db: Executor): Promise<CategoryLabel[]> {
  return queryRows<CategoryLabel>(db, sql`select key as "key", label_en as "labelEn", label_cy as "labelCy" from point_categories order by position, key`);
}

/**
 * The name of every grade the quality framework has given, the latest version's words first: the
 * report names the grades of management reviews made against any version.
 */
export async function reportGradeLabels(db: Executor): Promise<CategoryLabel[]> {
  return queryRows<CategoryLabel>(
    db,
    sql`select distinct on (g->>'key') g->>'key' as "key", g->>'labelEn' as "labelEn", g->>'labelCy' as "labelCy"
    from quality_framework_versions v, jsonb_array_elements(v.grades) g
    order by g->>'key', v.version desc`,
  );
}

export type DecisionRow = { stage: Stage; categoryKey: string | null; decision: PointDecision; points: number };

/** The decision on each point answered in a response sent in the quarter, by stage and category. */
export async function reportDecisions(db: ReportReader, options: { scope: ReportScope; period: ReportPeriod }): Promise<DecisionRow[]> {
  const rows = await queryRows<DecisionRow>(
    db,
    // Each answer carries when its stage's response went and its point's category and areas
    // (copies kept by the database), so the answers are counted from their report index alone.
    sql`select a.stage::int as "stage", a.category_key as "categoryKey", a.decision as "decision", count(*)::int as "points"
    from point_answers a
    where ${areaInScope(options.scope, 'a')}
      and a.response_sent_at >= ${instant(options.period.start)} and a.response_sent_at < ${instant(options.period.end)}
    group by 1, 2, 3
    order by 1, 2 nulls last, 3`,
  );
  return rows.map((r) => ({ ...r, stage: Number(r.stage) as Stage }));
}

// ---------------------------------------------------------------------------------------------
// Who is complained about

export type PractitionerRow = { quarter: string; practitionerId: string; practitionerName: string; teamId: string; teamName: string; points: number };
export type TeamComplaintsRow = { quarter: string; teamId: string; teamName: string; complaints: number };
export type ReviewGradeRow = {
  quarter: string;
  practitionerId: string | null;
  practitionerName: string | null;
  teamId: string | null;
  teamName: string | null;
  grade: string | null;
  reviews: number;
};

/**
 * Over the quarters from `from` to `to`: the points triaged as about each practitioner (by the
 * quarter their stage started), the complaints recorded against each team (by the quarter they
 * reached us), and the management reviews completed (by the quarter of completion, London time)
 * with their overall grade, by practitioner and team.
 */
export async function reportPeopleComplainedAbout(
  db: ReportReader,
  options: { scope: ReportScope; from: ReportPeriod; to: ReportPeriod },
): Promise<{ practitioners: PractitionerRow[]; teams: TeamComplaintsRow[]; reviews: ReviewGradeRow[] }> {
  const { from, to, scope } = options;
  const [practitioners, teams, reviews] = await Promise.all([
    queryRows<PractitionerRow>(
      db,
      // Counted by day and practitioner first, then put in quarters and named: the names and the
      // quarter are worked out for each group, not for each point.
      sql`select ${raw(REPORT_SQL.quarterOf('d.raised_on'))} as "quarter", pr.id as "practitionerId", pr.full_name as "practitionerName",
             t.id as "teamId", t.name_en as "teamName", sum(d.points)::int as "points"
      from (
        select p.raised_on, p.practitioner_id, count(*) as points
        from complaint_points p
        where ${areaInScope(scope, 'p')} and p.kind = 'complaint' and p.practitioner_id is not null
          and p.raised_on >= ${day(from.firstDay)} and p.raised_on <= ${day(to.lastDay)}
        group by 1, 2) d
      join practitioners pr on pr.id = d.practitioner_id
      join teams t on t.id = pr.team_id
      group by 1, 2, 3, 4, 5
      order by 1, 3, 2`,
    ),
    queryRows<TeamComplaintsRow>(
      db,
      sql`select ${raw(REPORT_SQL.quarterOf('d.received_on'))} as "quarter", t.id as "teamId", t.name_en as "teamName", sum(d.complaints)::int as "complaints"
      from (
        select c.received_on, c.team_id, count(*) as complaints
        from complaints c
        where ${inScope(scope)} and c.kind = 'complaint' and c.team_id is not null
          and c.received_on >= ${day(from.firstDay)} and c.received_on <= ${day(to.lastDay)}
        group by 1, 2) d
      join teams t on t.id = d.team_id
      group by 1, 2, 3
      order by 1, 3, 2`,
    ),
    queryRows<ReviewGradeRow>(
      db,
      sql`select ${raw(REPORT_SQL.quarterOf(REPORT_SQL.londonDate('r.completed_at')))} as "quarter", r.practitioner_id as "practitionerId",
             pr.full_name as "practitionerName", r.team_id as "teamId", t.name_en as "teamName", r.overall_grade as "grade", count(*)::int as "reviews"
      from management_reviews r
      left join practitioners pr on pr.id = r.practitioner_id
      left join teams t on t.id = r.team_id
      where ${areaInScope(scope, 'r')} and r.completed_at >= ${instant(from.start)} and r.completed_at < ${instant(to.end)}
      group by 1, 2, 3, 4, 5, 6
      order by 1, 3 nulls last, 2 nulls last, 5 nulls last, 4 nulls last, 6 nulls last`,
    ),
  ]);
  return { practitioners, teams, reviews };
}

// ---------------------------------------------------------------------------------------------
// Learning and the complainants' view

export type LearningRow = { level: LearningLevel; sourceKind: LearningSourceKind; status: LearningStatus; points: number };
export type SurveyRatingRow = { question: string; rating: string; answers: number };
export type OmbudsmanReferralRow = { ombudsman: Ombudsman; referred: number };
export type OmbudsmanFindingRow = { ombudsman: Ombudsman; finding: OmbudsmanFinding; findings: number };

/** Learning by its own areas, as the learning log files it: an area's report holds the learning of its area and the areas within it. */
function learningInScope(scope: ReportScope): SQL {
  switch (scope.kind) {
    case 'organisation':
      return sql`true`;
    case 'business_area':
      return sql`l.business_area_id = ${scope.businessAreaId}::uuid`;
    case 'service_area':
      return sql`l.service_area_id = ${scope.serviceAreaId}::uuid`;
  }
}

/**
 * Learning raised in the quarter, by level, source and the status of its action now; the
 * survey after closure (invited and answered in the quarter, and each answer by question and
 * rating); the referrals to the Ombudsman made in the quarter and the findings that came in it.
 */
export async function reportLearningAndViews(
  db: ReportReader,
  options: { scope: ReportScope; period: ReportPeriod },
): Promise<{ learning: LearningRow[]; surveysInvited: number; surveysAnswered: number; ratings: SurveyRatingRow[]; referrals: OmbudsmanReferralRow[]; findings: OmbudsmanFindingRow[] }> {
  const { scope, period } = options;
  const within = (column: string) => sql`${raw(column)} >= ${instant(period.start)} and ${raw(column)} < ${instant(period.end)}`;
  const questions = raw(SURVEY_QUESTIONS.map((q) => `'${q}'`).join(', '));
  const [learning, surveys, ratings, referrals, findings] = await Promise.all([
    queryRows<LearningRow>(
      db,
      sql`select l.level as "level", l.source_kind as "sourceKind", l.status as "status", count(*)::int as "points"
      from learning_points l
      where ${learningInScope(scope)} and ${within('l.raised_at')}
      group by 1, 2, 3
      order by 1, 2, 3`,
    ),
    queryRows<{ invited: number; answered: number }>(
      db,
      // Each count from its own index alone (the area and the day), rather than the two indexes'
      // rows together read from the table: the surveys of a quarter lie all over it.
      sql`select (select count(*) from survey_responses v where ${areaInScope(scope, 'v')} and ${within('v.invited_at')})::int as invited,
                 (select count(*) from survey_responses v where ${areaInScope(scope, 'v')} and ${within('v.answered_at')})::int as answered`,
    ),
    queryRows<SurveyRatingRow>(
      db,
      sql`select a.key as "question", a.value as "rating", count(*)::int as "answers"
      from survey_responses v
      cross join lateral jsonb_each_text(v.answers) as a(key, value)
      where ${within('v.answered_at')} and ${areaInScope(scope, 'v')} and a.key in (${questions})
      group by 1, 2
      order by 1, 2`,
    ),
    queryRows<OmbudsmanReferralRow>(
      db,
      sql`select o.ombudsman as "ombudsman", count(*)::int as "referred"
      from ombudsman_referrals o
      where ${areaInScope(scope, 'o')} and o.referred_on >= ${day(period.firstDay)} and o.referred_on <= ${day(period.lastDay)}
      group by 1
      order by 1`,
    ),
    queryRows<OmbudsmanFindingRow>(
      db,
      sql`select o.ombudsman as "ombudsman", o.finding as "finding", count(*)::int as "findings"
      from ombudsman_referrals o
      where ${areaInScope(scope, 'o')} and o.finding is not null and o.finding_on >= ${day(period.firstDay)} and o.finding_on <= ${day(period.lastDay)}
      group by 1, 2
      order by 1, 2`,
    ),
  ]);
  return {
    learning,
    surveysInvited: surveys[0]?.invited ?? 0,
    surveysAnswered: surveys[0]?.answered ?? 0,
    ratings,
    referrals,
    findings,
  };
}

/** The business area a service area belongs to, for deciding who may read its report; null when there is no such area. */
export async function findServiceAreaBusinessArea(db: Executor, serviceAreaId: string): Promise<string | null> {
  const [row] = await queryRows<{ business_area_id: string }>(
    db,
    sql`select business_area_id from service_areas where id = ${serviceAreaId}::uuid`,
  );
  return row?.business_area_id ?? null;
}

/** Whether a business area exists. */
export async function businessAreaExists(db: Executor, businessAreaId: string): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(db, sql`select exists (select 1 from business_areas where id = ${businessAreaId}::uuid) as found`);
  return row?.found === true;
}
