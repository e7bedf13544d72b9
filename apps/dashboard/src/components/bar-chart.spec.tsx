import { render, screen } from '@testing-library/react';
import { BarChart, barGeometry } from './bar-chart';
import { formatPercent } from './format';

const percent = (value: number) => formatPercent(value, 1);

/** A bar's width and left edge in percent of its track, as styled. */
function barStyle(name: string) {
  const bar = screen.getAllByTestId(`bar-${name}`)[0] as HTMLElement;
  return { width: parseFloat(bar.style.width), left: parseFloat(bar.style.left) };
}

describe('bar charts of weights', () => {
  it('scale to 100%, not to the largest weight: a 25% weight fills a quarter', () => {
    render(
      <BarChart
        label="Weights"
        values={[
          { name: 'SPY', value: 0.25 },
          { name: 'TLT', value: 0.35 },
          { name: 'GLD', value: 0.4 },
        ]}
        format={percent}
      />,
    );
    expect(barStyle('SPY')).toEqual({ width: 25, left: 0 });
    expect(barStyle('TLT')).toEqual({ width: 35, left: 0 });
    // The largest weight is 40%: it fills 40% of its track, not all of it.
    expect(barStyle('GLD')).toEqual({ width: 40, left: 0 });
    expect(screen.getByRole('img', { name: 'Weights' })).toHaveTextContent('SPY25.0%TLT35.0%GLD40.0%');
  });

  it('split the track at its middle when a weight is short, each side 100%', () => {
    const geometry = barGeometry([0.8, 0.5, -0.3]);
    // Longs grow right from the middle (50%), 80% of the half: 40% of the track.
    expect(geometry(0.8)).toEqual({ left: 50, width: 40, zero: 50 });
    // A 30% short: 15% of the track, left of the middle.
    expect(geometry(-0.3)).toEqual({ left: 35, width: 15, zero: 50 });
  });

  it('widen the scale to a leveraged weight beyond 100%', () => {
    const geometry = barGeometry([1.6, -0.6]);
    // The scale is 160% on each side: 1.6 fills its half (50% of the track), -0.6 fills 60/160 of its half.
    expect(geometry(1.6)).toEqual({ left: 50, width: 50, zero: 50 });
    const short = geometry(-0.6);
    expect(short.width).toBeCloseTo(18.75, 10);
    expect(short.left).toBeCloseTo(31.25, 10);
  });
});
