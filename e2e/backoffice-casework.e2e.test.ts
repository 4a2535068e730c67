import { readFileSync } from 'node:fs';
import { createWorkingDayCalendar, londonDateOf } from '@complaints/domain';
import { extractPdfText, printedTrackingCode } from '@complaints/documents/testing';
import { dateInWords } from '@complaints/services';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { checkPage, visit } from './support/pages';
import { emailTo } from './support/mail';
import { DEMO_STAFF, signInAs } from './support/staff';

const backoffice = inject('backofficeUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const plain = (text: string) => text.replace(/\s+/g, ' ');

async function submit(page: Page, selector = 'main form[method="post"] button[type="submit"] >> nth=0') {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.click(selector)]);
}

/** What the case page lists under "What to do next" (the steps, or the sentence saying there are none). */
async function whatToDoNext(page: Page): Promise<string> {
  return plain((await page.locator('main h2:has-text("What to do next") + *').textContent())!);
}

const today = londonDateOf(new Date());
const [year, month, day] = today.split('-');

/** Types today's date into the "date it arrived" fields, as a person would: no leading zeros. */
async function enterReceivedToday(page: Page): Promise<void> {
  await page.fill('#receivedOn', String(Number(day)));
  await page.fill('#receivedOn-month', String(Number(month)));
  await page.fill('#receivedOn-year', year!);
}
const responseDue = createWorkingDayCalendar().addWorkingDays(today, 15);

