import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { parseSettings, SETTING_DEFINITIONS, SETTING_NAMES, type SettingName } from '@aetherquant/core';
// `merge` resolves compose's `<<: *anchor` keys as Docker Compose does.
import { parse } from 'yaml';
import { WORKSPACE_ROOT } from './workspace-root';

/**
 * The two multi-instance deployments, render.yaml (Render Blueprint) and docker/compose.yml: nothing runs
 * them on a change, so this checks what would otherwise only fail on the first deploy. Every variable they
 * set is a real setting, secrets are never written into the Blueprint, the API and the workers meet on the
 * same database and Redis, and the workers run `aetherquant worker`.
 */

const read = (path: string) => readFileSync(join(WORKSPACE_ROOT, path), 'utf8');
const parseYaml = (path: string): unknown => parse(read(path), { merge: true });

/** Variables a deployment may set that are not settings, and who reads them. */
const PLATFORM_VARIABLES: Record<string, string> = {
  PORT: "Render: the port its proxy forwards to (the image listens on 8000; Render's default is 10000)",
};

const isSetting = (name: string): name is SettingName => (SETTING_NAMES as string[]).includes(name);
const isSecret = (name: string) =>
  isSetting(name) && (SETTING_DEFINITIONS[name] as { secret?: boolean }).secret === true;

/** The image's ENTRYPOINT, as the words of its exec form: the `aetherquant` CLI. */
const ENTRYPOINT = JSON.parse(
  read('docker/Dockerfile').match(/^ENTRYPOINT (\[.*\])$/m)?.[1] ?? '[]',
) as string[];

/** True when `words` run `aetherquant worker`: by the CLI's name, or by the image's ENTRYPOINT. */
function runsWorker(words: readonly string[]): boolean {
  for (const prefix of [['aetherquant'], ENTRYPOINT]) {
    if (prefix.length > 0 && prefix.every((word, index) => words[index] === word)) {
      return words[prefix.length] === 'worker';
    }
  }
  return false;
}

/** `--concurrency N`, when given, is what `aetherquant worker` accepts (1 to 64). */
function validConcurrency(words: readonly string[]): boolean {
  const index = words.indexOf('--concurrency');
  if (index < 0) return true;
  const value = Number(words[index + 1]);
  return Number.isInteger(value) && value >= 1 && value <= 64;
}

// ---- render.yaml ---------------------------------------------------------------------------------------

interface RenderEnvVar {
  key?: string;
  value?: unknown;
  generateValue?: boolean;
  sync?: boolean;
  fromDatabase?: { name: string; property: string };
  fromService?: { type: string; name: string; property?: string; envVarKey?: string };
  fromGroup?: string;
}
interface RenderService {
  type: string;
  name: string;
  runtime?: string;
  dockerfilePath?: string;
  dockerContext?: string;
  dockerCommand?: string;
  healthCheckPath?: string;
  ipAllowList?: unknown[];
  maxmemoryPolicy?: string;
  envVars?: RenderEnvVar[];
}
interface Blueprint {
  services: RenderService[];
  databases?: Array<{ name: string; ipAllowList?: unknown[] }>;
  envVarGroups?: Array<{ name: string; envVars: RenderEnvVar[] }>;
}

