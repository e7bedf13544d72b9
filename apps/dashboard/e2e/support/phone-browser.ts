import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';

// Chromium itself (where it is, whether it is there, how it starts) is the test library's, as every browser
// suite's (the report's too).
export { CHROMIUM_PATH, chromiumAvailable, launchChromium } from '@aetherquant/testing';

/** A phone in portrait: the viewport the issue names (an iPhone 12-14 class screen). */
export const PHONE = { width: 390, height: 844 };

/** The layouts the dashboard is checked at: a phone upright and on its side, and a laptop's window. */
export const VIEWPORTS = {
  phone: PHONE,
  landscape: { width: 844, height: 390 },
  desktop: { width: 1280, height: 800 },
} as const;

/** Viewports up to a tablet's width are touch devices; wider ones a laptop with a mouse. */
const TOUCH_WIDTH_BELOW = 1024;

/**
 * Where screenshots go: docs/screenshots (shown in the README) when AETHERQ_UPDATE_SCREENSHOTS=1, else a
 * scratch folder under tmp/, so that running the tests never changes committed files.
 */
export const SCREENSHOT_DIR = process.env['AETHERQ_UPDATE_SCREENSHOTS']
  ? resolve(__dirname, '../../../../docs/screenshots')
  : resolve(__dirname, '../../../../tmp/screenshots');

/**
 * A fresh page in light or dark mode, 390×844 unless told: a phone (touch, mobile viewport, 2× pixels) below
 * 1024 px wide, else a laptop (mouse, 1× pixels).
 */
export async function phonePage(
  browser: Browser,
  colorScheme: 'light' | 'dark' = 'light',
  viewport: { width: number; height: number } = PHONE,
): Promise<Page> {
  const touch = viewport.width < TOUCH_WIDTH_BELOW;
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: touch ? 2 : 1,
    isMobile: touch,
    hasTouch: touch,
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
