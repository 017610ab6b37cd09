#!/usr/bin/env node
// The `connect-mock` command of the installed package: the compiled mock/cli.ts (npm run build).
import '../dist/mock/cli.js';
