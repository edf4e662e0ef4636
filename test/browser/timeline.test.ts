import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BrowserSuite, POLL, SCREEN_SIZES, WAIT_MS } from './browser-suite.js';
import { browserSuiteTitle, chromiumAvailable } from './chromium.js';
import { idle } from './page-probes.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/timeline');
const README_SCREENSHOT = path.resolve(import.meta.dirname, '../../src/explorer/timeline.png');
/** Before the suspension: the BIS affiliates rule (effective 2025-09-29) reaches Hikrobot through Hikvision. */
const BEFORE = '2025-10-15';
/** seeds/instruments.json: the affiliates rule is suspended from 2025-11-10 until 2026-11-10 (exclusive). */
const SUSPENDED_FROM = '2025-11-10';
const SUSPENDED_TO = '2026-11-10';
const AFFILIATES_RULE = 'BIS affiliates rule (50 percent rule for the Entity List)';
/** Every wait is a condition with a generous bound: a busy 2-core machine has taken over 30 s for a view. */
vi.setConfig({ testTimeout: 4 * WAIT_MS });

const suite = new BrowserSuite(ARTIFACTS);

describe.skipIf(!chromiumAvailable)(browserSuiteTitle('timeline and What changed in Chromium'), () => {
  beforeAll(async () => {
    await suite.start();
  });

  afterAll(async () => {
    await suite.stop();
  });

  describe.each(SCREEN_SIZES)('at $width×$height', (size) => {
    let page: Page;
    const shot = (name: string) => path.join(ARTIFACTS, `${size.name}-${name}.png`);

    beforeAll(async () => {
      page = await openPage(size);
      await page.goto(`${suite.server.url}/?entity=hikrobot&asOf=${BEFORE}`);
      await idle(page);
    });

    afterAll(() => page?.close());

    it("shows Hikrobot's timeline: Hikvision's listings, the affiliates rule taking effect and its suspension", async () => {
      await page.click('#tab-timeline');
      await page.waitForURL(/tab=timeline/);
      const events = page.getByTestId('timeline-events');
      await expect.poll(() => events.locator('li').count(), POLL).toBeGreaterThan(5);
      const lines = (await events.locator('li').allInnerTexts()).map((line) => line.replace(/\s+/g, ' '));
      expect(lines).toEqual(
        expect.arrayContaining([
          '2018-08-13 Hangzhou Hikvision Digital Technology Co., Ltd. listed on NDAA FY2019 Section 889 named entities',
          '2019-10-09 Hangzhou Hikvision Digital Technology Co., Ltd. listed on Entity List',
          `2025-09-29 ${AFFILIATES_RULE} takes effect (through Hangzhou Hikvision Digital Technology Co., Ltd.)`,
          `${SUSPENDED_FROM} ${AFFILIATES_RULE} suspended (One-year suspension of the BIS affiliates rule)`,
          `${SUSPENDED_TO} Suspension of ${AFFILIATES_RULE} ends: it applies again`,
        ]),
      );
      const dates = lines.map((line) => line.slice(0, 10));
      expect(dates).toEqual([...dates].sort());

      // The chart: a row for the rule with its suspension drawn as a gap, and the cursor on the date shown.
      const rule = page.locator('.timeline-row', { hasText: AFFILIATES_RULE });
      await expect.poll(() => rule.locator('.timeline-chip').innerText(), POLL).toBe('applies');
      expect(await rule.locator('.timeline-gap').count()).toBe(1);
      expect(await page.getByTestId('timeline-date').innerText()).toBe(`As of ${BEFORE}`);
      expect(await page.getByTestId('timeline-verdict').innerText()).toMatch(
        new RegExp(`^On ${BEFORE}: restricted by 5 measures\\.`),
      );
      const cursor = (await page.locator('.timeline-cursor').boundingBox())!;
      const gap = (await rule.locator('.timeline-gap').boundingBox())!;
      expect(cursor.x).toBeLessThan(gap.x);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.locator('#panel').screenshot({ path: shot('1-timeline') });
    });

    it('dragging the slider into the suspension moves the as-of date, and the affiliates rule no longer applies', async () => {
      const slider = page.getByTestId('timeline-slider');
      await slider.scrollIntoViewIfNeeded();
      const box = (await slider.boundingBox())!;
      const max = Number(await slider.getAttribute('max'));
      const startDay = dayOf(BEFORE) - Number(await slider.inputValue());
      const thumb = 18;
      const xOf = (date: string) =>
        box.x + thumb / 2 + ((box.width - thumb) * (dayOf(date) - startDay)) / max;
      const y = box.y + box.height / 2;
      const target = '2026-05-11';
      await page.mouse.move(xOf(BEFORE), y);
      await page.mouse.down();
      await page.mouse.move(xOf(target), y, { steps: 12 });
      await page.mouse.up();

      await page.waitForURL((url) => url.searchParams.get('asOf') !== BEFORE);
      const date = new URL(page.url()).searchParams.get('asOf')!;
      expect(date >= SUSPENDED_FROM && date < SUSPENDED_TO, `${date} lies in the suspension`).toBe(true);
      expect(await page.inputValue('#as-of')).toBe(date);
      expect(await page.getByTestId('timeline-date').innerText()).toBe(`As of ${date}`);
      await idle(page);

      const rule = page.locator('.timeline-row', { hasText: AFFILIATES_RULE });
      await expect.poll(() => rule.locator('.timeline-chip').innerText(), POLL).toBe('suspended');
      await expect
        .poll(() => page.getByTestId('timeline-verdict').innerText(), POLL)
        .toContain(`Not applying on this date: ${AFFILIATES_RULE} (suspended)`);
      const cursor = (await page.locator('.timeline-cursor').boundingBox())!;
      const gap = (await rule.locator('.timeline-gap').boundingBox())!;
      expect(cursor.x).toBeGreaterThan(gap.x);
      expect(cursor.x).toBeLessThan(gap.x + gap.width);
      if (size.name === 'laptop') {
        // For the README: the panel scrolled to the timeline, so the rule's row and its chip are in the picture.
        await page.locator('#panel').evaluate((panel) => {
          const verdict = panel.querySelector('[data-testid=timeline-verdict]')!;
          panel.scrollTop += verdict.getBoundingClientRect().top - panel.getBoundingClientRect().top - 8;
          window.scrollTo(0, 0);
        });
        // The README's picture changes only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
        if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: README_SCREENSHOT });
      }
      await page.screenshot({ path: shot('2-slider-in-suspension'), fullPage: true });

      // The Why panel answers for the new date: the rule has moved to "Why not", suspended.
      await page.click('#tab-why');
      await expect.poll(() => page.getByTestId('verdict').innerText(), POLL).toMatch(`Restricted on ${date}`);
      const whyNot = page.locator('.chain.why-not', { hasText: AFFILIATES_RULE });
      await expect.poll(() => whyNot.locator('.badge.reason').innerText(), POLL).toBe('suspended');
      expect(await whyNot.innerText()).toContain(`suspended from ${SUSPENDED_FROM} until ${SUSPENDED_TO}`);
      expect(await page.locator('.chain:not(.why-not)', { hasText: AFFILIATES_RULE }).count()).toBe(0);
      await page.locator('#panel').screenshot({ path: shot('3-why-in-suspension') });
    });

    it('"What changed" between 2025-10-01 and 2026-01-15 lists the suspension and the listings on its lists', async () => {
      await page.click('#tab-timeline');
      await page.getByTestId('changes-from').fill('2025-10-01');
      await page.getByTestId('changes-to').fill('2026-01-15');
      await page.getByRole('button', { name: 'Compare' }).click();
      const changes = page.getByTestId('changes');
      await expect.poll(() => changes.innerText(), POLL).toContain('Restrictions, 2025-10-01 → 2026-01-15');
      const restrictions = (await page.getByTestId('restriction-changes').innerText()).replace(/\s+/g, ' ');
      expect(restrictions).toMatch(
        new RegExp(`^lost ${escape(AFFILIATES_RULE)} suspended · Entity List · through Hangzhou Hikvision`),
      );
      expect(restrictions).toContain(`it is suspended from ${SUSPENDED_FROM} until ${SUSPENDED_TO}`);
      expect(restrictions).not.toContain('gained');
      const listings = page.getByTestId('listing-changes');
      expect((await listings.innerText()).replace(/\s+/g, ' ')).toMatch(
        /2 changes on the 4 lists it is on or reached through\./,
      );
      const fcc = listings.locator('details', { hasText: 'FCC Covered List' });
      expect(await fcc.locator('summary').innerText()).toBe('FCC Covered List — 2 added');
      expect((await fcc.locator('li').allInnerTexts()).map((line) => line.replace(/\s+/g, ' '))).toEqual([
        '2025-12-22 added Autel Robotics Co., Ltd. · FCC Covered List',
        '2025-12-22 added SZ DJI Technology Co., Ltd. · FCC Covered List',
      ]);
      await page.locator('#changes-title').scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot('4-what-changed') });
      await page.locator('#panel').screenshot({ path: shot('5-panel-whole') });
    });

    it('an event date sets the explorer to that day', async () => {
      await page
        .getByTestId('timeline-events')
        .locator('li', { hasText: 'suspended (One-year suspension' })
        .getByRole('button')
        .click();
      await page.waitForURL(new RegExp(`asOf=${SUSPENDED_FROM}`));
      expect(await page.inputValue('#as-of')).toBe(SUSPENDED_FROM);
      await expect
        .poll(() => page.getByTestId('timeline-verdict').innerText(), POLL)
        .toContain(`On ${SUSPENDED_FROM}: restricted by 4 measures.`);
      await page.getByRole('button', { name: 'Earlier event' }).click();
      await page.waitForURL(/asOf=2025-09-29/);
      await expect
        .poll(
          () =>
            page.locator('.timeline-row', { hasText: AFFILIATES_RULE }).locator('.timeline-chip').innerText(),
          POLL,
        )
        .toBe('applies');
      await idle(page);
    });
  });

  it('logs no console errors or warnings and no failed requests', () => {
    expect(suite.problems).toEqual([]);
  });
});

async function openPage({ width, height }: { width: number; height: number }): Promise<Page> {
  return suite.watch(await suite.browser.newPage({ viewport: { width, height } }));
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

function dayOf(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
