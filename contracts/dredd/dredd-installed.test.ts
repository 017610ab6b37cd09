import { expect, it } from 'vitest';
import { DREDD_MISSING_REASON, dreddMissing } from './dredd-installed.ts';

it('finds Dredd in the checkout, where it is a development dependency', () => {
  expect(dreddMissing()).toBeUndefined();
});

it('reports the Dredd suite as one skipped check saying how to install it, given no Dredd', () => {
  const missing = dreddMissing(() => {
    throw Object.assign(new Error("Cannot find module 'dredd'"), { code: 'MODULE_NOT_FOUND' });
  });
  expect(missing).toMatchObject({ suite: 'dredd', verdict: { status: 'skipped', reason: DREDD_MISSING_REASON } });
  expect(DREDD_MISSING_REASON).toContain('npm install --save-dev dredd@14.1.0');
});
