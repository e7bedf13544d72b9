module.exports = {
  displayName: 'indicators',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  // trading-signals, the reference implementation the specs compare with, ships ES modules only: let the
  // preset's transform turn it into CommonJS like the rest of the test code.
  transformIgnorePatterns: ['/node_modules/(?!trading-signals/)'],
};
