// pnpm reconcile --since 24h [--json]
//
// Re-reads Stripe (PaymentIntents, refunds, disputes created since then; Connect transfers, application
// fees, accounts and payouts) and applies each through the same appliers the webhooks use; prints what it
// repaired or found different (repairs are also written to the audit log).
import { parseArgs } from 'node:util';
import { createDb, resolveDatabase } from '@enrollpay/db';
import cliProgress from 'cli-progress';
import { createDeps } from '../src/deps.js';
import { EnvError, loadEnv } from '../src/env.js';
import { parseSince, type ReconcilePhase, reconcile } from '../src/reconcile/reconcile.js';

const LABELS: Record<ReconcilePhase, string> = {
  paymentIntents: 'PaymentIntents',
  refunds: 'Refunds',
  disputes: 'Disputes',
  connect: 'Connect',
};

function usage(message?: string): never {
  if (message) console.error(`error: ${message}\n`);
  console.error('usage: pnpm reconcile --since <24h | 90m | 7d | 2w | ISO date> [--json]');
  process.exit(message ? 2 : 0);
}

async function main() {
  const { values } = parseArgs({
    options: {
      since: { type: 'string', default: '24h' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) usage();

  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) usage(error.message);
    throw error;
  }
  let since: Date;
  try {
    since = parseSince(values.since, new Date());
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }

  const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL });
  const db = createDb({ url: database.url });
  const deps = createDeps(env, db, { databaseUrl: database.url });
  const interactive = process.stderr.isTTY && !values.json;
  const bars = new cliProgress.MultiBar(
    {
      format: ' {label} |{bar}| {value}/{total}',
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const phaseBars = new Map<ReconcilePhase, cliProgress.SingleBar>();

  try {
    const report = await reconcile(deps, {
      since,
      onProgress({ phase, done, seen, finished }) {
        if (!interactive) {
          if (finished) console.error(`${LABELS[phase]}: checked ${done}`);
          return;
        }
        let bar = phaseBars.get(phase);
        if (!bar) {
          bar = bars.create(Math.max(seen, 1), 0, { label: LABELS[phase].padEnd(14) });
          phaseBars.set(phase, bar);
        }
        // Stripe lists have no total: it grows as pages arrive, and is exact when the phase ends.
        bar.setTotal(Math.max(seen, 1));
        bar.update(finished ? Math.max(seen, 1) : done);
      },
    });
    bars.stop();

    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      const { checked } = report;
      console.log(`\nReconciled Stripe since ${report.since}`);
      console.log(
        `  checked: ${checked.paymentIntents} payment intents, ${checked.refunds} refunds, ${checked.disputes} disputes`,
      );
      if (report.repaired.length === 0) console.log('  nothing to repair: the database agrees with Stripe');
      else {
        console.log(`  repaired ${report.repaired.length} field(s):`);
        for (const r of report.repaired) {
          console.log(
            `    ${r.kind.padEnd(10)} ${r.stripeId} (payment ${r.paymentId ?? '-'}) ${r.field}: ${JSON.stringify(r.before)} → ${JSON.stringify(r.after)}`,
          );
        }
      }
      if (report.orphaned.length)
        console.log(
          `  ${report.orphaned.length} Stripe object(s) match no payment of ours: ${report.orphaned.slice(0, 10).join(', ')}${report.orphaned.length > 10 ? ', …' : ''}`,
        );
      const c = report.connect;
      console.log(
        `  Connect: ${c.checked.transfers} transfers, ${c.checked.applicationFees} application fees, ${c.checked.accounts} accounts, ${c.checked.payouts} payouts`,
      );
      if (c.drift.length === 0) console.log('  Connect: nothing differs from Stripe');
      for (const d of c.drift) {
        console.log(
          `    ${d.kind.padEnd(15)} ${d.stripeId} (payment ${d.paymentId ?? '-'}) ${d.field}: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)} ${d.repaired ? 'repaired' : 'NOT repaired (needs a person)'}`,
        );
      }
      for (const e of report.errors) console.log(`  error: ${e.stripeId}: ${e.message}`);
    }
    process.exitCode = report.errors.length ? 1 : 0;
  } finally {
    bars.stop();
    await deps.jobs.close();
    deps.mailer.close();
    await db.$disconnect();
    await database.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
