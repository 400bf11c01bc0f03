import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { newOffering, pay } from '../../test/pay.js';
import { drainOutbox } from './outbox.js';

interface Received {
  to: string[];
  raw: string;
  subject: string;
  body: string;
}

/** Undoes quoted-printable (soft line breaks, =XX bytes) so assertions read the text as written. */
function decodeQuotedPrintable(raw: string): string {
  const text = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A real SMTP server on a random port that keeps what it is sent and refuses bounce@ recipients. */
async function startSmtpSink() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce@')) return callback(new Error('550 mailbox unavailable'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = decodeQuotedPrintable(raw);
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? '',
          body,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let stack: TestStack;

beforeAll(async () => {
  smtp = await startSmtpSink();
  stack = await startTestStack({ webhooks: false, env: { SMTP_URL: smtp.url, OUTBOX_MAX_ATTEMPTS: '2' } });
});
afterAll(async () => {
  await stack?.close();
  await smtp?.close();
});
beforeEach(async () => {
  smtp.received.length = 0;
  await stack.db.outboxMessage.deleteMany();
});

function message(kind: string, recipient: string, subject: string, payload: Record<string, string | number>) {
  return { kind, recipient, subject, payload, dedupeKey: `${kind}:${recipient}:${Math.random()}` };
}

describe('drainOutbox sends queued emails over SMTP', () => {
  it('renders each template, sends it once, and marks it SENT', async () => {
    await stack.db.outboxMessage.createMany({
      data: [
        message('payment.receipt', 'ada@learner.test', 'Your receipt from enrollpay', {
          recipientName: 'Ada',
          offeringTitle: 'Intro to Rust',
          amount: 4999,
          currency: 'usd',
          receiptUrl: 'https://pay.example/receipts/1',
          paymentId: 'pay_1',
        }),
        message('enrollment.new', 'sam@specialist.test', 'You have a new enrollment', {
          recipientName: 'Sam',
          learnerName: 'Ada',
          offeringTitle: 'Intro to Rust',
          amount: 1500,
          currency: 'jpy',
        }),
        message('payment.failed', 'ada@learner.test', 'Your payment did not go through', {
          recipientName: 'Ada',
          offeringTitle: 'Intro to Rust',
          amount: 4999,
          currency: 'usd',
          reason: 'Your card has insufficient funds.',
          retryUrl: 'http://localhost:3000/offerings/off_1/checkout',
        }),
        message('refund.processed', 'ada@learner.test', 'Your refund is on its way', {
          amount: 2000,
          currency: 'eur',
          offeringTitle: 'Yoga',
        }),
        message('refund.failed', 'sam@specialist.test', 'A refund failed', {
          amount: 2000,
          currency: 'gbp',
          reason: 'expired_or_canceled_card',
          learnerName: 'Ada',
        }),
        message('dispute.opened', 'admin@enrollpay.test', 'A payment is disputed', {
          amount: 4999,
          currency: 'usd',
          reason: 'fraudulent',
          learnerName: 'Ada',
        }),
      ],
    });
    const result = await drainOutbox(stack.deps);
    expect(result).toEqual({ sent: 6, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(6);

    const bySubject = new Map(smtp.received.map((m) => [m.subject, m]));
    expect(bySubject.get('Your receipt from enrollpay')).toMatchObject({ to: ['ada@learner.test'] });
    expect(bySubject.get('Your receipt from enrollpay')?.body).toMatch(
      /Hi Ada,[\s\S]*\$49\.99[\s\S]*"Intro to Rust"[\s\S]*https:\/\/pay\.example\/receipts\/1/,
    );
    expect(bySubject.get('You have a new enrollment')?.body).toMatch(
      /Ada enrolled in "Intro to Rust" and paid ¥1,500/,
    );
    expect(bySubject.get('Your payment did not go through')?.body).toMatch(
      /insufficient funds[\s\S]*http:\/\/localhost:3000\/offerings\/off_1\/checkout/,
    );
    expect(bySubject.get('Your refund is on its way')?.body).toContain('€20.00');
    expect(bySubject.get('A refund failed')).toMatchObject({ to: ['sam@specialist.test'] });
    expect(bySubject.get('A refund failed')?.body).toContain('expired_or_canceled_card');
    expect(bySubject.get('A payment is disputed')?.body).toMatch(
      /disputed the payment of \$49\.99.*fraudulent/,
    );
    // The outbox id is the Message-ID, so a re-sent copy can be recognised.
    expect(smtp.received[0]?.raw).toMatch(/^Message-ID: <c[a-z0-9]+@enrollpay\.outbox>$/im);

    const rows = await stack.db.outboxMessage.findMany();
    expect(rows.every((r) => r.status === 'SENT' && r.sentAt !== null && r.attempts === 1)).toBe(true);
    // Nothing is sent twice.
    expect(await drainOutbox(stack.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(6);
  });

  it('concurrent senders (two instances) send each message exactly once', async () => {
    await stack.db.outboxMessage.createMany({
      data: Array.from({ length: 20 }, (_, i) =>
        message('refund.processed', `learner${i}@learner.test`, `Refund ${i}`, {
          amount: 100 + i,
          currency: 'usd',
        }),
      ),
    });
    const [a, b] = await Promise.all([
      drainOutbox(stack.deps, { batchSize: 3 }),
      drainOutbox(stack.deps, { batchSize: 3 }),
    ]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(20);
    expect(smtp.received).toHaveLength(20);
    expect(new Set(smtp.received.map((m) => m.to[0])).size).toBe(20);
  });

  it('a refused send is retried with backoff, then FAILED after OUTBOX_MAX_ATTEMPTS, with the error kept', async () => {
    await stack.db.outboxMessage.createMany({
      data: [
        message('refund.processed', 'bounce@learner.test', 'Refund bounce', { amount: 100, currency: 'usd' }),
      ],
    });
    expect(await drainOutbox(stack.deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let row = await stack.db.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: expect.stringMatching(/mailbox unavailable/),
    });
    expect(row.availableAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: nothing happens.
    expect(await drainOutbox(stack.deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    await stack.db.outboxMessage.update({
      where: { id: row.id },
      data: { availableAt: new Date(Date.now() - 1000) },
    });
    expect(await drainOutbox(stack.deps)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    row = await stack.db.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({
      status: 'FAILED',
      attempts: 2,
      lastError: expect.stringMatching(/mailbox unavailable/),
    });
    expect(smtp.received).toHaveLength(0);
  });

  it('an unknown kind is not silently dropped: it fails visibly', async () => {
    await stack.db.outboxMessage.createMany({
      data: [message('newsletter.weekly', 'ada@learner.test', 'News', {})],
    });
    await drainOutbox(stack.deps);
    const row = await stack.db.outboxMessage.findFirstOrThrow();
    expect(row.lastError).toMatch(/No email template for outbox kind "newsletter.weekly"/);
  });
});

describe('the emails real payment changes queue', () => {
  const bodyOf = (subject: string) => smtp.received.find((m) => m.subject === subject)?.body ?? '';

  it('a declined payment: the amount, the reason and a retry link to the checkout route', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 2500, currency: 'usd' });
    await pay(stack, stack.users.learner, offering.id, 'pm_card_visa_chargeDeclinedInsufficientFunds');
    await drainOutbox(stack.deps);
    const body = bodyOf('Your payment did not go through');
    expect(body).toMatch(/Your payment of \$25\.00 for "[^"]+" did not go through/);
    expect(body).not.toContain('the amount');
    expect(body).toContain(`${stack.deps.env.WEB_ORIGIN}/offerings/${offering.id}/checkout`);
  });

  it('a full refund says the enrollment has ended; a partial one says it is unchanged', async () => {
    const learner = stack.clientFor(stack.users.learner);
    const specialist = stack.clientFor(stack.users.specialist);
    const full = await newOffering(stack, stack.users.specialist, { amount: 3000, currency: 'usd' });
    const fullPayment = await pay(stack, stack.users.learner, full.id);
    await learner.payments.refund.mutate({ paymentId: fullPayment, reason: 'REQUESTED_BY_CUSTOMER' });
    await drainOutbox(stack.deps);
    expect(bodyOf('Your refund is on its way')).toMatch(
      /We refunded \$30\.00[\s\S]*refunded in full, so the enrollment has ended/,
    );

    smtp.received.length = 0;
    const partial = await newOffering(stack, stack.users.specialist, { amount: 3000, currency: 'usd' });
    const partialPayment = await pay(stack, stack.users.learner, partial.id);
    await specialist.payments.refund.mutate({ paymentId: partialPayment, amount: 1000, reason: 'OTHER' });
    await drainOutbox(stack.deps);
    expect(bodyOf('Your refund is on its way')).toMatch(
      /We refunded \$10\.00[\s\S]*enrollment are unchanged/,
    );
  });
});
