import { createWorkingDayCalendar, londonDateOf } from '@complaints/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { checkPage, visit } from './support/pages';
import { DEMO_STAFF, signInAs } from './support/staff';

/**
 * A manager reviews the work complained about, and the Ombudsman looks at another complaint. The
 * manager records which practitioner a point is about at triage, then a management review of that
 * point against the quality framework; a complaint answered at stage 1 goes to the Ombudsman with
 * one enquiry, which shows on the queues with its warning, is answered on time, and the Ombudsman
 * finds it partly upheld with one recommendation (its action, owner and due date), from which
 * national office raises national learning, and which is later done with evidence. Every page is
 * checked with axe-core.
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

const main = async (page: Page) => plain((await page.locator('main').textContent()) ?? '');

async function typeDate(page: Page, id: string, isoDate: string) {
  const [year, month, day] = isoDate.split('-');
  await page.fill(`#${id}`, String(Number(day)));
  await page.fill(`#${id}-month`, String(Number(month)));
  await page.fill(`#${id}-year`, year!);
}

/** The first complaint a queue lists, by its case page's address. */
async function firstInQueue(page: Page, path: string): Promise<string> {
  await visit(page, `${backoffice}${path}`);
  const href = await page.locator('main table a[href^="/complaints/"]').first().getAttribute('href');
  expect(href, `a complaint in ${path}`).toBeTruthy();
  return `${backoffice}${href}`;
}

const calendar = createWorkingDayCalendar();
const today = londonDateOf(new Date());

describe('a management review of a point about a practitioner', () => {
  it('is recorded by the manager after triage names the practitioner, against the framework version in use', async () => {
    const manager = await staffPage('sarah.wilson@example.org');
    const caseUrl = await firstInQueue(manager, '/queues/mine?state=investigating&kind=complaint');
    await visit(manager, caseUrl);

    // Triage says which practitioner the first point is about.
    await Promise.all([manager.waitForNavigation({ waitUntil: 'load' }), manager.locator('main a[href*="/triage/"]').first().click()]);
    await checkPage(manager);
    await manager.check('input[name="categoryKey"][value="quality_of_work"]');
    await manager.check('input[name="outcome"][value="organisation"]');
    await manager.fill('#reason', 'It is about how the report was written.');
    await manager.selectOption('#practitionerId', { label: 'Mark Dixon' });
    await submit(manager);
    await visit(manager, caseUrl);
    expect(await main(manager)).toMatch(/Practitioner it is about\s*Mark Dixon/);

    // The review of that point starts from its practitioner and their team.
    await Promise.all([manager.waitForNavigation({ waitUntil: 'load' }), manager.click('main a[data-review-point="1"]')]);
    await checkPage(manager);
    expect(await manager.locator('#practitionerId').inputValue()).not.toBe('');
    expect(await manager.locator('#practitionerId option:checked').textContent()).toBe('Mark Dixon');
    expect(await manager.locator('input[name="pointId"]:checked').count()).toBe(1);
    const version = await manager.getAttribute('[data-framework-version]', 'data-framework-version');

    // Sent with nothing graded: every problem named, on the same page, titled "Error:".
    await submit(manager);
    expect(await manager.title()).toMatch(/^Error: /);
    expect(await manager.locator('.govuk-error-summary a').count()).toBeGreaterThan(3);
    expect(await manager.locator('input[name="pointId"]:checked').count()).toBe(1);

    const grades = ['requires_improvement', 'good', 'good', 'outstanding', 'requires_improvement', 'good'];
    const domains = await manager.locator('main textarea[name^="evidence."]').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).name.slice('evidence.'.length)));
    expect(domains.length).toBeGreaterThan(0);
    for (const [i, key] of domains.entries()) {
      await manager.check(`input[name="grade.${key}"][value="${grades[i % grades.length]}"]`);
      await manager.fill(`textarea[name="evidence.${key}"]`, `The case record for ${key}, entries of 2 and 9 October.`);
    }
    await manager.check('input[name="overallGrade"][value="requires_improvement"]');
    await manager.fill('#failings', 'The report did not set out the child’s wishes in their own words.');
    await submit(manager);
    expect(manager.url()).toContain(new URL(caseUrl).pathname);
    const text = await main(manager);
    expect(text).toContain('Point 1');
    expect(text).toContain('Mark Dixon');
    expect(text).toMatch(new RegExp(`Quality framework version\\s*${version}`));
    expect(text).toContain('Management review recorded');
  }, 240_000);
});

