import { signClass } from './figure-format';

describe('signClass', () => {
  it('colours by the sign of the number itself', () => {
    expect([signClass(-0.1), signClass(0), signClass(2), signClass(null)]).toEqual([
      'down',
      'zero',
      'up',
      'zero',
    ]);
  });
});
