import { type HttpUseCaseName, type Role, roleCan, USE_CASES } from '@aetherquant/core';

export type ScreenId = 'backtest' | 'papertrade' | 'optimize' | 'jobs' | 'runs' | 'audit';

export interface ScreenLink {
  id: ScreenId;
  label: string;
  /**
   * The use case whose requests the screen sends: its permission (from the use-case catalog) decides who sees
   * the tab, so a tab the role cannot use is not shown at all.
   */
  useCase: HttpUseCaseName;
}

const SCREENS: readonly ScreenLink[] = [
  { id: 'backtest', label: 'Backtest', useCase: 'backtest' },
  { id: 'papertrade', label: 'Paper trade', useCase: 'papertrade' },
  { id: 'optimize', label: 'Optimise', useCase: 'optimize' },
  { id: 'jobs', label: 'Jobs', useCase: 'submitJob' },
  { id: 'runs', label: 'Runs', useCase: 'runs' },
  { id: 'audit', label: 'Audit', useCase: 'audit' },
];

/** The tabs `role` sees, in order; the first is the screen after signing in. */
export function screensFor(role: Role): ScreenLink[] {
  return SCREENS.filter((screen) => roleCan(role, USE_CASES[screen.useCase].permission));
}
