#!/usr/bin/env node
// Starts the AetherQuant REST API with the settings of the environment (and ./.env).
require('../dist/main.js');
