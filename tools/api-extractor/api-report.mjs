// The API report of one library: `node tools/api-extractor/api-report.mjs libs/<name>` (the `api-report`
// target of each library runs it after its build). It emits the library's declarations afresh into
// tmp/api-extractor/<name>/types and reads them with API Extractor and the one shared configuration beside
// this file.
//
// Afresh, because an incremental build's declarations are not stable: TypeScript orders the members of an
// inferred type (a zod schema's shape after `.omit()`, a union of literals) by the order it met the types
// while checking, which depends on which files an incremental build re-checked first. A clean,
// non-incremental emit of the same sources gives the same text on every machine, so the report changes only
// when the public surface does.
//
// One report per entry point of the package's `exports` map: libs/<name>/api/<name>.api.md for `.`, and
// <name>-<subpath>.api.md for a second one such as `@aetherquant/workflows/server`.
//
// Locally it rewrites libs/<name>/api/<name>.api.md when the public surface changed, for the author to
// review and commit. Under CI it never writes: it fails when the committed report differs from the built
// declarations, printing the difference and the command that updates the report.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConsoleMessageId, Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';

const BASE_CONFIG = path.join(path.dirname(fileURLToPath(import.meta.url)), 'api-extractor.base.json');
const REPORT_MESSAGES = new Set([
  ConsoleMessageId.ApiReportCopied,
  ConsoleMessageId.ApiReportCreated,
  ConsoleMessageId.ApiReportNotCopied,
]);

/** CI sets `CI` (to `true` on most services); an explicit `false` or `0` means a local run. */
function isCi(env) {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== 'false' && value !== '0';
}

/** The library's declarations, emitted by a clean, non-incremental compile into `typesFolder`. */
function emitDeclarations(projectFolder, typesFolder) {
  rmSync(typesFolder, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const compile = spawnSync(
    process.execPath,
    [
      tsc,
      ...['-p', path.join(projectFolder, 'tsconfig.lib.json')],
      ...['--composite', 'false', '--incremental', 'false', '--tsBuildInfoFile', 'null'],
      ...['--declaration', '--emitDeclarationOnly', '--declarationMap', 'false', '--sourceMap', 'false'],
      ...['--outDir', typesFolder],
    ],
    { encoding: 'utf8' },
  );
  if (compile.status === 0) return 0;
  console.error(
    `emitting the declarations of ${path.basename(projectFolder)} failed:\n${compile.stdout}${compile.stderr}`,
  );
  return 1;
}

/**
 * The entry points a consumer can import, from the package's `exports` map: `.` (reported as
 * `<name>.api.md`) and any subpath such as `./server` (reported as `<name>-server.api.md`), each with the
 * declaration file it names, relative to the library's folder.
 */
function entryPoints(packageJson) {
  const exports = packageJson.exports ?? { '.': { types: packageJson.types } };
  return Object.entries(exports)
    .filter(([subpath]) => subpath !== './package.json')
    .map(([subpath, target]) => ({
      subpath,
      suffix: subpath === '.' ? '' : `-${subpath.slice(2).replaceAll('/', '-')}`,
      declarations: declarationsOf(target),
    }));
}

/** The `types` file an export target names, under whichever condition (`import`, `require`) holds it. */
function declarationsOf(target) {
  if (typeof target !== 'object' || target === null) return undefined;
  if (typeof target.types === 'string') return target.types;
  for (const value of Object.values(target)) {
    const found = declarationsOf(value);
    if (found) return found;
  }
  return undefined;
}

function main(argv, env) {
  const [projectArgument] = argv;
  if (!projectArgument) {
    console.error('usage: node tools/api-extractor/api-report.mjs libs/<name>');
    return 2;
  }
  const projectFolder = path.resolve(projectArgument);
  const packageJsonPath = path.join(projectFolder, 'package.json');
  const entryPoint = path.join(projectFolder, 'dist', 'index.d.ts');
  if (!existsSync(entryPoint)) {
    console.error(`${path.relative(process.cwd(), entryPoint)} is missing: build the library first.`);
    return 1;
  }

  const typesFolder = path.resolve('tmp', 'api-extractor', path.basename(projectFolder), 'types');
  const emitted = emitDeclarations(projectFolder, typesFolder);
  if (emitted !== 0) return emitted;
  const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
  let status = 0;
  for (const entry of entryPoints(packageJson)) {
    if (!entry.declarations) {
      console.error(`${packageJson.name} exports ${entry.subpath} without a "types" file to report on.`);
      status = 1;
      continue;
    }
    // dist/<file>.d.ts, as emitted afresh into the types folder.
    const declarations = path.join(typesFolder, path.relative('dist', path.normalize(entry.declarations)));
    status = Math.max(
      status,
      reportEntryPoint(projectFolder, packageJsonPath, declarations, entry.suffix, env),
    );
  }
  return status;
}

/** Writes (locally) or checks (in CI) the report of one entry point, `<name><suffix>.api.md`. */
function reportEntryPoint(projectFolder, packageJsonPath, declarations, suffix, env) {
  const configObject = ExtractorConfig.loadFile(BASE_CONFIG);
  configObject.mainEntryPointFilePath = declarations;
  configObject.compiler.overrideTsconfig.files = [declarations];
  configObject.apiReport.reportFileName = `<unscopedPackageName>${suffix}.api.md`;

  const config = ExtractorConfig.prepare({
    configObject,
    configObjectFullPath: BASE_CONFIG,
    packageJsonFullPath: packageJsonPath,
    projectFolderLookupToken: projectFolder,
  });
  const local = !isCi(env);
  // A first report of a new library: API Extractor writes the file but not its folder.
  if (local) mkdirSync(config.reportFolder, { recursive: true });
  const result = Extractor.invoke(config, {
    localBuild: local,
    printApiReportDiff: !local,
    messageCallback: (message) => {
      // The preamble and progress lines add nothing to a build log, and the report messages say what the
      // line printed below says, without our command. Handled messages still count as warnings.
      const quiet =
        message.logLevel === ExtractorLogLevel.Info ||
        message.logLevel === ExtractorLogLevel.Verbose ||
        REPORT_MESSAGES.has(message.messageId);
      if (quiet) message.handled = true;
    },
  });

  const report = path.relative(
    process.cwd(),
    path.join(config.reportFolder, config.reportConfigs[0].fileName),
  );
  const name = path.basename(projectFolder);
  if (local) {
    if (!result.succeeded) return 1;
    if (result.apiReportChanged)
      console.log(`${report} updated: the public API changed; review and commit it.`);
    return 0;
  }
  if (result.apiReportChanged) {
    console.error(
      `${report} does not match the built declarations of ${config.packageJson?.name} (difference above).\n` +
        `If the change to the public API is intended, update the report and commit it:\n` +
        `  npx nx run ${name}:api-report        (or for every library: npx nx run-many -t api-report)`,
    );
  }
  return result.succeeded ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2), process.env);