describe('a CSQ administrator takes a complaint that came by post from logging to the acknowledgement', () => {
  let page: Page;
  let complaintUrl = '';
  let reference = '';
  const complainantEmail = `jo.bloggs.${Date.now()}@example.com`;

  beforeAll(async () => {
    ({ page } = await newPage(browser));
    await signInAs(page, DEMO_STAFF.csq_administrator, { baseUrl: backoffice });
  });

  it('starts on the new complaints queue, with its warnings, in English and Welsh', async () => {
    await visit(page, `${backoffice}/queues`, { language: 'en' });
    expect(new URL(page.url()).pathname).toBe('/queues/new');
    expect(await page.locator('h1').textContent()).toBe('New complaints');
    await visit(page, `${backoffice}/queues/new?rag=amber&sort=reference&lng=cy`, { language: 'cy' });
    expect(await page.locator('h1').textContent()).toBe('Cwynion newydd');
    await visit(page, `${backoffice}/dashboard?lng=cy`, { language: 'cy' });
    await visit(page, `${backoffice}/dashboard?lng=en`, { language: 'en' });
  });

  it('asks what has come in first, and says so when nothing is chosen', async () => {
    await visit(page, `${backoffice}/complaints/log`, { language: 'en' });
    await submit(page, 'main form[method="get"] button[type="submit"]');
    await checkPage(page, { language: 'en' });
    expect(await page.title()).toMatch(/^Error: /);
    await page.check('input[name="kind"][value="complaint"]');
    await submit(page, 'main form[method="get"] button[type="submit"]');
    await checkPage(page);
    expect(await page.locator('h1').textContent()).toBe('Log a complaint');
  });

  it('shows every problem with the form at once, keeping what was typed', async () => {
    await page.fill('#fullName', 'Jo Bloggs');
    await page.fill('#receivedOn', '31');
    await page.fill('#receivedOn-month', '2');
    await page.fill('#receivedOn-year', year!);
    await submit(page, 'button[value="log"]');
    await checkPage(page);
    expect(await page.title()).toMatch(/^Error: /);
    const summary = await page.locator('.govuk-error-summary').textContent();
    expect(summary).toContain('Select how it reached us');
    expect(summary).toContain('The date it reached us must be a real date');
    expect(summary).toContain('Enter at least one thing they told us');
    expect(await page.inputValue('#fullName')).toBe('Jo Bloggs');
  });

  it('logs it with the day it arrived, who sent it and each point in its own box', async () => {
    await page.check('input[name="channel"][value="letter"]');
    await enterReceivedToday(page);
    await page.check('input[name="role"][value="parent_or_carer"]');
    await page.fill('#email', complainantEmail);
    await page.fill('#phone', '07700 900 123');
    await page.fill('#postalAddress', '1 High Street\nCarlisle');
    await page.fill('#postcode', 'CA1 1AA');
    await page.check('input[name="preferredContact"][value="email"]');
    await page.check('input[name="safeToLeaveVoicemail"][value="no"]');
    await page.check('input[name="language"][value="en"]');
    await page.check('input[name="audience"][value="adult"]');
    await page.selectOption('#serviceAreaId', { label: 'North East and Cumbria' });
    await page.selectOption('#teamId', { label: 'Carlisle' });
    await page.selectOption('#practitionerId', { label: 'Lucy Bell' });
    // The name as the complainant wrote it: the record's name written another way.
    await page.fill('#practitionerNameGiven', 'lucy  BELL');
    await page.fill('#point-1', 'Nobody returned my calls for three weeks.');
    await page.fill('#point-2', 'The report says I missed a meeting, which the court relied on.');
    await submit(page, 'button[value="add-point"]');
    await checkPage(page);
    expect(await page.locator('#point-4').count()).toBe(1);
    expect(await page.inputValue('#point-2')).toContain('the court relied on');
    await page.fill('#point-3', 'My letter was sent to my old address.');
    await page.check('input[name="privacyAccepted"]');
    await submit(page, 'button[value="log"]');
    await checkPage(page, { language: 'en' });
    expect(new URL(page.url()).searchParams.get('done')).toBe('logged');
    complaintUrl = page.url().split('?')[0]!;
    reference = (await page.locator('h1').textContent())!.trim();
    expect(reference).toMatch(/^CMP-/);
    // The safety note is the first thing on the page after the heading.
    expect(await page.locator('.govuk-warning-text').first().textContent()).toContain('Do not leave voicemail.');
    expect(plain((await page.locator('main').textContent())!)).toContain('Letter');
    // The practitioner is named once: the name they gave is the record's, written another way.
    const practitionerRow = page.locator('.govuk-summary-list__row', { has: page.locator('dt', { hasText: /^\s*Practitioner\s*$/ }) });
    expect(plain((await practitionerRow.locator('dd').first().textContent())!).trim()).toBe('Lucy Bell');
  });

  it('triages the three points one by one, one of them a matter for the court', async () => {
    await page.click('text=Triage the points');
    await checkPage(page);
    expect(await page.locator('h1').textContent()).toBe('Triage point 1 of 3');
    await page.check('input[name="categoryKey"][value="communication"]');
    await page.check('input[name="outcome"][value="organisation"]');
    await page.fill('#reason', 'Returning calls is our own work.');
    await submit(page);
    await checkPage(page);
    expect(await page.locator('h1').textContent()).toBe('Triage point 2 of 3');
    await page.check('input[name="categoryKey"][value="quality_of_work"]');
    await page.check('input[name="outcome"][value="court"]');
    await page.fill('#reason', 'What the court made of the report is for the court.');
    await submit(page);
    await checkPage(page);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter how they can raise it with the court');
    await page.fill('#courtRoute', 'Ask your solicitor to raise it at the next hearing, or write to the court.');
    await submit(page);
    await checkPage(page);
    await page.check('input[name="categoryKey"][value="data_and_confidentiality"]');
    await page.check('input[name="outcome"][value="organisation"]');
    await page.fill('#reason', 'We used an old address.');
    await submit(page);
    await checkPage(page);
    expect(page.url()).toBe(`${complaintUrl}?done=triaged`);
    expect(await page.locator('main').textContent()).toContain('3 of 3 triaged, 1 for the court');
  });

  it('cannot write the acknowledgement yet, and says why', async () => {
    expect(await page.locator('[data-held-back="prepare_acknowledgement"]').textContent()).toContain('assign a responding manager first');
    // With every point triaged, what is left to do is the manager; triage again is there, but not as a step to take.
    const next = await whatToDoNext(page);
    expect(next).toContain('Assign a manager');
    expect(next).not.toContain('Triage the points');
    await visit(page, `${complaintUrl}/acknowledge?lng=cy`, { language: 'cy' });
    await visit(page, `${complaintUrl}/acknowledge?lng=en`, { language: 'en' });
    expect(await page.locator('main').textContent()).toContain('assign a responding manager first');
  });

  it("assigns the manager of the practitioner's team, suggested first, and the manager is emailed at once", async () => {
    await visit(page, complaintUrl);
    await page.click('text=Assign a manager');
    await checkPage(page);
    const first = page.locator('input[name="responderId"]').first();
    expect(await page.locator(`label[for="${await first.getAttribute('id')}"]`).textContent()).toBe('Sarah Wilson');
    await first.check();
    await submit(page);
    await checkPage(page);
    expect(page.url()).toBe(`${complaintUrl}?done=assigned`);
    const notice = await emailTo('sarah.wilson@example.org', reference);
    expect(notice.text).toContain(complaintUrl.replace(backoffice, ''));
    expect(notice.text).not.toContain('Jo Bloggs');
    expect(notice.text).not.toContain('Nobody returned my calls');
  });

  it('writes the acknowledgement naming the manager, the date and how to reach them; it goes once the CSQ manager approves it, in the PDF and the email alike', async () => {
    await page.click('text=Write the acknowledgement');
    await checkPage(page);
    const preview = plain((await page.locator('main').textContent())!);
    expect(preview).toContain(`It will go by email to ${complainantEmail}`);
    expect(preview).toContain('Sarah Wilson');
    await submit(page);
    await checkPage(page);
    expect(new URL(page.url()).searchParams.get('done')).toBe('submitted');
    const letterUrl = page.url().split('?')[0]!;
    // Nothing is sent before quality assurance.
    expect(await page.locator('main form:has(input[value="send"])').count()).toBe(0);
    const { context: qaContext, page: qa } = await newPage(browser);
    await signInAs(qa, DEMO_STAFF.csq_manager, { baseUrl: backoffice });
    await visit(qa, letterUrl);
    await submit(qa, 'button[value="approve"]');
    await checkPage(qa);
    expect(new URL(qa.url()).searchParams.get('done')).toBe('approved');
    await qaContext.close();
    await visit(page, letterUrl);
    await submit(page, 'main form:has(input[value="send"]) button');
    await checkPage(page);
    expect(page.url()).toBe(`${complaintUrl}?done=moved`);

    const due = dateInWords(responseDue, 'en', { weekday: true });
    await page.click('main a:has-text("View")');
    await checkPage(page);
    const pdfHref = await page.locator('a[href$="/pdf"]').getAttribute('href');
    const pdfResponse = await page.context().request.get(`${backoffice}${pdfHref}`);
    expect(pdfResponse.status()).toBe(200);
    expect(pdfResponse.headers()['content-disposition']).toMatch(/^attachment;/);
    const pdf = plain((await extractPdfText(await pdfResponse.body())).text);
    const phone = /Phone: (0300 123 \d{4})/.exec(pdf)?.[1];
    expect(phone).toBeDefined();
    for (const fact of ['Sarah Wilson', due, phone!, 'sarah.wilson@example.org', 'Ask your solicitor to raise it at the next hearing']) expect(pdf).toContain(fact);

    const email = await emailTo(complainantEmail, reference);
    for (const part of [plain(email.text), plain(email.html)]) {
      for (const fact of ['Sarah Wilson', due, phone!, 'sarah.wilson@example.org']) expect(part).toContain(fact);
    }
    expect(email.attachments.map((a) => a.name)).toEqual([`${reference}-acknowledgement.pdf`]);
    const attached = plain((await extractPdfText(email.attachments[0]!.bytes)).text);
    for (const fact of ['Sarah Wilson', due, phone!, 'sarah.wilson@example.org']) expect(attached).toContain(fact);
  });

  it('after the acknowledgement, "What to do next" no longer offers triage or a manager, both done', async () => {
    await visit(page, complaintUrl);
    const next = await whatToDoNext(page);
    expect(next).not.toContain('Triage the points');
    expect(next).not.toContain('Assign a manager');
    // Both are still there for a change of mind, among the other things the table allows.
    const other = plain((await page.locator('[data-other-moves]').textContent())!);
    expect(other).toContain('Triage the points');
    expect(other).toContain('Assign a manager');
  });

  it("downloads the family's welcome pack, naming the case's reference and its practitioner, in English for an adult", async () => {
    await visit(page, complaintUrl);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('main a:has-text("Welcome pack for this family")')]);
    expect(download.suggestedFilename()).toBe(`welcome-pack-${reference.toLowerCase()}-en.pdf`);
    const bytes = readFileSync((await download.path())!);
    const read = await extractPdfText(bytes);
    expect(read.language).toBe('en-GB');
    const text = plain(read.text);
    expect(text).toContain(reference);
    expect(text).toContain('Lucy Bell');
  });

  it('shows the whole case in Welsh, with its history', async () => {
    await visit(page, `${complaintUrl}?lng=cy`, { language: 'cy' });
    const text = plain((await page.locator('main').textContent())!);
    expect(text).toContain("Wedi'i chydnabod");
    expect(text).toContain("Cydnabyddiaeth wedi'i anfon drwy e-bost");
    await visit(page, `${complaintUrl}?lng=en`, { language: 'en' });
  });

  it('shows every casework page and its problems in Welsh too', async () => {
    await visit(page, `${backoffice}/complaints/log?lng=cy`, { language: 'cy' });
    await visit(page, `${backoffice}/complaints/log?kind=feedback&lng=cy`, { language: 'cy' });
    await submit(page, 'button[value="log"]');
    await checkPage(page, { language: 'cy' });
    expect(await page.title()).toMatch(/^Gwall: /);
    await visit(page, `${complaintUrl}/assign?lng=cy`, { language: 'cy' });
    await submit(page);
    await checkPage(page, { language: 'cy' });
    await visit(page, complaintUrl);
    const triage = await page.locator('main a[href*="/triage/"]').first().getAttribute('href');
    await visit(page, `${backoffice}${triage}`, { language: 'cy' });
    await page.fill('#reason', '');
    await submit(page);
    await checkPage(page, { language: 'cy' });
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Rhowch pam');
    await visit(page, complaintUrl);
    const letter = await page.locator('main a[href*="/letters/"]:not([href$="/pdf"])').first().getAttribute('href');
    await visit(page, `${backoffice}${letter}?lng=cy`, { language: 'cy' });
    await visit(page, `${backoffice}${letter}?lng=en`, { language: 'en' });
  });

  it('is not there at all for an administrator of another area', async () => {
    const { context, page: other } = await newPage(browser);
    await signInAs(other, DEMO_STAFF.csq_administrator_south, { baseUrl: backoffice });
    await visit(other, complaintUrl, { status: 404 });
    await visit(other, `${complaintUrl}/acknowledge`, { status: 404 });
    await context.close();
  });
});

