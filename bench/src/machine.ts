import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  platform: string;
  node: string;
}

/** The machine a run happened on: figures from different machines are not comparable. */
export function machineInfo(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** The 1, 5 and 15 minute load averages (other work on a shared machine skews every figure). */
export function loadAverage(): [number, number, number] {
  const [a = 0, b = 0, c = 0] = os.loadavg().map((v) => Math.round(v * 100) / 100);
  return [a, b, c];
}

/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on Linux for x86 and arm64). */
const USER_HZ = 100;

/** The fields of /proc/<pid>/stat after the command (index 0 is field 3, the state); null if unreadable. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command is in parentheses and may hold spaces: the fields start after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

const ticksToMs = (ticks: number) => (ticks * 1000) / USER_HZ;

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat; null where /proc is
 * not available (not Linux) or the process is gone.
 */
export function processCpuMs(pid: number): number | null {
  const fields = statFields(pid);
  // utime is field 14, stime 15.
  return fields ? ticksToMs(Number(fields[11]) + Number(fields[12])) : null;
}

/** The same split into user and system time (ms), or null. */
export function processCpuSplitMs(pid: number): { user: number; system: number } | null {
  const fields = statFields(pid);
  return fields ? { user: ticksToMs(Number(fields[11])), system: ticksToMs(Number(fields[12])) } : null;
}

/** The parent pid of a process (field 4 of /proc/<pid>/stat), or null. */
export function parentPid(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : null;
}

/**
 * CPU time (user + system), in ms, of a process and its direct children: the live children read one by
 * one, the exited ones through the parent's cutime/cstime (fields 16, 17: children it has waited for).
 * For PostgreSQL's postmaster this is the whole server: every backend, the WAL writer, the
 * checkpointer, autovacuum. Null where /proc is not available or the process is gone.
 */
export function processTreeCpuMs(pid: number): number | null {
  const fields = statFields(pid);
  if (!fields) return null;
  let ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const child = statFields(Number(entry));
    if (child && Number(child[1]) === pid) ticks += Number(child[11]) + Number(child[12]);
  }
  return ticksToMs(ticks);
}
