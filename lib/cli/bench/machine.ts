/**
 * The machine a bench ran on, named in its report: figures from different
 * machines are not comparable, and ratios measured side by side are the
 * point of the bench.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The machine a bench ran on. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  chromium: string;
  /** 1-minute load average when the bench ended: other work on the machine skews wall-clock times. */
  loadAverage: number;
}

/** CPU model from /proc/cpuinfo (Linux), else what Node reports. */
function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // Not Linux: fall through.
  }
  return os.cpus()[0]?.model ?? 'unknown CPU';
}

/** Describes this machine; `chromium` is the browser's version when the Chromium part ran. */
export function machineInfo(chromium = 'not run'): MachineInfo {
  return {
    cpu: cpuModel(),
    cores: os.cpus().length,
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    loadAverage: os.loadavg()[0] ?? 0,
  };
}
