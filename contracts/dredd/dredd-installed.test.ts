import { expect, it } from 'vitest';
import { DREDD_MISSING_MESSAGE, dreddMissing } from './dredd-installed.ts';

it('finds Dredd in the checkout, where it is a dependency', () => {
  expect(dreddMissing()).toBeUndefined();
});

it('reports the Dredd suite as one FAILED check saying how to install it, given no Dredd', () => {
  const missing = dreddMissing(() => {
    throw Object.assign(new Error("Cannot find module 'dredd'"), { code: 'MODULE_NOT_FOUND' });
  });
  expect(missing).toMatchObject({ suite: 'dredd', verdict: { status: 'failed', message: DREDD_MISSING_MESSAGE } });
  expect(DREDD_MISSING_MESSAGE).toContain('npm install dredd@14.1.0');
});
