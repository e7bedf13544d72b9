import { roleCan, type Permission, type Role } from '@aetherquant/core';

export type ScreenId = 'backtest' | 'papertrade' | 'optimize' | 'runs' | 'audit';

export interface ScreenLink {
  id: ScreenId;
  label: string;
  /** The API permission the screen's requests need: a tab the role cannot use is not shown at all. */
  permission: Permission;
}

const SCREENS: readonly ScreenLink[] = [
  { id: 'backtest', label: 'Backtest', permission: 'backtest' },
  { id: 'papertrade', label: 'Paper trade', permission: 'papertrade' },
  { id: 'optimize', label: 'Optimise', permission: 'optimize' },
  { id: 'runs', label: 'Runs', permission: 'runs' },
  { id: 'audit', label: 'Audit', permission: 'audit' },
];

/** The tabs `role` sees, in order; the first is the screen after signing in. */
export function screensFor(role: Role): ScreenLink[] {
  return SCREENS.filter((screen) => roleCan(role, screen.permission));
}
