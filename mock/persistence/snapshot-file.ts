/**
 * Writes a whole state file atomically: into a temporary file beside it, fsync, rename over the
 * old one, fsync the directory (so the rename itself survives a power cut). A crash at any point
 * leaves either the old file or the new one, never a mix (rename(2) is atomic on POSIX).
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Lines are gathered into writes of about this size. */
const WRITE_BYTES = 1024 * 1024;

export function writeFileAtomically(path: string, lines: Iterable<string>): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(temporary, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    for (const line of lines) {
      batch.push(line);
      size += line.length;
      if (size >= WRITE_BYTES) {
        writeAll(fd, batch.join(''));
        batch = [];
        size = 0;
      }
    }
    writeAll(fd, batch.join(''));
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
  syncDirectory(dirname(path));
}

/** Writes all of `text`, looping over short writes (write(2) may write less than asked). */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}

function syncDirectory(directory: string): void {
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
