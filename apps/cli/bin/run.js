#!/usr/bin/env node
// The `aetherquant` binary. Commands are compiled to dist/ (run `npx nx build cli` after changing them).
// oclif, zod and core come from one bundle (see startup-packages.js); oclif's subpath entry points, not its
// main one, which also checks the Node version with semver.
require('./startup-packages').loadStartupPackages();
require('@oclif/core/execute').execute({ dir: __dirname }).catch(require('@oclif/core/handle'));
