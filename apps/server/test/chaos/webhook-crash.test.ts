import { describe, expect, it } from 'vitest';
import { FULL, printFigures, SIZES } from './support.js';
import { runWebhookChaos, type WebhookChaosFigures } from './webhook-chaos.js';

const TIMEOUT = FULL ? 60 * 60_000 : 5 * 60_000;

function report(title: string, f: WebhookChaosFigures) {
  printFigures(title, {
    payments: f.payments,
    'background worker in the instances': f.workerOn ? 'on' : 'OFF (its crontab does not parse)',
    'stripe events': f.events,
    'requests sent (delivery attempts)': f.requestsSent,
    'deliveries answered 2xx': f.deliveriesSucceeded,
    'deliveries failed (server down)': f.deliveriesFailed,
    'duplicates injected': f.duplicatesInjected,
    'duplicates received': f.duplicatesReceived,
    'faults injected (SIGKILL)': f.serverKills,
    'events left unfinished by crashes': f.leftUnfinishedByCrashes,
    'events lost': f.eventsLost,
    'events not final': f.eventsNotFinal,
    'emulator gave up': f.emulatorGaveUp,
    'PaymentIntents compared': f.truth.checked,
    'mismatches with Stripe': f.truth.mismatches.length,
    'duplicate enrollments': f.truth.duplicateEnrollments,
    'duplicate emails (outbox)': f.truth.duplicateEmails,
    'missing emails (outbox)': f.truth.missingEmails,
    'connect events (Connect endpoint)': f.connectEvents,
    'forged connect deliveries / refused (400)': `${f.forgedConnectDeliveries} / ${f.forgedConnectRefused}`,
    'connected accounts compared': f.connect?.accountsChecked ?? 'n/a',
    'destination charges compared (fee, transfer, reversed)': f.connect?.destinationChargesChecked ?? 'n/a',
    'payouts at Stripe / rows / failed': f.connect
      ? `${f.connect.payoutsInStripe} / ${f.connect.payoutRows} / ${f.connect.payoutsFailed}`
      : 'n/a',
    'balances compared with the emulator': f.connect?.balancesChecked ?? 'n/a',
    'connect mismatches': f.connect?.mismatches.length ?? 'n/a',
    'connect lost (payouts, emails)': f.connect?.lost ?? 'n/a',
    'connect duplicates (payout rows, emails)': f.connect?.duplicates ?? 'n/a',
    'mails sent': f.mailsSent,
    'mails re-sent after a crash': f.mailsResentAfterCrash,
    "mails held by a killed instance's lease": f.mailsLeasedByKilledInstance,
    'seconds taken': f.seconds,
  });
}

function expectClean(f: WebhookChaosFigures) {
  expect(f.truth.mismatches.slice(0, 20)).toEqual([]);
  expect(f.eventsLost).toBe(0);
  expect(f.emulatorGaveUp).toBe(0);
  expect(f.eventsNotFinal).toBe(0);
  expect(f.truth.duplicateEnrollments).toBe(0);
  expect(f.truth.duplicateEmails).toBe(0);
  expect(f.truth.missingEmails).toBe(0);
  // At-least-once mail: only a crash between the SMTP hand-off and marking the row SENT re-sends one.
  expect(f.mailsResentAfterCrash).toBeLessThanOrEqual(f.serverKills);
  // A killed sender's claimed batch waits out its lease; at most one batch (10) per kill.
  expect(f.mailsLeasedByKilledInstance).toBeLessThanOrEqual(10 * f.serverKills);
  expect(f.truth.checked).toBe(f.payments);
  // Stripe Connect: accounts, fees, transfers, payouts and balances equal the emulator's; forgeries refused.
  if (!f.connect) throw new Error('the run had no Connect part');
  expect(f.connect.mismatches.slice(0, 20)).toEqual([]);
  expect(f.connect.lost).toBe(0);
  expect(f.connect.duplicates).toBe(0);
  expect(f.connect.destinationChargesChecked).toBeGreaterThan(0);
  expect(f.connect.payoutsInStripe).toBeGreaterThan(0);
  expect(f.connect.payoutsFailed).toBeGreaterThan(0);
  expect(f.connect.balancesChecked).toBeGreaterThan(0);
  expect(f.connectEvents).toBeGreaterThan(0);
  expect(f.forgedConnectRefused).toBe(f.forgedConnectDeliveries);
}

describe('webhooks under duplicates, shuffling and SIGKILL', () => {
  it(
    `one instance: ~${SIZES.webhookDeliveries} deliveries, 30% duplicates, shuffled, ${SIZES.kills} kills → the database equals Stripe`,
    async () => {
      const figures = await runWebhookChaos({
        instances: 1,
        deliveries: SIZES.webhookDeliveries,
        kills: SIZES.kills,
        log: (line) => console.log(`[chaos] ${line}`),
      });
      report('webhooks, one instance', figures);
      expect(figures.serverKills).toBe(SIZES.kills);
      expectClean(figures);
    },
    TIMEOUT,
  );

  it(
    `two instances on one database behind a round-robin proxy: ~${SIZES.twoInstanceDeliveries} deliveries, ${SIZES.twoInstanceKills} kills`,
    async () => {
      const figures = await runWebhookChaos({
        instances: 2,
        deliveries: SIZES.twoInstanceDeliveries,
        kills: SIZES.twoInstanceKills,
        log: (line) => console.log(`[chaos] ${line}`),
      });
      report('webhooks, two instances', figures);
      expect(figures.serverKills).toBe(SIZES.twoInstanceKills);
      expectClean(figures);
    },
    TIMEOUT,
  );
});
