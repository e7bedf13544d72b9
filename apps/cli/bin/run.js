#!/usr/bin/env node
// The `aetherquant` binary. Commands are compiled to dist/ (run `npx nx build cli` after changing them).
require('@oclif/core').execute({ dir: __dirname }).catch(require('@oclif/core/handle'));