describe('a complainant who asked for post only', () => {
  it('gets a letter to print with a tracking code on it', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, DEMO_STAFF.csq_administrator, { baseUrl: backoffice });
    await visit(page, `${backoffice}/complaints/log?kind=complaint`);
    await page.check('input[name="channel"][value="phone"]');
    await enterReceivedToday(page);
    await page.check('input[name="role"][value="family_member"]');
    await page.fill('#fullName', 'Sam Post');
    await page.fill('#postalAddress', '2 Low Road\nHexham');
    await page.fill('#postcode', 'NE46 1AA');
    await page.check('input[name="preferredContact"][value="post"]');
    await page.check('input[name="safeToSendPost"][value="yes"]');
    await page.check('input[name="language"][value="cy"]');
    await page.check('input[name="audience"][value="adult"]');
    await page.selectOption('#serviceAreaId', { label: 'North East and Cumbria' });
    await page.fill('#point-1', 'Ni ffoniodd neb fi yn ôl.');
    await page.check('input[name="privacyAccepted"]');
    await submit(page, 'button[value="log"]');
    await checkPage(page);
    const url = page.url().split('?')[0]!;
    await visit(page, `${url}/assign`);
    await page.locator('input[name="responderId"]').first().check();
    await submit(page);
    await visit(page, `${url}/acknowledge?lng=cy`, { language: 'cy' });
    expect(plain((await page.locator('main').textContent())!)).toContain("Bydd yn mynd i'r ciw argraffu");
    await submit(page);
    await checkPage(page, { language: 'cy' });
    expect(new URL(page.url()).searchParams.get('done')).toBe('submitted');
    const letterUrl = page.url().split('?')[0]!;
    const { context: qaContext, page: qa } = await newPage(browser);
    await signInAs(qa, DEMO_STAFF.csq_manager, { baseUrl: backoffice });
    await visit(qa, letterUrl);
    await submit(qa, 'button[value="approve"]');
    await qaContext.close();
    await visit(page, letterUrl);
    await submit(page, 'main form:has(input[value="send"]) button');
    await checkPage(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('form[action$="/print"] button')]);
    const printed = plain((await extractPdfText(readFileSync((await download.path())!))).text);
    expect(printed).toContain('Eich cod dilyn');
    expect(printedTrackingCode(printed)).toBeDefined();
    expect(printed).toContain('2 Low Road');
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('filters a queue and shows a form’s problems', async () => {
    const { context, page } = await newPage(browser, { javaScript: false });
    await signInAs(page, DEMO_STAFF.national_office, { baseUrl: backoffice });
    await visit(page, `${backoffice}/queues/all`);
    await page.selectOption('#rag', 'red');
    await submit(page, 'main form[method="get"] button[type="submit"]');
    await checkPage(page);
    expect(new URL(page.url()).searchParams.get('rag')).toBe('red');
    const tags = await page.locator('tbody .govuk-tag--red').count();
    expect(tags).toBeGreaterThan(0);
    await page.click('th a:has-text("Reference")');
    await checkPage(page);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('reference');
    await visit(page, `${backoffice}/complaints/log?kind=correspondence`);
    await submit(page, 'button[value="log"]');
    await checkPage(page);
    expect(await page.title()).toMatch(/^Error: /);
    await context.close();
  });
});
