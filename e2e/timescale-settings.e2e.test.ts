import { addDays, createWorkingDayCalendar, dayOfWeek, isoDateParts, londonDateOf } from '@complaints/domain';
import { extractPdfText } from '@complaints/documents/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { checkPage, visit } from './support/pages';
import { DEMO_STAFF, signInAs } from './support/staff';

const backoffice = inject('backofficeUrl');
const portal = inject('portalUrl');

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

let browser: Browser;
let page: Page;
/** The stage 1 response time this file set, until it has put the default back. */
let changedTo: string | null = null;
/** Whether this file changed the retention period and has not yet put six back. */
let retentionChanged = false;

async function submit(selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
  await checkPage(page);
}

/** National office sets the stage 1 response time on the timescales page. */
async function setStageOneResponse(days: string): Promise<void> {
  await visit(page, `${backoffice}/admin/settings/timescales`);
  await page.fill('#stage_1_response', days);
  await submit('main form button[type="submit"]');
}

/** National office sets the retention period on the settings page. */
async function setRetentionYears(years: string): Promise<void> {
  await visit(page, `${backoffice}/admin/settings`);
  await page.fill('#retentionYears', years);
  await submit('#save-retention');
}

/** What the adult leaflet says, as a web page and as its PDF. */
async function adultLeaflet(): Promise<{ page: string; pdf: string }> {
  const reader = await newPage(browser);
  await visit(reader.page, `${portal}/leaflets/adult`);
  const text = plain(await reader.page.locator('main').textContent());
  const response = await reader.page.request.get(`${portal}/leaflets/adult.pdf`);
  expect(response.status()).toBe(200);
  const pdf = plain((await extractPdfText(await response.body())).text);
  await reader.context.close();
  return { page: text, pdf };
}

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
  await signInAs(page, DEMO_STAFF.national_office, { baseUrl: backoffice });
});

afterAll(async () => {
  // Every journey shares one running system: whatever happened above, the leaflets go back to 15.
  if (changedTo !== null && page) await setStageOneResponse('15').catch(() => {});
  if (retentionChanged && page) await setRetentionYears('6').catch(() => {});
  await browser?.close();
});

describe('national office changes the stage 1 response time', () => {
  it('finds the timescales from the settings page, in English and Welsh', async () => {
    await visit(page, `${backoffice}/admin/settings`);
    await page.click('main a[href="/admin/settings/timescales"]');
    await page.waitForURL(/\/admin\/settings\/timescales$/);
    await checkPage(page, { language: 'en' });
    expect(await page.locator('h1').textContent()).toBe('Timescales');
    expect(await page.locator('label[for="stage_1_response"]').textContent()).toBe('Working days to send the stage 1 response');
    expect(await page.locator('#stage_1_response-hint').textContent()).toContain('Default: 15. Enter a whole number from 1 to 65.');
    expect(await page.inputValue('#stage_1_response')).toBe('15');
    expect(plain(await page.locator('main').textContent())).toContain('Due dates already set stay as they are.');

    await visit(page, `${backoffice}/admin/settings/timescales?lng=cy`, { language: 'cy' });
    expect(await page.locator('h1').textContent()).toBe('Amserlenni');
    await visit(page, `${backoffice}/admin/settings/timescales?lng=en`, { language: 'en' });
  });

  it('is told what is wrong with a value out of range, on the same page, with what was typed kept', async () => {
    await page.fill('#stage_1_response', '0');
    await page.fill('#acknowledge', 'one');
    await submit('main form button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe('/admin/settings/timescales');
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.locator('a[href="#acknowledge"]').textContent()).toBe('The number of working days to acknowledge a complaint must be a whole number, like 1');
    expect(await summary.locator('a[href="#stage_1_response"]').textContent()).toBe('The number of working days to send the stage 1 response must be from 1 to 65');
    expect(plain(await page.locator('#stage_1_response-error').textContent())).toBe('Error: The number of working days to send the stage 1 response must be from 1 to 65');
    expect(await page.inputValue('#stage_1_response')).toBe('0');
    expect(await page.inputValue('#acknowledge')).toBe('one');
  });

  it('saves a new figure, which the adult leaflet and its PDF give at once, then puts the old one back', async () => {
    const before = await adultLeaflet();
    expect(before.page).toContain('15 working days');
    expect(before.pdf).toContain('15 working days');

    changedTo = '18';
    await setStageOneResponse('18');
    expect(plain(await page.locator('.govuk-notification-banner').textContent())).toContain('Timescales saved.');
    expect(await page.inputValue('#stage_1_response')).toBe('18');
    expect(await page.locator('#stage_1_response-hint').textContent()).toContain('Last changed by Margaret Lewis');

    const after = await adultLeaflet();
    expect(after.page).toContain('18 working days');
    expect(after.page).not.toContain('15 working days');
    expect(after.pdf).toContain('18 working days');

    // Saving the same figures again changes nothing, and says so.
    await setStageOneResponse('18');
    expect(plain(await page.locator('.govuk-notification-banner').textContent())).toContain('Nothing was changed');

    await setStageOneResponse('15');
    expect(plain(await page.locator('.govuk-notification-banner').textContent())).toContain('Timescales saved.');
    changedTo = null;
    const back = await adultLeaflet();
    expect(back.page).toContain('15 working days');
    expect(back.pdf).toContain('15 working days');
  });
});