describe('the Ombudsman', () => {
  let national: Page;
  let caseUrl = '';
  const dueOn = calendar.addWorkingDays(today, 20);
  const recommendationDue = calendar.addWorkingDays(today, 30);

  beforeAll(async () => {
    national = await staffPage(DEMO_STAFF.national_office);
  });

  it('records a referral with its first enquiry, which shows on the queues with its warning', async () => {
    caseUrl = await firstInQueue(national, '/queues/all?state=response_sent&kind=complaint');
    await visit(national, caseUrl);
    await Promise.all([national.waitForNavigation({ waitUntil: 'load' }), national.click(`main a[href="${new URL(caseUrl).pathname}/ombudsman"]`)]);
    await checkPage(national);
    // A deadline before the referral is refused on the page, what was typed kept.
    await typeDate(national, 'referredOn', today);
    await national.fill('#theirReference', 'PHSO-E2E-1');
    await typeDate(national, 'replyDueOn', calendar.addWorkingDays(today, -3));
    await national.fill('#enquiry', 'The case file and the notes of the home visit.');
    await submit(national);
    expect(await national.title()).toMatch(/^Error: /);
    expect(await national.locator('.govuk-error-summary a[href="#replyDueOn"]').count()).toBe(1);
    expect(await national.inputValue('#theirReference')).toBe('PHSO-E2E-1');
    await typeDate(national, 'replyDueOn', dueOn);
    await submit(national);
    const text = await main(national);
    expect(text).toContain('PHSO-E2E-1');
    expect(text).toContain('Enquiry 1');
    expect(text).toContain('The case file and the notes of the home visit.');
    expect(text).toContain('On time');

    // On the queue of complaints with the Ombudsman, due when the enquiry is, with the same warning as any complaint.
    await visit(national, `${backoffice}/queues/all?state=with_ombudsman&rag=green`);
    const row = national.locator(`main table tr:has(a[href="${new URL(caseUrl).pathname}"])`);
    expect(await row.count()).toBe(1);
    expect(plain((await row.textContent()) ?? '')).toContain('On time');
    expect(await row.locator('.govuk-tag--green').count()).toBe(1);
  }, 240_000);

  it('records our reply, sent on time, with what was sent', async () => {
    await visit(national, caseUrl);
    await Promise.all([national.waitForNavigation({ waitUntil: 'load' }), national.click('main a[href*="/ombudsman/enquiries/"][href$="/reply"]')]);
    await checkPage(national);
    await typeDate(national, 'sentOn', today);
    await national.fill('#reply', 'The case file, the visit notes of 2 and 9 October and our two letters.');
    await submit(national);
    const text = await main(national);
    expect(text).toMatch(/Sent .+, on time/);
    expect(text).toContain('Reply sent to the Ombudsman');
    // Nothing owed now: no warning on the enquiry.
    expect(await national.locator('[data-ombudsman-referral] .govuk-tag').count()).toBe(0);
  }, 120_000);

  it('records the finding, partly upheld, with one recommendation: its action, owner and due date', async () => {
    await visit(national, `${caseUrl}/ombudsman/outcome`);
    await national.check('input[name="finding"][value="partly_upheld"]');
    await typeDate(national, 'findingOn', today);
    // A recommendation half filled in says what it lacks.
    await national.fill('#recommendations-0-action', 'Apologise in writing for the delay in returning calls.');
    await submit(national);
    expect(await national.title()).toMatch(/^Error: /);
    expect(await national.locator('.govuk-error-summary a[href="#recommendations-0-owner"]').count()).toBe(1);
    expect(await national.locator('.govuk-error-summary a[href="#recommendations-0-dueOn"]').count()).toBe(1);
    expect(await national.inputValue('#recommendations-0-action')).toBe('Apologise in writing for the delay in returning calls.');
    await national.fill('#recommendations-0-owner', 'Head of Service, North East and Cumbria');
    await typeDate(national, 'recommendations-0-dueOn', recommendationDue);
    await submit(national);
    const text = await main(national);
    expect(text).toContain('Partly upheld');
    expect(text).toContain('Apologise in writing for the delay in returning calls.');
    expect(text).toContain('Head of Service, North East and Cumbria');
    // Not done yet: national office may record it done, from its row.
    expect(await national.locator('main a[href*="/ombudsman/recommendations/"]').count()).toBe(1);
  }, 120_000);

  it('raises national learning from the recommendation, listed in national learning and named by it', async () => {
    const recommendation = 'Apologise in writing for the delay in returning calls.';
    const learnt = `Families waited for calls while their practitioner was away (${Date.now()}).`;
    await visit(national, caseUrl);
    // Offered on the recommendation's own row, as national office may raise learning.
    const offered = national.locator('main a[data-raise-learning-from]');
    expect(await offered.count()).toBe(1);
    expect(plain((await offered.textContent()) ?? '')).toContain('Raise learning from this recommendation');
    await Promise.all([national.waitForNavigation({ waitUntil: 'load' }), offered.click()]);
    await checkPage(national);
    // The form starts from that recommendation, its action already filled in.
    const chosen = await national.locator('input[name="source"]:checked').getAttribute('value');
    expect(chosen).toMatch(/^ombudsman_recommendation:/);
    expect(await national.locator(`label[for="${await national.locator('input[name="source"]:checked').getAttribute('id')}"]`).textContent()).toContain(`Ombudsman recommendation: ${recommendation}`);
    expect(await national.inputValue('#action')).toBe(recommendation);

    // Sent without a level, what was learnt or a due date: refused on the same page, the source kept.
    await submit(national);
    expect(await national.title()).toMatch(/^Error: /);
    expect(await national.locator('.govuk-error-summary a[href="#level"]').count()).toBe(1);
    expect(await national.locator('.govuk-error-summary a[href="#learnt"]').count()).toBe(1);
    expect(await national.locator('input[name="source"]:checked').getAttribute('value')).toBe(chosen);

    await national.check('input[name="level"][value="national"]');
    await national.fill('#learnt', learnt);
    await national.fill('#action', 'Write to every team: calls are returned within two working days, covered when someone is away.');
    await typeDate(national, 'dueOn', recommendationDue);
    await submit(national);
    expect(new URL(national.url()).searchParams.get('done')).toBe('learning');
    expect(await main(national)).toContain('Learning raised (national)');

    // In national learning, and its page names the recommendation and links back to it.
    await visit(national, `${backoffice}/learning/national?status=all&sort=raised&direction=desc`);
    await Promise.all([national.waitForNavigation({ waitUntil: 'load' }), national.click(`main a:text-is("${learnt}")`)]);
    await checkPage(national);
    const point = await main(national);
    expect(point).toContain(`Ombudsman recommendation: ${recommendation}`);
    const back = national.locator('main a[data-learning-source="ombudsman_recommendation"]');
    expect(await back.getAttribute('href')).toMatch(new RegExp(`^${new URL(caseUrl).pathname}#ombudsman-recommendation-`));
    await Promise.all([national.waitForNavigation({ waitUntil: 'load' }), back.click()]);
    await checkPage(national);
    expect(await national.locator(`[id="${new URL(national.url()).hash.slice(1)}"]`).textContent()).toBe(recommendation);
  }, 240_000);

  it('records the recommendation done with its evidence', async () => {
    await visit(national, caseUrl);
    await Promise.all([national.waitForNavigation({ waitUntil: 'load' }), national.click('main a[href*="/ombudsman/recommendations/"]')]);
    await checkPage(national);
    await typeDate(national, 'doneOn', today);
    await national.fill('#evidence', 'The letter of apology, sent by email today.');
    await submit(national);
    const text = await main(national);
    expect(text).toContain('The letter of apology, sent by email today.');
    expect(text).toContain("One of the Ombudsman's recommendations done");
  }, 120_000);
});

