import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createdCharts } from '../testing/fake-lightweight-charts';
import { distinctTickLabels, timeIndex, toChartTime } from './chart-engine';
import { formatDrawdownTick, formatEquityTick } from './chart-formats';
import { ChartGroup, useChartGroup } from './chart-group';
import { formatMoney, formatPercent } from './format';
import { TimeSeriesChart } from './time-series-chart';

jest.mock('lightweight-charts', () => jest.requireActual('../testing/fake-lightweight-charts'), {
  virtual: true,
});

const TIME = ['2024-11-21', '2024-11-22', '2024-11-25'];
const EQUITY = [{ name: 'Strategy', values: [100000, 101000, 99500], colorVariable: '--chart-equity' }];
const DRAWDOWN = [
  { name: 'Drawdown', values: [0, 0, -0.014851], colorVariable: '--chart-drawdown', area: true },
];
const money = (value: number) => formatMoney(value);
const percent = (value: number) => formatPercent(value);

function EquityAndDrawdown() {
  const group = useChartGroup();
  return (
    <>
      <TimeSeriesChart
        testId="equity"
        label="Equity"
        time={TIME}
        lines={EQUITY}
        format={money}
        logScaleToggle
        group={group}
      />
      <TimeSeriesChart
        testId="drawdown"
        label="Drawdown"
        time={TIME}
        lines={DRAWDOWN}
        format={percent}
        group={group}
      />
    </>
  );
}

function legendOf(testId: string) {
  return screen.getByTestId(testId).closest('figure')?.querySelector('figcaption')?.textContent;
}

beforeEach(() => {
  createdCharts.length = 0;
});

describe('a time-series chart', () => {
  it('fits the whole run on open, and again when its width changes', () => {
    render(<EquityAndDrawdown />);
    const equity = createdCharts[0];
    expect(equity?.fits).toBe(1);
    // The test hook a browser test reads: bars 0 to 2 of 3 in view.
    expect(screen.getByTestId('equity')).toHaveAttribute('data-points', '3');
    expect(screen.getByTestId('equity')).toHaveAttribute('data-visible-from', '0');
    expect(screen.getByTestId('equity')).toHaveAttribute('data-visible-to', '2');
    act(() => equity?.resize());
    expect(equity?.fits).toBe(2);
  });

  it('switches its price scale to log and back, without drawing the chart again', async () => {
    const user = userEvent.setup();
    render(<EquityAndDrawdown />);
    const toggle = screen.getByRole('button', { name: 'Log scale' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(createdCharts[0]?.priceScaleOptions.at(-1)).toEqual({ mode: 1 });
    expect(screen.getByTestId('equity')).toHaveAttribute('data-price-scale', 'logarithmic');
    await user.click(toggle);
    expect(createdCharts[0]?.priceScaleOptions.at(-1)).toEqual({ mode: 0 });
    expect(createdCharts).toHaveLength(2);
    // Only the equity chart offers it: a drawdown reaches 0, which a log scale cannot show.
    expect(screen.getAllByRole('button', { name: 'Log scale' })).toHaveLength(1);
  });

  it('moves the crosshair of the other charts of its group to the same time, and takes it away with its own', () => {
    render(<EquityAndDrawdown />);
    const [equity, drawdown] = createdCharts;
    expect(legendOf('drawdown')).toContain('2024-11-25');

    act(() => equity?.moveCrosshair(1));
    expect(drawdown?.crosshair).toEqual({ price: 0, time: '2024-11-22' });
    expect(screen.getByTestId('drawdown')).toHaveAttribute('data-crosshair-time', '2024-11-22');
    expect(legendOf('drawdown')).toBe('2024-11-22Drawdown 0.0%');
    expect(legendOf('equity')).toBe('2024-11-22Strategy $101,000.00');

    act(() => drawdown?.moveCrosshair(2));
    expect(equity?.crosshair).toEqual({ price: 99500, time: '2024-11-25' });
    expect(legendOf('equity')).toBe('2024-11-25Strategy $99,500.00');

    act(() => drawdown?.moveCrosshair(undefined));
    expect(equity?.crosshair).toBeUndefined();
    expect(screen.getByTestId('equity')).not.toHaveAttribute('data-crosshair-time');
  });

  it('leaves its group when it goes away', () => {
    const group = new ChartGroup();
    const { unmount } = render(
      <TimeSeriesChart
        testId="alone"
        label="Alone"
        time={TIME}
        lines={EQUITY}
        format={money}
        group={group}
      />,
    );
    unmount();
    expect(createdCharts[0]?.removed).toBe(true);
    // Nothing is left to move: a move from another chart reaches no removed chart.
    expect(() =>
      group.moved(
        { showAt: jest.fn(), priceScaleWidth: () => 0, reservePriceScaleWidth: jest.fn() },
        '2024-11-22',
      ),
    ).not.toThrow();
    expect(createdCharts[0]?.crosshair).toBeUndefined();
  });

  it('labels its legend with the values at the last bar before the crosshair moves', () => {
    render(<EquityAndDrawdown />);
    const figure = screen.getByTestId('equity').closest('figure') as HTMLElement;
    expect(within(figure).getByText('2024-11-25')).toBeInTheDocument();
    expect(figure).toHaveTextContent('Strategy $99,500.00');
  });
});

describe('a chart group', () => {
  it('gives every price scale the width of the widest', () => {
    const group = new ChartGroup();
    const member = (width: number) => {
      const reserved: number[] = [];
      return {
        reserved,
        showAt: jest.fn(),
        priceScaleWidth: () => Math.max(width, ...reserved),
        reservePriceScaleWidth: (value: number) => reserved.push(value),
      };
    };
    const narrow = member(52);
    const wide = member(78);
    group.join(narrow);
    group.join(wide);
    group.alignPriceScales();
    expect(narrow.reserved).toEqual([78]);
    expect(wide.reserved).toEqual([]);
    // Aligned, a second round changes nothing.
    group.alignPriceScales();
    expect(narrow.reserved).toEqual([78]);
  });
});

describe('price scale labels', () => {
  it('use as few decimals as keep the ticks apart', () => {
    expect(distinctTickLabels([80000, 100000, 120000], formatEquityTick)).toEqual([
      '$80,000',
      '$100,000',
      '$120,000',
    ]);
    // Ticks half a percent apart would read -1% twice with no decimals.
    expect(distinctTickLabels([-0.015, -0.01, -0.005, 0], formatDrawdownTick)).toEqual([
      '-1.5%',
      '-1.0%',
      '-0.5%',
      '0.0%',
    ]);
  });

  it('take daily bars as business days and intraday ones as timestamps', () => {
    expect(toChartTime('2024-11-21')).toBe('2024-11-21');
    expect(toChartTime('2024-11-21T14:30:00.000Z')).toBe(1732199400);
  });
});

describe('a chart of a group', () => {
  it("finds a time among a chart's, or the last one before it (a downsampled chart beside every bar)", () => {
    const at = timeIndex(['2024-11-21', '2024-11-25', '2024-12-02']);
    expect(['2024-11-25', '2024-11-26', '2024-12-31', '2024-11-20'].map(at)).toEqual([1, 1, 2, undefined]);
  });
});
