import { DEFAULT_SIGNAL_THRESHOLD } from '@aetherquant/core';
import { type SignalResult } from '@aetherquant/workflows';
import * as Flags from '@oclif/core/flags';
import { AetherCommand } from '../command/aether-command';
import { numericFlag } from '../flags/flag-input';

export default class SignalCommand extends AetherCommand {
  static override useCases = ['signal'] as const;
  static override summary = 'Classify the latest return as buy, sell or hold.';
  static override description =
    'Prints buy when the return is strictly above +threshold, sell when it is strictly below -threshold, ' +
    'and hold otherwise. Returns are fractions: 0.015 is +1.5%.';
  static override examples = [
    '<%= config.bin %> signal --latest-return 0.015',
    '<%= config.bin %> signal --latest-return=-0.02 --threshold 0.005',
    '<%= config.bin %> signal --latest-return 0.003 --json',
  ];
  static override flags = {
    'latest-return': Flags.string({ summary: 'Latest simple return, as a fraction.', required: true }),
    threshold: Flags.string({
      summary: `Half-width of the hold band, at least 0 [default: ${DEFAULT_SIGNAL_THRESHOLD}].`,
    }),
  };

  async run(): Promise<SignalResult> {
    const { flags } = await this.parse(SignalCommand);
    const result = await this.runUseCase('signal', {
      latest_return: numericFlag(flags['latest-return']),
      threshold: numericFlag(flags.threshold),
    });
    this.present('signal', result);
    return result;
  }
}