describe('render.yaml (Render Blueprint)', () => {
  const blueprint = parseYaml('render.yaml') as Blueprint;
  const services = blueprint.services;
  const groups = blueprint.envVarGroups ?? [];
  const web = services.filter((service) => service.type === 'web');
  const workers = services.filter((service) => service.type === 'worker');
  const keyValues = services.filter((service) => service.type === 'keyvalue');
  const databases = blueprint.databases ?? [];
  const computeServices = [...web, ...workers];

  /** A service's variables, its groups' included, as `key → entry`. */
  function environmentOf(service: RenderService): Map<string, RenderEnvVar> {
    const entries = (service.envVars ?? []).flatMap((entry) =>
      entry.fromGroup === undefined
        ? [entry]
        : (groups.find((group) => group.name === entry.fromGroup)?.envVars ?? []),
    );
    return new Map(entries.map((entry) => [entry.key as string, entry]));
  }

  /** Every variable the Blueprint sets, with where. */
  const everyVariable = [
    ...services.flatMap((service) =>
      (service.envVars ?? [])
        .filter((entry) => entry.key !== undefined)
        .map((entry) => ({ where: service.name, entry })),
    ),
    ...groups.flatMap((group) => group.envVars.map((entry) => ({ where: `group ${group.name}`, entry }))),
  ];

  it('has one API web service, workers, a database and a Key Value instance', () => {
    expect(web).toHaveLength(1);
    expect(workers.length).toBeGreaterThanOrEqual(1);
    expect(databases.length).toBeGreaterThanOrEqual(1);
    expect(keyValues).toHaveLength(1);
    expect(new Set(services.map((service) => service.name)).size).toBe(services.length);
  });

  it.each(computeServices.map((service) => [service.name, service] as const))(
    '%s is built from docker/Dockerfile at the repository root',
    (_name, service) => {
      expect(service.runtime).toBe('docker');
      expect(normalize(service.dockerfilePath ?? 'Dockerfile')).toBe('docker/Dockerfile');
      expect(normalize(service.dockerContext ?? '.')).toBe('.');
      expect(existsSync(join(WORKSPACE_ROOT, 'docker/Dockerfile'))).toBe(true);
    },
  );

  it("serves the API with the image's own command, checked on /healthz", () => {
    const [api] = web;
    expect(api?.healthCheckPath).toBe('/healthz');
    expect(api?.dockerCommand).toBeUndefined();
    // The image's CMD listens on 8000: Render must forward there.
    expect(read('docker/Dockerfile')).toMatch(/^CMD \[.*"--port", "8000"\]$/m);
    expect(api && environmentOf(api).get('PORT')?.value).toBe('8000');
  });

  it.each(workers.map((service) => [service.name, service] as const))(
    '%s runs `aetherquant worker`',
    (_name, service) => {
      const words = (service.dockerCommand ?? '').trim().split(/\s+/);
      expect(ENTRYPOINT.length).toBeGreaterThan(0);
      expect({ dockerCommand: service.dockerCommand, runsWorker: runsWorker(words) }).toEqual({
        dockerCommand: service.dockerCommand,
        runsWorker: true,
      });
      expect(validConcurrency(words)).toBe(true);
    },
  );

  it('keeps Key Value private and never evicts a queued job', () => {
    const [queue] = keyValues;
    expect(queue?.ipAllowList).toEqual([]);
    expect(queue?.maxmemoryPolicy).toBe('noeviction');
  });

  it.each(computeServices.map((service) => [service.name, service] as const))(
    '%s takes AETHERQ_REDIS_URL from Key Value and AETHERQ_DATABASE_URL from the database',
    (_name, service) => {
      const environment = environmentOf(service);
      expect(environment.get('AETHERQ_REDIS_URL')?.fromService).toEqual({
        type: 'keyvalue',
        name: keyValues[0]?.name,
        property: 'connectionString',
      });
      expect(environment.get('AETHERQ_DATABASE_URL')?.fromDatabase).toEqual({
        name: databases[0]?.name,
        property: 'connectionString',
      });
    },
  );

  it('has the API and the workers look for jobs under the same Redis key prefix', () => {
    const prefixes = computeServices.map((service) => environmentOf(service).get('AETHERQ_REDIS_PREFIX'));
    for (const prefix of prefixes) expect(prefix).toEqual(prefixes[0]);
  });

  it('generates both API keys for the web service', () => {
    const environment = environmentOf(web[0] as RenderService);
    expect(environment.get('AETHERQ_API_KEY')?.generateValue).toBe(true);
    expect(environment.get('AETHERQ_ADMIN_API_KEY')?.generateValue).toBe(true);
  });

  it('refers only to groups, databases and services it defines', () => {
    const entries = [
      ...services.flatMap((service) => service.envVars ?? []),
      ...groups.flatMap((group) => group.envVars),
    ];
    for (const entry of entries) {
      if (entry.fromGroup !== undefined) expect(groups.map((group) => group.name)).toContain(entry.fromGroup);
      if (entry.fromDatabase !== undefined) {
        expect(databases.map((database) => database.name)).toContain(entry.fromDatabase.name);
      }
      if (entry.fromService !== undefined) {
        expect(services.map((service) => `${service.type} ${service.name}`)).toContain(
          `${entry.fromService.type} ${entry.fromService.name}`,
        );
      }
    }
  });

  it.each(everyVariable.map(({ where, entry }) => [entry.key as string, where, entry] as const))(
    '%s (%s) is a setting or a platform variable, and has exactly one source',
    (key, _where, entry) => {
      expect(isSetting(key) || Object.hasOwn(PLATFORM_VARIABLES, key)).toBe(true);
      const sources = ['value', 'generateValue', 'sync', 'fromDatabase', 'fromService'].filter((source) =>
        Object.hasOwn(entry, source),
      );
      expect(sources).toHaveLength(1);
    },
  );

  it.each(
    everyVariable
      .filter(({ entry }) => isSecret(entry.key as string))
      .map(({ where, entry }) => [entry.key as string, where, entry] as const),
  )(
    'secret %s (%s) is generated, synced or taken from a resource, never written here',
    (_key, _where, entry) => {
      expect(entry.value).toBeUndefined();
      expect(
        entry.generateValue === true ||
          entry.sync === false ||
          entry.fromDatabase !== undefined ||
          entry.fromService !== undefined,
      ).toBe(true);
    },
  );

  it.each(computeServices.map((service) => [service.name, service] as const))(
    "%s's written values are valid settings",
    (_name, service) => {
      const values = Object.fromEntries(
        [...environmentOf(service)]
          .filter(([key, entry]) => isSetting(key) && entry.value !== undefined)
          .map(([key, entry]) => [key, String(entry.value)]),
      );
      expect(Object.keys(values).length).toBeGreaterThan(0);
      expect(parseSettings(values).warnings).toEqual([]);
    },
  );
});

