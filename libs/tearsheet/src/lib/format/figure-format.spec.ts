import { formatFigure, signClass } from './figure-format';

describe('formatFigure', () => {
  it('shows ratios as percentages, money with cents and separators, ratios and counts', () => {
    expect(formatFigure(-0.023535, 'percent')).toBe('-2.35 %');
    expect(formatFigure(0.132669, 'percent')).toBe('13.27 %');
    expect(formatFigure(78829.41, 'money')).toBe('$78,829.41');
    expect(formatFigure(-1234.5, 'money')).toBe('-$1,234.50');
    expect(formatFigure(1234.5, 'money', 'EUR')).toBe('€1,234.50');
    expect(formatFigure(0.922059, 'ratio')).toBe('0.92');
    expect(formatFigure(1234567, 'count')).toBe('1,234,567');
  });

  it('shows undefined figures as a dash, never as 0, and no sign on what rounds to zero', () => {
    for (const value of [null, undefined, Number.NaN]) expect(formatFigure(value, 'percent')).toBe('—');
    expect(formatFigure(-0.00001, 'percent')).toBe('0.00 %');
  });
});

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
