/**
 * Docker Compose as the compose test uses it: the `docker compose` plugin where Docker has it,
 * else Debian's `docker-compose`, always on compose.yaml with a project name of its own, so a run
 * never touches a project a user has up.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const root = join(import.meta.dirname, '../..');

/** The command that runs Compose here, or undefined when neither is installed. */
export async function composeCommand(): Promise<string[] | undefined> {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    try {
      await exec(command[0]!, [...command.slice(1), 'version']);
      return command;
    } catch {
      // Not this one.
    }
  }
  return undefined;
}

export interface ComposeProject {
  run(args: string[], timeoutMs?: number): Promise<string>;
}

/** A project of compose.yaml named `name`; `env` reaches the file's variables. */
export function composeProject(command: string[], name: string, env: Record<string, string>): ComposeProject {
  return {
    async run(args, timeoutMs = 180_000) {
      const argv = [...command.slice(1), '--project-name', name, '--file', join(root, 'compose.yaml'), ...args];
      try {
        const { stdout } = await exec(command[0]!, argv, { cwd: root, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 16 << 20 });
        return stdout.trim();
      } catch (error) {
        const failed = error as { stderr?: string; stdout?: string };
        throw new Error(`${command.join(' ')} ${argv.slice(command.length - 1).join(' ')} failed: ${failed.stderr ?? ''}${failed.stdout ?? ''}`, { cause: error });
      }
    },
  };
}