// ---- docker/compose.yml --------------------------------------------------------------------------------

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
  deploy?: { replicas?: number };
  healthcheck?: { test?: string | string[]; disable?: boolean };
}

describe('docker/compose.yml', () => {
  const COMPOSE = 'docker/compose.yml';
  const compose = parseYaml(COMPOSE) as { services: Record<string, ComposeService> };
  const services = compose.services;
  const appImage = services['db-init']?.image;

  const words = (command: ComposeService['command']) =>
    typeof command === 'string' ? command.trim().split(/\s+/) : (command ?? []);
  const environmentOf = (service: ComposeService): Record<string, string> =>
    Array.isArray(service.environment)
      ? Object.fromEntries(
          service.environment.map((line) => [line.split('=')[0], line.split('=').slice(1).join('=')]),
        )
      : Object.fromEntries(
          Object.entries(service.environment ?? {}).map(([key, value]) => [key, String(value)]),
        );
  const dependsOn = (service: ComposeService) =>
    Array.isArray(service.depends_on) ? {} : (service.depends_on ?? {});
  /** Services running the AetherQuant image (the Dockerfile's ENTRYPOINT is the CLI). */
  const ofTheImage = Object.entries(services).filter(([, service]) => service.image === appImage);
  const apis = ofTheImage.filter(([, service]) => words(service.command)[0] === 'serve');
  const workers = ofTheImage.filter(([, service]) => words(service.command)[0] === 'worker');

  it('runs two API instances, api-1 and api-2, of the same image with the same settings', () => {
    expect(appImage).toBeDefined();
    expect(apis.map(([name]) => name).sort()).toEqual(['api-1', 'api-2']);
    const [first, second] = apis.map(([, service]) => service);
    expect(second).toEqual(first);
    expect(words(first?.command)).toEqual(['serve', '--host', '0.0.0.0', '--port', '8000']);
    // Only the proxy is published.
    for (const [, service] of apis) expect(service.ports).toBeUndefined();
  });

  it('starts the APIs once PostgreSQL and Redis are healthy and the schema is migrated', () => {
    for (const [, service] of apis) {
      expect(dependsOn(service)).toEqual(
        expect.objectContaining({
          db: { condition: 'service_healthy' },
          redis: { condition: 'service_healthy' },
          'db-init': { condition: 'service_completed_successfully' },
        }),
      );
    }
  });

  it('runs Redis 7 with a redis-cli ping health check', () => {
    const redis = services['redis'];
    expect(redis?.image).toBe('redis:7-alpine');
    expect(words(redis?.healthcheck?.test as string[]).join(' ')).toMatch(/redis-cli ping/);
    expect(redis?.ports).toBeUndefined();
  });

  it('balances api-1 and api-2 behind a Caddy proxy that health-checks them', () => {
    const proxy = services['proxy'];
    expect(proxy?.image).toMatch(/^caddy:2/);
    expect(proxy?.ports).toEqual(['8000:8000']);
    const mount = (proxy?.volumes ?? []).find((volume) => volume.split(':')[1] === '/etc/caddy/Caddyfile');
    expect(mount).toBeDefined();
    const caddyfile = read(join(dirname(COMPOSE), (mount as string).split(':')[0] as string));
    const upstreams = caddyfile
      .match(/^\s*reverse_proxy\s+([^{\n]+)/m)?.[1]
      ?.trim()
      .split(/\s+/);
    expect(upstreams).toEqual(['api-1:8000', 'api-2:8000']);
    expect(caddyfile).toMatch(/^\s*health_uri \/healthz$/m);
    expect(caddyfile).toMatch(/^:8000 \{$/m);
  });

  it('runs at least two workers of the image with `aetherquant worker`', () => {
    const replicas = workers.reduce((sum, [, service]) => sum + (service.deploy?.replicas ?? 1), 0);
    expect(replicas).toBeGreaterThanOrEqual(2);
    for (const [, service] of workers) {
      expect(validConcurrency(words(service.command))).toBe(true);
      // The image's HEALTHCHECK asks the API's /healthz, which a worker does not serve.
      expect(service.healthcheck?.disable).toBe(true);
      expect(dependsOn(service)).toEqual(
        expect.objectContaining({
          redis: { condition: 'service_healthy' },
          'db-init': { condition: 'service_completed_successfully' },
        }),
      );
    }
    expect(runsWorker(['aetherquant', ...words(workers[0]?.[1].command)])).toBe(true);
  });

  it('gives the APIs and the workers the same database and the redis service', () => {
    const environments = [...apis, ...workers].map(([, service]) => environmentOf(service));
    for (const environment of environments) {
      expect(environment['AETHERQ_DATABASE_URL']).toBe(environments[0]?.['AETHERQ_DATABASE_URL']);
      expect(environment['AETHERQ_REDIS_PREFIX']).toBe(environments[0]?.['AETHERQ_REDIS_PREFIX']);
      expect(new URL(environment['AETHERQ_REDIS_URL'] as string).hostname).toBe('redis');
    }
  });

  it.each(Object.entries(services).map(([name, service]) => [name, service] as const))(
    '%s sets only real AETHERQ_ settings',
    (_name, service) => {
      for (const key of Object.keys(environmentOf(service)).filter((name) => name.startsWith('AETHERQ_'))) {
        expect({ key, isSetting: isSetting(key) }).toEqual({ key, isSetting: true });
      }
    },
  );
});
