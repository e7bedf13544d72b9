// Loads dist/startup/startup-packages.cjs (oclif, zod and core in one file, made by
// build/startup-packages.build.mjs) and puts each package it holds into require's cache under the file the
// package would otherwise load from. Every later `require('zod')` or `require('@aetherquant/core')`, from our
// commands or from a library loaded long after (data, backtest...), then gets this one copy.
//
// The bundle is compiled with a V8 code cache, kept next to it: Node 20 has no built-in compile cache
// (Node 22's module.enableCompileCache), and compiling 1.8 MB costs ~60 ms on every start. The cache is
// written after the first run, or again when V8 rejects it (another Node version, damaged file), by writing
// a temporary file and renaming it, so concurrent runs never read half a cache. Where the folder cannot be
// written (a read-only install) every run compiles, which is only slower.
const Module = require('node:module');
const { readFileSync, renameSync, statSync, writeFileSync, unlinkSync } = require('node:fs');
const { isAscii } = require('node:buffer');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const cliRoot = join(__dirname, '..');
const bundleFile = join(cliRoot, 'dist', 'startup', 'startup-packages.cjs');
/**
 * One cache per Node version and architecture (V8 rejects another's anyway) and per build of the bundle: V8
 * checks a cache against the source's length only, so a rebuilt bundle of the same length must not find it.
 */
function codeCacheFile() {
  const { size, mtimeMs } = statSync(bundleFile);
  return bundleFile.replace(
    /\.cjs$/,
    `.${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.v8cache`,
  );
}

function readCodeCache(cacheFile) {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function writeCodeCache(script, cacheFile) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
  }
}

/** The bundle's text. The build writes it in ASCII, which is Latin-1 too and needs no UTF-8 decoding. */
function readBundle() {
  const bytes = readFileSync(bundleFile);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/**
 * Runs the bundle as a CommonJS module would run. Returns its providers (see the build script) and what
 * became of the code cache: `absent`, `accepted` or `rejected`.
 */
function runBundle(cacheFile) {
  const cachedData = readCodeCache(cacheFile);
  const script = new Script(Module.wrap(readBundle()), { filename: bundleFile, cachedData });
  const codeCache = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  if (codeCache !== 'accepted') process.once('exit', () => writeCodeCache(script, cacheFile));
  const bundle = { exports: {} };
  script.runInThisContext()(
    bundle.exports,
    Module.createRequire(bundleFile),
    bundle,
    bundleFile,
    dirname(bundleFile),
  );
  return { providers: bundle.exports, codeCache };
}

/**
 * Puts a module into require's cache under `filename`, to be run by the bundle when first required: a
 * command that never touches it never pays for it.
 */
function provide(filename, run) {
  const provided = new Module(filename, null);
  provided.filename = filename;
  provided.loaded = true;
  Object.defineProperty(provided, 'exports', {
    configurable: true,
    get() {
      const exports = run();
      Object.defineProperty(provided, 'exports', { value: exports, writable: true, configurable: true });
      return exports;
    },
  });
  Module._cache[filename] = provided;
}

/**
 * Makes the bundle's modules the ones `require` returns, from anywhere in this process: each package entry
 * point under the file it resolves to, each CLI file under its own path. Returns what became of the code
 * cache (the start-up test reads it; the binary has no use for it).
 */
function loadStartupPackages(cacheFile = codeCacheFile()) {
  const { providers, codeCache } = runBundle(cacheFile);
  for (const [specifier, run] of Object.entries(providers.packages)) provide(require.resolve(specifier), run);
  for (const [file, run] of Object.entries(providers.files)) provide(join(cliRoot, file), run);
  return codeCache;
}

module.exports = { loadStartupPackages };
