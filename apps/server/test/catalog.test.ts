import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './harness.js';
import { codeOf, errorOf, newOffering, pay } from './pay.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('demo data', () => {
  it('has the five accounts and several offerings per specialist, in two or more currencies incl. JPY', async () => {
    const users = await stack.db.user.findMany({
      select: { email: true, role: true },
      orderBy: { email: 'asc' },
    });
    expect(users.map((u) => u.email)).toEqual([
      'admin@demo.test',
      'learner2@demo.test',
      'learner@demo.test',
      'specialist2@demo.test',
      'specialist@demo.test',
    ]);
    for (const specialist of [stack.users.specialist, stack.users.specialist2]) {
      const mine = stack.offerings.filter((o) => o.specialistId === specialist.id && o.active);
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(new Set(mine.map((o) => o.currency)).size).toBeGreaterThanOrEqual(2);
      expect(mine.some((o) => o.currency === 'jpy')).toBe(true);
    }
    const signedIn = await stack
      .clientFor(null)
      .auth.signIn.mutate({ email: 'learner@demo.test', password: 'enrollpay-demo' });
    expect(signedIn.user.role).toBe('LEARNER');
  });
});

describe('catalog', () => {
  it('lists active offerings with specialist name, price and kind, paginated newest first', async () => {
    const anonymous = stack.clientFor(null);
    const first = await anonymous.catalog.list.query({ limit: 4 });
    expect(first.items).toHaveLength(4);
    expect(first.nextCursor).toBeTruthy();
    const rest = await anonymous.catalog.list.query({ limit: 100, cursor: first.nextCursor! });
    const all = [...first.items, ...rest.items];
    expect(rest.nextCursor).toBeNull();
    const active = stack.offerings.filter((o) => o.active);
    expect(all.map((o) => o.id).sort()).toEqual(active.map((o) => o.id).sort());
    const jpy = all.find((o) => o.price.currency === 'jpy')!;
    expect(jpy.price.amount).toBe(stack.offerings.find((o) => o.id === jpy.id)!.priceAmount);
    expect(jpy.specialist.name).toMatch(/Specialist/);
    expect(['COURSE', 'SERVICE']).toContain(jpy.kind);

    const services = await anonymous.catalog.list.query({
      kind: 'SERVICE',
      specialistId: stack.users.specialist.id,
    });
    expect(services.items.length).toBeGreaterThan(0);
    expect(
      services.items.every((o) => o.kind === 'SERVICE' && o.specialist.id === stack.users.specialist.id),
    ).toBe(true);
  });

  it('answers a call with no input at all (every filter is optional), as tRPC clients send it', async () => {
    const res = await fetch(`${stack.url}/api/trpc/catalog.list`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { items: { id: string }[] } } };
    expect(body.result.data.items.length).toBeGreaterThan(0);
    const history = await fetch(`${stack.url}/api/trpc/payments.history`, {
      headers: { authorization: `Bearer ${stack.users.learner.token}` },
    });
    expect(history.status).toBe(200);
  });

  it('gets one offering; unknown ids are NOT_FOUND; a garbled cursor is BAD_REQUEST', async () => {
    const anonymous = stack.clientFor(null);
    const archived = stack.offerings.find((o) => !o.active)!;
    const got = await anonymous.catalog.get.query({ offeringId: archived.id });
    expect(got).toMatchObject({ id: archived.id, active: false });
    expect(await codeOf(anonymous.catalog.get.query({ offeringId: 'does-not-exist' }))).toBe('NOT_FOUND');
    const error = await errorOf(anonymous.catalog.list.query({ cursor: 'garbage!!' }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/cursor/);
  });
});

describe('offerings', () => {
  it('a specialist creates, updates, archives and lists their own offerings', async () => {
    const specialist = stack.clientFor(stack.users.specialist2);
    const created = await specialist.offerings.create.mutate({
      title: '  Rust for pythonistas ',
      description: 'Ownership without tears',
      kind: 'COURSE',
      amount: 9900,
      currency: 'jpy',
    });
    expect(created).toMatchObject({
      title: 'Rust for pythonistas',
      price: { amount: 9900, currency: 'jpy' },
      refundWindowDays: 14,
      active: true,
      specialist: { id: stack.users.specialist2.id },
    });
    const updated = await specialist.offerings.update.mutate({ offeringId: created.id, title: 'Rust 101' });
    expect(updated.title).toBe('Rust 101');
    expect(updated.price.amount).toBe(9900);
    const archived = await specialist.offerings.archive.mutate({ offeringId: created.id });
    expect(archived.active).toBe(false);
    const listed = await stack.clientFor(null).catalog.list.query({ limit: 100 });
    expect(listed.items.some((o) => o.id === created.id)).toBe(false);
    const mine = await specialist.offerings.mine.query();
    expect(mine.items.find((o) => o.id === created.id)?.active).toBe(false);
    expect(mine.items.every((o) => o.specialist.id === stack.users.specialist2.id)).toBe(true);
  });

  it("another specialist's offering is NOT_FOUND, and input errors name the field", async () => {
    const own = stack.offerings.find((o) => o.specialistId === stack.users.specialist.id)!;
    const other = stack.clientFor(stack.users.specialist2);
    expect(await codeOf(other.offerings.update.mutate({ offeringId: own.id, title: 'Mine now' }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(other.offerings.archive.mutate({ offeringId: own.id }))).toBe('NOT_FOUND');
    const row = await stack.db.offering.findUniqueOrThrow({ where: { id: own.id } });
    expect(row.title).toBe(own.title);
    expect(row.active).toBe(true);

    const error = await errorOf(
      other.offerings.create.mutate({
        title: '',
        description: '',
        kind: 'COURSE',
        amount: 10,
        currency: 'usd',
      }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/title/);
    expect(error.message).toMatch(/at least 50/);
  });

  it("an amount-only update is held to Stripe's minimum charge in the offering's currency", async () => {
    const specialist = stack.clientFor(stack.users.specialist);
    const offering = await newOffering(stack, stack.users.specialist, { amount: 2500, currency: 'usd' });
    const error = await errorOf(specialist.offerings.update.mutate({ offeringId: offering.id, amount: 10 }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/amount must be at least 50 minor units for usd/);
    const row = await stack.db.offering.findUniqueOrThrow({ where: { id: offering.id } });
    expect(row.priceAmount).toBe(2500);
    // Nothing half-done behind the refusal: buying still works at the old price.
    const intent = await stack
      .clientFor(stack.users.learner)
      .payments.createIntent.mutate({ offeringId: offering.id, idempotencyKey: crypto.randomUUID() });
    expect(intent.amount).toBe(2500);
  });

  it('a price change never alters existing payments', async () => {
    const offering = await newOffering(stack, stack.users.specialist, { amount: 2500, currency: 'usd' });
    const paymentId = await pay(stack, stack.users.learner, offering.id);
    await stack
      .clientFor(stack.users.specialist)
      .offerings.update.mutate({ offeringId: offering.id, amount: 999_00, currency: 'eur' });
    const payment = await stack.clientFor(stack.users.learner).payments.get.query({ paymentId });
    expect(payment).toMatchObject({
      amount: 2500,
      amountReceived: 2500,
      currency: 'usd',
      status: 'SUCCEEDED',
    });
    const history = await stack.clientFor(stack.users.learner).payments.history.query({});
    expect(history.items.find((p) => p.id === paymentId)).toMatchObject({ amount: 2500, currency: 'usd' });
  });
});
