import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it when missing). */
export const CHROMIUM_PATH = process.env['AETHERQ_CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A phone in portrait: the viewport the issue names (an iPhone 12-14 class screen). */
export const PHONE = { width: 390, height: 844 };

/**
 * Where screenshots go: docs/screenshots (shown in the README) when AETHERQ_UPDATE_SCREENSHOTS=1, else a
 * scratch folder under tmp/, so that running the tests never changes committed files.
 */
export const SCREENSHOT_DIR = process.env['AETHERQ_UPDATE_SCREENSHOTS']
  ? resolve(__dirname, '../../../../docs/screenshots')
  : resolve(__dirname, '../../../../tmp/screenshots');

/** Whether the browser suite can run here; in CI it must (a missing Chromium fails there, loudly). */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env['CI']) throw new Error(`Chromium missing at ${CHROMIUM_PATH}: .ci/run installs it`);
  console.log(
    `[notice] skipping the browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`,
  );
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // What this sandboxed, offline machine needs (see docs/toolchain.md): no sandbox as root, no GPU, and
    // none of Chromium's own network chatter, which the closed network refuses.
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

/** A fresh phone-sized page (touch, mobile viewport, 2× pixels), in light or dark mode; 390×844 unless told. */
export async function phonePage(
  browser: Browser,
  colorScheme: 'light' | 'dark' = 'light',
  viewport: { width: number; height: number } = PHONE,
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    colorScheme,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A refused script or style (the API's Content-Security-Policy) is reported here.
    if (message.type() === 'error' && !/status of (401|403|429|400)/.test(message.text()))
      errors.push(message.text());
  });
  pageErrors.set(page, errors);
  return page;
}

const pageErrors = new WeakMap<Page, string[]>();

/** What went wrong in the page so far: uncaught errors and console errors (CSP refusals among them). */
export function errorsOf(page: Page): string[] {
  return pageErrors.get(page) ?? [];
}

/**
 * Saves what the phone shows as `<name>.png`: the viewport (as a user sees it, fixed header and tab bar in
 * place), scrolled so that `focus` is at the top when given.
 */
export async function screenshot(page: Page, name: string, focus?: Locator): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  if (focus) {
    await focus.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    // Let the sticky header settle and the charts redraw at their scrolled position.
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Whether the page is wider than the viewport: a phone would scroll sideways. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}
