import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { checkPage, visit, waitForHydration } from './support/pages';
import { DEMO_STAFF, signInAs } from './support/staff';

const backoffice = inject('backofficeUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Types into the header's search box and sends it, as staff do from any page. */
async function searchFromHeader(page: Page, text: string): Promise<void> {
  await waitForHydration(page);
  await page.fill('#header-search', text);
  await Promise.all([page.waitForNavigation(), page.press('#header-search', 'Enter')]);
  await checkPage(page);
}

/** Whether every complaint reference on the page sits on one line. */
async function referencesOnOneLine(page: Page): Promise<{ count: number; wrapped: string[] }> {
  return page.$$eval('.app-reference', (spans) => ({
    count: spans.length,
    wrapped: spans.filter((s) => s.getClientRects().length !== 1).map((s) => s.textContent ?? ''),
  }));
}

describe('a member of staff finds a complaint from the header', () => {
  let north: Page;
  let complaint: { id: string; reference: string; name: string };

  beforeAll(async () => {
    ({ page: north } = await newPage(browser));
    await signInAs(north, DEMO_STAFF.csq_administrator, { baseUrl: backoffice });
    // A complaint of the North (placed in one of its areas, so the South cannot see it).
    await visit(north, `${backoffice}/queues/new?state=any`);
    const rows = await north.$$eval('main table tbody tr', (trs) =>
      trs.map((tr) => {
        const link = tr.querySelector<HTMLAnchorElement>('a[href^="/complaints/"]');
        const cells = tr.querySelectorAll('td');
        return {
          id: link?.getAttribute('href')?.split('/').pop() ?? '',
          reference: link?.textContent?.trim() ?? '',
          name: cells[1]?.firstChild?.textContent?.trim() ?? '',
          area: cells[2]?.textContent?.trim() ?? '',
        };
      }),
    );
    const placed = rows.find((r) => r.area !== '' && r.area !== 'Not yet placed' && r.name.includes(' '));
    expect(placed, 'a complaint placed in a North area on /queues/new').toBeDefined();
    complaint = placed!;
  });

  it('goes straight to the case from its reference typed in lower case without hyphens', async () => {
    await searchFromHeader(north, complaint.reference.replace(/-/g, '').toLowerCase());
    expect(new URL(north.url()).pathname).toBe(`/complaints/${complaint.id}`);
  });

  it('lists it, as a link, for part of the complainant’s name, with its reference on one line', async () => {
    const surname = complaint.name.split(' ').pop()!;
    const part = surname.slice(0, Math.max(3, surname.length - 2)).toLowerCase();
    await searchFromHeader(north, part);
    expect(new URL(north.url()).pathname).toBe('/search');
    expect(await north.locator('h1').textContent()).toBe('Complaints found');
    const link = north.locator(`main table a[href="/complaints/${complaint.id}"]`);
    expect(await link.textContent()).toBe(complaint.reference);
    // Narrow, the table is under pressure to wrap: references must not.
    await north.setViewportSize({ width: 420, height: 800 });
    const lines = await referencesOnOneLine(north);
    expect(lines.count).toBeGreaterThan(0);
    expect(lines.wrapped).toEqual([]);
    // In a table a reference is in the table's own type, not the large type of one to keep.
    expect(await link.evaluate((a) => getComputedStyle(a.querySelector('.app-reference')!).fontSize)).toBe(await link.evaluate((a) => getComputedStyle(a.closest('td, th')!).fontSize));
    // The check can fail: without the rule, the same references break at their hyphens.
    await north.$$eval('.app-reference', (spans) => spans.forEach((s) => ((s as HTMLElement).style.whiteSpace = 'normal')));
    expect((await referencesOnOneLine(north)).wrapped.length).toBeGreaterThan(0);
    await visit(north, `${backoffice}/queues/new?state=any`);
    expect((await referencesOnOneLine(north)).wrapped).toEqual([]);
    await north.setViewportSize({ width: 1280, height: 800 });
    await visit(north, `${backoffice}/search?q=${encodeURIComponent(part)}&lng=cy`, { language: 'cy' });
    expect(await north.locator('h1').textContent()).toBe('Cwynion a ganfuwyd');
    await visit(north, `${backoffice}/search?lng=en`, { language: 'en' });
  });

  it('says a mistyped reference is mistyped, keeps what was typed and suggests nothing', async () => {
    const last = complaint.reference.slice(-1);
    const mistyped = complaint.reference.slice(0, -1) + (last === '0' ? '1' : '0');
    await searchFromHeader(north, mistyped);
    expect(await north.title()).toMatch(/^Error: /);
    expect(await north.locator('.govuk-error-summary').textContent()).toContain('Check the reference: one of its characters is wrong');
    expect(await north.inputValue('#q')).toBe(mistyped);
    expect(await north.locator('main table').count()).toBe(0);
  });

  it('finds nothing for a member of staff of another area, and their case page is not found', async () => {
    const { page: south } = await newPage(browser);
    await signInAs(south, DEMO_STAFF.csq_administrator_south, { baseUrl: backoffice });
    await searchFromHeader(south, complaint.reference.replace(/-/g, '').toLowerCase());
    expect(new URL(south.url()).pathname).toBe('/search');
    expect(await south.locator('main').textContent()).toContain('No complaints found');
    expect(await south.locator(`a[href="/complaints/${complaint.id}"]`).count()).toBe(0);
    await visit(south, `${backoffice}/complaints/${complaint.id}`, { status: 404 });
    await south.context().close();
  });

  it('works without JavaScript', async () => {
    const { page } = await newPage(browser, { javaScript: false });
    await signInAs(page, DEMO_STAFF.csq_administrator, { baseUrl: backoffice });
    await page.fill('#header-search', complaint.reference.replace(/-/g, ' ').toLowerCase());
    await Promise.all([page.waitForNavigation(), page.click('form[role="search"] button[type="submit"]')]);
    expect(new URL(page.url()).pathname).toBe(`/complaints/${complaint.id}`);
    await checkPage(page);
    await page.context().close();
  });
});
