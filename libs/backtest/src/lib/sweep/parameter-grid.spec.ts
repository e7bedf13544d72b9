import { AetherError } from '@aetherquant/core';
import {
  combinationAt,
  expandGrid,
  gridCombinations,
  MAX_GRID_COMBINATIONS,
  MAX_RANGE_VALUES,
  parseRange,
} from './parameter-grid';

function invalid(run: () => unknown): AetherError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AetherError);
    expect((error as AetherError).code).toBe('INVALID_ARGUMENT');
    return error as AetherError;
  }
  throw new Error('expected an INVALID_ARGUMENT error');
}

const fields = (error: AetherError) => error.details?.violations?.map((violation) => violation.field);

describe('parseRange', () => {
  it('reads start:stop:step with an inclusive stop', () => {
    expect(parseRange('5:50:5', 'fast')).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    expect(parseRange('20:200:10', 'slow')).toHaveLength(19); // 20, 30, …, 200
    expect(parseRange(' 1 : 3 : 1 ', 'fast')).toEqual([1, 2, 3]);
    expect(parseRange('5:6:2', 'fast')).toEqual([5]); // 7 is past the stop
    expect(parseRange('7:7:1', 'fast')).toEqual([7]);
    expect(parseRange('-2:2:2', 'level')).toEqual([-2, 0, 2]);
  });

  it('reads a single number and a list, in the order given', () => {
    expect(parseRange('20', 'slow')).toEqual([20]);
    expect(parseRange('5,10,20', 'fast')).toEqual([5, 10, 20]);
    expect(parseRange('20, 5 ,10', 'fast')).toEqual([20, 5, 10]);
    expect(parseRange('0.25,1e2,.5', 'x')).toEqual([0.25, 100, 0.5]);
  });

  it('computes decimal ranges as start + i·step without drift, the stop included within 1e-9', () => {
    expect(parseRange('0.5:2:0.5', 'x')).toEqual([0.5, 1, 1.5, 2]);
    // A running sum would give 0.30000000000000004 and, over 0.1:1:0.1, 0.9999999999999999 and no 1.
    expect(parseRange('0.1:0.3:0.1', 'x')).toEqual([0.1, 0.2, 0.3]);
    const tenths = parseRange('0.1:1:0.1', 'x');
    expect(tenths).toHaveLength(10);
    expect(tenths[9]).toBe(1);
    expect(tenths[6]).toBe(0.7);
    expect(parseRange('0:1:0.3', 'x')).toEqual([0, 0.3, 0.6, 0.9]);
    // 1 lies 1e-10 above the stop: within the tolerance, so included; 0.99 is not.
    expect(parseRange('0:0.9999999999:0.5', 'x')).toEqual([0, 0.5, 1]);
    expect(parseRange('0:0.99:0.5', 'x')).toEqual([0, 0.5]);
  });

  it(`allows up to ${MAX_RANGE_VALUES} values`, () => {
    const values = parseRange(`1:${MAX_RANGE_VALUES}:1`, 'fast');
    expect(values).toHaveLength(MAX_RANGE_VALUES);
    expect(values[MAX_RANGE_VALUES - 1]).toBe(MAX_RANGE_VALUES);
    const error = invalid(() => parseRange(`1:${MAX_RANGE_VALUES + 1}:1`, 'fast'));
    expect(error.message).toBe('fast must have at most 100,000 values (got "1:100001:1")');
    expect(invalid(() => parseRange('0:1:1e-9', 'x')).message).toContain('at most 100,000 values');
  });

  it('names the field and the rule for text that is no number, list or range', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      '5:50',
      '5:50:5:1',
      '5::5',
      '1,,2',
      '0x10',
      'Infinity',
      '1e400',
      '5-10',
      '5,a',
    ]) {
      const error = invalid(() => parseRange(text, 'fast'));
      expect(fields(error)).toEqual(['fast']);
      expect(error.message).toBe(
        `fast must be a number, a list a,b,c or a range start:stop:step (got ${JSON.stringify(text)})`,
      );
    }
  });

  it('refuses a step that is not above 0, a stop below the start and a repeated value', () => {
    expect(invalid(() => parseRange('5:50:0', 'fast')).message).toBe(
      'fast must have a range step above 0 (got "5:50:0")',
    );
    expect(invalid(() => parseRange('5:50:-5', 'fast')).message).toContain('step above 0');
    expect(invalid(() => parseRange('50:5:5', 'slow')).message).toBe(
      'slow must have a range stop at or above its start (got "50:5:5")',
    );
    expect(invalid(() => parseRange('5,10,5', 'fast')).message).toBe(
      'fast must not repeat a value (5 appears twice) (got "5,10,5")',
    );
  });
});

describe('expandGrid', () => {
  it('is the cartesian product with the last parameter varying fastest', () => {
    expect(expandGrid({ fast: [10, 20], slow: [20, 30, 40] })).toEqual([
      { fast: 10, slow: 20 },
      { fast: 10, slow: 30 },
      { fast: 10, slow: 40 },
      { fast: 20, slow: 20 },
      { fast: 20, slow: 30 },
      { fast: 20, slow: 40 },
    ]);
    expect(expandGrid({ a: [1], b: [2, 3], c: [4, 5] }).map((c) => [c['a'], c['b'], c['c']])).toEqual([
      [1, 2, 4],
      [1, 2, 5],
      [1, 3, 4],
      [1, 3, 5],
    ]);
    expect(expandGrid({ lookback: [5] })).toEqual([{ lookback: 5 }]);
    // No parameters: one combination, every parameter at its default.
    expect(expandGrid({})).toEqual([{}]);
  });

  it('decodes any index to the same combination the expansion lists', () => {
    const grid = { fast: [1, 2, 3], slow: [10, 20], other: [0.5, 1, 1.5, 2] };
    const names = Object.keys(grid);
    const axes = Object.values(grid);
    expandGrid(grid).forEach((combination, index) => {
      expect(combinationAt(names, axes, index, {})).toEqual(combination);
    });
  });

  it(`refuses grids above ${MAX_GRID_COMBINATIONS} combinations on field grid`, () => {
    const thousand = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(gridCombinations({ fast: thousand, slow: thousand })).toBe(MAX_GRID_COMBINATIONS);
    const error = invalid(() => expandGrid({ fast: thousand, slow: [...thousand, 1001] }));
    expect(fields(error)).toEqual(['grid']);
    expect(error.message).toBe(
      'grid must have at most 1,000,000 combinations (got 1,001,000: fast 1,000 × slow 1,001)',
    );
  });

  it('names each parameter whose list is empty, not finite or repeats a value', () => {
    const error = invalid(() =>
      expandGrid({ fast: [], slow: [1, Number.NaN], lookback: [3, 3], ok: [1] } as never),
    );
    expect(fields(error)).toEqual(['fast', 'slow', 'lookback']);
    expect(error.message).toBe(
      'grid: fast must hold at least one value; slow must hold finite numbers only (got NaN); lookback must not repeat a value (3 appears twice)',
    );
    expect(fields(invalid(() => expandGrid(null as never)))).toEqual(['grid']);
  });
});
