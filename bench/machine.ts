/**
 * The machine a run measured: numbers from a 2-core shared VM and from a workstation are not
 * comparable, so every report says where it ran and how busy the machine was.
 */
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** ISO date and time of the start of the run, UTC. */
  date: string;
  /** 1-minute load average when the run started. */
  loadAtStart: number;
}

export function describeMachine(now = new Date()): Machine {
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: totalmem() / 2 ** 30,
    node: process.version,
    os: `${osType()} ${release()}`,
    date: now.toISOString().replace(/\.\d+Z$/, 'Z'),
    loadAtStart: loadAverage(),
  };
}

/** The 1-minute load average: above the core count, other work competed with the bench. */
export function loadAverage(): number {
  return loadavg()[0] ?? Number.NaN;
}
