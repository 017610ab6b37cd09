/** The reference (docs/reference.md §4) names every flag the mock takes, with its variable, so the two cannot drift. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { FLAGS } from './config.ts';

const reference = readFileSync(new URL('../docs/reference.md', import.meta.url), 'utf8');
const rows = reference.split('\n').filter((line) => line.startsWith('| `--'));

it.each(Object.entries(FLAGS))('lists --%s with its environment variable in docs/reference.md', (name, spec) => {
  const row = rows.find((line) => line.startsWith(`| \`--${name}`) && /^[ `|]/.test(line.slice(`| \`--${name}`.length)));
  expect(row, `no row for --${name}`).toBeDefined();
  expect(row).toContain(`\`${spec.env}`);
});
