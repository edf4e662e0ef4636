import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FORMULA_CELLS, neutralised } from '../helpers/formula-cells.js';
import { BrowserSuite, POLL, SCREEN_SIZES, WAIT_MS } from './browser-suite.js';
import { browserSuiteTitle, chromiumAvailable } from './chromium.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/screen');
/** The README's screenshot of the page, taken at laptop size after screening the CSV file. */
const README_SCREENSHOT = path.resolve(import.meta.dirname, '../../src/explorer/screen-page.png');
const AS_OF = '2025-06-01';
/** Every wait is a condition with a generous bound: a busy 2-core machine has taken over 30 s for a view. */
vi.setConfig({ testTimeout: 4 * WAIT_MS });

/**
 * A supplier file with a country column, a credit-code column (guessed as USCC), a reference column holding CSL
 * entity numbers (added by hand in the test), and names a spreadsheet would run as formulas. Written with
 * csv-stringify as it is, not through the formula-safe writer, so that the formulas reach the page.
 */
const FORMULAS = FORMULA_CELLS.filter((cell) => cell === cell.trim());
const SUPPLIERS = [
  ['Supplier', 'Country', 'Credit code', 'Reference'],
  ['Totally Different Name Ltd', 'CN', '91330000733796106P', ''],
  ['Dahua Technology', 'FR', '', ''],
  ['Xiaomi Corporation', 'China', '', ''],
  ['Acme Unknown Widgets', 'US', '', ''],
  ['Hikvision', 'Atlantis', '', ''],
  ['Some Drone Vendor', 'CN', '', '33111'],
  ...FORMULAS.map((cell) => [cell, 'CN', '', '']),
];

/** What the seeds answer (test/integration/screening.test.ts): the verdict of each supplier row, in order. */
const SUPPLIER_VERDICTS = [
  ['Totally Different Name Ltd', 'RESTRICTED', 'hikvision'],
  ['Dahua Technology', 'POSSIBLE_MATCH', null],
  ['Xiaomi Corporation', 'NOT_RESTRICTED', 'xiaomi'],
  ['Acme Unknown Widgets', 'NO_MATCH', null],
  ['Hikvision', 'NOT_SCREENED', null],
  ['Some Drone Vendor', 'RESTRICTED', 'dji'],
] as const;

const suite = new BrowserSuite(ARTIFACTS);
let incompleteListNames: string[];
const offHost: string[] = [];
/** How long the 500 rows took at each size, printed at the end for the record. */
const timings: string[] = [];

interface ShownRow {
  row: string;
  verdict: string;
  input: string;
  match: string;
  href: string | null;
  hidden: boolean;
}

