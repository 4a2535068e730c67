import type { StaffActor } from '@complaints/auth';
import { organisation } from '@complaints/content';
import { type DocumentBlock, type DocumentSource, renderPdf } from '@complaints/documents';
import { type ReportScope, reportScopeKey } from '@complaints/domain';
import { translator } from '@complaints/i18n/server';
import { dateInWords } from '../letters/letter-dates';
import type { QuarterlyReport, ReportDependencies } from './quarterly-report';
import { readQuarterlyReport } from './quarterly-report';
import { type ReportWords, quarterlyReportWords, reportScopeName } from './report-sections';
import { reportScopes } from './report-scopes';

/**
 * The whole quarterly report as a document: each section's heading, then for each chart its
 * sentence, its bar chart and its table; a table with no rows says so in words. The same words
 * and figures as the page, which is the accessible version.
 */
export function quarterlyReportDocument(report: QuarterlyReport, words: ReportWords, options: { scopeName: string; webAddress?: string }): DocumentSource {
  const t = translator(words.language, 'reports');
  const number = new Intl.NumberFormat(words.language === 'cy' ? 'cy-GB' : 'en-GB');
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: words.heading },
    {
      kind: 'paragraph',
      style: 'lead',
      text: t('pdf.lead', { from: dateInWords(report.firstDay, words.language), to: dateInWords(report.lastDay, words.language) }),
    },
  ];
  for (const section of words.sections) {
    blocks.push({ kind: 'heading', level: 2, text: section.heading });
    if (section.empty) blocks.push({ kind: 'paragraph', text: section.empty });
    for (const chart of section.charts) {
      if (chart.table.rows.length === 0) {
        blocks.push({ kind: 'heading', level: 3, text: chart.table.caption }, { kind: 'paragraph', text: chart.empty });
        continue;
      }
      if (chart.summary) blocks.push({ kind: 'paragraph', text: chart.summary });
      if (chart.name && chart.bars.length > 0) {
        const format = (value: number) => (chart.percent ? `${number.format(value)}%` : number.format(value));
        blocks.push({ kind: 'chart', name: chart.name, bars: chart.bars.map((b) => ({ ...b, text: format(b.value) })), ...(chart.percent ? { axisMax: 100 } : {}) });
      }
      blocks.push({
        kind: 'table',
        caption: chart.table.caption,
        head: chart.table.columns.map((c) => c.header),
        rows: chart.table.rows.map((row) => chart.table.columns.map((c) => row[c.key] ?? '')),
      });
    }
  }
  return {
    title: `${words.title}: ${words.quarterName}, ${options.scopeName}`,
    language: words.language,
    audience: 'adult',
    // The wider page fits the tables of many columns (timescales, throughput by kind, channel and stage).
    orientation: 'landscape',
    organisationName: organisation.name[words.language],
    blocks,
    ...(options.webAddress ? { webVersionNote: t('pdf.webVersion', { url: options.webAddress }) } : {}),
  };
}

/**
 * The whole quarterly report as a PDF for printing, in English or Welsh: every section the person
 * may read (who is complained about only for those who may see it), each chart with its table
 * and sentence. Refused as the report is, and audited as `report.downloaded` as the CSV is.
 */
export async function quarterlyReportPdf(
  deps: ReportDependencies,
  request: { actor: StaffActor; scope: ReportScope; quarter: string; language: 'en' | 'cy'; requestId?: string; webAddress?: string },
): Promise<{ pdf: Buffer; quarter: string; title: string }> {
  const report = await readQuarterlyReport(deps, request, 'report.downloaded');
  const choice = (await reportScopes(deps, { actor: request.actor })).find((c) => reportScopeKey(c.scope) === reportScopeKey(report.scope));
  const scopeName = choice ? reportScopeName(choice, request.language) : '';
  const words = quarterlyReportWords(report, { language: request.language, scopeName });
  const source = quarterlyReportDocument(report, words, { scopeName, ...(request.webAddress ? { webAddress: request.webAddress } : {}) });
  return { pdf: await renderPdf(source), quarter: report.quarter, title: source.title };
}
