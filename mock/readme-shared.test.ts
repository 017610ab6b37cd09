/** The README's "A shared mock for a team": every `npm start` line of it is a valid set of flags. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { parseMockConfig } from './config.ts';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

it('gives flags the mock takes in each npm start line of "A shared mock for a team"', () => {
  const section = README.slice(README.indexOf('## A shared mock for a team'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  const lines = block.split('\n').filter((line) => line.startsWith('npm start -- '));
  expect(lines).toHaveLength(4);
  const configs = lines.map((line) => parseMockConfig(line.slice('npm start -- '.length).split(/\s+/)).config);
  expect(configs.map((config) => config.redis)).toStrictEqual(Array(4).fill('redis://127.0.0.1:6379'));
  expect(configs.map((config) => config.replicaName)).toStrictEqual(['a', 'b', 'c', undefined]);
  expect(configs[3]!.workers).toBe(4);
});
