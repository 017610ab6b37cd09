/**
 * The README's "Without Node: Docker" commands and compose.yaml's mock commands give the image's
 * commands flags and variables they take: each `docker run … connect-customer-api-kit [COMMAND
 * ARGS]` line goes through the command's own parser, and every `-e MOCK_*` is a variable the mock
 * reads. No Docker needed (`npm run test:image` runs the image itself).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseContractOptions } from '../../contracts/runner/options.ts';
import { parseFixturesArgs } from '../../fixtures/cli-options.ts';
import { helpText, parseMockConfig } from '../../mock/config.ts';
import { IMAGE } from './docker.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const start = README.indexOf('\n## Without Node: Docker\n');
const section = README.slice(start, README.indexOf('\n## ', start + 1));

interface DockerRun {
  line: string;
  env: Record<string, string>;
  command: string;
  args: string[];
}

/** The `docker run` lines of the section's shell blocks, continuation lines joined. */
function dockerRuns(): DockerRun[] {
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!.replace(/\\\n\s*/g, ''));
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.startsWith('docker run '))
    .map((line) => {
      // Quoted shell words ("$(id -u):$(id -g)") are options of Docker's, never of the commands.
      const words = line.replace(/"[^"]*"/g, 'QUOTED').split(/\s+/);
      const image = words.indexOf(IMAGE);
      const env = Object.fromEntries(words.flatMap((word, i) => (words[i - 1] === '-e' ? [word.split('=') as [string, string]] : [])));
      const after = words.slice(image + 1);
      const redirect = after.indexOf('>');
      const [command = 'connect-mock', ...args] = redirect === -1 ? after : after.slice(0, redirect);
      return { line, env, command, args };
    });
}

it('runs each of the three commands, and the image with no command', () => {
  const runs = dockerRuns();
  expect(runs.some((run) => run.line.endsWith(IMAGE))).toBe(true);
  expect(new Set(runs.map((run) => run.command))).toEqual(new Set(['connect-mock', 'connect-contract', 'connect-fixtures']));
});

it('gives each command flags its parser takes, and the mock MOCK_* variables it reads', () => {
  const help = helpText();
  for (const run of dockerRuns()) {
    if (run.command === 'connect-mock') {
      expect(() => parseMockConfig(run.args, run.env), run.line).not.toThrow();
      for (const name of Object.keys(run.env)) expect(help, run.line).toContain(`[${name}]`);
    } else if (run.command === 'connect-contract') {
      expect(parseContractOptions(run.args, {}), run.line).not.toBe('help');
    } else {
      expect(run.command).toBe('connect-fixtures');
      expect(() => parseFixturesArgs(run.args), run.line).not.toThrow();
    }
  }
});

it.skipIf(!helpText().includes('--redis'))('gives the replicas of compose.yaml flags the mock takes', () => {
  const compose = parseDocument(readFileSync(new URL('../../compose.yaml', import.meta.url), 'utf8'), { merge: true }).toJS() as {
    services: Record<string, { image?: string; command?: string[] }>;
  };
  const replicas = Object.values(compose.services).filter((service) => service.image === IMAGE);
  expect(replicas).toHaveLength(2);
  for (const { command = [] } of replicas) {
    expect(command[0]).toBe('connect-mock');
    expect(() => parseMockConfig(command.slice(1), {})).not.toThrow();
  }
});
