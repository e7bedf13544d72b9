import { formatFigure, formatPrice, formatQuantity, signClass } from './figure-format';

describe('formatFigure', () => {
  it('shows ratios as percentages, money with cents and separators, a true minus sign', () => {
    expect(formatFigure(-0.023535, 'percent')).toBe('−2.35 %');
    expect(formatFigure(0.132669, 'percent')).toBe('13.27 %');
    expect(formatFigure(78829.41, 'money')).toBe('$78,829.41');
    expect(formatFigure(-1234.5, 'money')).toBe('−$1,234.50');
    expect(formatFigure(1234.5, 'money', 'EUR')).toBe('€1,234.50');
    expect(formatFigure(0.922059, 'ratio')).toBe('0.92');
    expect(formatFigure(1234567, 'count')).toBe('1,234,567');
  });

  it('shows undefined figures as a dash, never as 0', () => {
    for (const value of [null, undefined, Number.NaN, Infinity, -Infinity])
      expect(formatFigure(value, 'percent')).toBe('—');
  });

  it('rounds half away from zero at the shown digit, and does not show −0', () => {
    expect(formatFigure(0.000049, 'percent')).toBe('0.00 %');
    expect(formatFigure(-0.00001, 'percent')).toBe('−0.00 %');
  });
});

describe('formatPrice', () => {
  it('uses cents from $1 up and four significant digits below', () => {
    expect(formatPrice(3.14159)).toBe('$3.14');
    expect(formatPrice(1234.5)).toBe('$1,234.50');
    expect(formatPrice(0.004321)).toBe('$0.004321');
    expect(formatPrice(0.5)).toBe('$0.50');
    expect(formatPrice(0)).toBe('$0.00');
  });
});

describe('formatQuantity and signClass', () => {
  it('shows whole units without decimals and fractions to 4', () => {
    expect(formatQuantity(31000)).toBe('31,000');
    expect(formatQuantity(12.345678)).toBe('12.3457');
    expect(formatQuantity(null)).toBe('—');
  });

  it('colours by the sign of the number itself', () => {
    expect([signClass(-0.1), signClass(0), signClass(2), signClass(null)]).toEqual([
      'down',
      'zero',
      'up',
      'zero',
    ]);
  });
});
