import type { FastifyBaseLogger } from 'fastify';
import { Logger, type Runner, run, type TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { queueEvidenceReminders } from '../disputes/service.js';
import { settleStrandedRefunds } from '../payments/refunds.js';
import { releaseStaleHolds } from '../promotions/expire-holds.js';
import { reconcile } from '../reconcile/reconcile.js';
import { processWebhookEvent, sweepWebhookEvents } from '../webhooks/apply-event.js';
import { drainOutbox } from './outbox.js';
import { TASKS } from './queue.js';

const EventPayload = z.object({ eventId: z.string().min(1) });
const ReconcilePayload = z.object({ sinceHours: z.number().int().min(1).optional() });

/** The graphile-worker tasks. They never throw for "expected" outcomes; those are recorded on our rows. */
export function createTaskList(deps: AppDeps, log: FastifyBaseLogger): TaskList {
  return {
    [TASKS.processWebhookEvent]: async (payload) => {
      const { eventId } = EventPayload.parse(payload);
      const outcome = await processWebhookEvent(deps, eventId);
      log.debug({ stripeEventId: eventId, outcome }, 'webhook event processed by worker');
    },
    [TASKS.sweepWebhookEvents]: async () => {
      const n = await sweepWebhookEvents(deps);
      if (n > 0) log.warn({ count: n }, 'webhook sweeper re-enqueued unfinished events');
    },
    [TASKS.settleRefunds]: async () => {
      const n = await settleStrandedRefunds(deps);
      if (n > 0) log.warn({ count: n }, 'settled refunds whose Stripe call had an unknown outcome');
    },
    [TASKS.remindDisputeEvidence]: async () => {
      const n = await queueEvidenceReminders(deps);
      if (n > 0) log.info({ count: n }, 'queued dispute evidence reminders');
    },
    [TASKS.releaseStaleHolds]: async () => {
      const result = await releaseStaleHolds(deps);
      if (result.found > 0)
        log.info({ ...result, failed: result.failed.length }, 'released stale promotion code holds');
      for (const f of result.failed)
        log.warn(f, 'could not cancel an abandoned checkout holding a promotion code');
    },
    [TASKS.drainOutbox]: async () => {
      await drainOutbox(deps);
    },
    [TASKS.reconcile]: async (payload) => {
      const { sinceHours = deps.env.RECONCILE_SINCE_HOURS } = ReconcilePayload.parse(payload ?? {});
      const since = new Date(deps.clock.now().getTime() - sinceHours * 3_600_000);
      const report = await reconcile(deps, { since });
      log.info(
        {
          checked: report.checked,
          repaired: report.repaired.length,
          errors: report.errors.length,
          connect: report.connect.checked,
          connectDrift: report.connect.drift.length,
        },
        'scheduled reconciliation finished',
      );
    },
  };
}

/**
 * graphile-worker's schedule: sweep unfinished webhook events every minute, settle refunds whose Stripe
 * call had an unknown outcome every 5 minutes, cancel abandoned checkouts holding a promotion code's use for
 * PROMOTION_HOLD_MINUTES every 5 minutes, queue dispute evidence reminders hourly, reconcile with Stripe every
 * hour over RECONCILE_SINCE_HOURS (overlapping windows, so a missed hour is caught by the next one).
 * `jobKey` makes each a single job across all instances.
 */
export function crontab(deps: AppDeps): string {
  return [
    `* * * * * ${TASKS.sweepWebhookEvents} ?max=1&jobKey=webhook-sweep`,
    `*/5 * * * * ${TASKS.settleRefunds} ?max=1&jobKey=refund-settle`,
    `*/5 * * * * ${TASKS.releaseStaleHolds} ?max=1&jobKey=promotion-release-stale`,
    `7 * * * * ${TASKS.remindDisputeEvidence} ?max=1&jobKey=dispute-remind`,
    `17 * * * * ${TASKS.reconcile} ?max=1&jobKey=reconcile ${JSON.stringify({ sinceHours: deps.env.RECONCILE_SINCE_HOURS })}`,
  ].join('\n');
}

function graphileLogger(log: FastifyBaseLogger): Logger {
  return new Logger((scope) => (level, message, meta) => {
    const fields = { worker: scope, ...meta };
    const name: string = level;
    if (name === 'error') log.error(fields, message);
    else if (name === 'warning') log.warn(fields, message);
    else if (name === 'info') log.info(fields, message);
    else log.debug(fields, message);
  });
}

export interface BackgroundWorker {
  stop(): Promise<void>;
}

/**
 * Runs the background work in this process: graphile-worker (webhook retries, the sweeper, hourly
 * reconciliation) and the outbox sender, polling every OUTBOX_POLL_MS. Several instances may run it
 * against one database: jobs are taken once, outbox rows are claimed with SKIP LOCKED.
 */
export async function startWorker(deps: AppDeps, log: FastifyBaseLogger): Promise<BackgroundWorker> {
  await deps.jobs.migrate();
  const runner: Runner = await run({
    pgPool: deps.jobs.pool(),
    taskList: createTaskList(deps, log),
    crontab: crontab(deps),
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 2000,
    logger: graphileLogger(log),
  });

  let stopping = false;
  let inFlight: Promise<void> | null = null;
  const tick = () => {
    if (stopping || inFlight) return;
    inFlight = drainOutbox(deps)
      .then((result) => {
        if (result.sent || result.failed || result.retrying) log.info(result, 'outbox drained');
      })
      .catch((error: unknown) => log.error({ err: error }, 'outbox drain failed'))
      .finally(() => {
        inFlight = null;
      });
  };
  const timer = setInterval(tick, deps.env.OUTBOX_POLL_MS);
  timer.unref();
  tick();

  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await inFlight;
      await runner.stop();
    },
  };
}
