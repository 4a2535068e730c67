import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractPdfText } from '@complaints/documents/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { ComplaintForm, type How, type Language, WORDS } from './support/complaint-form';
import { checkPage, visit } from './support/pages';

const portal = inject('portalUrl');
const mailFolder = inject('mailFolder');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PROGRAM = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

function emailsMentioning(text: string): string[] {
  return readdirSync(mailFolder)
    .map((f) => readFileSync(path.join(mailFolder, f), 'utf8'))
    .filter((m) => m.includes(text));
}

async function waitForEmail(reference: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const [found] = emailsMentioning(reference);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`No email about ${reference} arrived.`);
}

const LONG_EMAIL = 'jodie.harris.family.complaints@examplemail.co.uk';

/**
 * Where the lines of an element's text break, as "the character before|the one after": read from
 * where each character is drawn.
 */
async function lineBreaks(form: ComplaintForm, selector: string): Promise<string[]> {
  return form.page.locator(selector).evaluate((element) => {
    const breaks: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let before = '';
    let top: number | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const y = range.getBoundingClientRect().top;
        if (top !== null && y > top + 2) breaks.push(`${before}|${text[i]}`);
        top = y;
        before = text[i]!;
      }
    }
    return breaks;
  });
}

/** The adult form for a parent: two points, a refused file and an accepted one, a change from check your answers. */
async function adultJourney(how: How): Promise<string> {
  const form = await ComplaintForm.open(browser, how);
  try {
    await form.start('/complain');
    await form.at('/complain/who');
    await form.expectErrors('who are you', 1);
    await form.choose('role', 'parent_or_carer');
    await form.continue('your name');
    await form.at('/complain/your-name');
    await form.type('fullName', 'Jodie Harris');
    await form.continue('the case');
    await form.type('courtCaseNumber', 'AB12C34567');
    await form.choose('serviceAreaId', 'unknown');
    await form.type('areaGiven', 'Swansea');
    await form.continue('what went wrong');

    await form.type('points-0-text', 'x'.repeat(5001));
    await form.type('points-0-happenedOn', '31');
    await form.type('points-0-happenedOn-month', '2');
    await form.type('points-0-happenedOn-year', '2026');
    await form.expectErrors('what went wrong', 2);
    // What was typed is still there.
    expect((await form.page.inputValue('[id="points-0-text"]')).length).toBe(5001);
    await form.type('points-0-text', 'Nobody called me back after the hearing.');
    await form.type('points-0-happenedOn', '2');
    await form.press('add-point', 'a second point');
    await form.type('points-1-text', 'The report named the wrong school.');
    await form.continue('what you would like to happen');

    await form.type('desiredOutcome', 'An apology, and the report corrected.');
    await form.continue('how to contact you');
    await form.choose('preferredContact', 'email');
    await form.type('email', 'not an email');
    await form.expectErrors('how to contact you', 1);
    // A long address, to see it wrap where a reader expects on a narrow screen.
    await form.type('email', LONG_EMAIL);
    await form.continue('language');
    await form.choose('language', how.language);
    await form.continue('help');
    await form.choose('supportNeeds', 'large_print');
    await form.continue('documents');

    await form.at('/complain/documents');
    await form.page.setInputFiles('[id="attachments"]', [
      { name: 'program.exe', mimeType: 'application/pdf', buffer: PROGRAM },
      { name: 'letter.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await form.press('upload', 'documents (one refused)');
    expect(await form.page.locator('.govuk-error-summary__list a').count()).toBe(1);
    expect(await form.page.locator('.app-file-name').allTextContents()).toEqual(['letter.pdf']);
    await form.continue('privacy');
    await form.expectErrors('privacy', 1);
    await form.choose('privacyAccepted', 'yes');
    await form.continue('check your answers');

    await form.at('/complain/check');
    expect(await form.heading()).toBe(WORDS[how.language].check);
    const answers = await form.page.locator('.govuk-summary-list').textContent();
    for (const said of ['Jodie Harris', 'Nobody called me back after the hearing.', 'The report named the wrong school.', 'letter.pdf', 'Swansea']) {
      expect(answers).toContain(said);
    }
    // A question left unanswered is "None", as GOV.UK check-answers pages say.
    const practitioner = form.page.locator('.govuk-summary-list__row', { has: form.page.locator('a[href$="#practitionerNameGiven"]') });
    expect((await practitioner.locator('.govuk-summary-list__value').textContent())!.trim()).toBe(how.language === 'en' ? 'None' : 'Dim');
    // On a phone's narrow screen, the long email address wraps after "@" or before a ".", never
    // in the middle of a word, and nothing runs off the side.
    if (!how.keyboard) {
      const size = form.page.viewportSize();
      await form.page.setViewportSize({ width: 320, height: 800 });
      try {
        const breaks = await lineBreaks(form, '.govuk-summary-list__row:has(a[href$="#email"]) .govuk-summary-list__value');
        expect(breaks.length).toBeGreaterThan(0);
        for (const at of breaks) expect(at).toMatch(/^[@/]\||^.\|\.$/);
        expect(await form.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        await checkPage(form.page, { language: how.language, label: 'check your answers, 320 px wide' });
      } finally {
        if (size) await form.page.setViewportSize(size);
      }
    }
    // Change an answer, and come back to check your answers.
    await form.activate('a[href="/complain/your-name?return=check#fullName"]');
    await form.checked('changing your name');
    await form.type('fullName', 'Jodie Ann Harris');
    await form.continue('check your answers again');
    await form.at('/complain/check');
    expect(await form.page.locator('.govuk-summary-list').textContent()).toContain('Jodie Ann Harris');

    await form.activate('form button.govuk-button');
    await form.checked('confirmation');
    await form.at('/complain/confirmation');
    expect(await form.page.locator('.govuk-panel__title').textContent()).toBe(WORDS[how.language].sent);
    const reference = (await form.page.locator('[data-reference]').textContent())!.trim();
    expect(reference).toMatch(/^CMP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const receipt = await form.page.request.get(`${portal}/complain/receipt.pdf`);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    const text = (await extractPdfText(await receipt.body())).text.replace(/\s+/g, ' ');
    expect(text).toContain(reference);
    expect(text).toContain('The report named the wrong school.');

    // Coming back to the confirmation shows it again; another browser is told calmly it cannot be shown.
    await visit(form.page, `${portal}/complain/confirmation`, { language: how.language });
    expect(await form.page.locator('[data-reference]').textContent()).toBe(reference);
    return reference;
  } finally {
    await form.done();
  }
}

describe('the adult complaint form', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`a parent with two points and a document, in ${language === 'en' ? 'English' : 'Welsh'}, gets a reference and an email`, async () => {
      const reference = await adultJourney({ language });
      const email = await waitForEmail(reference);
      expect(email).toMatch(language === 'cy' ? /^Content-Language: cy/m : /^Content-Language: en/m);
    });
  }

  it('works with JavaScript off', async () => {
    await adultJourney({ language: 'en', javaScript: false });
  });

  it('takes a household\'s complaints from one connection: two sent, and a third after many corrections', async () => {
    const address = '192.0.2.77';
    await adultJourney({ language: 'en', address });
    await adultJourney({ language: 'en', address });
    // Someone who sends the first page unanswered again and again, then corrects it.
    const form = await ComplaintForm.open(browser, { language: 'en', address });
    try {
      await form.start('/complain');
      for (let i = 0; i < 20; i += 1) await form.expectErrors('who are you, sent unanswered', 1);
    } finally {
      await form.done();
    }
    await adultJourney({ language: 'en', address });
  });

  it('works by keyboard alone', async () => {
    await adultJourney({ language: 'en', keyboard: true });
  });
});

async function helpingAChildJourney(language: Language) {
  const form = await ComplaintForm.open(browser, { language });
  try {
    await form.start('/complain');
    await form.choose('role', 'helping_child');
    await form.continue('whose complaint');
    await form.at('/complain/whose-complaint');
    await form.expectErrors('whose complaint', 2);
    await form.type('onBehalfOfName', 'Mia Harris');
    await form.type('onBehalfOfRelationship', 'Her aunt');
    await form.choose('onBehalfOfConsent', 'given');
    await form.continue('your name');
    await form.type('fullName', 'Sarah Jones');
    await form.continue('the case');
    await form.choose('serviceAreaId', 'unknown');
    await form.continue('what went wrong');
    await form.type('points-0-text', 'Mia was not asked what she wanted.');
    await form.continue('outcome');
    await form.continue('contact');
    await form.choose('preferredContact', 'post');
    await form.type('postalAddress', '1 High Street\nCardiff');
    await form.type('postcode', 'CF10 1AA');
    await form.continue('safety');
    await form.at('/complain/safety');
    await form.expectErrors('safety', 1);
    await form.choose('safeToSendPost', 'no');
    await form.continue('language');
    await form.choose('language', language);
    await form.continue('help');
    await form.continue('documents');
    await form.continue('privacy');
    await form.choose('privacyAccepted', 'yes');
    await form.continue('check your answers');
    const answers = await form.page.locator('.govuk-summary-list').textContent();
    expect(answers).toContain('Mia Harris');
    expect(answers).toContain('Her aunt');
    await form.activate('form button.govuk-button');
    await form.checked('confirmation');
    expect(await form.page.locator('[data-reference]').textContent()).toMatch(/^CMP-/);
  } finally {
    await form.done();
  }
}

describe('someone helping a child', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`is asked whose complaint it is and whether they agree, in ${language === 'en' ? 'English' : 'Welsh'}`, async () => {
      await helpingAChildJourney(language);
    });
  }
});