describe('national office adds a non-working day and removes it again', () => {
  // A weekday about ten months ahead that is not a bank holiday: far enough not to move the due
  // dates other journeys check, should this one stop half-way.
  const calendar = createWorkingDayCalendar();
  const closure = calendar.nextWorkingDay(addDays(londonDateOf(new Date()), 300));
  const saturday = addDays(closure, 6 - dayOfWeek(closure));
  const typeDate = async (date: string) => {
    const { day, month, year } = isoDateParts(date);
    await page.fill('#date', String(day));
    await page.fill('#date-month', String(month));
    await page.fill('#date-year', String(year));
  };

  it('finds the page from the settings page, with no days added yet', async () => {
    await visit(page, `${backoffice}/admin/settings`);
    await page.click('main a[href="/admin/settings/non-working-days"]');
    await page.waitForURL(/\/admin\/settings\/non-working-days$/);
    await checkPage(page, { language: 'en' });
    expect(await page.locator('h1').textContent()).toBe('Non-working days');
    expect(await page.locator(`#remove-${closure}`).count()).toBe(0);
    await visit(page, `${backoffice}/admin/settings/non-working-days?lng=cy`, { language: 'cy' });
    await visit(page, `${backoffice}/admin/settings/non-working-days?lng=en`, { language: 'en' });
  });

  it('is told a weekend is not a working day already, and that a reason is needed', async () => {
    await typeDate(saturday);
    await submit('main form:has(#description) button[type="submit"]');
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.locator('a[href="#date"]').textContent()).toBe('The date is a Saturday or a Sunday, which is not a working day already');
    expect(await summary.locator('a[href="#description"]').textContent()).toBe('Enter why the service is not working that day');
    expect(await page.inputValue('#date-year')).toBe(String(isoDateParts(saturday).year));
  });

  it('adds the day, listed with its reason, and removes it with its own button', async () => {
    await typeDate(closure);
    await page.fill('#description', 'Office closed for the move to new premises');
    await submit('main form:has(#description) button[type="submit"]');
    expect(plain(await page.locator('.govuk-notification-banner').textContent())).toContain('is now a non-working day.');
    const row = page.locator('table tbody tr', { has: page.locator(`#remove-${closure}`) });
    expect(plain(await row.textContent())).toContain('Office closed for the move to new premises');
    expect(plain(await row.textContent())).toContain('Margaret Lewis');

    await submit(`#remove-${closure}`);
    expect(plain(await page.locator('.govuk-notification-banner').textContent())).toContain('is a working day again.');
    expect(await page.locator(`#remove-${closure}`).count()).toBe(0);
  });
});

describe('national office changes the retention period', () => {
  it('is told what is wrong on the settings page with what was typed kept, then saves a new period, and puts six back', async () => {
    await setRetentionYears('0');
    expect(plain(await page.locator('.govuk-error-summary').textContent())).toContain('Enter a number of years from 1 to 50');
    expect(plain(await page.locator('#retentionYears-error').textContent())).toContain('Enter a number of years from 1 to 50');
    expect(await page.inputValue('#retentionYears')).toBe('0');
    // The other form on the page keeps its choice.
    expect(await page.locator('input[name="automaticAcknowledgementApproval"]:checked').count()).toBe(1);

    retentionChanged = true;
    await setRetentionYears('7');
    expect(page.url()).toMatch(/\/admin\/settings\?done=retention$/);
    expect(plain(await page.locator('.govuk-notification-banner').textContent())).toContain('complaints are anonymised 7 years after they are closed or withdrawn');
    expect(await page.inputValue('#retentionYears')).toBe('7');
    expect(plain(await page.locator('main').textContent())).toContain('A complaint is anonymised 7 years after it is closed or withdrawn');

    await visit(page, `${backoffice}/admin/settings?lng=cy`, { language: 'cy' });
    expect(plain(await page.locator('label[for="retentionYears"]').textContent())).toContain('Nifer y blynyddoedd y cedwir cwyn');
    await visit(page, `${backoffice}/admin/settings?lng=en`, { language: 'en' });

    await setRetentionYears('6');
    retentionChanged = false;
    expect(await page.inputValue('#retentionYears')).toBe('6');
  });
});
