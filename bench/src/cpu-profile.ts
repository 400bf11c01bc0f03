import { Session } from 'node:inspector/promises';

/** Where the sampled CPU time of a profiled stretch went, in ms, by who was running. */
export interface CpuBreakdown {
  /** Wall time of the profiled stretch. */
  wallMs: number;
  /** Sampled time by category (idle = the event loop waiting, e.g. on PostgreSQL). */
  byCategory: Record<string, number>;
  /** The functions with the most self time (category, name, ms). */
  top: { category: string; fn: string; ms: number }[];
}

/** The category of a profile node, from its script's URL and function name. */
function categoryOf(url: string, fn: string): string {
  if (fn === '(idle)') return 'idle (waiting)';
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(program)') return 'V8 / native (program)';
  if (/@prisma\/client|generated\/prisma|query_compiler|prisma.*runtime/.test(url)) return 'Prisma client';
  if (/@prisma\/adapter-pg|driver-adapter-utils/.test(url)) return 'Prisma pg adapter';
  if (/node_modules\/(\.pnpm\/)?(pg|pg-protocol|pg-types|pg-pool|postgres-[a-z]+)[@/]/.test(url))
    return 'pg driver';
  if (/node_modules\/(\.pnpm\/)?(zod)[@/]/.test(url)) return 'zod';
  if (/apps\/server\/src\/stats/.test(url)) return 'stats service (our code)';
  if (url.startsWith('node:') || url === '') return 'node internals (sockets, timers)';
  return 'other';
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

/**
 * Runs `work` under V8's sampling profiler (in this process, via the inspector) and sums self time by
 * category: each sample counts the time since the one before it. Sampling: about 1 sample per `intervalUs`.
 */
export async function profileCpu(work: () => Promise<void>, intervalUs = 200): Promise<CpuBreakdown> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    const started = performance.now();
    await work();
    const wallMs = performance.now() - started;
    const { profile } = await session.post('Profiler.stop');
    const nodes = new Map((profile.nodes as ProfileNode[]).map((node) => [node.id, node]));
    // Each sample stands for the time since the previous one (timeDeltas, in µs).
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    const byCategory: Record<string, number> = {};
    const byFn = new Map<string, { category: string; fn: string; ms: number }>();
    for (const [i, id] of samples.entries()) {
      const node = nodes.get(id);
      if (!node) continue;
      const { functionName, url } = node.callFrame;
      const category = categoryOf(url, functionName);
      const ms = (deltas[i] ?? 0) / 1000;
      byCategory[category] = (byCategory[category] ?? 0) + ms;
      const file = url.split('/').slice(-1)[0] ?? '';
      const key = `${functionName || '(anonymous)'} ${file}`;
      const entry = byFn.get(key) ?? { category, fn: key, ms: 0 };
      entry.ms += ms;
      byFn.set(key, entry);
    }
    const top = [...byFn.values()].sort((a, b) => b.ms - a.ms).slice(0, 12);
    return { wallMs, byCategory, top };
  } finally {
    await session.post('Profiler.disable').catch(() => undefined);
    session.disconnect();
  }
}
