import { extractPdfText } from '@complaints/documents/testing';
import { formatQuarter, londonDateOf, quarterOf, shiftQuarter } from '@complaints/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

/** Each bar of a chart as drawn: its label and the figure written at its end. */
async function chartBars(page: Page, chart: string): Promise<Array<[string, string]>> {
  const bars = page.locator(`[data-chart="${chart}"] svg g:has(rect)`);
  const drawn: Array<[string, string]> = [];
  for (let i = 0; i < (await bars.count()); i += 1) {
    const texts = bars.nth(i).locator('text');
    drawn.push([plain(await texts.nth(0).textContent()), plain(await texts.nth(1).textContent())]);
  }
  return drawn;
}

/** The rows of a chart's table: the first cell and the last. */
async function tableRows(page: Page, chart: string): Promise<Array<[string, string]>> {
  const rows = page.locator(`[data-chart="${chart}"] table tbody tr`);
  const read: Array<[string, string]> = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const cells = rows.nth(i).locator('th, td');
    read.push([plain(await cells.first().textContent()), plain(await cells.last().textContent())]);
  }
  return read;
}

/** Every row of every table on the page, its cells joined without spaces: what the PDF must read back. */
async function allTableRows(page: Page): Promise<string[]> {
  return page.locator('[data-chart] table tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => (cell.textContent ?? '').replace(/\s+/g, '')).join('')),
  );
}

