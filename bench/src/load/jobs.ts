/** The jobs the load generator runs and what it reports (shared by the orchestrator and load.ts). */

export interface EventTemplate {
  id: string;
  object: 'event';
  type: string;
  created: number;
  data: { object: Record<string, unknown> };
  [key: string]: unknown;
}

export interface PendingIntent {
  paymentId: string;
  paymentIntentId: string;
  chargeId: string;
}

export interface WebhookJob {
  url: string;
  /** Event ids are `evt_${phase}_${i}`: a phase's events can be found in the database. */
  phase: string;
  /** One event per pending payment: its id, its PaymentIntent's and that intent's charge in the emulator. */
  items: PendingIntent[];
  connections: number;
  /** Overall events per second; absent: as fast as the server answers. */
  rate?: number;
  secret: string;
  template: EventTemplate;
}

export interface WebhookResult {
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  rps: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  generated: number;
}

export interface IntentJob {
  url: string;
  /** Default `/api/trpc/payments.createIntent`; the bare route's path when it is the baseline. */
  path?: string;
  rate: number;
  calls: { token: string; offeringId: string; key: string }[];
}

export interface IntentResult {
  samples: {
    totalMs: number;
    /** Waiting for Stripe (x-bench-stripe-ms); `stripeSdkMs`: the same by the SDK's whole-ms `elapsed`. */
    stripeMs: number;
    stripeSdkMs: number;
    stripeCalls: number;
    sqlStatements: number;
  }[];
  /** Answers by HTTP status ("network" for a request that got none). */
  statuses: Record<string, number>;
  failures: string[];
  failed: number;
  seconds: number;
}
