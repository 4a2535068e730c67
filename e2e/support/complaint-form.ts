import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { newPage } from './browser';
import { checkPage, visit } from './pages';

const portal = inject('portalUrl');

export type Language = 'en' | 'cy';
/** How a journey fills in a form; `address` is where it comes from (each journey its own, so the limits per address apply per journey). */
export type How = { language: Language; javaScript?: boolean; keyboard?: boolean; address?: string };

export const WORDS = {
  en: {
    errorTitle: /^Error: /,
    sent: 'Complaint sent',
    sentChild: 'Thank you for telling us',
    check: 'Check your answers before sending your complaint',
    removedChild: 'This has been taken off this phone or computer',
  },
  cy: {
    errorTitle: /^Gwall: /,
    sent: "Cwyn wedi'i hanfon",
    sentChild: 'Diolch am ddweud wrthym',
    check: 'Gwiriwch eich atebion cyn anfon eich cwyn',
    removedChild: "Mae hwn wedi'i dynnu oddi ar y ffôn neu'r cyfrifiadur hwn",
  },
} as const;

let addressCount = 0;

/**
 * A person filling in a complaint form. Each journey comes from its own address (as people behind
 * the load balancer do), so the limit per address applies to each journey, not to the test run.
 * Every page reached, every error state included, is checked with axe-core.
 */
export class ComplaintForm {
  private constructor(
    readonly page: Page,
    private readonly how: How,
    private readonly close: () => Promise<void>,
  ) {}

  static async open(browser: Browser, how: How): Promise<ComplaintForm> {
    const { context, page } = await newPage(browser, { javaScript: how.javaScript ?? true });
    addressCount += 1;
    await context.setExtraHTTPHeaders({ 'X-Forwarded-For': how.address ?? `198.51.100.${addressCount}` });
    return new ComplaintForm(page, how, () => context.close());
  }

  async done() {
    await this.close();
  }

  async checked(label: string) {
    await checkPage(this.page, { language: this.how.language, label });
  }

  async start(startPath: string) {
    await visit(this.page, `${portal}${startPath}?lng=${this.how.language}`, { language: this.how.language });
    await this.activate('a.govuk-button--start');
    await this.checked('first question');
  }

  /** Moves the focus to an element with the Tab key alone, as a keyboard user would. */
  private async tabTo(selector: string) {
    for (let presses = 0; presses < 80; presses += 1) {
      if (await this.page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Could not reach ${selector} with the Tab key.`);
  }

  async activate(selector: string) {
    const navigated = this.page.waitForNavigation({ waitUntil: 'load' });
    if (this.how.keyboard) {
      await this.tabTo(selector);
      await this.page.keyboard.press('Enter');
    } else {
      await this.page.click(selector);
    }
    await navigated;
  }

  async type(id: string, text: string) {
    const selector = `[id="${id}"]`;
    if (this.how.keyboard) {
      await this.tabTo(selector);
      await this.page.keyboard.press('Control+A');
      // Long text is put in as one insertion, as pasting would; short text is typed key by key.
      if (text.length > 200) await this.page.keyboard.insertText(text);
      else await this.page.keyboard.type(text);
    } else {
      await this.page.fill(selector, text);
    }
  }

  async choose(name: string, value: string) {
    const selector = `input[name="${name}"][value="${value}"]`;
    if (this.how.keyboard) {
      const type = await this.page.getAttribute(selector, 'type');
      if (type === 'radio') {
        // Tab reaches a group once; the arrow keys move between its choices and select them.
        await this.tabTo(`input[name="${name}"]`);
        for (let moves = 0; moves < 12 && !(await this.page.isChecked(selector)); moves += 1) {
          const focused = await this.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);
          await this.page.keyboard.press(focused === value ? 'Space' : 'ArrowDown');
        }
      } else {
        await this.tabTo(selector);
        if (!(await this.page.isChecked(selector))) await this.page.keyboard.press('Space');
      }
      expect(await this.page.isChecked(selector)).toBe(true);
    } else {
      await this.page.check(selector);
    }
  }

  async continue(label: string) {
    await this.activate('.govuk-button-group button[value="continue"]');
    await this.checked(label);
  }

  async press(value: string, label: string) {
    await this.activate(`button[value="${value}"]:not([aria-hidden])`);
    await this.checked(label);
  }

  /** Sends the page as it is and expects it back with errors: the title marked, the summary focused and linked. */
  async expectErrors(label: string, count: number) {
    await this.continue(`${label} (with errors)`);
    expect(await this.page.title()).toMatch(WORDS[this.how.language].errorTitle);
    const links = this.page.locator('.govuk-error-summary__list a');
    expect(await links.count()).toBe(count);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(await this.page.locator(`[id="${href!.slice(1)}"]`).count(), `error link ${href}`).toBe(1);
    }
    // The summary takes the focus as the page loads (autofocus works with JavaScript off too).
    expect(await this.page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
  }

  async at(pathname: string) {
    expect(new URL(this.page.url()).pathname).toBe(pathname);
  }

  async heading() {
    return (await this.page.locator('h1').first().textContent())?.trim();
  }
}

