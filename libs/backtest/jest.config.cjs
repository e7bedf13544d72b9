module.exports = {
  displayName: 'backtest',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
};
