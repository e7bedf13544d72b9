// Property tests explore fresh random cases on every local run. In CI they run with one fixed seed
// (FAST_CHECK_SEED to choose another), so a verdict is reproducible: what passed here passes there, and a
// failure can be replayed exactly.
if (process.env.CI) {
  require('fast-check').configureGlobal({ seed: Number(process.env.FAST_CHECK_SEED ?? 20261121) });
}
