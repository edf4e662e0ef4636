import fs from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run); Playwright never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumAvailable = fs.existsSync(CHROMIUM);

/** A suite title that says, when Chromium is missing, why the suite is skipped and how to run it. */
export function browserSuiteTitle(title: string): string {
  if (chromiumAvailable) return title;
  console.warn(
    `Skipping "${title}": no Chromium at ${CHROMIUM}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  return `${title} (SKIPPED: no Chromium at ${CHROMIUM}; install it with apt-get install chromium)`;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
