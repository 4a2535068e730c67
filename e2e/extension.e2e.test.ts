import { createWorkingDayCalendar, londonDateOf } from '@complaints/domain';
import { extractPdfText } from '@complaints/documents/testing';
import { dateInWords } from '@complaints/services';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { emailTo } from './support/mail';
import { checkPage, visit } from './support/pages';
import { DEMO_STAFF, signInAs } from './support/staff';

/**
 * A manager who needs more time: the complaint is logged, acknowledged and investigated; the
 * manager extends the stage's timescale (a date past the maximum is refused on the page, with
 * the limits), the extension letter is written as a draft, goes through quality assurance and is
 * sent; the complainant's email and the PDF carry the new date, the reason and the Ombudsman's
 * details, and the case page shows the date moved. Every page is checked with axe-core.
 */

const backoffice = inject('backofficeUrl');
const plain = (text: string) => text.replace(/\s+/g, ' ');

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function staffPage(email: string): Promise<Page> {
  const { context, page } = await newPage(browser);
  contexts.push(context);
  await signInAs(page, email, { baseUrl: backoffice });
  return page;
}

async function submit(page: Page, selector = 'main form[method="post"] button[type="submit"] >> nth=0') {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  await checkPage(page);
}

const done = (page: Page) => new URL(page.url()).searchParams.get('done');
const main = async (page: Page) => plain((await page.locator('main').textContent()) ?? '');

async function typeDate(page: Page, id: string, isoDate: string) {
  const [year, month, day] = isoDate.split('-');
  await page.fill(`#${id}`, String(Number(day)));
  await page.fill(`#${id}-month`, String(Number(month)));
  await page.fill(`#${id}-year`, year!);
}

const calendar = createWorkingDayCalendar();
const today = londonDateOf(new Date());
const firstDue = calendar.addWorkingDays(today, 15);
// Within the stage's maximum of 10 working days; 11 is one too many.
const newDue = calendar.addWorkingDays(firstDue, 7);
const tooLate = calendar.addWorkingDays(firstDue, 11);
const reason = 'We are waiting for the notes of a meeting held in another office, which we need to answer your second point.';