async function childJourney(language: Language) {
  const form = await ComplaintForm.open(browser, { language });
  try {
    await form.start('/complain/young-people');
    await form.at('/complain/young-people/name');
    await form.expectErrors('name', 1);
    await form.type('fullName', 'Sam');
    await form.continue('is someone helping you');
    await form.choose('someoneHelping', 'yes');
    await form.type('helpingName', 'My nan');
    await form.continue('what happened');
    await form.type('points-0-text', 'They did not listen to me.');
    await form.press('add-point', 'another thing');
    await form.type('points-1-text', 'They got my school wrong.');
    await form.press('remove-point:0', 'one thing taken away');
    expect(await form.page.inputValue('[id="points-0-text"]')).toBe('They got my school wrong.');
    await form.continue('what would make it better');
    await form.type('desiredOutcome', 'Say sorry.');
    await form.continue('your worker');
    await form.continue('how to tell you');
    await form.choose('preferredContact', 'phone');
    await form.type('phone', '07700 900982');
    await form.continue('phone messages');
    await form.at('/complain/young-people/voicemail');
    await form.choose('safeToLeaveVoicemail', 'no');
    await form.continue('language');
    await form.choose('language', language);
    await form.continue('privacy');
    await form.choose('privacyAccepted', 'yes');
    await form.continue('check what you told us');
    await form.at('/complain/young-people/check');
    // The question about their worker was left unanswered: said in a child's words.
    const worker = form.page.locator('.govuk-summary-list__row', { has: form.page.locator('a[href$="#practitionerNameGiven"]') });
    expect((await worker.locator('.govuk-summary-list__value').textContent())!.trim()).toBe(language === 'en' ? 'Nothing' : 'Dim byd');
    await form.activate('form button.govuk-button');
    await form.checked('confirmation');
    expect(await form.page.locator('.govuk-panel__title').textContent()).toBe(WORDS[language].sentChild);
    expect(await form.page.locator('[data-reference]').textContent()).toMatch(/^CMP-/);

    // Taken off this device: a short page with the way back to the start, and no confirmation after it.
    await form.activate('form button.govuk-button--secondary');
    await form.checked('taken off this device');
    expect(await form.heading()).toBe(WORDS[language].removedChild);
    expect(await form.page.locator('main a[href="/complain/young-people"]').count()).toBe(1);
    await visit(form.page, `${portal}/complain/young-people/confirmation`, { language, label: 'confirmation after it was taken off' });
    expect(await form.page.locator('[data-reference]').count()).toBe(0);
  } finally {
    await form.done();
  }
}

