import { type Locator, type Page } from 'playwright-core';

/** Waits until the browser has drawn twice: lightweight-charts paints on an animation frame. */
export function afterPaint(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** The chart's visible logical range and its number of points, from the test hooks it sets on its box. */
export async function visibleRange(chart: Locator): Promise<{ from: number; to: number; points: number }> {
  await chart
    .page()
    .waitForFunction(
      (element) => (element as HTMLElement).dataset['visibleTo'] !== undefined,
      await chart.elementHandle(),
    );
  return chart.evaluate((element: HTMLElement) => ({
    from: Number(element.dataset['visibleFrom']),
    to: Number(element.dataset['visibleTo']),
    points: Number(element.dataset['points']),
  }));
}

/** The colours the page gives `var(--negative)` and `var(--positive)`, as computed styles write them. */
export function signColours(page: Page): Promise<{ negative: string; positive: string; text: string }> {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const colourOf = (value: string) => {
      probe.style.color = value;
      return getComputedStyle(probe).color;
    };
    const colours = {
      negative: colourOf('var(--negative)'),
      positive: colourOf('var(--positive)'),
      text: colourOf('var(--text)'),
    };
    probe.remove();
    return colours;
  });
}

/** Every figure coloured by its sign in `scope`: its text and its computed colour. */
export function signedFigures(scope: Locator): Promise<{ text: string; tone: string; colour: string }[]> {
  return scope.evaluate((element) =>
    [...element.querySelectorAll<HTMLElement>('.tone--negative, .tone--positive')].map((figure) => ({
      text: figure.textContent ?? '',
      tone: figure.classList.contains('tone--negative') ? 'negative' : 'positive',
      colour: getComputedStyle(figure).color,
    })),
  );
}

/**
 * Scrolls the page so that the TradingView logo of `chart` sits at the height of the tab bar (at the bottom on
 * a phone, under the header on wider screens): where the logo once covered the tabs.
 */
export function scrollLogoToTabBar(chart: Locator): Promise<void> {
  return chart.evaluate((element) => {
    const logo = element.querySelector('#tv-attr-logo');
    const bar = document.querySelector('.tab-bar');
    if (!logo || !bar) throw new Error('no logo in the chart, or no tab bar');
    const logoBox = logo.getBoundingClientRect();
    const barBox = bar.getBoundingClientRect();
    window.scrollBy(0, logoBox.top + logoBox.height / 2 - (barBox.top + barBox.height / 2));
  });
}

/** What a tap at the centre of each tab and of the chart's logo lands on. */
export function tapTargets(chart: Locator): Promise<{
  tabs: { name: string; hit: boolean }[];
  logoCoveredByTabBar: boolean;
  logoInsideChart: boolean;
  logoHref: string;
}> {
  return chart.evaluate((element) => {
    const centre = (box: DOMRect) => [box.left + box.width / 2, box.top + box.height / 2] as const;
    const tabs = [...document.querySelectorAll<HTMLElement>('.tab-bar button')].map((tab) => {
      const hit = document.elementFromPoint(...centre(tab.getBoundingClientRect()));
      return { name: tab.textContent ?? '', hit: hit !== null && tab.contains(hit) };
    });
    const logo = element.querySelector<HTMLAnchorElement>('#tv-attr-logo');
    if (!logo) throw new Error('no logo in the chart');
    const logoBox = logo.getBoundingClientRect();
    const chartBox = element.getBoundingClientRect();
    const atLogo = document.elementFromPoint(...centre(logoBox));
    return {
      tabs,
      logoCoveredByTabBar: Boolean(atLogo?.closest('.tab-bar')),
      logoInsideChart:
        logoBox.left >= chartBox.left &&
        logoBox.right <= chartBox.right &&
        logoBox.top >= chartBox.top &&
        logoBox.bottom <= chartBox.bottom,
      logoHref: logo.href,
    };
  });
}

/** A weight bar's width as a share of its track, and the weight the table beside it gives. */
export function barShares(chart: Locator): Promise<{ name: string; share: number; label: string }[]> {
  return chart.evaluate((element) =>
    [...element.querySelectorAll<HTMLElement>('.bar-chart__row')].map((row) => {
      const track = row.querySelector('.bar-chart__track')?.getBoundingClientRect();
      const bar = row.querySelector('.bar-chart__bar')?.getBoundingClientRect();
      return {
        name: row.querySelector('.bar-chart__name')?.textContent ?? '',
        share: track && bar ? bar.width / track.width : Number.NaN,
        label: row.querySelector('.bar-chart__value')?.textContent ?? '',
      };
    }),
  );
}

/** The value a description list gives `label` inside `scope`. */
export function factValue(scope: Locator, label: string): Promise<string> {
  return scope
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .first()
    .locator('xpath=following-sibling::dd[1]')
    .innerText();
}
