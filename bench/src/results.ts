import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Machine } from './machine.js';
import { round } from './stats-math.js';

/** A goal from the issue: met when `value op threshold` (op on the figure, or on its ratio). */
export interface Target {
  on: 'value' | 'ratio';
  op: '>=' | '<=' | '<';
  threshold: number;
  text: string;
}

export interface Figure {
  benchmark: string;
  metric: string;
  /** null: could not be measured in this run (see note). */
  value: number | null;
  unit: string;
  baseline?: { label: string; value: number | null; unit: string };
  /**
   * share: `value / baseline` (throughputs, "share of the baseline"); speedup: `baseline / value`
   * ("times faster than the baseline"); multiple: `value / baseline` ("times the baseline's latency").
   */
  ratio?: number | null;
  ratioKind?: 'share' | 'speedup' | 'multiple';
  targets?: Target[];
  /** Whether every target was met; null when there is no figure. */
  met?: boolean | null;
  note?: string;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  /** The 1, 5 and 15 minute load averages when the run started and ended. */
  load: { atStart: [number, number, number]; atEnd: [number, number, number] };
  smoke: boolean;
  /** `--quick`: half-size runs. */
  quick?: boolean;
  durationSeconds: number;
  figures: Figure[];
  /** Raw measurements per benchmark (every figure above comes from these). */
  details: Record<string, unknown>;
}

/** Builds a figure, computing its ratio and whether its target is met. */
export function figure(f: Omit<Figure, 'ratio' | 'met'>): Figure {
  const out: Figure = { ...f };
  if (f.value !== null) out.value = round(f.value);
  if (f.baseline) {
    const base = f.baseline.value;
    out.baseline = { ...f.baseline, value: base === null ? null : round(base) };
    if (f.value === null || base === null || base === 0 || f.value === 0) out.ratio = null;
    else out.ratio = round(f.ratioKind === 'speedup' ? base / f.value : f.value / base);
  }
  if (f.targets?.length) {
    const verdicts = f.targets.map(({ on, op, threshold }) => {
      const subject = on === 'ratio' ? out.ratio : out.value;
      if (subject === null || subject === undefined) return null;
      return op === '>=' ? subject >= threshold : op === '<=' ? subject <= threshold : subject < threshold;
    });
    out.met = verdicts.includes(null) ? null : verdicts.every(Boolean);
  }
  return out;
}

const fmt = (value: number | null | undefined, unit = '') =>
  value === null || value === undefined
    ? 'n/a'
    : `${round(value).toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;

function ratioText(f: Figure): string {
  if (f.ratio === undefined) return '';
  if (f.ratio === null) return 'n/a';
  if (f.ratioKind === 'speedup') return `${f.ratio}× faster`;
  if (f.ratioKind === 'multiple') return `${f.ratio}× baseline`;
  return `${Math.round(f.ratio * 1000) / 10}%`;
}

/** The results as a markdown table (what `pnpm bench` prints and BENCHMARKS.md shows). */
export function markdownTable(results: BenchResults): string {
  const m = results.machine;
  const lines = [
    `Run ${results.date}${results.smoke ? ' (SMOKE: tiny sizes, figures meaningless)' : results.quick ? ' (--quick: half-size runs)' : ''} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}; took ${Math.round(results.durationSeconds)} s. Load average (1/5/15 min) ${results.load.atStart.join(' / ')} at the start, ${results.load.atEnd.join(' / ')} at the end (${m.cores} cores: above ${m.cores}, other work was queueing for the CPU).`,
    '',
    '| Benchmark | Metric | Value | Baseline | Ratio | Target | Met |',
    '| --- | --- | ---: | ---: | ---: | --- | :---: |',
  ];
  for (const f of results.figures) {
    const baseline = f.baseline ? `${fmt(f.baseline.value, f.baseline.unit)} (${f.baseline.label})` : '';
    const met = f.met === undefined ? '' : f.met === null ? 'n/a' : f.met ? 'yes' : '**no**';
    lines.push(
      `| ${f.benchmark} | ${f.metric} | ${fmt(f.value, f.unit)} | ${baseline} | ${ratioText(f)} | ${f.targets?.map((t) => t.text).join(' and ') ?? ''} | ${met} |`,
    );
  }
  const notes = results.figures.filter((f) => f.note).map((f) => `- ${f.benchmark}, ${f.metric}: ${f.note}`);
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}

export async function writeResults(path: string, results: BenchResults): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}
