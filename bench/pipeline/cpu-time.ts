// Where the pipeline's CPU goes, from /proc (Linux): per worker process its main thread and
// its other threads (page analysis, V8's GC and compiler helpers, libuv), PostgreSQL, Redis
// and this process (the benchmark's site). Read before and after a run; the difference per
// page shows which part to work on, and whether the machine's cores were saturated.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

// USER_HZ: /proc counts CPU time in ticks of 1/100 s on every Linux we run on.
const TICK_MS = 10;

export type CpuGroup = 'worker main threads' | 'worker other threads' | 'PostgreSQL' | 'Redis' | 'benchmark site';

export type CpuSample = Map<string, { group: CpuGroup; ms: number }>;

function ticksOf(statPath: string): { comm: string; ms: number } | null {
  try {
    const stat = readFileSync(statPath, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return {
      comm: stat.slice(stat.indexOf('(') + 1, close),
      ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
    };
  } catch {
    return null; // the process or thread ended between listing and reading
  }
}

function cmdlineOf(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** CPU time so far of every process and thread that belongs to a group; null off Linux. */
export function sampleCpu(): CpuSample | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const sample: CpuSample = new Map();
  for (const pid of pids) {
    const own = ticksOf(`/proc/${pid}/stat`);
    if (!own) continue;
    if (Number(pid) === process.pid) {
      sample.set(pid, { group: 'benchmark site', ms: own.ms });
    } else if (own.comm === 'postgres') {
      sample.set(pid, { group: 'PostgreSQL', ms: own.ms });
    } else if (own.comm === 'redis-server') {
      sample.set(pid, { group: 'Redis', ms: own.ms });
    } else if (own.comm === 'node' && cmdlineOf(pid).includes('worker/src/main.ts')) {
      let tasks: string[] = [];
      try {
        tasks = readdirSync(`/proc/${pid}/task`);
      } catch {
        continue;
      }
      for (const tid of tasks) {
        const thread = ticksOf(`/proc/${pid}/task/${tid}/stat`);
        if (!thread) continue;
        const group = tid === pid ? 'worker main threads' : 'worker other threads';
        sample.set(`${pid}/${tid}`, { group, ms: thread.ms });
      }
    }
  }
  return sample;
}

/** CPU milliseconds per group between two samples (processes started in between count whole). */
export function cpuBetween(before: CpuSample, after: CpuSample): Map<CpuGroup, number> {
  const out = new Map<CpuGroup, number>();
  for (const [key, { group, ms }] of after) {
    out.set(group, (out.get(group) ?? 0) + ms - (before.get(key)?.ms ?? 0));
  }
  return out;
}

/** "worker main threads 2.9, … ms/page; 95% of 2 cores busy" for a run of `pages` in `seconds`. */
export function describeCpu(groups: Map<CpuGroup, number>, pages: number, seconds: number): string {
  const order: CpuGroup[] = ['worker other threads', 'worker main threads', 'PostgreSQL', 'Redis', 'benchmark site'];
  const total = [...groups.values()].reduce((a, b) => a + b, 0);
  const parts = order.map((g) => `${g} ${((groups.get(g) ?? 0) / pages).toFixed(1)}`);
  const busy = total / (seconds * 1000 * cpus().length);
  return `${parts.join(', ')}; total ${(total / pages).toFixed(1)} ms/page, ${(busy * 100).toFixed(0)}% of ${cpus().length} cores`;
}
