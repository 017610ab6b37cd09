#!/usr/bin/env node
// The `connect-fixtures` command of the installed package: the compiled scripts/fixtures.ts (npm run build).
import '../dist/scripts/fixtures.js';
