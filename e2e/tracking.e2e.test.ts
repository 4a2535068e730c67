import { organisation } from '@complaints/content';
import { extractPdfText, printedTrackingCode } from '@complaints/documents/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { ComplaintForm, type Language } from './support/complaint-form';
import { emailTo } from './support/mail';
import { checkPage, visit } from './support/pages';
import { signInAs } from './support/staff';

/**
 * Following a complaint online, as its complainant: the reference (a typo caught by its check
 * character), the code from the email (pasted) or from a posted letter, the complaint in plain
 * words, and each move the tracking page offers: adding information with a file, asking for a
 * review, withdrawing, answering the survey. "Exit this page" leaves nothing behind. Every page and
 * every error state is checked with axe-core. Each journey runs in English and in Welsh.
 */

const portal = inject('portalUrl');
const backoffice = inject('backofficeUrl');
const demo = inject('demoComplaints');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Words only the code email has, to find it among the others. */
const CODE_EMAIL = { en: 'Enter this code on the page', cy: 'Rhowch y cod hwn' } as const;

let addresses = 0;

/** A complainant's own browser, from an address of its own. */
async function complainantBrowser(): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser);
  addresses += 1;
  await opened.context.setExtraHTTPHeaders({ 'X-Forwarded-For': `192.0.2.${100 + addresses}` });
  return opened;
}

async function submit(page: Page, selector: string, label: string, language: Language) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  await checkPage(page, { language, label });
}

async function expectError(page: Page, field: string) {
  // The title says so first, for screen reader users, as on every form with a problem.
  expect(await page.title()).toMatch(/^(Error|Gwall): /);
  expect(await page.locator('.govuk-error-summary__list a').first().getAttribute('href')).toBe(`#${field}`);
  expect(await page.locator(`[id="${field}"]`).count()).toBe(1);
}

/** From the start page to the complaint, with the code typed by `enter` once the code page is open. */
async function openTracking(page: Page, language: Language, reference: string, code: () => Promise<string>) {
  await visit(page, `${portal}/track?lng=${language}`, { language, label: 'tracking start' });
  // A typo the check character catches: the last character changed.
  const typo = reference.slice(0, -1) + (reference.endsWith('0') ? '1' : '0');
  await page.fill('#reference', typo);
  await submit(page, 'form button.govuk-button', 'tracking start (a typo)', language);
  await expectError(page, 'reference');
  // As people type it: lower case, spaces for hyphens.
  await page.fill('#reference', reference.toLowerCase().replace(/-/g, ' '));
  await submit(page, 'form button.govuk-button', 'tracking code', language);
  expect(new URL(page.url()).pathname).toBe('/track/code');
  expect(await page.getAttribute('#code', 'autocomplete')).toBe('one-time-code');
  await page.fill('#code', '999 999');
  await submit(page, 'button[value="confirm"]', 'tracking code (wrong)', language);
  await expectError(page, 'code');
  // Pasted, as from the email.
  await page.fill('#code', '');
  await page.focus('#code');
  await page.keyboard.insertText(await code());
  await submit(page, 'button[value="confirm"]', 'the complaint', language);
  expect(new URL(page.url()).pathname).toBe('/track/complaint');
  expect(await page.locator('main').textContent()).toContain(reference);
}

/** The code from the newest email to a demo complaint's address: no other email goes to it in these journeys. */
async function emailedCode(address: string, reference: string): Promise<string> {
  return /\b(\d{6})\b/.exec((await emailTo(address, reference)).text)![1]!;
}

function demoComplaint(state: string | null, withEmail: boolean, index: number) {
  const found = demo.filter((c) => (state === null || c.state === state) && (c.email !== null) === withEmail)[index];
  if (!found) throw new Error(`The demo lists no ${state} complaint ${withEmail ? 'with an email address' : 'by post'} (${index}).`);
  return found;
}

