// The load generator, in its own process: it waits for jobs from the orchestrator over IPC, runs each
// against the server under test, and reports the measurements. Two kinds of job:
// - webhook: autocannon posting distinct, correctly signed payment_intent.succeeded events (one per
//   pending payment), at full speed or at a fixed overall rate;
// - intent: an open-loop fixed-rate stream of payments.createIntent calls (fetch), one per learner,
//   timing each call from its scheduled start and reading the server's x-bench-stripe-ms header.
import autocannon from 'autocannon';
import Stripe from 'stripe';
import { type Message, receive, report } from '../child.js';
import type { IntentJob, IntentResult, WebhookJob, WebhookResult } from './jobs.js';

const stripe = new Stripe('sk_test_bench_signing_only');

/** The signed payment_intent.succeeded event for the job's i-th pending payment. */
function signedEvent(job: WebhookJob, i: number): { body: string; signature: string } {
  const template = job.template;
  const item = job.items[i];
  if (!item) throw new Error(`no pending payment ${i}`);
  const now = Math.floor(Date.now() / 1000);
  const object = {
    ...template.data.object,
    id: item.paymentIntentId,
    latest_charge: item.chargeId,
    metadata: { paymentId: item.paymentId },
  };
  const event = { ...template, id: `evt_${job.phase}_${i}`, created: now, data: { object } };
  const body = JSON.stringify(event);
  return { body, signature: stripe.webhooks.generateTestHeaderString({ payload: body, secret: job.secret }) };
}

async function runWebhook(job: WebhookJob): Promise<WebhookResult> {
  let generated = 0;
  const started = performance.now();
  // autocannon resolves on its next 1 s sample tick after the last answer, so the time it returns in
  // (or its duration) rounds every run up to whole seconds: 2,000 answers in 2.1 s read as 667/s. The
  // run's time is taken from the last answer instead.
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const tracker = autocannon(
      {
        url: job.url,
        connections: job.connections,
        amount: job.items.length,
        ...(job.rate ? { overallRate: job.rate } : {}),
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/api/webhooks/stripe',
            setupRequest: (request) => {
              // Past `count` (autocannon may prepare a request it never sends) events repeat: duplicates.
              const { body, signature } = signedEvent(job, generated++ % job.items.length);
              return {
                ...request,
                body,
                headers: { 'content-type': 'application/json', 'stripe-signature': signature },
              };
            },
          },
        ],
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    tracker.on('response', () => {
      lastAnswer = performance.now();
    });
  });
  const seconds = (lastAnswer - started) / 1000;
  const ok = result['2xx'];
  return {
    sent: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    rps: ok / seconds,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    generated,
  };
}

async function runIntent(job: IntentJob): Promise<IntentResult> {
  const interval = 1000 / job.rate;
  const samples: IntentResult['samples'] = [];
  const failures: string[] = [];
  const statuses: Record<string, number> = {};
  const count = (status: string) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  const t0 = performance.now() + 20;
  const calls: Promise<void>[] = [];
  const fire = async (i: number, scheduledAt: number) => {
    const call = job.calls[i];
    if (!call) return;
    try {
      const response = await fetch(`${job.url}${job.path ?? '/api/trpc/payments.createIntent'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${call.token}` },
        body: JSON.stringify({ offeringId: call.offeringId, idempotencyKey: `bench-intent-${call.key}` }),
      });
      const text = await response.text();
      const totalMs = performance.now() - scheduledAt;
      count(String(response.status));
      if (response.status !== 200) {
        if (failures.length < 5) failures.push(`${response.status} ${text.slice(0, 300)}`);
        return;
      }
      samples.push({
        totalMs,
        stripeMs: Number(response.headers.get('x-bench-stripe-ms') ?? Number.NaN),
        stripeSdkMs: Number(response.headers.get('x-bench-stripe-ms-sdk') ?? Number.NaN),
        stripeCalls: Number(response.headers.get('x-bench-stripe-calls') ?? Number.NaN),
        sqlStatements: Number(response.headers.get('x-bench-sql-statements') ?? Number.NaN),
      });
    } catch (error) {
      count('network');
      if (failures.length < 5) failures.push(String(error));
    }
  };
  // Open loop: call i starts at t0 + i × interval whether or not earlier calls have answered, and its
  // latency counts from that scheduled moment (no coordinated omission).
  for (let i = 0; i < job.calls.length; i++) {
    const scheduledAt = t0 + i * interval;
    const wait = scheduledAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    calls.push(fire(i, scheduledAt));
  }
  await Promise.all(calls);
  const seconds = (performance.now() - t0) / 1000;
  return { samples, statuses, failures, failed: job.calls.length - samples.length, seconds };
}

async function main() {
  report({ type: 'ready' });
  for (;;) {
    const message: Message = await receive('job');
    if (message.kind === 'stop') process.exit(0);
    if (message.kind === 'webhook')
      report({ type: 'result', result: await runWebhook(message.job as WebhookJob) });
    else if (message.kind === 'intent')
      report({ type: 'result', result: await runIntent(message.job as IntentJob) });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
