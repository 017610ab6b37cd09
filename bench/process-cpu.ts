/**
 * CPU time a process has used, from /proc/PID/stat (proc(5): fields 14 and 15, utime and stime,
 * in clock ticks). CPU time per request is the number that survives a busy machine: requests/s
 * drops when other work takes the cores, the CPU a request costs the server does not.
 */
import { readFile } from 'node:fs/promises';

/** `getconf CLK_TCK`: 100 on every Linux build that Node supports on x86 and ARM. */
const TICKS_PER_SECOND = 100;

/** User plus system CPU time of the process, in milliseconds. */
export async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}
