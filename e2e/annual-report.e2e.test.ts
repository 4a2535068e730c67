import { extractPdfText } from '@complaints/documents/testing';
import { financialYearOf, financialYearQuarterNames, formatFinancialYear, londonDateOf } from '@complaints/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHILD_NAMES, COMPLAINANT_NAMES } from '../db/src/seed/demo-content';
import { DEMO_PRACTITIONERS } from '../db/src/seed/demo-organisation';
import { launchBrowser, newPage } from './support/browser';
import { checkPage, visit } from './support/pages';
import { DEMO_STAFF, signInAs } from './support/staff';

const backoffice = inject('backofficeUrl');
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Every member of staff on record, active or not, as national office's list of accounts shows them. */
async function everyStaffName(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (let n = 1; n < 50; n += 1) {
    await visit(page, `${backoffice}/admin/staff?inactive=yes&page=${n}`);
    const links = await page.locator('table a[href^="/admin/staff/"]').allTextContents();
    if (links.length === 0) break;
    const fresh = links.map(plain).filter((name) => !names.includes(name));
    if (fresh.length === 0) break;
    names.push(...fresh);
  }
  return names;
}

/** Whether a name, or any part of it of three letters or more, is in the text as a word of its own. */
function namesFound(text: string, names: readonly string[]): string[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return names.filter((name) => [name, ...name.split(/\s+/).filter((part) => part.length >= 3)].some((part) => new RegExp(`(^|[^\\p{L}])${escape(part)}($|[^\\p{L}])`, 'iu').test(text)));
}