/** The report of the page's quarter and scope as a PDF, from its link, read back to its text. */
async function downloadPdf(page: Page, quarter: string) {
  const download = await page.request.get(`${backoffice}${await page.locator('a[href^="/reports/pdf"]').getAttribute('href')}`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect(download.headers()['content-disposition']).toBe(`attachment; filename="quarterly-report-${quarter}.pdf"; filename*=UTF-8''quarterly-report-${quarter}.pdf`);
  const read = await extractPdfText(await download.body());
  return { ...read, squashed: read.text.replace(/\s+/g, '') };
}

describe('the quarterly report', () => {
  const last = shiftQuarter(quarterOf(londonDateOf(new Date())), -1);
  const quarterName = `Quarter ${last.quarter} of ${last.year}`;

  it("a Head of Service opens their area's report and reads each chart's figures in its table, in English and Welsh", async () => {
    const { page, context } = await newPage(browser);
    await signInAs(page, DEMO_STAFF.head_of_service, { baseUrl: backoffice });
    await visit(page, `${backoffice}/queues`);
    await page.click('a[href="/reports"]');
    await page.waitForURL(/\/reports$/);
    await checkPage(page, { language: 'en' });

    // The last complete quarter, for the one scope theirs: their own service area.
    expect(await page.inputValue('#quarter')).toBe(formatQuarter(last));
    const scopes = await page.locator('#scope option').allTextContents();
    expect(scopes).toHaveLength(1);
    expect(scopes[0]).toMatch(/^Service area: /);
    expect(plain(await page.locator('h1').textContent())).toBe(`Quarterly report: ${quarterName}, ${scopes[0]}`);

    // The chart is one image named for what it shows; its bars carry the same figures as its table.
    const chart = page.getByRole('img', { name: `Complaints, compliments and feedback in ${quarterName}` });
    expect(await chart.count()).toBe(1);
    const rows = await tableRows(page, 'throughput');
    expect(rows.map(([label]) => label)).toEqual([
      'Received',
      'Acknowledged within a working day',
      'Passed to a manager within a working day',
      'Answered',
      'Closed',
      'Open at the end of the quarter',
    ]);
    expect(await chartBars(page, 'throughput')).toEqual(rows);
    expect(plain(await page.locator('[data-chart="throughput"] caption').textContent())).toBe(`Complaints, compliments and feedback in ${quarterName}`);
    // The sentence above the chart says the same figures in words.
    const received = rows[0]![1];
    const answered = rows[3]![1];
    const open = rows[5]![1];
    expect(plain(await page.locator('[data-chart="throughput"] p').textContent())).toMatch(
      new RegExp(`^${received} were received and ${answered} answered; .* and ${open} were still open at the end of the quarter\\.$`),
    );
    for (const chartId of ['decisions', 'learning']) expect(await chartBars(page, chartId)).toEqual(await tableRows(page, chartId));

    // The same figures download as CSV.
    const download = await page.request.get(`${backoffice}${await page.locator('a[href^="/reports/csv"]').getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toBe(`attachment; filename="quarterly-report-${formatQuarter(last)}.csv"`);
    expect((await download.text()).split('\r\n')).toContain(`throughput,${formatQuarter(last)},,received,${received.replace(/,/g, '')}`);

    // A Head of Service sees who is complained about.
    expect(await page.locator('h2').allTextContents()).toContain('Who is complained about');

    // Every figure the CSV carries is on the page: the trends over four quarters among them.
    for (const chartId of ['throughput-breakdown', 'categories', 'decisions-detail', 'practitioners-trend', 'teams-trend', 'review-grades', 'learning-detail', 'survey-ratings', 'ombudsman']) {
      expect(await page.locator(`[data-chart="${chartId}"] caption, [data-chart="${chartId}"] h3`).count()).toBe(1);
    }

    // The whole report downloads as a PDF, titled and in English, read back with every row of every table on the page.
    const pdf = await downloadPdf(page, formatQuarter(last));
    expect(pdf.title).toBe(`Quarterly report: ${quarterName}, ${scopes[0]}`);
    expect(pdf.language).toBe('en-GB');
    const pageRows = await allTableRows(page);
    expect(pageRows.length).toBeGreaterThan(10);
    for (const row of pageRows) expect(pdf.squashed).toContain(row);
    expect(pdf.squashed).toContain('Whoiscomplainedabout');
    // A quarter that is not one, or an area that does not exist, is answered plainly, never with a 500.
    const scopeKey = await page.inputValue('#scope');
    expect((await page.request.get(`${backoffice}/reports/pdf?quarter=2026-Q9&scope=${encodeURIComponent(scopeKey)}`)).status()).toBe(400);
    expect((await page.request.get(`${backoffice}/reports/pdf?quarter=${formatQuarter(last)}&scope=service_area%3Anowhere`)).status()).toBe(404);
    expect((await page.request.get(`${backoffice}/reports/pdf`)).status()).toBe(400);

    await visit(page, `${backoffice}/reports?lng=cy`, { language: 'cy' });
    const welshQuarter = `Chwarter ${last.quarter} ${last.year}`;
    expect(plain(await page.locator('h1').textContent())).toMatch(new RegExp(`^Adroddiad chwarterol: ${welshQuarter}, Maes gwasanaeth: `));
    expect(await page.getByRole('img', { name: `Cwynion, canmoliaeth ac adborth yn ${welshQuarter}` }).count()).toBe(1);
    const welshRows = await tableRows(page, 'throughput');
    expect(welshRows[0]).toEqual(['Wedi dod i law', received]);
    expect(await chartBars(page, 'throughput')).toEqual(welshRows);
    expect(await page.locator('h2').allTextContents()).toContain('Am bwy y cwynir');
    await visit(page, `${backoffice}/reports?lng=en`, { language: 'en' });
    await context.close();
  });

  it('a CSQ manager reads their business area without the section on who is complained about', async () => {
    const { page, context } = await newPage(browser);
    await signInAs(page, DEMO_STAFF.csq_manager, { baseUrl: backoffice });
    await visit(page, `${backoffice}/reports`);
    expect(await page.locator('#scope option').first().textContent()).toMatch(/^Business area: /);
    const headings = await page.locator('h2').allTextContents();
    expect(headings).toContain('What is complained about');
    expect(headings).not.toContain('Who is complained about');
    expect(await page.locator('[data-chart="practitioners"], [data-chart="teams"]').count()).toBe(0);
    // Nor in their PDF, which has the rest of the page's figures.
    const pdf = await downloadPdf(page, await page.inputValue('#quarter'));
    expect(pdf.squashed).toContain('Whatiscomplainedabout');
    expect(pdf.squashed).not.toContain('Whoiscomplainedabout');
    for (const row of await allTableRows(page)) expect(pdf.squashed).toContain(row);
    await visit(page, `${backoffice}/reports?scope=organisation`, { status: 403 });
    await context.close();
  });

  it('a responding manager is refused the report and is not offered it', async () => {
    const { page, context } = await newPage(browser);
    await signInAs(page, DEMO_STAFF.responding_manager, { baseUrl: backoffice });
    await visit(page, `${backoffice}/queues`);
    expect(await page.locator('a[href="/reports"]').count()).toBe(0);
    await visit(page, `${backoffice}/reports`, { status: 403 });
    expect(plain(await page.locator('h1').textContent())).toBe('You do not have access to this page');
    await context.close();
  });
});
