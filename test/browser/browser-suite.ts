import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase, reseed } from '../helpers/db.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchChromium } from './chromium.js';

/**
 * Loading a view takes a few GraphQL round trips and a layout. On a busy 2-core machine (CI, or a developer's
 * machine running other suites) that has taken over 30 s, so every wait is a condition with a generous bound.
 */
export const WAIT_MS = 90_000;
export const POLL = { timeout: WAIT_MS, interval: 100 };

/** The two screens the explorer is checked at. */
export const SCREEN_SIZES = [
  { name: 'laptop', width: 1440, height: 900, phone: false },
  { name: 'phone', width: 390, height: 844, phone: true },
] as const;

/**
 * What a browser test file runs against: the real service on the seeded graph and one Chromium, started by
 * `start()` in the suite's beforeAll and stopped by `stop()`; `problems` collects what the pages it watches
 * report (see watchPage).
 */
export class BrowserSuite {
  db!: Database;
  server!: TestServer;
  browser!: Browser;
  readonly problems: string[] = [];

  constructor(private readonly artifacts: string) {}

  async start(): Promise<void> {
    fs.mkdirSync(this.artifacts, { recursive: true });
    this.db = await openTestDatabase();
    await reseed(this.db);
    this.server = await startTestServer(this.db);
    this.browser = await launchChromium();
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.server?.close();
    await this.db?.close();
  }

  /** Records the page's console errors and warnings, page errors and failed requests in `problems`. */
  watch(page: Page, consoleTypes: readonly string[] = ['error', 'warning']): Page {
    page.setDefaultTimeout(WAIT_MS);
    page.on('console', (message) => {
      if (consoleTypes.includes(message.type())) this.problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // Opening the next view cuts off the requests of the one before (net::ERR_ABORTED): not a failure.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED')
        this.problems.push(`request failed: ${request.url()}`);
    });
    return page;
  }
}
