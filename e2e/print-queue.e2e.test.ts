import { readFileSync } from 'node:fs';
import { londonDateOf } from '@complaints/domain';
import { extractPdfText, printedTrackingCode } from '@complaints/documents/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { checkPage, visit } from './support/pages';
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

const [year, month, day] = londonDateOf(new Date()).split('-');

/**
 * A complaint by phone from someone who asked for post, logged, passed to a manager and its
 * acknowledgement approved and sent: the letter then waits in the print queue. Its complaint's id.
 */
async function postedAcknowledgement(admin: Page, qa: Page, name: string, street: string): Promise<string> {
  await visit(admin, `${backoffice}/complaints/log?kind=complaint`);
  await admin.check('input[name="channel"][value="phone"]');
  await admin.fill('#receivedOn', String(Number(day)));
  await admin.fill('#receivedOn-month', String(Number(month)));
  await admin.fill('#receivedOn-year', year!);
  await admin.check('input[name="role"][value="family_member"]');
  await admin.fill('#fullName', name);
  await admin.fill('#postalAddress', `${street}\nCarlisle`);
  await admin.fill('#postcode', 'CA1 1AA');
  await admin.check('input[name="preferredContact"][value="post"]');
  await admin.check('input[name="safeToSendPost"][value="yes"]');
  await admin.check('input[name="language"][value="en"]');
  await admin.check('input[name="audience"][value="adult"]');
  await admin.selectOption('#serviceAreaId', { label: 'North East and Cumbria' });
  await admin.fill('#point-1', 'Nobody called me back.');
  await admin.check('input[name="privacyAccepted"]');
  await submit(admin, 'button[value="log"]');
  const complaintUrl = admin.url().split('?')[0]!;
  await visit(admin, `${complaintUrl}/assign`);
  await admin.locator('input[name="responderId"]').first().check();
  await submit(admin);
  await visit(admin, `${complaintUrl}/acknowledge`);
  await submit(admin);
  const letterUrl = admin.url().split('?')[0]!;
  await visit(qa, letterUrl);
  await submit(qa, 'button[value="approve"]');
  await visit(admin, letterUrl);
  await submit(admin, 'main form:has(input[value="send"]) button');
  return new URL(complaintUrl).pathname.split('/').pop()!;
}

describe('a CSQ administrator prints the day’s post from the print queue', () => {
  let admin: Page;
  let qa: Page;
  const complaints: string[] = [];
  const references: string[] = [];
  const rowOf = (page: Page, complaintId: string) => page.locator(`tr:has(a[href="/complaints/${complaintId}"])`);

  beforeAll(async () => {
    ({ page: admin } = await newPage(browser));
    ({ page: qa } = await newPage(browser));
    await signInAs(admin, DEMO_STAFF.csq_administrator, { baseUrl: backoffice });
    await signInAs(qa, DEMO_STAFF.csq_manager, { baseUrl: backoffice });
    const stamp = Date.now();
    for (const [i, street] of ['1 Print Row', '2 Print Row', '3 Print Row'].entries()) complaints.push(await postedAcknowledgement(admin, qa, `Pat Post ${stamp} ${i + 1}`, street));
  });

  it('lists the letters waiting, by area, from the navigation, in English and Welsh', async () => {
    await visit(admin, `${backoffice}/queues`);
    await Promise.all([admin.waitForNavigation(), admin.click('a[href="/print-queue"]')]);
    await checkPage(admin, { language: 'en' });
    expect(await admin.locator('h1').textContent()).toBe('Letters to print');
    for (const id of complaints) {
      const row = rowOf(admin, id);
      await expect(row.count()).resolves.toBe(1);
      expect(await row.locator('xpath=ancestor::table/caption').textContent()).toBe('Waiting to be printed: North');
      references.push((await row.locator(`a[href="/complaints/${id}"]`).textContent())!.trim());
    }
    await visit(admin, `${backoffice}/print-queue?lng=cy`, { language: 'cy' });
    expect(await admin.locator('h1').textContent()).toBe("Llythyrau i'w hargraffu");
  });

  it('says so when nothing is chosen', async () => {
    await visit(admin, `${backoffice}/print-queue?lng=en`, { language: 'en' });
    await submit(admin);
    await checkPage(admin, { language: 'en' });
    expect(await admin.title()).toMatch(/^Error: /);
    expect(await admin.locator('.govuk-error-summary').textContent()).toContain('Select the letters to print');
    expect(await admin.locator('#letterIds-error').textContent()).toContain('Select the letters to print');
  });

  it('prints the three as one PDF, each with its reference and its own tracking code, and they leave the waiting list', async () => {
    await visit(admin, `${backoffice}/print-queue`);
    for (const id of complaints) await rowOf(admin, id).locator('input[name="letterIds"]').check();
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.click('main form[method="post"] button[type="submit"]')]);
    const pdf = await extractPdfText(readFileSync((await download.path())!));
    expect(pdf.title).toMatch(/^Letters to post, /);
    const text = plain(pdf.text);
    // The letters in the order the page lists them; each from its reference to the next letter's.
    const order = references.map((r) => ({ r, at: text.indexOf(r) })).sort((a, b) => a.at - b.at);
    expect(order.every((o) => o.at >= 0)).toBe(true);
    const letters = order.map((o, i) => text.slice(o.at, order[i + 1]?.at));
    expect(letters).toHaveLength(3);
    const codes = letters.map((l) => printedTrackingCode(l));
    for (const [i, letter] of letters.entries()) {
      expect(letter).toContain('Thank you for your complaint');
      expect(codes[i]).toBeDefined();
    }
    expect(new Set(codes).size).toBe(3);
    for (const street of ['1 Print Row', '2 Print Row', '3 Print Row']) expect(text).toContain(street);

    await visit(admin, `${backoffice}/print-queue`);
    for (const id of complaints) {
      expect(await rowOf(admin, id).locator('xpath=ancestor::table/caption').textContent()).toMatch(/^Printed in the last \d+ days: North$/);
    }
  });
});
