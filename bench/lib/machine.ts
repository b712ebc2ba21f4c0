import { cpus, freemem, platform, release, totalmem } from 'node:os';
import type { DataSource } from 'typeorm';

export interface Machine {
  date: string;
  os: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  node: string;
  postgres: string;
}

/** What the figures were measured on: the machine is shared, so every result carries it. */
export async function describeMachine(ds: DataSource): Promise<Machine> {
  const [{ server_version: version }] = await ds.query<{ server_version: string }[]>('SHOW server_version');
  return {
    date: new Date().toISOString(),
    os: `${platform()} ${release()}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGiB: Math.round(freemem() / 2 ** 30),
    node: process.version,
    postgres: version,
  };
}
