import { extractPdfText } from '@complaints/documents/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { ComplaintForm, type Language } from './support/complaint-form';
import { emailTo } from './support/mail';
import { checkPage, visit } from './support/pages';
import { signInAs } from './support/staff';

/**
 * The whole life of a complaint made online, answered point by point: acknowledged through quality
 * assurance, investigated, each point answered, the response returned once by quality assurance,
 * revised, approved and sent by email; a stage 2 review asked for, acknowledged, answered by a
 * different manager, approved and sent; the closure check; closed. Every page visited is checked
 * with axe-core. It runs once for an adult in English in England, and once for a child in Welsh in
 * Wales, with the staff pages in Welsh.
 */

const backoffice = inject('backofficeUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const plain = (text: string) => text.replace(/\s+/g, ' ');

type Cast = {
  language: Language;
  /** Who works on it, by their demo accounts. */
  administrator: string;
  csqManager: string;
  manager: string;
  reviewer: string;
  managerName: string;
  reviewerName: string;
  serviceArea: string;
  team: string;
  ombudsman: string;
  otherOmbudsman: string;
  points: [string, string, string];
  /** Words the letters use, in the complaint's language and wording. */
  words: { stageTwo: RegExp; upheld: string; courtRoute: string };
};

const CASTS: Cast[] = [
  {
    language: 'en',
    administrator: 'aisha.khan@example.org',
    csqManager: 'rachel.green@example.org',
    manager: 'sarah.wilson@example.org',
    reviewer: 'david.brown@example.org',
    managerName: 'Sarah Wilson',
    reviewerName: 'David Brown',
    serviceArea: 'North East and Cumbria',
    team: 'Carlisle',
    ombudsman: 'Parliamentary and Health Service Ombudsman',
    otherOmbudsman: 'Public Services Ombudsman for Wales',
    points: [
      'Nobody returned my calls for three weeks after the hearing.',
      'The report recommends that I see my children only at weekends.',
      'Your letter about the meeting went to my old address.',
    ],
    words: { stageTwo: /stage 2/i, upheld: 'we agree that this went wrong', courtRoute: 'Ask your solicitor to raise it at the next hearing' },
  },
  {
    language: 'cy',
    administrator: 'carys.jones@example.org',
    csqManager: 'elin.roberts@example.org',
    manager: 'owain.williams@example.org',
    reviewer: 'ffion.thomas@example.org',
    managerName: 'Owain Williams',
    reviewerName: 'Ffion Thomas',
    serviceArea: 'Cymru',
    team: 'Caerdydd',
    ombudsman: 'Ombwdsmon Gwasanaethau Cyhoeddus Cymru',
    otherOmbudsman: 'Ombwdsmon Seneddol a Gwasanaeth Iechyd',
    points: ['Wnaeth neb wrando arna i.', "Mae'r llys yn dweud ble rydw i'n byw.", 'Aeth y llythyr i’r tŷ anghywir.'],
    // A child's letter offers the review in plain words rather than as "stage 2".
    words: { stageTwo: /edrych ar dy gŵyn eto/, upheld: "Roeddet ti'n iawn", courtRoute: 'Gofynna i dy gyfreithiwr' },
  },
];

/** A member of staff at work in their own browser, every page in the journey's language and checked with axe-core. */
class Staff {
  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly language: Language,
  ) {}

  static async signIn(email: string, language: Language): Promise<Staff> {
    const { context, page } = await newPage(browser);
    await signInAs(page, email, { baseUrl: backoffice });
    return new Staff(page, context, language);
  }

  async close() {
    await this.context.close();
  }

  url(path: string) {
    return `${backoffice}${path}${path.includes('?') ? '&' : '?'}lng=${this.language}`;
  }

  async open(path: string) {
    await visit(this.page, this.url(path), { language: this.language });
  }

  /** Presses a button (or follows a link) that leads to another page, and checks that page. */
  async press(selector: string) {
    await Promise.all([this.page.waitForNavigation({ waitUntil: 'load' }), this.page.click(selector)]);
    await checkPage(this.page, { language: this.language });
  }

  async main() {
    return plain((await this.page.locator('main').textContent()) ?? '');
  }

  async done() {
    return new URL(this.page.url()).searchParams.get('done');
  }

  async hasErrors() {
    return (await this.page.locator('.govuk-error-summary').count()) > 0;
  }
}

