/**
 * Who may do what. API keys map to a role; each use case names the permission it needs; this table is
 * the one place that says which role holds which permission. Roles are ordered: an admin can do all a
 * trader can, and more.
 */
export const ROLES = ['trader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Each permission with the least role that holds it. */
export const PERMISSION_MIN_ROLE = {
  /** Classify a return as buy, sell or hold. */
  signal: 'trader',
  /** Run a single-asset backtest. */
  backtest: 'trader',
  /** Sweep a strategy's parameter grid. */
  sweep: 'trader',
  /** Run a strategy against the paper broker. */
  papertrade: 'trader',
  /** Optimise portfolio weights. */
  optimize: 'trader',
  /** Read market data (bars). */
  fetch: 'trader',
  /** List the strategies and their parameter schemas. */
  strategies: 'trader',
  /** Ask which role a key has. */
  keycheck: 'trader',
  /** Submit, follow and cancel jobs: one's own (an admin: everyone's); submitting also needs the job's use case's permission. */
  jobs: 'trader',
  /** List and read recorded runs. */
  runs: 'admin',
  /** Create or upgrade the database schema. */
  database: 'admin',
  /** Read the audit log of API requests. */
  audit: 'admin',
  /** Send orders to a live broker. */
  livetrade: 'admin',
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSION_MIN_ROLE;
export const PERMISSIONS = Object.keys(PERMISSION_MIN_ROLE) as Permission[];

const RANK: Record<Role, number> = { trader: 0, admin: 1 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` holds `permission`. */
export function roleCan(role: Role, permission: Permission): boolean {
  return RANK[role] >= RANK[PERMISSION_MIN_ROLE[permission]];
}

/** Every permission `role` holds, in table order. */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((permission) => roleCan(role, permission));
}
