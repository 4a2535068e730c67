import { describe, expect, it } from 'vitest';
import type { QuarterlyReport } from './quarterly-report';
import { quarterlyReportWords, reportScopeName } from './report-sections';

const none = { received: 0, acknowledgedWithinWorkingDay: 0, passedWithinWorkingDay: 0, answered: 0, closed: 0, openAtEnd: 0 };

/** A report of 2026-Q2 with a few figures in each section, as `quarterlyReport` gives them. */
function aReport(overrides: Partial<QuarterlyReport> = {}): QuarterlyReport {
  return {
    quarter: '2026-Q2',
    scope: { kind: 'organisation' },
    firstDay: '2026-04-01',
    lastDay: '2026-06-30',
    trendQuarters: ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'],
    throughput: {
      rows: [{ kind: 'complaint', channel: 'online', stage: 1, ...none, received: 1200, answered: 3 }],
      total: { ...none, received: 1200, answered: 3 },
      acknowledgedWithinWorkingDayShare: 0.5,
      passedWithinWorkingDayShare: null,
    },
    timescales: { teams: [], overall: [] },
    complainedAbout: {
      categories: [
        { quarter: '2025-Q4', categoryKey: 'delay', points: 2 },
        { quarter: '2026-Q2', categoryKey: 'delay', points: 1 },
        { quarter: '2026-Q2', categoryKey: null, points: 4 },
      ],
      decisions: [{ stage: 1, categoryKey: 'delay', decision: 'upheld', points: 1 }],
      labels: [{ key: 'delay', labelEn: 'Delay', labelCy: 'Oedi' }],
    },
    people: {
      practitioners: [{ quarter: '2026-Q1', practitionerId: 'p1', practitionerName: 'Alex Carter', teamId: 't1', teamName: 'Carlisle', points: 2 }],
      teams: [],
      reviewGrades: [{ quarter: '2026-Q2', practitionerId: 'p1', practitionerName: 'Alex Carter', teamId: 't1', teamName: 'Carlisle', grade: 'good', reviews: 1 }],
      gradeLabels: [{ key: 'good', labelEn: 'Good', labelCy: 'Da' }],
    },
    learningAndViews: {
      learning: [],
      surveysInvited: 4,
      surveysAnswered: 1,
      ratings: [{ question: 'kept_informed', rating: '4', answers: 1 }],
      ombudsmanReferrals: [{ ombudsman: 'psow', referred: 1 }],
      ombudsmanFindings: [],
    },
    ...overrides,
  };
}

const chart = (words: ReturnType<typeof quarterlyReportWords>, id: string) => words.sections.flatMap((s) => s.charts).find((c) => c.id === id)!;

describe('quarterlyReportWords', () => {
  const words = quarterlyReportWords(aReport(), { language: 'en', scopeName: 'The whole organisation' });

  it('heads the report with its quarter and scope', () => {
    expect(words.heading).toBe('Quarterly report: Quarter 2 of 2026, The whole organisation');
    expect(words.sections.map((s) => s.key)).toEqual(['throughput', 'timescales', 'complained-about', 'people', 'learning']);
  });

  it('writes figures for the language, and a share with no figures as none', () => {
    expect(chart(words, 'throughput').table.rows[0]).toMatchObject({ label: 'Received', value: '1,200' });
    expect(chart(words, 'throughput-shares').table.rows.map((r) => r.value)).toEqual(['50%', 'None']);
    expect(chart(words, 'throughput-breakdown').table.rows[0]).toMatchObject({ kind: 'Complaint', channel: 'Online form', stage: '1', received: '1,200' });
  });

  it("gives each trend a row for each thing and a column for each quarter, a quarter with none at 0", () => {
    const categories = chart(words, 'categories');
    expect(categories.table.columns.map((c) => c.header)).toEqual(['Category', 'Quarter 3 of 2025', 'Quarter 4 of 2025', 'Quarter 1 of 2026', 'Quarter 2 of 2026']);
    expect(categories.table.rows.map(({ _key, ...cells }) => cells)).toEqual([
      { label: 'Delay', 'q2025-Q3': '0', 'q2025-Q4': '2', 'q2026-Q1': '0', 'q2026-Q2': '1' },
      { label: 'No category recorded', 'q2025-Q3': '0', 'q2025-Q4': '0', 'q2026-Q1': '0', 'q2026-Q2': '4' },
    ]);
    expect(categories.bars).toEqual([
      { label: 'Delay', value: 1 },
      { label: 'No category recorded', value: 4 },
    ]);
    expect(chart(words, 'practitioners-trend').table.rows[0]).toMatchObject({ label: 'Alex Carter', team: 'Carlisle', 'q2026-Q1': '2', 'q2026-Q2': '0' });
  });

  it('names grades, survey answers and Ombudsmen, and says when a table has nothing in it', () => {
    expect(chart(words, 'review-grades').table.rows[0]).toMatchObject({ quarter: 'Quarter 2 of 2026', label: 'Alex Carter', grade: 'Good', value: '1' });
    const ratings = chart(words, 'survey-ratings').table;
    expect(ratings.columns.map((c) => c.header)).toEqual(['Question', 'Good']);
    expect(ratings.rows[0]).toMatchObject({ label: 'How well did we keep you informed?', r4: '1' });
    expect(chart(words, 'ombudsman').table.rows[0]).toMatchObject({ label: 'Public Services Ombudsman for Wales', referred: '1', upheld: '0' });
    expect(chart(words, 'learning-detail').table.rows).toEqual([]);
    expect(chart(words, 'learning-detail').empty).toBe('None in the quarter.');
    expect(words.sections.find((s) => s.key === 'timescales')!.empty).toBe('No responses were sent in the quarter.');
  });

  it('leaves out who is complained about when the report has no such section', () => {
    const short = quarterlyReportWords(aReport({ people: null }), { language: 'en', scopeName: '' });
    expect(short.sections.map((s) => s.key)).toEqual(['throughput', 'timescales', 'complained-about', 'learning']);
  });

  it('is in Welsh when asked, the categories and grades named in Welsh', () => {
    const welsh = quarterlyReportWords(aReport(), { language: 'cy', scopeName: 'Y sefydliad cyfan' });
    expect(welsh.heading).toBe('Adroddiad chwarterol: Chwarter 2 2026, Y sefydliad cyfan');
    expect(chart(welsh, 'categories').table.rows[0]!.label).toBe('Oedi');
    expect(chart(welsh, 'review-grades').table.rows[0]!.grade).toBe('Da');
    expect(reportScopeName({ scope: { kind: 'service_area', serviceAreaId: 'x' }, nameEn: 'Leeds', nameCy: 'Leeds' }, 'cy')).toBe('Maes gwasanaeth: Leeds');
  });
});
