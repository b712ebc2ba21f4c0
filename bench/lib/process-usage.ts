import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory and CPU time of a process, read from /proc (Linux); null elsewhere. */
export interface ProcessUsage {
  rssMiB: number;
  cpuSeconds: number;
}

const TICKS_PER_SECOND = 100;

export function processUsage(pid: number): ProcessUsage | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    // Fields after the command name (which may contain spaces) start at field 3 (state).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rssMiB: Math.round((rssKiB / 1024) * 10) / 10, cpuSeconds: ticks / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** Average CPU use of a process over `ms` milliseconds, as a share of one core (1.0 = one core busy). */
export async function cpuShare(pid: number, ms: number): Promise<number | null> {
  const before = processUsage(pid);
  const started = Date.now();
  await new Promise((r) => setTimeout(r, ms));
  const after = processUsage(pid);
  if (!before || !after) return null;
  return Math.round(((after.cpuSeconds - before.cpuSeconds) / ((Date.now() - started) / 1000)) * 1000) / 1000;
}

/** CPU seconds of every process whose command name is `name` (e.g. all Postgres backends on this machine). */
export function cpuSecondsOfAll(name: string): number | null {
  try {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (comm !== name) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        total += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      } catch {
        // The process ended while being read.
      }
    }
    return total;
  } catch {
    return null;
  }
}

/** CPU seconds used so far by each named process; `self` is this process. */
export function cpuSnapshot(pids: Record<string, number>): Record<string, number | null> {
  const own = process.cpuUsage();
  return {
    ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processUsage(pid)?.cpuSeconds ?? null])),
    self: (own.user + own.system) / 1e6,
    postgres: cpuSecondsOfAll('postgres'),
  };
}

/** Milliseconds of CPU per unit of work between two snapshots. */
export function cpuPerUnit(before: Record<string, number | null>, after: Record<string, number | null>, units: number): Record<string, number | null> {
  return Object.fromEntries(
    Object.keys(after).map((k) => {
      const a = after[k];
      const b = before[k];
      return [k, a === null || b === null || b === undefined || units === 0 ? null : Math.round(((a - b) * 1000) / units)];
    }),
  );
}
