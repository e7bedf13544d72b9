import { defineStrategy } from '../strategy/define-strategy';

/** Fully long on every bar, the benchmark every other strategy is compared with. No parameters. */
export const buyAndHoldStrategy = defineStrategy({
  name: 'buy-and-hold',
  description: 'Fully long on every bar.',
  parameters: [],
  warmupBars: () => 0,
  compute(_series, _parameters, target) {
    target.fill(1);
  },
});
