import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it when missing). */
export const CHROMIUM_PATH = process.env['AETHERQ_CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Whether a browser suite can run here; in CI it must (a missing Chromium fails there, loudly). */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env['CI']) throw new Error(`Chromium missing at ${CHROMIUM_PATH}: .ci/run installs it`);
  console.log(
    `[notice] skipping the browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`,
  );
  return false;
}

/** Headless Chromium as this sandboxed, offline machine needs it (see docs/toolchain.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // No sandbox as root, no GPU, and none of Chromium's own network chatter, which the closed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What a page did besides showing itself: every request past its own document, every console error. */
export interface PageTraffic {
  requests: string[];
  consoleErrors: string[];
}

/**
 * Watches a page from now on: each request other than `ownUrl` (the document itself), console errors and
 * uncaught exceptions, and requests the page's policy refused (Chromium reports those as console errors).
 */
export function watchTraffic(page: Page, ownUrl: (url: string) => boolean): PageTraffic {
  const traffic: PageTraffic = { requests: [], consoleErrors: [] };
  page.on('request', (request) => {
    if (!ownUrl(request.url())) traffic.requests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') traffic.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => traffic.consoleErrors.push(error.message));
  return traffic;
}