describe('a manager extends the timescale and the letter goes through quality assurance', () => {
  const complainantEmail = `extension.${Date.now()}@example.com`;
  let administrator: Page;
  let complaintUrl = '';
  let letterUrl = '';

  beforeAll(async () => {
    administrator = await staffPage(DEMO_STAFF.csq_administrator);
  });

  it('is logged, assigned and acknowledged', async () => {
    await visit(administrator, `${backoffice}/complaints/log?kind=complaint`);
    await administrator.check('input[name="channel"][value="email"]');
    await typeDate(administrator, 'receivedOn', today);
    await administrator.check('input[name="role"][value="parent_or_carer"]');
    await administrator.fill('#fullName', 'Robin Taylor');
    await administrator.fill('#email', complainantEmail);
    await administrator.check('input[name="preferredContact"][value="email"]');
    await administrator.check('input[name="language"][value="en"]');
    await administrator.check('input[name="audience"][value="adult"]');
    await administrator.selectOption('#serviceAreaId', { label: 'North East and Cumbria' });
    await administrator.fill('#point-1', 'Nobody told me the meeting had moved.');
    await administrator.check('input[name="privacyAccepted"]');
    await submit(administrator, 'button[value="log"]');
    expect(done(administrator)).toBe('logged');
    complaintUrl = administrator.url().split('?')[0]!;

    await visit(administrator, `${complaintUrl}/assign`);
    const manager = await administrator.locator('main label:text-is("David Brown")').getAttribute('for');
    await administrator.check(`[id="${manager}"]`);
    await submit(administrator);
    expect(done(administrator)).toBe('assigned');

    await visit(administrator, `${complaintUrl}/acknowledge`);
    await submit(administrator);
    expect(done(administrator)).toBe('submitted');
    const acknowledgement = administrator.url().split('?')[0]!;
    const csq = await staffPage(DEMO_STAFF.csq_manager);
    await visit(csq, acknowledgement);
    await submit(csq, 'button[value="approve"]');
    await visit(administrator, acknowledgement);
    await submit(administrator, 'main form:has(input[value="send"]) button');
    expect(done(administrator)).toBe('moved');
  });

  it('is extended by its manager, after a date past the maximum is refused with the limits', async () => {
    const manager = await staffPage(DEMO_STAFF.responding_manager);
    await visit(manager, `${complaintUrl}/extend`);
    const page = await main(manager);
    expect(page).toContain(dateInWords(firstDue, 'en', { weekday: true }));
    expect(page).toContain(dateInWords(calendar.addWorkingDays(firstDue, 10), 'en', { weekday: true }));

    await submit(manager);
    expect(await manager.title()).toMatch(/^Error: /);
    expect(await manager.locator('.govuk-error-summary').textContent()).toContain('Enter the new response date');

    await typeDate(manager, 'newDueOn', tooLate);
    await manager.fill('#reason', reason);
    await submit(manager);
    const summary = plain((await manager.locator('.govuk-error-summary').textContent()) ?? '');
    expect(summary).toContain(`must be on or before ${dateInWords(calendar.addWorkingDays(firstDue, 10), 'en', { weekday: true })}`);
    // What was typed is kept.
    expect(await manager.inputValue('#reason')).toBe(reason);

    await typeDate(manager, 'newDueOn', newDue);
    await submit(manager);
    expect(done(manager)).toBe('moved');
    const timescales = await main(manager);
    expect(timescales).toContain(dateInWords(newDue, 'en', { weekday: true }));

    // The extension letter waits as a draft; it cannot be sent before quality assurance.
    const extension = await manager.locator('main tbody tr:has-text("Extension") a[href*="/letters/"]:not([href$="/pdf"])').getAttribute('href');
    letterUrl = `${backoffice}${extension}`;
    await visit(manager, letterUrl);
    expect(await main(manager)).toContain(reason);
    expect(await manager.locator('main form:has(input[value="send"])').count()).toBe(0);
    await submit(manager, '#submit');
    expect(done(manager)).toBe('submitted');

    // Only one extension a stage: the page now says so rather than offer the form.
    await visit(manager, `${complaintUrl}/extend`);
    expect(await manager.locator('#newDueOn').count()).toBe(0);
    expect(await main(manager)).toContain(reason);
  });

  it('is approved by the CSQ manager and sent, with the new date, the reason and the Ombudsman', async () => {
    const csq = await staffPage(DEMO_STAFF.csq_manager);
    await visit(csq, letterUrl);
    await submit(csq, 'button[value="approve"]');
    expect(done(csq)).toBe('approved');
    await visit(administrator, letterUrl);
    await submit(administrator, 'main form:has(input[value="send"]) button');
    expect(done(administrator)).toBe('moved');

    const mail = await emailTo(complainantEmail, dateInWords(newDue, 'en'));
    expect(plain(mail.text)).toContain(reason);
    expect(mail.attachments).toHaveLength(1);
    const pdf = plain((await extractPdfText(mail.attachments[0]!.bytes)).text);
    expect(pdf).toContain(dateInWords(newDue, 'en'));
    expect(pdf).toContain(reason);
    expect(pdf).toContain('Parliamentary and Health Service Ombudsman');
    expect(pdf).not.toContain('Public Services Ombudsman for Wales');

    await visit(administrator, complaintUrl);
    expect(await main(administrator)).toContain(dateInWords(newDue, 'en', { weekday: true }));
  });

  it('is paused naming the letter that asked for something, and starts again when it arrives', async () => {
    const manager = await staffPage(DEMO_STAFF.responding_manager);
    await visit(manager, `${complaintUrl}/pause`);
    await submit(manager);
    expect(await manager.title()).toMatch(/^Error: /);
    expect(await manager.locator('.govuk-error-summary').textContent()).toContain('Select the letter or email that asked for it');
    await manager.check('input[name="askedIn"] >> nth=0');
    await manager.fill('#reason', 'The dates of the meetings you say were moved.');
    await submit(manager);
    expect(done(manager)).toBe('moved');
    expect(await manager.locator('[data-move="resume_clock"]').count()).toBe(1);

    await visit(administrator, `${complaintUrl}/information`);
    await administrator.check('input[name="method"][value="email"]');
    await typeDate(administrator, 'occurredOn', today);
    await administrator.fill('#summary', 'The meetings were on 2 and 9 November.');
    await submit(administrator, 'button[value="save"]');
    await visit(administrator, complaintUrl);
    expect(await administrator.locator('[data-move="resume_clock"]').count()).toBe(0);
    expect(await administrator.locator('[data-move="pause_clock"]').count()).toBe(1);
  });
});
