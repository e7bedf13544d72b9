// Bundles what every command loads before it runs (oclif, zod, core and the CLI's own compiled files) into one
// file, so a command starts by reading one file instead of ~260: on Node 20 it is the module loader's work
// per file, more than compiling, that costs (docs/toolchain.md). `bin/startup-packages.js` loads the bundle
// and hands each module it holds to `require`, so the whole process, libraries loaded later included (data,
// backtest...), shares this one copy of each. Run by the `build` target after tsc; writes dist/startup/.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The entry points the bundle provides: every entry point of these packages that our code imports, because
 * one imported from disk next to the bundle's copy would load the files it shares with them a second time
 * (the start-up test checks that none is). Core has one entry point; zod's main one is the only one
 * imported; each oclif subpath the CLI imports is listed (a lint rule keeps oclif's main one out).
 */
const STARTUP_PACKAGES = [
  '@oclif/core/execute',
  '@oclif/core/handle',
  '@oclif/core/command',
  '@oclif/core/errors',
  '@oclif/core/flags',
  'zod',
  '@aetherquant/core',
];

/** Loaded only when developing oclif plugins in TypeScript: never by the built CLI. */
const DEVELOPMENT_ONLY = new Set(['typescript', 'ts-node', 'tsx']);

const cliRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(cliRoot, 'dist');
const outDir = join(distDir, 'startup');

/** The CLI's compiled files (commands and what they share), as paths from the CLI's root with `/`. */
function cliFiles() {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js') && !file.startsWith(`startup${sep}`))
    .map((file) => relative(cliRoot, join(distDir, file)).split(sep).join('/'));
}

/** A bare import stays in the bundle if it is a start-up package or a third-party dependency of one. */
function isBundled(specifier, importer) {
  if (DEVELOPMENT_ONLY.has(specifier)) return false;
  if (STARTUP_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`))) return true;
  const fromThirdParty = importer.includes('/node_modules/');
  return fromThirdParty && !specifier.startsWith('@aetherquant/');
}

/**
 * The bundle's entry: a function per module it provides, which runs the module on first call. Nothing runs
 * before something requires it, so a command pays only for what it uses.
 */
function entrySource() {
  const provider = (key, specifier) =>
    `    ${JSON.stringify(key)}: () => require(${JSON.stringify(specifier)}),`;
  return [
    'module.exports = {',
    '  packages: {',
    ...STARTUP_PACKAGES.map((name) => provider(name, name)),
    '  },',
    '  files: {',
    ...cliFiles().map((file) => provider(file, `./${file}`)),
    '  },',
    '};',
  ].join('\n');
}

/**
 * The bundle in printable ASCII (and tabs and line ends). esbuild escapes strings but leaves comments and some
 * regular expressions (ansis has a raw U+009B): one non-ASCII character makes Node decode all 1.8 MB as UTF-8
 * and V8 hold it as two-byte text, which cost ~8 ms of every start. `\uXXXX` means the same character in a
 * string, a template, a regular expression and a comment; only after a backslash would it not, so that case
 * stops the build.
 */
function asciiOnly(code) {
  if (/\\[^\t-~]/.test(code)) throw new Error('startup bundle: an escaped character follows a backslash');
  return code.replace(/[^\t-~]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const { outputFiles } = await build({
  stdin: { contents: entrySource(), resolveDir: cliRoot, sourcefile: 'startup-packages.cjs', loader: 'js' },
  outfile: join(outDir, 'startup-packages.cjs'),
  write: false,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // import() from a script compiled with a V8 code cache fails on Node 20 (the cache drops the dynamic-import
  // callback): esbuild turns each one into require(), which Node >= 20.19 accepts for ES modules too.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
  plugins: [
    {
      name: 'startup-packages-only',
      setup(bundle) {
        bundle.onResolve({ filter: /^[^./]/ }, ({ path, importer }) =>
          path.startsWith('node:') || !isBundled(path, importer) ? { external: true } : undefined,
        );
      },
    },
  ],
});

rmSync(outDir, { recursive: true, force: true }); // a code cache of an earlier bundle must never be read
mkdirSync(outDir, { recursive: true });
for (const { path, text } of outputFiles) writeFileSync(path, asciiOnly(text));
