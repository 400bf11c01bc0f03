// `pnpm bench`: every benchmark, a markdown table on stdout, bench/results.json with every figure.
//   pnpm bench                      full sizes (about 10 minutes on 2 cores)
//   pnpm bench --quick              half-size runs, same rates and stats data (about half the time)
//   pnpm bench --smoke              tiny sizes (seconds), figures meaningless
//   pnpm bench --only=webhook,stats a subset
import { fileURLToPath } from 'node:url';
import { ALL_BENCHES, type BenchName, runBenchmarks } from './bench.js';
import { markdownTable, writeResults } from './results.js';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg
  ? onlyArg
      .slice('--only='.length)
      .split(',')
      .map((name) => {
        const bench = ALL_BENCHES.find((b) => b === name);
        if (!bench) throw new Error(`unknown benchmark "${name}"; choose from ${ALL_BENCHES.join(', ')}`);
        return bench;
      })
  : ALL_BENCHES;
const out =
  args.find((a) => a.startsWith('--out='))?.slice('--out='.length) ??
  fileURLToPath(new URL(smoke ? '../results.smoke.json' : '../results.json', import.meta.url));

const results = await runBenchmarks({ smoke, quick, only: only satisfies BenchName[] });
await writeResults(out, results);
console.log(markdownTable(results));
console.error(`\nresults written to ${out}`);
// Pools and timers of the in-process pieces must not keep the process alive.
process.exit(0);
