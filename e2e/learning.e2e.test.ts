import { addDays, londonDateOf } from '@complaints/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { checkPage, visit } from './support/pages';
import { DEMO_STAFF, signInAs } from './support/staff';

/**
 * Learning from a complaint, followed up: a complaint is logged, acknowledged and investigated; its
 * manager records a management review and raises learning for the service area from it (a team
 * chosen without its team is refused on the page, with what was typed kept); the Head of Service
 * finds it in the service area's log and closes it with the evidence (refused first without it).
 * The case page and its history show it. Every page is checked with axe-core.
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

const today = londonDateOf(new Date());
const learnt = `Calls to families went unreturned for three weeks while the practitioner was on leave (${Date.now()}).`;
const action = 'Every team in the service area keeps a cover rota for calls.';
const evidence = 'Cover rotas in place in Newcastle and Carlisle from the first of the month; minutes of the managers’ meeting.';

describe('learning for a service area, raised from a management review and closed with evidence', () => {
  let administrator: Page;
  let manager: Page;
  let complaintUrl = '';
  let pointUrl = '';

  beforeAll(async () => {
    administrator = await staffPage(DEMO_STAFF.csq_administrator);
    manager = await staffPage(DEMO_STAFF.responding_manager);
  });

  it('is a complaint logged, acknowledged and under investigation, with a management review', async () => {
    await visit(administrator, `${backoffice}/complaints/log?kind=complaint`);
    await administrator.check('input[name="channel"][value="email"]');
    await typeDate(administrator, 'receivedOn', today);
    await administrator.check('input[name="role"][value="parent_or_carer"]');
    await administrator.fill('#fullName', 'Morgan Price');
    await administrator.fill('#email', `learning.${Date.now()}@example.com`);
    await administrator.check('input[name="preferredContact"][value="email"]');
    await administrator.check('input[name="language"][value="en"]');
    await administrator.check('input[name="audience"][value="adult"]');
    await administrator.selectOption('#serviceAreaId', { label: 'North East and Cumbria' });
    await administrator.fill('#point-1', 'Nobody returned my calls for three weeks.');
    await administrator.check('input[name="privacyAccepted"]');
    await submit(administrator, 'button[value="log"]');
    expect(done(administrator)).toBe('logged');
    complaintUrl = administrator.url().split('?')[0]!;

    await visit(administrator, `${complaintUrl}/assign`);
    const chosen = await administrator.locator('main label:text-is("David Brown")').getAttribute('for');
    await administrator.check(`[id="${chosen}"]`);
    await submit(administrator);
    await visit(administrator, `${complaintUrl}/acknowledge`);
    await submit(administrator);
    const acknowledgement = administrator.url().split('?')[0]!;
    const csq = await staffPage(DEMO_STAFF.csq_manager);
    await visit(csq, acknowledgement);
    await submit(csq, 'button[value="approve"]');
    await visit(administrator, acknowledgement);
    await submit(administrator, 'main form:has(input[value="send"]) button');
    expect(done(administrator)).toBe('moved');

    await visit(manager, complaintUrl);
    await submit(manager, '[data-move="start_investigation"] button');
    await visit(manager, `${complaintUrl}/management-review`);
    for (const name of await manager.locator('input[type="radio"][name^="grade."]').evaluateAll((inputs) => [...new Set(inputs.map((i) => (i as HTMLInputElement).name))])) {
      await manager.check(`input[name="${name}"][value="requires_improvement"]`);
      await manager.fill(`[id="evidence-${name.slice('grade.'.length)}"]`, 'Case record, calls log of October.');
    }
    await manager.check('input[name="overallGrade"][value="requires_improvement"]');
    await manager.fill('#failings', 'Calls went unreturned while the practitioner was away.');
    await manager.selectOption('#teamId', { label: 'Newcastle' });
    await submit(manager);
    expect(done(manager)).toBe('moved');
  });

  it('is raised by the manager from the review, after a team level without a team is refused', async () => {
    await visit(manager, complaintUrl);
    await Promise.all([manager.waitForNavigation({ waitUntil: 'load' }), manager.click('main a:text-is("Raise learning from this complaint")')]);
    await checkPage(manager);
    expect(manager.url()).toBe(`${complaintUrl}/learning/new`);

    await manager.check('input[name="source"][value^="management_review:"]');
    await manager.check('input[name="level"][value="team"]');
    await manager.fill('#learnt', learnt);
    await manager.fill('#action', action);
    await manager.selectOption('#ownerId', { label: 'Helen Okafor (Head of Service)' });
    await typeDate(manager, 'dueOn', addDays(today, 28));
    await submit(manager);
    expect(await manager.title()).toMatch(/^Error: /);
    expect(plain((await manager.locator('.govuk-error-summary').textContent()) ?? '')).toContain('Select the team the learning is for');
    // What was typed is kept.
    expect(await manager.inputValue('#learnt')).toBe(learnt);

    await manager.check('input[name="level"][value="service_area"]');
    await submit(manager);
    expect(done(manager)).toBe('learning');
    const page = await main(manager);
    expect(page).toContain(learnt);
    expect(page).toContain('Service area: North East and Cumbria');
    expect(page).toContain('Learning raised (service area)');
    pointUrl = `${backoffice}${await manager.locator(`main a:text-is("${learnt}")`).getAttribute('href')}`;
  });

  it('is in the service area’s log for its Head of Service, who closes it with the evidence', async () => {
    const head = await staffPage(DEMO_STAFF.head_of_service);
    await visit(head, `${backoffice}/learning`);
    await Promise.all([head.waitForNavigation({ waitUntil: 'load' }), head.click('main a:text-is("Service area learning")')]);
    await checkPage(head);
    expect(await main(head)).toContain(learnt);
    await visit(head, `${backoffice}/learning/service-area?status=open&sort=raised&direction=desc`);
    await Promise.all([head.waitForNavigation({ waitUntil: 'load' }), head.click(`main a:text-is("${learnt}")`)]);
    await checkPage(head);
    expect(head.url()).toBe(pointUrl);
    expect(await main(head)).toContain('A management review of the complaint');

    await head.check('input[name="status"][value="done"]');
    await submit(head);
    expect(await head.title()).toMatch(/^Error: /);
    expect(plain((await head.locator('.govuk-error-summary').textContent()) ?? '')).toContain('Give the evidence that the action was done');

    await head.check('input[name="status"][value="done"]');
    await head.fill('#evidence', evidence);
    await submit(head);
    expect(done(head)).toBe('updated');
    const point = await main(head);
    expect(point).toContain(evidence);
    expect(point).toContain('Helen Okafor changed the status from Open to Done');
    expect(await head.locator('input[name="status"]').count()).toBe(0);

    await visit(head, `${backoffice}/learning/service-area?status=done`);
    expect(await main(head)).toContain(learnt);
    await visit(head, `${backoffice}/learning/bulletin`);
    // Service area learning is not national: it never reaches the bulletin.
    expect(await main(head)).not.toContain(learnt);
  });

  it('shows on the complaint’s page as done', async () => {
    await visit(manager, complaintUrl);
    const section = plain((await manager.locator('section[aria-labelledby="learning-heading"]').textContent()) ?? '');
    expect(section).toContain(learnt);
    expect(section).toContain('Done');
  });
});
