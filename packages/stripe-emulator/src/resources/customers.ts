import type Stripe from 'stripe';
import { type Ctx, now, type Route } from '../context.js';
import { resourceMissing } from '../errors.js';
import { emitEvent } from '../events.js';
import { newId, randomString } from '../ids.js';
import { paginate } from '../list.js';
import { applyMetadata, nullableString, optString, type Params } from '../params.js';

export function getCustomer(ctx: Ctx, id: string, param = 'id'): Stripe.Customer {
  const c = ctx.store.customers.get(id);
  if (!c) throw resourceMissing('customer', id, param);
  return c;
}

/** What Stripe answers for a deleted customer, on delete and on every retrieve after it. */
function deletedCustomer(id: string): Stripe.DeletedCustomer {
  return { id, object: 'customer', deleted: true };
}

function applyFields(c: Stripe.Customer, p: Params): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const field of ['email', 'name', 'phone', 'description'] as const) {
    const v = nullableString(p, field);
    if (v !== undefined && v !== c[field]) {
      previous[field] = c[field] ?? null;
      c[field] = v;
    }
  }
  const metadata = applyMetadata(c.metadata, p);
  if (metadata !== c.metadata) {
    previous.metadata = c.metadata;
    c.metadata = metadata;
  }
  return previous;
}

export const customerRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/customers',
    handler: (ctx, { params, request }) => {
      const c: Stripe.Customer = {
        id: newId('cus').slice(0, 18),
        object: 'customer',
        address: null,
        balance: 0,
        created: now(ctx),
        currency: null,
        default_source: null,
        delinquent: false,
        description: null,
        discount: null,
        email: null,
        invoice_prefix: randomString(8).toUpperCase(),
        invoice_settings: {
          custom_fields: null,
          default_payment_method: null,
          footer: null,
          rendering_options: null,
        },
        livemode: false,
        metadata: {},
        name: null,
        next_invoice_sequence: 1,
        phone: null,
        preferred_locales: [],
        shipping: null,
        tax_exempt: 'none',
        test_clock: null,
      };
      applyFields(c, params);
      ctx.store.customers.set(c.id, c);
      emitEvent(ctx, 'customer.created', c, request);
      return c;
    },
  },
  {
    method: 'GET',
    path: '/v1/customers/:id',
    handler: (ctx, { path }) => {
      const id = path.id ?? '';
      return ctx.store.deletedCustomers.has(id) ? deletedCustomer(id) : getCustomer(ctx, id);
    },
  },
  {
    method: 'POST',
    path: '/v1/customers/:id',
    handler: (ctx, { path, params, request }) => {
      const c = getCustomer(ctx, path.id ?? '');
      const previous = applyFields(c, params);
      if (Object.keys(previous).length > 0) emitEvent(ctx, 'customer.updated', c, request, previous);
      return c;
    },
  },
  {
    method: 'DELETE',
    path: '/v1/customers/:id',
    handler: (ctx, { path, request }) => {
      const c = getCustomer(ctx, path.id ?? '');
      ctx.store.customers.delete(c.id);
      ctx.store.deletedCustomers.add(c.id);
      emitEvent(ctx, 'customer.deleted', c, request);
      return deletedCustomer(c.id);
    },
  },
  {
    method: 'GET',
    path: '/v1/customers',
    handler: (ctx, { params }) => {
      const email = optString(params, 'email');
      return paginate(
        '/v1/customers',
        ctx.store.customers.values(),
        params,
        (c) => !email || c.email === email,
      );
    },
  },
];