describe.skipIf(!chromiumAvailable)(browserSuiteTitle('screening page in Chromium'), () => {
  beforeAll(async () => {
    await suite.start();
    const lists = await suite.server.graphql<{ lists: { name: string; coverage: { complete: boolean } }[] }>(
      '{ lists { name coverage { complete } } }',
    );
    incompleteListNames = lists
      .data!.lists.filter((list) => !list.coverage.complete)
      .map((list) => list.name);
    expect(incompleteListNames.length).toBeGreaterThan(0);
    fs.writeFileSync(path.join(ARTIFACTS, 'suppliers.csv'), stringify(SUPPLIERS));
  });

  afterAll(async () => {
    if (timings.length) console.log(`Screening page, 500 rows: ${timings.join('; ')}`);
    await suite.stop();
  });

  describe.each(SCREEN_SIZES)('at $width×$height', (size) => {
    let context: BrowserContext;
    let page: Page;
    const shot = (name: string) => path.join(ARTIFACTS, `${size.name}-${name}.png`);

    beforeAll(async () => {
      context = await openContext(size);
      page = await context.newPage();
      await page.goto(`${suite.server.url}/screen?asOf=${AS_OF}`);
      await page.waitForSelector('body[data-ready=true]');
    });

    afterAll(async () => {
      await context?.close();
    });

    it('is linked from the main page', async () => {
      const main = await context.newPage();
      await main.goto(`${suite.server.url}/?asOf=${AS_OF}`);
      const link = main.getByRole('link', { name: 'Screen a list' });
      await expect.poll(() => link.isVisible(), POLL).toBe(true);
      expect(await link.getAttribute('href')).toBe('/screen');
      await main.close();
    });

    it('screens pasted names: Hikvision and DJI restricted, Xiaomi not, an unknown name without a match', async () => {
      await page.fill('#names', 'Hikvision\nDJI\n\nXiaomi Corporation\nAcme Unknown Widgets\n');
      await expect.poll(() => page.locator('#input-count').innerText(), POLL).toBe('4 names to screen');
      await page.click('#screen-button');
      await finished(page, 4);
      const rows = await shownRows(page);
      expect(rows.map((row) => [row.input, row.verdict])).toEqual([
        ['Hikvision', 'RESTRICTED'],
        ['DJI', 'RESTRICTED'],
        ['Xiaomi Corporation', 'NOT_RESTRICTED'],
        ['Acme Unknown Widgets', 'NO_MATCH'],
      ]);
      expect(rows[0]!.match).toMatch(/^Hangzhou Hikvision Digital Technology Co\., Ltd\./);
      expect(rows[0]!.href).toBe(`/?entity=hikvision&asOf=${AS_OF}`);
      expect(rows[1]!.href).toBe(`/?entity=dji&asOf=${AS_OF}`);
      expect(rows[2]!.href).toBe(`/?entity=xiaomi&asOf=${AS_OF}`);
      expect(rows[3]!.href).toBeNull();

      const hikvision = page.locator('#results-body tr[data-row="1"]');
      expect(await hikvision.locator('.cell-score').innerText()).toMatch(/1\.00/);
      const lists = await hikvision.locator('.cell-lists').innerText();
      expect(lists).toContain('NDAA FY2019 Section 889 named entities');
      expect(lists).toContain('Section 889 Part A procurement ban');
      expect(await page.locator('#results-body tr[data-row="3"] .cell-lists').innerText()).toBe(
        `No measure applies on ${AS_OF}`,
      );
      // A "no match" is never "clean": the row says so, and the notice names the lists held in part.
      const unknown = page.locator('#results-body tr[data-row="4"]');
      expect(await unknown.locator('.cell-verdict').innerText()).toMatch(/No match\s+not a clean result/);
      for (const name of incompleteListNames) {
        expect(await unknown.locator('.cell-incomplete').innerText()).toContain(name);
      }
      const notice = page.getByTestId('incomplete-notice');
      expect(await notice.isVisible()).toBe(true);
      const noticeText = await notice.innerText();
      expect(noticeText).toMatch(/^“No match” is not “clean\.”/);
      for (const name of incompleteListNames) expect(noticeText).toContain(name);
      expect(await page.getByTestId('summary').innerText()).toBe(
        '4 rows: 2 restricted, 0 possible matches to review, 1 not restricted, 1 without a match.',
      );
      await expectNoOverflow(page);
      await page.screenshot({ path: shot('1-pasted'), fullPage: true });
    });

    it("opens a match in the main page's graph view", async () => {
      const [graph] = await Promise.all([
        context.waitForEvent('page'),
        page.locator('#results-body tr[data-row="2"] a.match-link').click(),
      ]);
      await graph.waitForURL(/entity=dji/);
      await expect
        .poll(() => graph.locator('#entity-header h2').innerText(), POLL)
        .toMatch(/^SZ DJI Technology/);
      await expect
        .poll(() => graph.getByTestId('verdict').innerText(), POLL)
        .toMatch(`Restricted on ${AS_OF}`);
      await graph.close();
    });

    it('loads a CSV file, with the country and identifier columns it guesses and one added by hand', async () => {
      await page.click('#tab-file');
      await page.setInputFiles('#csv-file', path.join(ARTIFACTS, 'suppliers.csv'));
      await expect
        .poll(() => page.locator('#file-summary').innerText(), POLL)
        .toMatch(/^suppliers\.csv: 11 rows/);
      const selected = (selector: string) =>
        page.locator(selector).evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]!.text);
      expect(await selected('#name-column')).toBe('Supplier');
      expect(await selected('#country-column')).toBe('Country');
      expect(await selected('#id-columns li:nth-child(1) select')).toBe('Credit code');
      expect(await page.inputValue('#id-columns li:nth-child(1) input')).toBe('USCC');
      // The Reference column holds CSL entity numbers; its header does not say so.
      await page.click('#add-id-column');
      await page.locator('#id-columns li:nth-child(2) select').selectOption({ label: 'Reference' });
      await page.locator('#id-columns li:nth-child(2) input').fill('csl');
      await expect
        .poll(() => page.locator('#file-preview').innerText(), POLL)
        .toContain('Totally Different Name Ltd · CN · USCC:91330000733796106P');
      expect(await page.locator('#input-count').innerText()).toBe('11 rows to screen from suppliers.csv');
      await page.click('#screen-button');
      await finished(page, 11);
      const rows = await shownRows(page);
      expect(rows).toHaveLength(SUPPLIERS.length - 1);
      for (const [index, [input, verdict, match]] of SUPPLIER_VERDICTS.entries()) {
        expect(rows[index], input).toMatchObject({ input, verdict });
        if (match) expect(rows[index]!.href).toBe(`/?entity=${match}&asOf=${AS_OF}`);
      }
      const byIdentifier = page.locator('#results-body tr[data-row="1"]');
      expect(await byIdentifier.locator('.cell-input').innerText()).toContain('USCC:91330000733796106P');
      expect(await byIdentifier.locator('.explanation').innerText()).toMatch(
        /^Identifier USCC:91330000733796106P is held by this entity/,
      );
      expect(await page.locator('#results-body tr[data-row="6"] .explanation').innerText()).toMatch(
        /^Identifier CSL:33111/,
      );
      expect(await page.locator('#results-body tr[data-row="2"] .cell-score').innerText()).toMatch(
        /to review/,
      );
      // The row the API refuses is reported with its reason; the rest of its batch is screened.
      expect(await page.locator('#results-body tr[data-row="5"] .row-error').innerText()).toMatch(
        /^country: "Atlantis" is not a country/,
      );
      await expectNoOverflow(page);
      await page.screenshot({ path: shot('2-csv'), fullPage: true });
      // The README's picture changes only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
      if (size.name === 'laptop' && process.env.UPDATE_SCREENSHOTS)
        await page.screenshot({ path: README_SCREENSHOT, fullPage: true });
    });

    it('filters by verdict, and downloads the rows shown', async () => {
      const counts = await page.$$eval('#verdict-filter button', (buttons) =>
        buttons.map((button) => [
          (button as HTMLElement).dataset.filter,
          button.querySelector('.count')?.textContent,
        ]),
      );
      expect(Object.fromEntries(counts)).toMatchObject({
        ALL: '11',
        RESTRICTED: '2',
        POSSIBLE_MATCH: '1',
        NOT_RESTRICTED: '1',
        NOT_SCREENED: '1',
      });
      await page.click('#verdict-filter [data-filter=RESTRICTED]');
      await expect
        .poll(async () => (await shownRows(page)).filter((row) => !row.hidden).map((row) => row.input), POLL)
        .toEqual(['Totally Different Name Ltd', 'Some Drone Vendor']);
      expect(await page.getAttribute('#verdict-filter [data-filter=RESTRICTED]', 'aria-pressed')).toBe(
        'true',
      );
      expect(await page.locator('#downloads-label').innerText()).toBe('Download the 2 rows shown:');
      await page.screenshot({ path: shot('3-filtered'), fullPage: true });
      const restricted = readCsv(await download(page, '#download-csv', size.name));
      expect(restricted.map((row) => [row.row, row.verdict, row.match_id])).toEqual([
        ['1', 'RESTRICTED', 'hikvision'],
        ['6', 'RESTRICTED', 'dji'],
      ]);

      await page.click('#verdict-filter [data-filter=NO_MATCH]');
      const noMatch = await shownRows(page);
      expect(noMatch.filter((row) => !row.hidden).every((row) => row.verdict === 'NO_MATCH')).toBe(true);
      await page.click('#verdict-filter [data-filter=ALL]');
      await expect.poll(async () => (await shownRows(page)).every((row) => !row.hidden), POLL).toBe(true);

      const csvFile = await download(page, '#download-csv', size.name);
      expect(path.basename(csvFile)).toBe(`${size.name}-screening-${AS_OF}.csv`);
      const report = readCsv(csvFile);
      expect(report).toHaveLength(SUPPLIERS.length - 1);
      expect(report[0]).toMatchObject({
        input: 'Totally Different Name Ltd',
        country: 'CN',
        identifiers: 'USCC:91330000733796106P',
        verdict: 'RESTRICTED',
        match_id: 'hikvision',
        score: '1',
        graph_link: `${suite.server.url}/?entity=hikvision&asOf=${AS_OF}`,
      });
      expect(report[3]).toMatchObject({
        verdict: 'NO_MATCH',
        incomplete_lists: incompleteListNames.join('; '),
      });
      expect(report[4]).toMatchObject({ verdict: 'NOT_SCREENED', error: expect.stringMatching(/Atlantis/) });
      // Names that a spreadsheet would run come out as text: a leading quote, the rest kept.
      const formulaRows = report.slice(SUPPLIER_VERDICTS.length);
      expect(formulaRows.map((row) => row.name)).toEqual(FORMULAS.map(neutralised));
      expect(formulaRows[0]!.name).toMatch(/^'=HYPERLINK\(/);
      const raw = fs.readFileSync(csvFile, 'utf8');
      expect(raw.split('\r\n').some((line) => /^\d+,"?=/.test(line))).toBe(false);

      const json = JSON.parse(fs.readFileSync(await download(page, '#download-json', size.name), 'utf8'));
      expect(json).toMatchObject({
        asOf: AS_OF,
        summary: { RESTRICTED: 2, POSSIBLE_MATCH: 1, NOT_RESTRICTED: 1, NOT_SCREENED: 1 },
        incompleteLists: incompleteListNames,
      });
      expect(json.rows).toHaveLength(SUPPLIERS.length - 1);
      expect(json.rows[5]).toMatchObject({
        input: 'Some Drone Vendor',
        matchId: 'dji',
        identifiers: ['CSL:33111'],
      });
    });

    it('screens 500 rows in batches, the progress moving to the end', async () => {
      const names = [
        'Hikvision',
        'DJI',
        'Xiaomi Corporation',
        'Acme Unknown Widgets',
        'Huawei',
        'ZTE',
        'Tencent',
      ];
      const lines = Array.from({ length: 500 }, (_, index) => names[index % names.length]!);
      await page.click('#tab-paste');
      await page.fill('#names', lines.join('\n'));
      await expect.poll(() => page.locator('#input-count').innerText(), POLL).toBe('500 names to screen');
      // Record every state of the progress bar as the page sets it.
      await page.evaluate(() => {
        const progress = document.getElementById('progress') as HTMLProgressElement;
        const seen: { value: number; max: number; text: string }[] = [];
        (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
        new MutationObserver(() =>
          seen.push({
            value: progress.value,
            max: progress.max,
            text: document.getElementById('progress-text')!.textContent ?? '',
          }),
        ).observe(document.getElementById('progress-text')!, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
      const started = Date.now();
      await page.click('#screen-button');
      await finished(page, 500);
      const elapsed = Date.now() - started;
      const seen = await page.evaluate(
        () =>
          (window as unknown as { progressSeen: { value: number; max: number; text: string }[] })
            .progressSeen,
      );
      const values = seen.map((state) => state.value);
      expect(values[0]).toBe(0);
      expect(values.at(-1)).toBe(500);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(values.some((value) => value > 0 && value < 500)).toBe(true);
      expect(seen.every((state) => state.max === 500)).toBe(true);
      expect(seen.at(-1)!.text).toBe('Screened 500 of 500 rows (10 of 10 requests)');
      expect(await page.locator('#results-body tr').count()).toBe(500);
      const summary = await page.getByTestId('summary').innerText();
      const counted = [...summary.matchAll(/(\d+) (?:restricted|possible|not restricted|without)/g)];
      expect(counted.reduce((sum, [, count]) => sum + Number(count), 0)).toBe(500);
      const rows = await shownRows(page);
      expect(rows.map((row) => row.row)).toEqual(lines.map((_, index) => String(index + 1)));
      // The same name gets the same verdict in every batch.
      const verdicts = new Map<string, Set<string>>();
      for (const row of rows)
        verdicts.set(row.input, (verdicts.get(row.input) ?? new Set()).add(row.verdict));
      expect(Object.fromEntries([...verdicts].map(([name, found]) => [name, [...found]]))).toMatchObject({
        Hikvision: ['RESTRICTED'],
        DJI: ['RESTRICTED'],
        'Xiaomi Corporation': ['NOT_RESTRICTED'],
        'Acme Unknown Widgets': ['NO_MATCH'],
      });
      expect([...verdicts.values()].every((found) => found.size === 1)).toBe(true);
      const status = await page.locator('#status').innerText();
      timings.push(
        `${size.width}×${size.height}: ${(elapsed / 1000).toFixed(1)} s from the click (${status})`,
      );
      await expectNoOverflow(page);
      await page.screenshot({ path: shot('4-500-rows') });
    });
  });

  it('logs no console errors or warnings, no failed requests, and asks nothing of any host but the service', () => {
    expect(offHost).toEqual([]);
    expect(suite.problems).toEqual([]);
  });
});

/** A browser context whose pages reach only the service: any request off 127.0.0.1 is refused and recorded. */
async function openContext({ width, height }: { width: number; height: number }): Promise<BrowserContext> {
  const context = await suite.browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  context.setDefaultTimeout(WAIT_MS);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    offHost.push(url.href);
    return route.abort('internetdisconnected');
  });
  context.on('page', (opened) => suite.watch(opened));
  return context;
}

/** Waits until a screening of `rows` rows has come back whole. */
async function finished(page: Page, rows: number): Promise<void> {
  await page.waitForFunction(
    (count) =>
      document.getElementById('progress-area')?.dataset.done === 'true' &&
      document.getElementById('results')?.getAttribute('aria-busy') === 'false' &&
      document.querySelectorAll('#results-body tr').length === count,
    rows,
    { timeout: WAIT_MS },
  );
}

/** The results table as the page shows it. */
function shownRows(page: Page): Promise<ShownRow[]> {
  return page.$$eval('#results-body tr', (trs) =>
    trs.map((tr) => {
      const element = tr as HTMLElement;
      return {
        row: element.dataset.row ?? '',
        verdict: element.dataset.verdict ?? '',
        input: element.querySelector('.input-name')?.textContent ?? '',
        match: element.querySelector('.cell-match')?.textContent ?? '',
        href: element.querySelector('a.match-link')?.getAttribute('href') ?? null,
        hidden: element.hidden,
      };
    }),
  );
}

/** Clicks a download button and keeps the file under test-artifacts/screen, named for the screen size. */
async function download(page: Page, button: string, prefix: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const saved = path.join(ARTIFACTS, `${prefix}-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  return saved;
}

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
}

async function expectNoOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