describe('the quality framework', () => {
  it('is edited by national office, each save a new version', async () => {
    const national = await staffPage(DEMO_STAFF.national_office);
    await visit(national, `${backoffice}/admin/quality-framework`);
    const before = Number(await national.getAttribute('[data-framework-version]', 'data-framework-version'));
    await Promise.all([national.waitForNavigation({ waitUntil: 'load' }), national.click('main a[href="/admin/quality-framework/edit"]')]);
    await checkPage(national);
    // A new domain without its Welsh name is refused on the page.
    await national.selectOption('#items-6-dimension', 'outcome');
    await national.fill('#items-6-labelEn', 'Kept informed');
    await national.fill('#items-6-descriptionEn', 'The child and family knew what was happening and why.');
    await national.fill('#items-6-descriptionCy', 'Roedd y plentyn a’r teulu’n gwybod beth oedd yn digwydd a pham.');
    await submit(national, 'main form[method="post"] button[type="submit"]');
    expect(await national.title()).toMatch(/^Error: /);
    expect(await national.locator('.govuk-error-summary a[href="#items-6-labelCy"]').count()).toBe(1);
    await national.fill('#items-6-labelCy', 'Wedi cael gwybod');
    await submit(national, 'main form[method="post"] button[type="submit"]');
    expect(new URL(national.url()).pathname).toBe('/admin/quality-framework');
    expect(Number(await national.getAttribute('[data-framework-version]', 'data-framework-version'))).toBe(before + 1);
    expect(await main(national)).toContain('Kept informed');
    await visit(national, `${backoffice}/admin/quality-framework/versions/${before}`);
    expect(await main(national)).not.toContain('Kept informed');
  }, 240_000);
});