describe('the annual complaints performance report', () => {
  const year = formatFinancialYear({ startYear: financialYearOf(londonDateOf(new Date())).startYear - 1 });
  const assessment = {
    accessibility: 'People can complain online, by email, by phone and on paper, in English and Welsh.',
    timeliness: 'Most complaints were acknowledged within a working day; answers at stage 1 were too often late.',
    investigation: 'Every point raised was answered with its reasons.',
    escalation: 'Reviews at stage 2 were offered in every final response.',
    learning: 'National learning was shared with all staff through the bulletin.',
  };

  it('national office writes the self-assessment, a name refused and kept on the page, and downloads a PDF naming nobody', async () => {
    const { page, context } = await newPage(browser);
    await signInAs(page, DEMO_STAFF.national_office, { baseUrl: backoffice });
    await visit(page, `${backoffice}/reports`);
    await page.click('a[href="/reports/annual"]');
    await page.waitForURL(/\/reports\/annual$/);
    await checkPage(page, { language: 'en' });
    expect(plain(await page.locator('h1').textContent())).toBe('Annual complaints performance report');
    // The last whole financial year is chosen first.
    expect(await page.inputValue('#year-choice')).toBe(year);

    // Text naming a practitioner on record is refused, with the problem on the page and nothing lost.
    for (const [heading, text] of Object.entries(assessment)) await page.fill(`#${heading}`, text);
    const named = 'Every point was answered; Lucy Bell explained the court process well.';
    await page.fill('#investigation', named);
    await page.click('#save-self-assessment');
    await page.waitForLoadState('load');
    await checkPage(page, { language: 'en', label: 'the self-assessment refused' });
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.locator('.govuk-error-summary');
    expect(plain(await summary.textContent())).toContain("'Investigating and answering fairly' names a member of staff or a complainant: take the name out");
    expect(await summary.locator('a').getAttribute('href')).toBe('#investigation');
    expect(plain(await page.locator('#investigation-error').textContent())).toContain('names a member of staff or a complainant');
    expect(await page.inputValue('#investigation')).toBe(named);
    expect(await page.inputValue('#accessibility')).toBe(assessment.accessibility);
    expect(await page.inputValue('#learning')).toBe(assessment.learning);

    // Put right, it is kept with the year.
    await page.fill('#investigation', assessment.investigation);
    await page.click('#save-self-assessment');
    await page.waitForURL(/\/reports\/annual\?year=.*&done=saved$/);
    await checkPage(page, { language: 'en', label: 'the self-assessment saved' });
    expect(plain(await page.locator('.govuk-notification-banner').textContent())).toContain('The self-assessment has been saved.');
    for (const [heading, text] of Object.entries(assessment)) expect(await page.inputValue(`#${heading}`)).toBe(text);
    expect(plain(await page.locator('main').textContent())).toMatch(/Last changed by Margaret Lewis on /);

    // The PDF: the self-assessment and the year's figures, which are the four quarters' added up.
    const href = await page.locator('a[href^="/reports/annual/pdf"]').getAttribute('href');
    expect(href).toBe(`/reports/annual/pdf?year=${year}`);
    const download = await page.request.get(`${backoffice}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toContain(`annual-complaints-report-${year}.pdf`);
    const { text } = await extractPdfText(new Uint8Array(await download.body()));
    const flat = plain(text);
    expect(flat).toContain(`Annual complaints performance report ${year}`);
    for (const words of Object.values(assessment)) expect(flat).toContain(words);
    let received = 0;
    let answered = 0;
    for (const quarter of financialYearQuarterNames({ startYear: Number(year.slice(0, 4)) })) {
      const csv = await (await page.request.get(`${backoffice}/reports/csv?quarter=${quarter}&scope=organisation`)).text();
      const figure = (measure: string) => Number(csv.split('\r\n').find((line) => line.startsWith(`throughput,${quarter},,${measure},`))!.split(',').at(-1));
      received += figure('received');
      answered += figure('answered');
    }
    const number = new Intl.NumberFormat('en-GB');
    expect(flat).toContain(`Received ${number.format(received)}`);
    expect(flat).toContain(`Answered ${number.format(answered)}`);

    // No member of staff, practitioner or complainant on record is named in it.
    const staffNames = await everyStaffName(page);
    expect(staffNames).toContain('Margaret Lewis');
    const everyone = [...staffNames, ...Object.values(DEMO_PRACTITIONERS).flat(), ...COMPLAINANT_NAMES, ...CHILD_NAMES];
    expect(namesFound(flat, everyone)).toEqual([]);

    // In Welsh: the page, its self-assessment as kept, and the PDF in Welsh naming nobody either.
    await visit(page, `${backoffice}/reports/annual?year=${year}&lng=cy`, { language: 'cy' });
    expect(plain(await page.locator('h1').textContent())).toBe('Adroddiad blynyddol ar berfformiad cwynion');
    expect(await page.inputValue('#learning')).toBe(assessment.learning);
    const welsh = await page.request.get(`${backoffice}${await page.locator('a[href^="/reports/annual/pdf"]').getAttribute('href')}`);
    expect(welsh.status()).toBe(200);
    const welshPdf = await extractPdfText(new Uint8Array(await welsh.body()));
    expect(welshPdf.language).toBe('cy-GB');
    expect(plain(welshPdf.text)).toContain('Adroddiad blynyddol ar berfformiad cwynion');
    expect(namesFound(plain(welshPdf.text), everyone)).toEqual([]);
    await visit(page, `${backoffice}/reports/annual?lng=en`, { language: 'en' });
    await context.close();
  });

  it('a Head of Service is refused the page, the self-assessment and the PDF', async () => {
    const { page, context } = await newPage(browser);
    await signInAs(page, DEMO_STAFF.head_of_service, { baseUrl: backoffice });
    await visit(page, `${backoffice}/reports`);
    expect(await page.locator('a[href="/reports/annual"]').count()).toBe(0);
    const shown = await page.goto(`${backoffice}/reports/annual`);
    expect(shown?.status()).toBe(403);
    await checkPage(page, { language: 'en', label: 'the annual report refused' });
    expect((await page.request.get(`${backoffice}/reports/annual/pdf?year=${year}`)).status()).toBe(403);
    const posted = await page.request.post(`${backoffice}/reports/annual`, { form: { year, ...assessment }, headers: { Origin: backoffice }, maxRedirects: 0 });
    expect(posted.status()).toBe(403);
    await context.close();
  });
});
