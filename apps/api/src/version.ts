// The package's own version, read where the built file sits (dist/) and where the source does (src/):
// both are one folder below package.json.
export const VERSION: string = (require('../package.json') as { version: string }).version;
