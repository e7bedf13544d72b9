import { type SignalResult } from '@aetherquant/workflows';
import { renderFields } from '../fields';
import { toned } from '../figures';
import { formatPercent, formatSignedPercent } from '@aetherquant/core';
import { type ReportRenderer } from '../report-renderer';

/** `signal`: one word for scripts; for a person, the word with the return and the band it was held against. */
export const signalRenderer: ReportRenderer<SignalResult> = {
  script: (result) => result.signal,
  human(result, terminal) {
    const { style } = terminal;
    const word =
      result.signal === 'buy'
        ? style.positive('buy')
        : result.signal === 'sell'
          ? style.negative('sell')
          : 'hold';
    return renderFields(
      [
        ['Signal', word],
        ['Latest return', toned(formatSignedPercent(result.latest_return), result.latest_return, style)],
        [
          'Hold band',
          `${formatPercent(-result.threshold)} to ${formatPercent(result.threshold)} (edges included)`,
        ],
      ],
      terminal,
    );
  },
};
