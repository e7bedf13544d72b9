import { parseInterval } from '@aetherquant/core';
import { equityCsv, tradesCsv } from './csv-export';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`);
const daily = parseInterval('1d');

describe('tradesCsv', () => {
  it('writes every trade at full precision under the API field names, unknowns empty', () => {
    const csv = tradesCsv(
      [
        {
          symbol: 'SPY',
          side: 'long',
          entryTime: day('2024-01-02'),
          exitTime: day('2024-02-01'),
          entryPrice: 3.14159,
          exitPrice: 2.718281828,
          size: 31_831.0,
          pnl: -13_333.333333,
          return: -0.1347,
          barsHeld: 21,
          open: false,
        },
        {
          symbol: '=HYPERLINK("x")',
          side: 'short',
          entryTime: day('2024-02-01'),
          exitTime: day('2024-02-05'),
          entryPrice: 10,
          exitPrice: 9,
          size: null,
          pnl: null,
          return: 0.1,
          barsHeld: 2,
          open: true,
        },
      ],
      daily,
    );
    expect(csv).toBe(
      'symbol,side,entry,exit,entry_price,exit_price,size,return,pnl,bars_held,open\n' +
        'SPY,long,2024-01-02,2024-02-01,3.14159,2.718281828,31831,-0.1347,-13333.333333,21,false\n' +
        `"'=HYPERLINK(""x"")",short,2024-02-01,2024-02-05,10,9,,0.1,,2,true\n`,
    );
  });

  it('writes intraday times as ISO timestamps', () => {
    const minute = parseInterval('5m');
    const at = Date.parse('2024-01-02T14:30:00Z');
    const csv = tradesCsv(
      [
        {
          symbol: 'SPY',
          side: 'long',
          entryTime: at,
          exitTime: at + 300_000,
          entryPrice: 1,
          exitPrice: 2,
          size: 1,
          pnl: 1,
          return: 1,
          barsHeld: 1,
          open: false,
        },
      ],
      minute,
    );
    expect(csv.split('\n')[1]).toBe(
      'SPY,long,2024-01-02T14:30:00.000Z,2024-01-02T14:35:00.000Z,1,2,1,1,1,1,false',
    );
  });
});

describe('equityCsv', () => {
  it('writes one row per bar with the drawdown, benchmark and close when present', () => {
    const csv = equityCsv(
      {
        time: [day('2024-01-02'), day('2024-01-03'), day('2024-01-04')],
        equity: [100, 120, 90],
        benchmark: [100, 101, 102.5],
        price: { symbol: 'SPY', close: [10, 12, 9] },
      },
      daily,
    );
    // Drawdown: 0, 0, 90 / 120 − 1 = −0.25.
    expect(csv).toBe(
      'time,equity,drawdown,benchmark,close\n2024-01-02,100,0,100,10\n2024-01-03,120,0,101,12\n2024-01-04,90,-0.25,102.5,9\n',
    );
    expect(equityCsv({ time: [day('2024-01-02')], equity: [5] }, daily)).toBe(
      'time,equity,drawdown\n2024-01-02,5,0\n',
    );
  });
});