describe('the form for children and young people', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`takes a child's complaint one question at a time, in ${language === 'en' ? 'English' : 'Welsh'}`, async () => {
      await childJourney(language);
    });
  }
});

describe('calm pages instead of failures', () => {
  for (const language of ['en', 'cy'] as const) {
    it(`in ${language === 'en' ? 'English' : 'Welsh'}: the confirmation after the draft has gone, too many posts, and the hidden field`, async () => {
      const form = await ComplaintForm.open(browser, { language });
      try {
        await visit(form.page, `${portal}/complain/confirmation?lng=${language}`, { language });
        expect(await form.page.locator('a[href="/complain"]').count()).toBeGreaterThan(0);

        await visit(form.page, `${portal}/complain/young-people/name`, { language });
        await form.page.evaluate(() => {
          (document.querySelector('input[name="leave_this_box_empty"]') as HTMLInputElement).value = 'https://spam.example';
        });
        await form.page.fill('[id="fullName"]', 'Bot');
        await form.continue('honeypot thanks');
        expect(await form.page.locator('form').count()).toBe(0);

        // Three hundred posts from one address in ten minutes (a program, not a person), then
        // "please wait", with a 429.
        for (let i = 0; i < 300; i += 1) {
          await form.page.request.post(`${portal}/complain/who`, { form: { role: '' }, headers: { Origin: portal } });
        }
        await visit(form.page, `${portal}/complain/who`, { language });
        const [response] = await Promise.all([
          form.page.waitForResponse((r) => new URL(r.url()).pathname === '/complain/who' && r.request().method() === 'POST'),
          form.page.click('.govuk-button-group button[value="continue"]'),
        ]);
        expect(response.status()).toBe(429);
        await form.checked('please wait');
        expect(await form.page.locator('form').count()).toBe(0);
      } finally {
        await form.done();
      }
    });
  }
});

