/**
 * The Docker CLI as the image tests use it: every container they start carries a label, so one call
 * removes them all, and every port they talk to is published on 127.0.0.1 and read back with
 * `docker port` (no fixed host port, no traffic off the machine).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** The name the Dockerfile's image is built under, the one compose.yaml runs. */
export const IMAGE = 'connect-customer-api-kit';
export const TEST_LABEL = 'connect-kit.image-test=true';

export interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

/** `docker ARGS…`; a non-zero exit is a result, not an exception, so a test can show its output. */
export async function docker(args: string[], timeoutMs = 120_000): Promise<Run> {
  try {
    const { stdout, stderr } = await exec('docker', args, { maxBuffer: 64 << 20, timeout: timeoutMs });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number | string };
    return { stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error), code: typeof failed.code === 'number' ? failed.code : -1 };
  }
}

/** Like docker(), but a non-zero exit throws with the command's standard error. */
export async function dockerOk(args: string[], timeoutMs?: number): Promise<string> {
  const run = await docker(args, timeoutMs);
  if (run.code !== 0) throw new Error(`docker ${args.join(' ')} exited with ${run.code}: ${run.stderr.trim()}`);
  return run.stdout.trim();
}

/** A name no earlier run used: tests never collide with each other or with leftovers. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** `docker run -d` of the image, port 4010 published on a free port of 127.0.0.1; the container's id. */
export function startContainer(options: { args?: string[]; env?: Record<string, string>; network?: string; name?: string } = {}): Promise<string> {
  const env = Object.entries(options.env ?? {}).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  const placement = [...(options.network ? ['--network', options.network] : []), ...(options.name ? ['--name', options.name] : [])];
  return dockerOk(['run', '-d', '--label', TEST_LABEL, '-p', '127.0.0.1::4010', ...placement, ...env, IMAGE, ...(options.args ?? [])]);
}

/** http://127.0.0.1:PORT for the container's 4010, as `docker port` gives it. */
export async function publishedUrl(container: string, containerPort = 4010): Promise<string> {
  const lines = (await dockerOk(['port', container, `${containerPort}/tcp`])).split('\n');
  const loopback = lines.find((line) => line.startsWith('127.0.0.1:'));
  if (!loopback) throw new Error(`port ${containerPort} of ${container} is not published on 127.0.0.1: ${lines.join(', ')}`);
  return `http://${loopback}`;
}

/** Polls URL/healthz until it answers 200; the body, or an error with the container's log. */
export async function waitForHealth(url: string, container: string, withinMs: number): Promise<{ status: string; customers: number }> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return (await response.json()) as { status: string; customers: number };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const logs = await docker(['logs', container]);
  throw new Error(`${url}/healthz did not answer 200 within ${withinMs} ms; the container's log:\n${logs.stdout}${logs.stderr}`);
}

/** Removes every container and network the tests made. */
export async function removeTestContainers(): Promise<void> {
  const ids = (await dockerOk(['ps', '-aq', '--filter', `label=${TEST_LABEL}`])).split('\n').filter(Boolean);
  if (ids.length) await docker(['rm', '-f', ...ids]);
  const networks = (await dockerOk(['network', 'ls', '-q', '--filter', `label=${TEST_LABEL}`])).split('\n').filter(Boolean);
  if (networks.length) await docker(['network', 'rm', ...networks]);
}
