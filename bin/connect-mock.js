#!/usr/bin/env -S node --no-memory-reducer
// The `connect-mock` command of the installed package: the compiled mock/cli.ts (npm run build),
// run with the Node flags of mock/node-flags.ts.
import '../dist/mock/cli.js';
