import { organisation } from '@complaints/content';
import type { DocumentBlock, DocumentSource } from '@complaints/documents';
import { LEARNING_LEVELS, LEARNING_STATUSES, OMBUDSMAN_FINDINGS, OMBUDSMEN, POINT_DECISIONS, SELF_ASSESSMENT_HEADINGS, SURVEY_QUESTIONS, SURVEY_SCALE } from '@complaints/domain';
import { translator } from '@complaints/i18n/server';
import { dateInWords } from '../letters/letter-dates';
import type { AnnualReport } from './annual-report';

/**
 * The annual report as a document: headings, paragraphs, tables and facts only. Every word comes
 * from the `annual-report` namespace except the bulletin's published wording and the
 * self-assessment, which the report already holds checked for names.
 */
export function annualReportDocument(report: AnnualReport, language: 'en' | 'cy'): DocumentSource {
  const t = translator(language, 'annual-report');
  const w = (key: string, values: Record<string, unknown> = {}) => t(key, values) as string;
  const number = new Intl.NumberFormat(language === 'cy' ? 'cy-GB' : 'en-GB');
  const n = (value: number | null) => (value === null ? w('pdf.none') : number.format(value));
  const percent = (value: number | null) => (value === null ? w('pdf.none') : `${number.format(Math.round(value * 100))}%`);
  const year = report.year;
  const blocks: DocumentBlock[] = [];

  blocks.push({ kind: 'heading', level: 1, text: w('pdf.title', { year }) });
  blocks.push({ kind: 'paragraph', style: 'lead', text: w('pdf.period', { from: dateInWords(report.firstDay, language), to: dateInWords(report.lastDay, language), quarters: report.quarters.join(', ') }) });
  blocks.push({ kind: 'paragraph', text: w('pdf.intro') });

  const total = report.throughput;
  blocks.push({ kind: 'heading', level: 2, text: w('pdf.figures.heading') });
  blocks.push({
    kind: 'table',
    caption: w('pdf.figures.caption', { year }),
    head: [w('pdf.figure'), w('pdf.number')],
    rows: [
      [w('pdf.figures.received'), n(total.received)],
      [w('pdf.figures.acknowledgedShare'), percent(total.acknowledgedWithinWorkingDayShare)],
      [w('pdf.figures.answered'), n(total.answered)],
      [w('pdf.figures.closed'), n(total.closed)],
      [w('pdf.figures.openAtEnd'), n(total.openAtEnd)],
    ],
  });

  blocks.push({ kind: 'heading', level: 2, text: w('pdf.timescales.heading') });
  if (report.timescales.length === 0) blocks.push({ kind: 'paragraph', text: w('pdf.timescales.empty') });
  else
    blocks.push({
      kind: 'table',
      caption: w('pdf.timescales.caption', { year }),
      head: ['', w('pdf.timescales.answered'), w('pdf.timescales.onTime'), w('pdf.timescales.share'), w('pdf.timescales.median')],
      rows: [...report.timescales]
        .sort((a, b) => a.stage - b.stage)
        .map((row) => [w('pdf.timescales.stage', { stage: row.stage }), n(row.answered), n(row.onTime), percent(row.onTimeShare), n(row.medianWorkingDays)]),
    });

  blocks.push({ kind: 'heading', level: 2, text: w('pdf.decisions.heading') });
  blocks.push({
    kind: 'table',
    caption: w('pdf.decisions.caption', { year }),
    head: [w('pdf.figure'), w('pdf.number')],
    rows: POINT_DECISIONS.map((decision) => [w(`pdf.decisions.${decision}`), n(report.decisions.find((d) => d.decision === decision)?.points ?? 0)]),
  });

  blocks.push({ kind: 'heading', level: 2, text: w('pdf.learning.heading') });
  const learning = report.learning.byLevelAndStatus;
  if (learning.length === 0) blocks.push({ kind: 'paragraph', text: w('pdf.learning.empty') });
  else
    blocks.push({
      kind: 'table',
      caption: w('pdf.learning.caption', { year }),
      head: [w('pdf.learning.level'), w('pdf.learning.status'), w('pdf.learning.points')],
      rows: LEARNING_LEVELS.flatMap((level) =>
        LEARNING_STATUSES.flatMap((status) => {
          const row = learning.find((r) => r.level === level && r.status === status);
          return row ? [[w(`pdf.learning.levels.${level}`), w(`pdf.learning.statuses.${status}`), n(row.points)]] : [];
        }),
      ),
    });
  blocks.push({ kind: 'heading', level: 3, text: w('pdf.learning.published') });
  if (report.learning.published.length === 0) blocks.push({ kind: 'paragraph', text: w('pdf.learning.publishedEmpty') });
  else blocks.push({ kind: 'list', items: report.learning.published.map((p) => `${p.wording} (${w(`pdf.learning.statuses.${p.status}`)})`) });

  const feedback = report.feedback;
  blocks.push({ kind: 'heading', level: 2, text: w('pdf.feedback.heading') });
  blocks.push({ kind: 'paragraph', text: w('pdf.feedback.surveys', { invited: n(feedback.surveysInvited), answered: n(feedback.surveysAnswered) }) });
  if (feedback.ratings.length === 0) blocks.push({ kind: 'paragraph', text: w('pdf.feedback.ratingsEmpty') });
  else
    blocks.push({
      kind: 'table',
      caption: w('pdf.feedback.ratingsCaption', { year }),
      head: [w('pdf.feedback.question'), ...SURVEY_SCALE.map((rating) => `${w('pdf.feedback.rating')} ${rating}`)],
      rows: SURVEY_QUESTIONS.map((question) => [
        w(`pdf.feedback.questions.${question}`),
        ...SURVEY_SCALE.map((rating) => n(feedback.ratings.find((r) => r.question === question && r.rating === rating)?.answers ?? 0)),
      ]),
    });
  const ombudsmanRows = OMBUDSMEN.flatMap((ombudsman) => {
    const referred = feedback.referrals.find((r) => r.ombudsman === ombudsman)?.referred ?? 0;
    const findings = OMBUDSMAN_FINDINGS.flatMap((finding) => {
      const count = feedback.findings.find((f) => f.ombudsman === ombudsman && f.finding === finding)?.findings ?? 0;
      return count > 0 ? [[w(`pdf.feedback.ombudsmen.${ombudsman}`), w(`pdf.feedback.findings.${finding}`), n(count)]] : [];
    });
    return referred > 0 || findings.length > 0 ? [[w(`pdf.feedback.ombudsmen.${ombudsman}`), w('pdf.feedback.referred'), n(referred)], ...findings] : [];
  });
  if (ombudsmanRows.length === 0) blocks.push({ kind: 'paragraph', text: w('pdf.feedback.ombudsmanEmpty') });
  else blocks.push({ kind: 'table', caption: w('pdf.feedback.ombudsmanCaption', { year }), head: [w('pdf.feedback.ombudsman'), w('pdf.feedback.outcome'), w('pdf.number')], rows: ombudsmanRows });

  blocks.push({ kind: 'heading', level: 2, text: w('pdf.selfAssessment.heading') });
  const assessment = report.selfAssessment;
  if (assessment === null) blocks.push({ kind: 'paragraph', text: w('pdf.selfAssessment.notWritten') });
  else
    for (const heading of SELF_ASSESSMENT_HEADINGS) {
      blocks.push({ kind: 'heading', level: 3, text: w(`selfAssessment.headings.${heading}`) });
      const text = assessment[heading];
      const paragraphs = text === null ? [w('pdf.selfAssessment.withheld')] : text === '' ? [w('pdf.selfAssessment.headingEmpty')] : text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      for (const paragraph of paragraphs) blocks.push({ kind: 'paragraph', text: paragraph });
    }

  return { title: w('pdf.title', { year }), language, audience: 'adult', organisationName: organisation.name[language], blocks, footer: w('pdf.title', { year }) };
}