/** Answers each point on its page, from the response page: the first sent empty once, to see its problems. */
async function answerPoints(staff: Staff, complaint: string, decisions: Array<'upheld' | 'court_matter' | 'not_upheld'>, reasons: string[]) {
  await staff.open(`${complaint}/response`);
  const links = await staff.page.locator('main table a[href*="/points/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(links).toHaveLength(3);
  for (const [i, href] of links.entries()) {
    await staff.open(href);
    if (i === 0) {
      await staff.press(`#submit`);
      expect(await staff.hasErrors()).toBe(true);
    }
    await staff.page.check(`input[name="decision"][value="${decisions[i]}"]`);
    await staff.page.fill('#reasons', reasons[i]!);
    if (decisions[i] !== 'court_matter') {
      await staff.page.fill('#standardCited', 'Practice standard 4: keeping in touch');
      await staff.page.fill('#whatShouldHaveHappened', 'A call back within two working days.');
      await staff.page.fill('#whatHappened', 'No call back for three weeks.');
    }
    if (decisions[i] === 'upheld') {
      await staff.page.fill('#remedy', 'An apology, and a second person to watch the messages.');
      await staff.page.fill('#action-1-description', 'Check the team’s messages every day');
      await staff.page.fill('#action-1-ownerName', 'The team manager');
      const next = new Date(Date.now() + 30 * 86_400_000);
      await staff.page.fill('#action-1-due', String(next.getUTCDate()));
      await staff.page.fill('#action-1-due-month', String(next.getUTCMonth() + 1));
      await staff.page.fill('#action-1-due-year', String(next.getUTCFullYear()));
    }
    await staff.press('#submit');
    expect(new URL(staff.page.url()).pathname).toBe(`${complaint}/response`);
  }
}

/** Drafts the response from the response page and sends it to quality assurance; returns the letter's path. */
async function draftAndSubmit(staff: Staff, complaint: string, opening: string): Promise<string> {
  await staff.open(`${complaint}/response`);
  await staff.page.fill('#message', opening);
  await staff.press('#submit');
  expect(await staff.done()).toBe('drafted');
  const letter = new URL(staff.page.url()).pathname;
  await staff.press('#submit');
  expect(await staff.done()).toBe('submitted');
  return letter;
}

async function approve(csq: Staff, letter: string) {
  await csq.open(letter);
  await csq.press('button[value="approve"]');
  expect(await csq.done()).toBe('approved');
}

async function send(administrator: Staff, letter: string) {
  await administrator.open(letter);
  await administrator.press('#submit');
  expect(await administrator.done()).toBe('moved');
}

async function pdfText(staff: Staff, letter: string) {
  const response = await staff.page.context().request.get(`${backoffice}${letter}/pdf`);
  expect(response.status()).toBe(200);
  return plain((await extractPdfText(await response.body())).text);
}

async function chooseByLabel(staff: Staff, label: string) {
  const id = await staff.page.locator(`main label:text-is("${label}")`).getAttribute('for');
  await staff.page.check(`[id="${id}"]`);
}

async function pressMove(staff: Staff, complaint: string, move: string) {
  await staff.open(complaint);
  await staff.press(`[data-move="${move}"] button, [data-move="${move}"] a`);
}

for (const cast of CASTS) {
  describe(`a complaint answered on every point, in ${cast.language === 'en' ? 'English, for an adult' : 'Welsh, for a child'}`, () => {
    const email = `complainant.${cast.language}.${Date.now()}@example.com`;
    let reference = '';
    let complaint = '';
    let administrator: Staff;
    let csq: Staff;
    let manager: Staff;
    let reviewer: Staff;
    let response = '';

    beforeAll(async () => {
      administrator = await Staff.signIn(cast.administrator, cast.language);
      csq = await Staff.signIn(cast.csqManager, cast.language);
      manager = await Staff.signIn(cast.manager, cast.language);
      reviewer = await Staff.signIn(cast.reviewer, cast.language);
    });
    afterAll(async () => {
      for (const staff of [administrator, csq, manager, reviewer]) await staff?.close();
    });

    it('is made online with three points', async () => {
      const form = await ComplaintForm.open(browser, { language: cast.language, address: cast.language === 'en' ? '203.0.113.10' : '203.0.113.11' });
      try {
        if (cast.language === 'en') {
          await form.start('/complain');
          await form.choose('role', 'parent_or_carer');
          await form.continue('your name');
          await form.type('fullName', 'Alex Rivers');
          await form.continue('the case');
          await form.choose('serviceAreaId', 'unknown');
          await form.continue('what went wrong');
          await form.type('points-0-text', cast.points[0]);
          await form.press('add-point', 'a second point');
          await form.type('points-1-text', cast.points[1]);
          await form.press('add-point', 'a third point');
          await form.type('points-2-text', cast.points[2]);
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
          await form.start('/complain/young-people');
          await form.type('fullName', 'Cai');
          await form.continue('is someone helping you');
          await form.choose('someoneHelping', 'no');
          await form.continue('what happened');
          await form.type('points-0-text', cast.points[0]);
          await form.press('add-point', 'another thing');
          await form.type('points-1-text', cast.points[1]);
          await form.press('add-point', 'a third thing');
          await form.type('points-2-text', cast.points[2]);
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
        expect(reference).toMatch(/^CMP-/);
      } finally {
        await form.done();
      }
    });

    it('is logged, triaged point by point (one for the court), assigned and acknowledged through quality assurance', async () => {
      await administrator.open('/queues/new?sort=received&direction=desc');
      await administrator.press(`main a:has-text("${reference}")`);
      complaint = new URL(administrator.page.url()).pathname;
      await administrator.press(`[data-move="log"] a`);
      await administrator.page.selectOption('#serviceAreaId', { label: cast.serviceArea });
      await administrator.page.selectOption('#teamId', { label: cast.team });
      await administrator.press('#submit');
      expect(await administrator.done()).toBe('logged');

      await administrator.press(`[data-move="triage_point"] a`);
      for (const [i, outcome] of (['organisation', 'court', 'organisation'] as const).entries()) {
        await administrator.page.check(`input[name="categoryKey"][value="${['communication', 'quality_of_work', 'data_and_confidentiality'][i]}"]`);
        await administrator.page.check(`input[name="outcome"][value="${outcome}"]`);
        await administrator.page.fill('#reason', outcome === 'court' ? 'What the report recommends is for the court to weigh.' : 'This is our own work.');
        if (outcome === 'court') await administrator.page.fill('#courtRoute', cast.language === 'en' ? 'Ask your solicitor to raise it at the next hearing, or write to the court.' : "Gofynna i dy gyfreithiwr ei godi yn y gwrandawiad nesaf.");
        await administrator.press('#submit');
      }
      expect(await administrator.done()).toBe('triaged');

      await administrator.press(`[data-move="assign_responder"] a`);
      await chooseByLabel(administrator, cast.managerName);
      await administrator.press('#submit');
      expect(await administrator.done()).toBe('assigned');

      await administrator.press(`[data-move="prepare_acknowledgement"] a`);
      expect(await administrator.main()).toContain(cast.managerName);
      await administrator.press('#submit');
      expect(await administrator.done()).toBe('submitted');
      const acknowledgement = new URL(administrator.page.url()).pathname;
      // Not sent before quality assurance.
      expect(await administrator.page.locator('button[value="send"], form:has(input[value="send"]) button').count()).toBe(0);
      await approve(csq, acknowledgement);
      await send(administrator, acknowledgement);
      // The acknowledgement, not the note sent when the complaint was made: it names the manager.
      const mail = await emailTo(email, cast.managerName);
      expect(mail.attachments).toHaveLength(1);
    });

    it('is investigated and each point answered; the response is drafted and returned once by quality assurance', async () => {
      await pressMove(manager, complaint, 'start_investigation');
      await answerPoints(manager, complaint, ['upheld', 'court_matter', 'not_upheld'], [
        'The adviser was away and nobody looked after their messages.',
        'What the report recommends is for the court to weigh.',
        'We wrote to the address on your form at the time.',
      ]);
      response = await draftAndSubmit(manager, complaint, cast.language === 'en' ? 'Thank you for telling us what went wrong.' : 'Diolch am ddweud wrthym beth aeth o’i le.');
      // The manager who wrote it cannot approve it: no approve button for them.
      await manager.open(response);
      expect(await manager.page.locator('button[value="approve"]').count()).toBe(0);

      await csq.open(response);
      await csq.press('button[value="return"]');
      expect(await csq.hasErrors()).toBe(true);
      await csq.page.fill('#comments', 'Say plainly what will change, and by when.');
      await csq.press('button[value="return"]');
      expect(await csq.done()).toBe('returned');
    });

    it('is revised, compared with the first version, approved and sent by email with its PDF', async () => {
      await manager.open(response);
      expect(await manager.main()).toContain('Say plainly what will change, and by when.');
      await manager.open(`${complaint}/response`);
      const first = await manager.page.locator('main table a[href*="/points/"]').first().getAttribute('href');
      await manager.open(first!);
      await manager.page.fill('#reasons', 'The adviser was away and nobody looked after their messages. From now on a second person will.');
      await manager.press('#submit');
      response = await draftAndSubmit(manager, complaint, cast.language === 'en' ? 'Thank you for telling us what went wrong.' : 'Diolch am ddweud wrthym beth aeth o’i le.');
      await manager.open(`${response}?from=1&to=2`);
      expect(await manager.page.locator('.app-comparison ins').count()).toBeGreaterThan(0);

      await approve(csq, response);
      await send(administrator, response);
      expect(await administrator.main()).toMatch(cast.language === 'en' ? /Response sent/ : /Ymateb wedi'i anfon/);

      const text = await pdfText(administrator, response);
      const at = cast.points.map((p) => text.indexOf(plain(p)));
      expect(at.every((i) => i >= 0), `each point in the PDF: ${at.join(', ')}`).toBe(true);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(text).toContain(cast.words.upheld);
      expect(text).toContain('From now on a second person will.');
      expect(text).toContain(cast.words.courtRoute);
      expect(text).toMatch(cast.words.stageTwo);
      const mail = await emailTo(email, 'From now on a second person will.');
      expect(mail.attachments).toHaveLength(1);
    });

    it('has a stage 2 review asked for, acknowledged, and answered by a different manager', async () => {
      await administrator.open(complaint);
      await administrator.press(`[data-move="request_stage_two"] a`);
      await administrator.press('#submit');
      expect(await administrator.done()).toBe('moved');
      await administrator.press(`[data-move="assign_responder"] a`);
      // Whoever answered stage 1 is not offered.
      expect(await administrator.page.locator(`label:text-is("${cast.managerName}")`).count()).toBe(0);
      await chooseByLabel(administrator, cast.reviewerName);
      await administrator.press('#submit');
      await administrator.press(`[data-move="prepare_acknowledgement"] a`);
      await administrator.press('#submit');
      const acknowledgement = new URL(administrator.page.url()).pathname;
      await approve(csq, acknowledgement);
      await send(administrator, acknowledgement);

      await pressMove(reviewer, complaint, 'start_investigation');
      await answerPoints(reviewer, complaint, ['upheld', 'court_matter', 'not_upheld'], [
        'We looked again: the messages were not watched while the adviser was away.',
        'This is still for the court to weigh.',
        'The file shows the address we had then.',
      ]);
      const review = await draftAndSubmit(reviewer, complaint, cast.language === 'en' ? 'I have looked at your complaint again.' : 'Rwyf wedi edrych ar dy gŵyn eto.');
      await approve(csq, review);
      await send(administrator, review);
      const text = await pdfText(administrator, review);
      expect(text).toContain(cast.ombudsman);
      expect(text).not.toContain(cast.otherOmbudsman);
    });

    it('is checked for closure and closed, with every move in a history that checks out', async () => {
      // Closing waits for the check: the case page says so rather than offer it.
      await csq.open(complaint);
      expect(await csq.page.locator('[data-held-back="close"]').count()).toBe(1);
      await csq.press(`[data-move="quality_assure_closure"] a`);
      // A check with nothing ticked is kept, and the file still cannot close.
      await csq.press('#submit');
      expect(await csq.done()).toBe('moved');
      expect(await csq.page.locator('[data-held-back="close"]').count()).toBe(1);
      await csq.press(`[data-move="quality_assure_closure"] a`);
      for (const item of ['points_answered', 'letters_approved_and_sent', 'timescales_met', 'record_complete']) {
        await csq.page.check(`input[name="done"][value="${item}"]`);
        await csq.page.fill(`#${item}Note`, 'Checked against the file.');
      }
      await csq.press('#submit');
      expect(await csq.done()).toBe('moved');
      await pressMove(csq, complaint, 'close');
      expect(await csq.main()).toMatch(cast.language === 'en' ? /Closed/ : /Wedi'i chau/);
      expect(await csq.page.getAttribute('[data-history]', 'data-history')).toBe('intact');
      const history = await csq.page.locator('.app-timeline li').count();
      expect(history).toBeGreaterThan(30);
    });

    it('is taken to the Ombudsman with the day they want our reply by, which cannot be before the referral', async () => {
      // The complaint came in today, so today is the only day it can have gone to the Ombudsman.
      const londonDay = (offsetDays: number) => {
        const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date(Date.now() + offsetDays * 86_400_000));
        const part = (type: string) => parts.find((p) => p.type === type)!.value;
        return { day: part('day'), month: part('month'), year: part('year') };
      };
      const fillDay = async (id: string, day: { day: string; month: string; year: string }) => {
        await administrator.page.fill(`#${id}`, day.day);
        await administrator.page.fill(`#${id}-month`, day.month);
        await administrator.page.fill(`#${id}-year`, day.year);
      };
      await pressMove(administrator, complaint, 'refer_to_ombudsman');
      expect(await administrator.main()).toContain(cast.ombudsman);
      await fillDay('referredOn', londonDay(0));
      await administrator.page.fill('#theirReference', 'OMB-E2E-1');
      await fillDay('replyDueOn', londonDay(-1));
      await administrator.press('#submit');
      const beforeReferral = cast.language === 'en' ? 'The date cannot be before the complainant went to the Ombudsman' : "Ni all y dyddiad fod cyn i'r achwynydd fynd at yr Ombwdsmon";
      expect(await administrator.page.title()).toMatch(cast.language === 'en' ? /^Error: / : /^Gwall: /);
      expect(plain((await administrator.page.locator('.govuk-error-summary').textContent()) ?? '')).toContain(beforeReferral);
      expect(await administrator.page.locator('.govuk-error-summary a[href="#replyDueOn"]').count()).toBe(1);
      expect(plain((await administrator.page.locator('#replyDueOn-error').textContent()) ?? '')).toContain(beforeReferral);
      // What was typed is kept.
      expect(await administrator.page.inputValue('#theirReference')).toBe('OMB-E2E-1');
      expect(await administrator.page.inputValue('#replyDueOn-year')).toBe(londonDay(-1).year);
      // Left empty, it is asked for.
      for (const id of ['replyDueOn', 'replyDueOn-month', 'replyDueOn-year']) await administrator.page.fill(`#${id}`, '');
      await administrator.press('#submit');
      expect(plain((await administrator.page.locator('#replyDueOn-error').textContent()) ?? '')).toContain(
        cast.language === 'en' ? 'Enter the date the Ombudsman wants our reply by' : "Rhowch y dyddiad y mae'r Ombwdsmon eisiau ein hateb erbyn",
      );
      const due = londonDay(20);
      await fillDay('replyDueOn', due);
      await administrator.press('#submit');
      expect(await administrator.done()).toBe('moved');
      const section = plain((await administrator.page.locator('section[aria-labelledby="ombudsman-heading"]').textContent()) ?? '');
      expect(section).toContain(cast.language === 'en' ? 'Our reply due by' : 'Ein hateb erbyn');
      expect(section).toContain('OMB-E2E-1');
      expect(section).toContain(due.year);
    });
  });
}
