/**
 * `npm test`'s `pretest`: the Debian packages the tests drive (`chromium` for the browser tests,
 * `redis-server` for the shared-state tests). Missing ones are installed when this runs as root
 * with apt (a container, CI); otherwise it stops at once with the one command that installs them,
 * instead of a test failing minutes later. `CHROMIUM_PATH` names a Chromium elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CHROMIUM_PATH } from '../mock/testing/chromium.ts';

export interface SystemPackage {
  /** Debian's package name. */
  name: string;
  present: () => boolean;
  /** Where the tests look for it, for a system without apt. */
  lookedFor: string;
}

export function onPath(command: string, path = process.env.PATH ?? ''): boolean {
  return path.split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

export const SYSTEM_PACKAGES: SystemPackage[] = [
  { name: 'chromium', present: () => existsSync(CHROMIUM_PATH), lookedFor: `Chromium at ${CHROMIUM_PATH} or CHROMIUM_PATH` },
  { name: 'redis-server', present: () => onPath('redis-server'), lookedFor: 'redis-server on PATH' },
];

export type Plan = { action: 'none' } | { action: 'install'; packages: string[] } | { action: 'stop'; message: string };

/** What to do about the packages that are missing, on a host that is root or not and has apt or not. */
export function planFor(missing: string[], host: { root: boolean; apt: boolean }): Plan {
  if (missing.length === 0) return { action: 'none' };
  if (host.root && host.apt) return { action: 'install', packages: missing };
  const lookedFor = SYSTEM_PACKAGES.filter((pkg) => missing.includes(pkg.name)).map((pkg) => pkg.lookedFor);
  const command = host.apt ? `sudo apt-get install -y ${missing.join(' ')}` : `install ${missing.join(' and ')} (the tests look for ${lookedFor.join(', ')})`;
  return { action: 'stop', message: `npm test needs ${missing.join(' and ')}, which this system lacks. Run:\n  ${command}\nthen npm test again.` };
}

function main(): number {
  const missing = SYSTEM_PACKAGES.filter((pkg) => !pkg.present()).map((pkg) => pkg.name);
  const plan = planFor(missing, { root: process.getuid?.() === 0, apt: onPath('apt-get') });
  if (plan.action === 'stop') {
    console.error(plan.message);
    return 1;
  }
  if (plan.action === 'install') {
    console.log(`pretest: installing ${plan.packages.join(', ')} (apt-get, as root)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...plan.packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
