/**
 * One process per state file (docs/decisions/029). Two mocks on one `--state-file` lose writes: the
 * second rewrites the file by rename, and the first goes on appending its acknowledged writes to
 * the unlinked copy. So a mock takes `FILE.lock` before it reads the file: created exclusively
 * (`O_EXCL`) with the holder's pid in it. A lock whose pid is no longer alive was left by a crash
 * (SIGKILL, power loss) and is taken over; a live holder makes the start fail with its pid.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { StateFileError } from './journal-lines.ts';

/** The state file is held by a live process: the CLI exits 2 with this message. */
export class StateFileLockedError extends Error {
  override name = 'StateFileLockedError';
  constructor(
    readonly stateFile: string,
    readonly holderPid: number,
  ) {
    super(
      `the state file ${stateFile} is in use by another mock (pid ${holderPid}); ` +
        `stop that process or give this one another --state-file.`,
    );
  }
}

/** Lock files this process holds, so that a second mock in the same process is refused too. */
const held = new Set<string>();

/** Takes the lock of `stateFile`; the returned function releases it. Throws `StateFileLockedError`. */
export function lockStateFile(stateFile: string): () => void {
  const lockFile = `${stateFile}.lock`;
  // Two tries: the second after removing a lock whose holder is dead.
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockFile, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StateFileError(`${stateFile}: cannot be written (${(error as Error).message}).`);
      }
      const holder = holderOf(lockFile);
      if (holder !== undefined && isAlive(holder) && (holder !== process.pid || held.has(lockFile))) {
        throw new StateFileLockedError(stateFile, holder);
      }
      removeIfSame(lockFile, holder);
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    held.add(lockFile);
    const release = () => {
      if (!held.delete(lockFile)) return;
      removeIfSame(lockFile, process.pid);
      process.off('exit', release);
    };
    // A process that exits without closing the mock (process.exit, an uncaught error) still lets go.
    process.on('exit', release);
    return release;
  }
  throw new Error(`${lockFile}: could not be taken over from a dead holder; remove it by hand.`);
}

/** The pid in a lock file, or undefined when it is unreadable (half-written by a crash: stale). */
function holderOf(lockFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Signal 0 checks for a process without touching it; EPERM means it exists under another user.
 * A killed process that its parent has not reaped yet (a zombie) still answers signal 0, but holds
 * no file: on Linux its state in /proc says so.
 */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    // "pid (comm) S …": the state follows the last ")", as comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/** Removes the lock only while it still names `pid`, so a racing successor's lock is left alone. */
function removeIfSame(lockFile: string, pid: number | undefined): void {
  if (holderOf(lockFile) !== pid) return;
  try {
    unlinkSync(lockFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
