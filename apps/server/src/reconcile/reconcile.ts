import type { ReconcileRepair, ReconcileReport, RepairKind } from '@enrollpay/schemas';
import type Stripe from 'stripe';
import { audit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { recordEvidenceDetails } from '../disputes/service.js';
import { describeError } from '../jobs/backoff.js';
import { type SyncResult, syncDispute, syncPaymentIntent, syncRefund } from '../payments/sync.js';
import { reconcileConnect } from './connect.js';

export type ReconcilePhase = 'paymentIntents' | 'refunds' | 'disputes' | 'connect';

export interface ReconcileProgress {
  phase: ReconcilePhase;
  /** Objects handled so far in this phase. */
  done: number;
  /** Objects seen so far in this phase (Stripe's lists have no total; it grows page by page). */
  seen: number;
  finished: boolean;
}

export interface ReconcileOptions {
  since: Date;
  onProgress?: (progress: ReconcileProgress) => void;
}

export interface ReconcileResult extends ReconcileReport {
  /** Stripe objects with no payment of ours (e.g. made by another integration on the same account). */
  orphaned: string[];
}

type FieldValue = ReconcileRepair['before'];

function toFieldValue(value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return JSON.stringify(value);
}

function kindOf(field: string): RepairKind {
  if (field.startsWith('refund[')) return 'REFUND';
  if (field.startsWith('dispute[')) return 'DISPUTE';
  if (field.startsWith('enrollment')) return 'ENROLLMENT';
  return 'PAYMENT';
}

/**
 * Re-reads Stripe's truth since `since` — PaymentIntents, refunds and disputes created from then on
 * (`created[gte]`, every page) — and applies each through the same sync functions the webhooks use;
 * then Stripe Connect (transfers, application fees, accounts and payouts: connect.ts, `report.connect`).
 * Whatever they change is a repair: a webhook we missed or could not apply. Each repaired object gets
 * an AuditLog row ('reconcile.repair') with its field-level diff; the report lists every change.
 */
export async function reconcile(
  deps: AppDeps,
  { since, onProgress }: ReconcileOptions,
): Promise<ReconcileResult> {
  const startedAt = deps.clock.now();
  const created = { gte: Math.floor(since.getTime() / 1000) };
  const report: ReconcileResult = {
    since: since.toISOString(),
    startedAt: startedAt.toISOString(),
    finishedAt: startedAt.toISOString(),
    checked: { paymentIntents: 0, refunds: 0, disputes: 0 },
    repaired: [],
    errors: [],
    orphaned: [],
    connect: { checked: { transfers: 0, applicationFees: 0, payouts: 0, accounts: 0 }, drift: [] },
  };

  async function phase<T extends { id: string }>(
    name: Exclude<ReconcilePhase, 'connect'>,
    list: AsyncIterable<T>,
    apply: (object: T) => Promise<SyncResult>,
  ) {
    let seen = 0;
    let done = 0;
    onProgress?.({ phase: name, done, seen, finished: false });
    try {
      for await (const object of list) {
        seen++;
        try {
          const result = await apply(object);
          if (result.outcome === 'orphaned') report.orphaned.push(object.id);
          if (result.outcome === 'refused') {
            report.errors.push({ stripeId: object.id, message: result.problem ?? 'refused' });
          }
          if (result.changes.length > 0) await recordRepair(deps, report, object.id, result);
        } catch (error) {
          report.errors.push({ stripeId: object.id, message: describeError(error) });
        }
        done++;
        report.checked[name]++;
        onProgress?.({ phase: name, done, seen, finished: false });
      }
    } catch (error) {
      report.errors.push({ stripeId: `(listing ${name})`, message: describeError(error) });
    }
    onProgress?.({ phase: name, done, seen, finished: true });
  }

  const source = { kind: 'reconcile' } as const;
  await phase<Stripe.PaymentIntent>(
    'paymentIntents',
    deps.stripe.paymentIntents.list({ created, limit: 100, expand: ['data.latest_charge'] }),
    (pi) => syncPaymentIntent(deps, pi, source),
  );
  await phase<Stripe.Refund>('refunds', deps.stripe.refunds.list({ created, limit: 100 }), (refund) =>
    syncRefund(deps, refund, source),
  );
  await phase<Stripe.Dispute>(
    'disputes',
    deps.stripe.disputes.list({ created, limit: 100 }),
    async (dispute) => {
      const result = await syncDispute(deps, dispute, source);
      // The evidence due date and submission count, as the dispute webhooks record them.
      await recordEvidenceDetails(deps.db, dispute);
      return result;
    },
  );

  // Stripe Connect: transfers, application fees, connected accounts and their payouts (connect.ts).
  onProgress?.({ phase: 'connect', done: 0, seen: 0, finished: false });
  report.connect = await reconcileConnect(deps, since, report.errors);
  const connectChecked = Object.values(report.connect.checked).reduce((sum, n) => sum + n, 0);
  onProgress?.({ phase: 'connect', done: connectChecked, seen: connectChecked, finished: true });

  report.finishedAt = deps.clock.now().toISOString();
  return report;
}

async function recordRepair(deps: AppDeps, report: ReconcileResult, stripeId: string, result: SyncResult) {
  const repairs: ReconcileRepair[] = result.changes.map((change) => ({
    kind: kindOf(change.field),
    stripeId,
    paymentId: result.paymentId,
    field: change.field,
    before: toFieldValue(change.before),
    after: toFieldValue(change.after),
  }));
  report.repaired.push(...repairs);
  for (const repair of repairs) deps.metrics.reconcileRepairs.inc({ kind: repair.kind });
  await audit(deps.db, {
    actorId: null,
    actorRole: null,
    action: 'reconcile.repair',
    paymentId: result.paymentId,
    details: {
      stripeId,
      changes: repairs.map(({ field, before, after }) => ({ field, before, after })),
    },
  });
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses "24h", "90m", "7d", "2w" or an ISO date-time into the moment that long before `now`. */
export function parseSince(value: string, now: Date): Date {
  const relative = /^(\d+)\s*([mhdw])$/i.exec(value.trim());
  if (relative) {
    const [, amount = '0', unit = 'h'] = relative;
    const ms = UNIT_MS[unit.toLowerCase()] ?? 3_600_000;
    return new Date(now.getTime() - Number(amount) * ms);
  }
  const absolute = new Date(value);
  if (Number.isNaN(absolute.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    throw new RangeError(
      `--since must look like 24h, 90m, 7d, 2w or an ISO date such as 2025-01-31T00:00:00Z (got "${value}")`,
    );
  }
  return absolute;
}
