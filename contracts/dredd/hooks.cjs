// Dredd 14 loads hook files with `require` (through proxyquire, which injects `hooks`), so this
// file is plain CommonJS. It only adapts: the runner (contracts/dredd/run-dredd.ts) runs Dredd in
// the same process and leaves the real hooks, written in TypeScript, under a global symbol.
// Each hook takes `done`, so Dredd waits for the bridge's promise (Dredd docs: "Asynchronous hooks").
const hooks = require('hooks');

const bridge = globalThis[Symbol.for('connect-customer-api.contracts.dredd-bridge')];
if (!bridge) {
  throw new Error('contracts/dredd/hooks.cjs is driven by `npm run contract`; run Dredd through it.');
}

for (const stage of ['beforeEach', 'beforeEachValidation', 'afterEach']) {
  hooks[stage]((transaction, done) => {
    bridge[stage](transaction).then(
      () => done(),
      (error) => {
        transaction.fail = `contract hook ${stage} failed: ${error && error.message ? error.message : String(error)}`;
        done();
      },
    );
  });
}
