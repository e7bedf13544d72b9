import { seriesOf, thrown } from '../../testing/series';
import { buyAndHoldStrategy } from './buy-and-hold.strategy';

describe('buy-and-hold', () => {
  it('is fully long on every bar, the first included', () => {
    const series = seriesOf({ close: [10, 9, 8, 12] });
    expect(Array.from(buyAndHoldStrategy.targets(series, {}))).toEqual([1, 1, 1, 1]);
    expect(buyAndHoldStrategy.warmupBars({})).toBe(0);
    expect(buyAndHoldStrategy.targets(seriesOf({ close: [] }), {})).toHaveLength(0);
  });

  it('takes no parameters', () => {
    expect(buyAndHoldStrategy.parameters).toEqual([]);
    expect(thrown(() => buyAndHoldStrategy.resolveParameters({ fast: 3 })).message).toBe(
      'buy-and-hold parameters: fast is not a parameter of buy-and-hold (it has none)',
    );
  });
});
