/**
 * CPU time by thread, from Linux /proc (nothing elsewhere): which thread a benchmark's time goes to (the
 * ingest's own thread, its workers, V8's compiler and collector helpers, a JVM's threads).
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpu {
  tid: string;
  /** The thread's name (Linux keeps its first 15 characters). */
  name: string;
  /** CPU seconds, user and system. */
  cpu: number;
}

/** The threads of process `pid` with the CPU each has used so far (none when /proc cannot tell). */
export function threadsOf(pid: number): ThreadCpu[] {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: ThreadCpu[] = [];
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      out.push({
        tid,
        name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
        cpu: (Number(fields[11]) + Number(fields[12])) / 100,
      });
    } catch {
      // the thread ended
    }
  }
  return out;
}

/**
 * CPU seconds of this process's threads over a stretch of work: its own (main) thread, the threads started
 * meanwhile (worker threads), and those that were there before (V8's compiler and garbage-collector helpers,
 * libuv's pool). Threads are read every `ms`, so one that ends keeps its last reading. null without /proc.
 */
export function sampleThreads(ms = 100): { stop(): { main: number; started: number; others: number } | null } {
  const pid = String(process.pid);
  const first = new Map(threadsOf(process.pid).map((t) => [t.tid, t.cpu]));
  const last = new Map(first);
  const read = () => {
    for (const t of threadsOf(process.pid)) last.set(t.tid, t.cpu);
  };
  const timer = setInterval(read, ms);
  return {
    stop() {
      clearInterval(timer);
      read();
      if (!first.size) return null;
      const sum = { main: 0, started: 0, others: 0 };
      for (const [tid, cpu] of last) {
        const used = cpu - (first.get(tid) ?? 0);
        if (tid === pid) sum.main += used;
        else if (first.has(tid)) sum.others += used;
        else sum.started += used;
      }
      return sum;
    },
  };
}
