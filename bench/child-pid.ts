/**
 * The pid of a child process that a helper spawned for us without telling (startPrism hides its
 * child): found among this process's children in /proc by a word of its command line.
 */
import { readdir, readFile } from 'node:fs/promises';

export async function findChildPid(word: string, parent: number = process.pid): Promise<number | undefined> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // proc(5): field 4, the parent pid, is the second field after the parenthesised name.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(word)) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}
