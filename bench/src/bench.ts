import { benchExport, EXPORT_FULL, EXPORT_QUICK, EXPORT_SMOKE } from './export.js';
import { benchIntents, INTENT_FULL, INTENT_QUICK, INTENT_SMOKE } from './intent.js';
import { loadAverage, machineInfo } from './machine.js';
import { startBenchPostgres } from './postgres.js';
import type { BenchResults, Figure } from './results.js';
import { benchStats, STATS_FULL, STATS_QUICK, STATS_SMOKE } from './stats.js';
import { benchWeb } from './web.js';
import { benchWebhooks, WEBHOOK_FULL, WEBHOOK_QUICK, WEBHOOK_SMOKE } from './webhook.js';

export type BenchName = 'webhook' | 'intent' | 'stats' | 'export' | 'web';
export const ALL_BENCHES: BenchName[] = ['webhook', 'intent', 'stats', 'export', 'web'];

export interface RunOptions {
  smoke: boolean;
  /** Half-size runs (same rates, same 1,000,000 stats payments): about half the time of a full run. */
  quick?: boolean;
  only?: BenchName[];
  log?: (line: string) => void;
}

/** Runs the benchmarks (all, or `only`) and returns every figure with its baseline and the raw data. */
export async function runBenchmarks({
  smoke,
  quick = false,
  only = ALL_BENCHES,
  log = console.error,
}: RunOptions): Promise<BenchResults> {
  const started = performance.now();
  const date = new Date().toISOString();
  // Other work on a shared machine skews every figure: the load average is recorded beside them.
  const loadAtStart = loadAverage();
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const postgres = await startBenchPostgres();
  try {
    if (only.includes('webhook')) {
      const result = await benchWebhooks(smoke ? WEBHOOK_SMOKE : quick ? WEBHOOK_QUICK : WEBHOOK_FULL, log);
      figures.push(...result.figures);
      details.webhook = result.details;
    }
    if (only.includes('intent')) {
      const sizes = smoke ? INTENT_SMOKE : quick ? INTENT_QUICK : INTENT_FULL;
      // BENCH_INTENT_BLOCKS=1: the 25/s run and the bare route's one after the other (the method before
      // 2026-12-01), to compare the two methods on the same code.
      const blocks = Number(process.env.BENCH_INTENT_BLOCKS ?? sizes.low.blocks);
      const result = await benchIntents({ ...sizes, low: { ...sizes.low, blocks } }, log);
      figures.push(...result.figures);
      details.intent = result.details;
    }
    if (only.includes('stats')) {
      const result = await benchStats(smoke ? STATS_SMOKE : quick ? STATS_QUICK : STATS_FULL, log);
      figures.push(...result.figures);
      details.stats = result.details;
    }
    if (only.includes('export')) {
      const result = await benchExport(smoke ? EXPORT_SMOKE : quick ? EXPORT_QUICK : EXPORT_FULL, log);
      figures.push(...result.figures);
      details.export = result.details;
    }
    if (only.includes('web')) {
      const result = await benchWeb(log);
      figures.push(...result.figures);
      details.web = result.details;
    }
  } finally {
    await postgres.stop();
  }
  return {
    date,
    machine: machineInfo(),
    load: { atStart: loadAtStart, atEnd: loadAverage() },
    smoke,
    quick: !smoke && quick,
    durationSeconds: (performance.now() - started) / 1000,
    figures,
    details,
  };
}