describe('every question page, as it opens and sent empty, in English and Welsh', () => {
  const setUp = async (form: ComplaintForm, pathname: string, data: Record<string, string>) => {
    const response = await form.page.request.post(`${portal}${pathname}`, { form: data, headers: { Origin: portal }, maxRedirects: 0 });
    expect(response.status()).toBe(303);
  };
  // The children's questions each have a picture beside them, with its words for a screen reader.
  const pictureWords = (language: Language) =>
    (JSON.parse(readFileSync(new URL(`../content/locales/${language}/complain.json`, import.meta.url), 'utf8')) as { pictures: Record<string, string> }).pictures;
  const expectPicture = async (form: ComplaintForm, id: string, language: Language) => {
    const picture = form.page.locator('main img.app-question-picture');
    expect(await picture.count()).toBe(1);
    expect(await picture.getAttribute('alt')).toBe(pictureWords(language)[id]);
    expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  };
  const sweep = async (form: ComplaintForm, base: string, pages: string[], language: Language) => {
    for (const id of pages) {
      await visit(form.page, `${portal}${base}/${id}`, { language, label: `${id} as it opens` });
      await form.at(`${base}/${id}`);
      if (base === '/complain/young-people') await expectPicture(form, id, language);
      else expect(await form.page.locator('main img').count()).toBe(0);
      await form.continue(`${id} sent empty`);
    }
  };

  for (const language of ['en', 'cy'] as const) {
    it(`the adult form in ${language === 'en' ? 'English' : 'Welsh'}`, async () => {
      const form = await ComplaintForm.open(browser, { language });
      try {
        await visit(form.page, `${portal}/complain?lng=${language}`, { language });
        // Answers that bring every conditional page into the form.
        await setUp(form, '/complain/who', { role: 'helping_child' });
        await setUp(form, '/complain/contact', { preferredContact: 'phone', phone: '07700 900982' });
        const pages = ['who', 'whose-complaint', 'your-name', 'case', 'what-went-wrong', 'outcome', 'contact', 'safety', 'language', 'help', 'documents', 'privacy'];
        await sweep(form, '/complain', pages, language);
      } finally {
        await form.done();
      }
    });

    it(`the children's form in ${language === 'en' ? 'English' : 'Welsh'}`, async () => {
      const form = await ComplaintForm.open(browser, { language });
      try {
        await visit(form.page, `${portal}/complain/young-people?lng=${language}`, { language });
        await setUp(form, '/complain/young-people/tell-you', { preferredContact: 'phone', phone: '07700 900982' });
        await sweep(form, '/complain/young-people', ['name', 'someone-helping', 'what-happened', 'better', 'worker', 'tell-you', 'voicemail', 'language', 'privacy'], language);
        await setUp(form, '/complain/young-people/tell-you', { preferredContact: 'post', postalAddress: '1 High Street, Cardiff' });
        await sweep(form, '/complain/young-people', ['letters'], language);
      } finally {
        await form.done();
      }
    });
  }
});
