import { readFileSync } from 'node:fs';

/** What the resident memory is made of (RssAnon: heaps and buffers; RssFile: mapped code), in MB. */
export function rssParts(pid: number): { anonMb: number; fileMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { anonMb: kb('RssAnon') / 1024, fileMb: kb('RssFile') / 1024 };
  } catch {
    return null;
  }
}

/** Resident memory of one process, from /proc/<pid>/status (VmRSS, kB), in MB; null once it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}

/**
 * Samples a process's RSS every `intervalMs` until stopped: the peak of a phase is the largest
 * sample taken while that phase ran (a 500 ms sampler can miss a shorter spike).
 */
export function sampleRss(pid: number, intervalMs = 500) {
  const samples: { at: number; mb: number }[] = [];
  const take = () => {
    const mb = rssMb(pid);
    if (mb !== null) samples.push({ at: Date.now(), mb });
  };
  take();
  const timer = setInterval(take, intervalMs);
  timer.unref(); // never what keeps the benchmark (and the shared lock) alive
  return {
    /** The largest sample in [from, to] (epoch ms), or over everything. */
    peak(from = 0, to = Number.POSITIVE_INFINITY): number | null {
      const within = samples.filter((s) => s.at >= from && s.at <= to).map((s) => s.mb);
      return within.length === 0 ? null : Math.max(...within);
    },
    count: () => samples.length,
    stop(): void {
      clearInterval(timer);
      take();
    },
  };
}
