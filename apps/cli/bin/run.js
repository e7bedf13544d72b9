#!/usr/bin/env node
// The `aetherquant` binary. Commands are compiled to dist/ (run `npx nx build cli` after changing them).
// oclif's subpath entry points, not its main one: the main one also checks the Node version with semver,
// 47 more modules to load on every start.
require('@oclif/core/execute').execute({ dir: __dirname }).catch(require('@oclif/core/handle'));
