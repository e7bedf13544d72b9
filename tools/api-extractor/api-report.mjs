// The API report of one library: `node tools/api-extractor/api-report.mjs libs/<name>` (the `api-report`
// target of each library runs it after its build). It reads the library's emitted declarations
// (dist/index.d.ts) with API Extractor and the one shared configuration beside this file.
//
// Locally it rewrites libs/<name>/api/<name>.api.md when the public surface changed, for the author to
// review and commit. Under CI it never writes: it fails when the committed report differs from the built
// declarations, printing the difference and the command that updates the report.
import { existsSync, mkdirSync } from 'node:fs';
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

  const config = ExtractorConfig.prepare({
    configObject: ExtractorConfig.loadFile(BASE_CONFIG),
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
