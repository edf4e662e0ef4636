import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase, reseed } from '../helpers/db.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { browserSuiteTitle, chromiumAvailable, launchChromium } from './chromium.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/graphiql');
/** GraphiQL is one large page (its editor included); give it time to start on a busy machine. */
const POLL = { timeout: 30_000, interval: 200 };

let db: Database;
let server: TestServer;
let browser: Browser;
let page: Page;
/** Requests to anywhere but the service, refused as they would fail offline. */
const outside: string[] = [];
/** Console errors, page errors and failed requests. */
const problems: string[] = [];

/** What an editor shows, with the editor's non-breaking spaces read as spaces. */
async function text(selector: string): Promise<string> {
  const shown = await page
    .locator(selector)
    .innerText()
    .catch(() => '');
  return shown.replace(/\u00a0/g, ' ');
}

describe.skipIf(!chromiumAvailable)(browserSuiteTitle('GraphiQL in Chromium, offline'), () => {
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    db = await openTestDatabase();
    await reseed(db);
    server = await startTestServer(db);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).hostname === '127.0.0.1') return route.continue();
      outside.push(url);
      return route.abort('internetdisconnected');
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    await page.goto(`${server.url}/graphql`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it("renders from the service alone, with the README's example query preloaded", async () => {
    await expect.poll(() => text('.graphiql-query-editor'), POLL).toContain('explainRestrictions');
    expect(await text('.graphiql-query-editor')).toContain('explainRestrictions(id: "ezviz-network")');
    await page.screenshot({ path: path.join(ARTIFACTS, '1-loaded.png') });
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('runs the query against the service and shows the answer', async () => {
    await page.click('.graphiql-execute-button');
    await expect.poll(() => text('.graphiql-response'), POLL).toContain('"restricted": true');
    expect(await text('.graphiql-response')).toMatch(/"data": \{\s+"explainRestrictions": \{/);
    await page.screenshot({ path: path.join(ARTIFACTS, '2-answered.png') });
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });
});
