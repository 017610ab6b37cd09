#!/usr/bin/env node
// The `connect-contract` command of the installed package: the compiled scripts/contract.ts (npm run build).
import '../dist/scripts/contract.js';
