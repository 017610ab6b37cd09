import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CONTRACT_RULES } from './contract-rules.ts';
import { allCheckKeys, renderRulesDoc } from './rules-doc.ts';

it('keeps docs/contract-rules.md as the rules list renders it (npm run rules:doc)', () => {
  expect(readFileSync(new URL('../../docs/contract-rules.md', import.meta.url), 'utf8')).toBe(renderRulesDoc());
});

it('traces every check to a rule', () => {
  const untraced = allCheckKeys().filter((key) => !CONTRACT_RULES.some((r) => r.checks.test(key)));
  expect(untraced).toEqual([]);
});

it('gives every rule at least one check', () => {
  const keys = allCheckKeys();
  expect(CONTRACT_RULES.filter((r) => !keys.some((k) => r.checks.test(k))).map((r) => r.rule)).toEqual([]);
});
