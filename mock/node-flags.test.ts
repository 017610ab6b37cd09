/**
 * Every way this project starts the mock gives Node the flags of node-flags.ts: `npm start`, the
 * installed `connect-mock` (its `#!` line; scripts/package.test.ts runs it from a packed install)
 * and the bench's mock process, whose command line the kernel shows.
 */
import { readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { ChildGroup } from '../bench/children.ts';
import { startMockProcess } from '../bench/mock-process.ts';
import { MOCK_NODE_FLAGS } from './node-flags.ts';

const root = new URL('..', import.meta.url);
const children = new ChildGroup();
afterAll(() => children.dispose());

it('starts with the flags under npm start and connect-mock', () => {
  const { scripts } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };
  expect(scripts.start).toBe(`node ${MOCK_NODE_FLAGS.join(' ')} --import tsx mock/cli.ts`);
  const [shebang] = readFileSync(new URL('bin/connect-mock.js', root), 'utf8').split('\n');
  expect(shebang).toBe(`#!/usr/bin/env -S node ${MOCK_NODE_FLAGS.join(' ')}`);
});

it('starts the bench mock with the flags', async () => {
  const mock = await startMockProcess(children, { count: 0, rateLimit: 'off', timeoutMs: 30_000 });
  try {
    const argv = readFileSync(`/proc/${mock.pid}/cmdline`, 'utf8').split('\0');
    expect(argv.slice(1, 1 + MOCK_NODE_FLAGS.length)).toStrictEqual([...MOCK_NODE_FLAGS]);
  } finally {
    await mock.close();
  }
}, 40_000);
