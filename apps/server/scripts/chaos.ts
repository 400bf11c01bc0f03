/**
 * `pnpm test:chaos`: the reliability and security harness at full size. Runs the chaos, fuzz and
 * security suites with CHAOS_FULL=1: 1,000 concurrent createIntent and confirm calls, ~10,000 webhook
 * deliveries (30% duplicates, shuffled, 5 SIGKILLs) including Stripe Connect's (destination charges with
 * fees, refunds reversing transfers, payouts paid and failed; account.updated and payout.* on the Connect
 * endpoint, forged copies refused), two instances behind a proxy, reconciliation after paused delivery,
 * 10,000 fuzz cases per tRPC procedure (payouts.* included) and per webhook attack on both endpoints. Each suite prints its
 * figures. Extra arguments go to Vitest, e.g. `pnpm test:chaos -t "one instance"` or
 * `pnpm test:chaos test/fuzz` (paths relative to apps/server).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const serverDir = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2).filter((a) => a !== '--');
// `pnpm test:chaos test/chaos` runs just that folder; by default all three.
const folders = args.some((a) => !a.startsWith('-')) ? [] : ['test/chaos', 'test/fuzz', 'test/security'];
const started = Date.now();

const child = spawn(
  'pnpm',
  ['exec', 'vitest', 'run', ...folders, '--testTimeout=3600000', '--hookTimeout=600000', ...args],
  {
    cwd: serverDir,
    stdio: 'inherit',
    env: { ...process.env, CHAOS_FULL: '1' },
  },
);
child.on('exit', (code, signal) => {
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\ntest:chaos finished in ${minutes} min (${signal ?? `exit ${code}`})`);
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
