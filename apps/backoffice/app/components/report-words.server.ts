/** The quarterly report in words, for the page's loader only (it reads the words on the server). */
export { quarterlyReportWords, reportScopeName } from '@complaints/services';
