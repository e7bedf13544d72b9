import { PERMISSIONS, ROLES, isRole, permissionsOf, roleCan } from './access-policy';

const TRADER_PERMISSIONS = [
  'signal',
  'backtest',
  'sweep',
  'papertrade',
  'optimize',
  'fetch',
  'strategies',
  'keycheck',
  'jobs',
] as const;
const ADMIN_ONLY_PERMISSIONS = ['runs', 'database', 'audit', 'livetrade'] as const;

describe('access policy', () => {
  it.each(TRADER_PERMISSIONS)('a trader holds %s', (permission) => {
    expect(roleCan('trader', permission)).toBe(true);
  });

  it.each(ADMIN_ONLY_PERMISSIONS)('a trader does not hold %s', (permission) => {
    expect(roleCan('trader', permission)).toBe(false);
  });

  it('an admin holds every permission', () => {
    expect(PERMISSIONS).toHaveLength(TRADER_PERMISSIONS.length + ADMIN_ONLY_PERMISSIONS.length);
    for (const permission of PERMISSIONS) expect(roleCan('admin', permission)).toBe(true);
  });

  it('lists the permissions of each role in table order', () => {
    expect(permissionsOf('trader')).toEqual([...TRADER_PERMISSIONS]);
    expect(permissionsOf('admin')).toEqual([...TRADER_PERMISSIONS, ...ADMIN_ONLY_PERMISSIONS]);
  });

  it('knows exactly the roles trader and admin', () => {
    expect([...ROLES]).toEqual(['trader', 'admin']);
  });
});

describe('isRole', () => {
  it.each(['trader', 'admin'])('accepts %s', (role) => {
    expect(isRole(role)).toBe(true);
  });

  it.each([['Admin'], ['TRADER'], [' admin'], ['root'], [''], [undefined], [null], [1], [{ role: 'admin' }]])(
    'rejects %p',
    (value) => {
      expect(isRole(value)).toBe(false);
    },
  );
});