const CASTS = [
  { language: 'en' as const, index: 0, file: 'school-letter.pdf' },
  { language: 'cy' as const, index: 1, file: 'llythyr-ysgol.pdf' },
];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(CASTS)('following a complaint online ($language)', ({ language, index, file }) => {
  it('follows a complaint made online with the emailed code, adds information with a file, withdraws it, and leaves nothing behind on exit', async () => {
    const email = `follow.${language}@example.com`;
    let reference = '';
    const form = await ComplaintForm.open(browser, { language, address: `203.0.113.${language === 'en' ? 40 : 41}` });
    try {
      if (language === 'en') {
        await form.start('/complain');
        await form.choose('role', 'parent_or_carer');
        await form.continue('your name');
        await form.type('fullName', 'Robin Ash');
        await form.continue('the case');
        await form.choose('serviceAreaId', 'unknown');
        await form.continue('what went wrong');
        await form.type('points-0-text', 'Nobody told me the meeting had moved.');
        await form.continue('what you would like to happen');
        await form.continue('how to contact you');
        await form.choose('preferredContact', 'email');
        await form.type('email', email);
        await form.continue('language');
        await form.choose('language', 'en');
        await form.continue('help');
        await form.continue('documents');
        await form.continue('privacy');
      } else {
        // A child's complaint: the tracking page then speaks to them in a child's words.
        await form.start('/complain/young-people');
        await form.type('fullName', 'Nia');
        await form.continue('is someone helping you');
        await form.choose('someoneHelping', 'no');
        await form.continue('what happened');
        await form.type('points-0-text', "Doedd neb wedi gwrando arna i yn y cyfarfod.");
        await form.continue('what would make it better');
        await form.continue('your worker');
        await form.continue('how to tell you');
        await form.choose('preferredContact', 'email');
        await form.type('email', email);
        await form.continue('language');
        await form.choose('language', 'cy');
        await form.continue('privacy');
      }
      await form.choose('privacyAccepted', 'yes');
      await form.continue('check your answers');
      await form.activate('form button.govuk-button');
      await form.checked('confirmation');
      reference = (await form.page.locator('[data-reference]').textContent())!.trim();
    } finally {
      await form.done();
    }

    const { context, page } = await complainantBrowser();
    try {
      await openTracking(page, language, reference, async () => /\b(\d{6})\b/.exec((await emailTo(email, CODE_EMAIL[language])).text)![1]!);
      const main = () => page.locator('main').textContent();
      if (language === 'cy') expect(await main()).toContain('Mae dy gwyn gennym ni');

      // Adding information: nothing typed is a clear error on the same page; then words and a file.
      await Promise.all([page.waitForNavigation(), page.click('a[href="/track/information"]')]);
      await checkPage(page, { language, label: 'add information' });
      await submit(page, 'form button.govuk-button', 'add information (empty)', language);
      await expectError(page, 'summary');
      await page.fill('#summary', 'The school wrote to me on 2 December; the letter is attached.');
      await page.setInputFiles('#file', { name: file, mimeType: 'application/pdf', buffer: PDF });
      await submit(page, 'form button.govuk-button', 'the complaint, information added', language);
      expect(new URL(page.url()).pathname).toBe('/track/complaint');
      expect(await page.locator('.govuk-notification-banner--success').count()).toBe(1);

      // Withdrawing, with a step to confirm it.
      await Promise.all([page.waitForNavigation(), page.click('a[href="/track/withdraw"]')]);
      await checkPage(page, { language, label: 'withdraw' });
      await submit(page, 'form button.govuk-button', 'withdraw: are you sure', language);
      expect(await page.locator('button[value="confirm"]').count()).toBe(1);
      await submit(page, 'button[value="confirm"]', 'the complaint, withdrawn', language);
      expect(await page.locator('a[href="/track/withdraw"]').count()).toBe(0);
      expect(await page.locator('a[href="/track/information"]').count()).toBe(0);

      // Exit this page: off to a neutral site; Back then shows nothing of the complaint.
      // The neutral site itself is not reached from here (no internet, and the stub cannot answer a
      // redirected request that carries this browser's extra headers): the answer of /exit is what counts.
      const [exit] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/exit'), page.click('[data-exit-this-page]')]);
      expect(exit.status()).toBe(303);
      expect((await exit.allHeaders()).location).toBe(organisation.exitThisPage.url);
      await page.waitForLoadState('load').catch(() => null);
      await page.goBack({ waitUntil: 'load' }).catch(() => null);
      const shown = (await page.content()).toLowerCase();
      expect(shown).not.toContain(reference.toLowerCase());
      expect(shown).not.toContain('school wrote');
      // The session is over on the server, not only in this browser.
      await page.goto(`${portal}/track/complaint`, { waitUntil: 'load' });
      expect(new URL(page.url()).pathname).toBe('/track');
      const cookies = await context.cookies(portal);
      expect(cookies.filter((c) => c.name.startsWith('track_') && c.value !== '')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('asks for a review of a stage 1 answer, with each point shown with its answer', async () => {
    const complaint = demoComplaint('response_sent', true, index);
    const { context, page } = await complainantBrowser();
    try {
      await openTracking(page, language, complaint.reference, () => emailedCode(complaint.email!, complaint.reference));
      expect(await page.locator('.app-tracked-point').count()).toBeGreaterThan(0);
      expect(await page.locator('.app-tracked-point .govuk-hint').count()).toBe(0);
      // A letter we sent, as a web page and as a PDF that opens in the browser.
      const letter = page.locator('a[href^="/track/letters/"]:not([type])').first();
      const href = (await letter.getAttribute('href'))!;
      await visit(page, `${portal}${href}`, { language, label: 'a letter' });
      const pdf = await page.request.get(`${portal}${href}/pdf`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-disposition']).toMatch(/^inline;/);
      expect((await extractPdfText(await pdf.body())).text).toContain(complaint.reference);
      await visit(page, `${portal}/track/complaint`, { language, label: 'the complaint again' });

      await Promise.all([page.waitForNavigation(), page.click('a[href="/track/review"]')]);
      await checkPage(page, { language, label: 'ask for a review' });
      await submit(page, 'form button.govuk-button', 'the complaint, review asked for', language);
      expect(await page.locator('.govuk-notification-banner--success').count()).toBe(1);
      expect(await page.locator('a[href="/track/review"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('answers the survey once the complaint is closed', async () => {
    const complaint = demoComplaint('closed', true, index);
    const { context, page } = await complainantBrowser();
    try {
      await openTracking(page, language, complaint.reference, () => emailedCode(complaint.email!, complaint.reference));
      await Promise.all([page.waitForNavigation(), page.click('a[href="/track/survey"]')]);
      await checkPage(page, { language, label: 'the survey' });
      await submit(page, 'form button.govuk-button', 'the survey (nothing answered)', language);
      await expectError(page, 'easy_to_complain');
      await page.check('input[name="kept_informed"][value="4"]');
      await page.check('input[name="on_time"][value="2"]');
      await page.fill('#comments', language === 'en' ? 'Slow, but kind.' : 'Araf, ond caredig.');
      await submit(page, 'form button.govuk-button', 'the complaint, survey answered', language);
      expect(await page.locator('.govuk-notification-banner--success').count()).toBe(1);
      expect(await page.locator('a[href="/track/survey"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('follows a complaint by post with the tracking code printed on its letter', async () => {
    const complaint = demoComplaint(null, false, index);
    // Staff print the acknowledgement again, as for a person who lost it: a new code is printed.
    const staff = await newPage(browser, { locale: 'en-GB' });
    let code = '';
    try {
      await signInAs(staff.page, 'margaret.lewis@example.org', { baseUrl: backoffice });
      await staff.page.goto(complaint.caseUrl, { waitUntil: 'load' });
      const printPath = await staff.page.locator('form[action$="/print"]').first().getAttribute('action');
      const printed = await staff.page.request.post(`${backoffice}${printPath}`, { headers: { Origin: backoffice } });
      expect(printed.status()).toBe(200);
      code = printedTrackingCode((await extractPdfText(await printed.body())).text)!;
    } finally {
      await staff.context.close();
    }
    const { context, page } = await complainantBrowser();
    try {
      await openTracking(page, language, complaint.reference, async () => code.toLowerCase());
      expect(await page.locator('a[href^="/track/letters/"]').count()).toBeGreaterThan(0);
      await Promise.all([page.waitForNavigation(), page.click('form[action="/track/sign-out"] button')]);
      await checkPage(page, { language, label: 'signed out' });
      await page.goto(`${portal}/track/complaint`, { waitUntil: 'load' });
      expect(new URL(page.url()).pathname).toBe('/track');
    } finally {
      await context.close();
    }
  });
});
