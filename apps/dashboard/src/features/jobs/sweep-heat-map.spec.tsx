import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type SweepReport } from '../../api/types';
import { SWEEP_REPORT } from '../../testing/sample-reports';
import { SweepResults } from './sweep-results';

/** A 3 × 2 grid (fast 5, 10, 20 × slow 50, 100) of which the sweep kept the best 5 by Sharpe. */
function entry(fast: number, slow: number, sharpe: number, maxDrawdown: number) {
  return {
    params: { fast, slow },
    sharpe,
    annual_return: sharpe / 10,
    total_return: sharpe / 10,
    max_drawdown: maxDrawdown,
    final_equity: 100000 * (1 + sharpe / 10),
    sortino: sharpe * 1.4,
    calmar: sharpe / 2,
    trades: 3,
  };
}
const GRID_SWEEP = {
  ...SWEEP_REPORT,
  combinations: 6,
  evaluated: 6,
  results: [
    entry(10, 100, 1.189901, -0.084056),
    entry(10, 50, 0.830556, -0.102377),
    entry(20, 100, 0.41, -0.05),
    entry(5, 100, -0.2, -0.2),
    entry(20, 50, -0.35, -0.15),
  ],
} as unknown as SweepReport;

function cell(map: HTMLElement, across: number, down: number) {
  return map.querySelector<HTMLElement>(`td[data-across="${across}"][data-down="${down}"]`);
}

describe("a sweep's heat map", () => {
  it('lays the kept combinations out over two parameters, coloured by the ranking metric, the best starred', () => {
    render(<SweepResults report={GRID_SWEEP} />);
    const map = screen.getByRole('region', { name: 'Heat map' });
    const rows = within(map).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'slow \\ fast51020',
      '50not kept0.83-0.35',
      '100-0.201.19 ★ (best)0.41',
    ]);
    expect(cell(map, 10, 100)).toHaveAttribute('data-value', '1.189901');
    expect(cell(map, 10, 100)).toHaveClass('heat-map__cell--best');
    // fast 5, slow 50 was not among the best 5 kept.
    expect(cell(map, 5, 50)).not.toHaveAttribute('data-value');
    expect(cell(map, 5, 50)).toHaveTextContent('not kept');
    // A gain tinted green, a loss red.
    expect(cell(map, 10, 50)?.style.background).toMatch(/var\(--positive\)/);
    expect(cell(map, 20, 50)?.style.background).toMatch(/var\(--negative\)/);
    expect(screen.getByText(/the 5 best of 6 combinations/)).toBeInTheDocument();
  });

  it('colours by another metric, and swaps its axes, on request', async () => {
    const user = userEvent.setup();
    render(<SweepResults report={GRID_SWEEP} />);
    await user.selectOptions(screen.getByLabelText('Colour by'), 'max_drawdown');
    const map = screen.getByRole('region', { name: 'Heat map' });
    // The shallowest drawdown is the best: -5.0% at fast 20, slow 100.
    expect(cell(map, 20, 100)).toHaveClass('heat-map__cell--best');
    expect(cell(map, 20, 100)).toHaveTextContent('-5.0%');
    await user.selectOptions(screen.getByLabelText('Across'), 'slow');
    expect(within(map).getAllByRole('row')[0]).toHaveTextContent('fast \\ slow50100');
    expect(cell(map, 100, 20)).toHaveAttribute('data-value', '-0.05');
  });
});
