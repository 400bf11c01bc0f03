import type Stripe from 'stripe';
import { type Ctx, now, type Route } from '../context.js';
import { invalidRequest, resourceMissing } from '../errors.js';
import { newId, randomString } from '../ids.js';
import { paginate } from '../list.js';
import { applyMetadata, nullableString, optBool, optString, optStringArray, reqString } from '../params.js';

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/events/:id',
    connect: true,
    handler: (ctx, { path, account }) => {
      const id = path.id ?? '';
      const e = ctx.store.events.get(id);
      if (!e || (e.account ?? null) !== account) throw resourceMissing('event', id);
      return e;
    },
  },
  {
    method: 'GET',
    path: '/v1/events',
    connect: true,
    handler: (ctx, { params, account }) => {
      const type = optString(params, 'type');
      const types = optStringArray(params, 'types');
      const matchType = (t: string) => {
        if (type) return type.endsWith('*') ? t.startsWith(type.slice(0, -1)) : t === type;
        if (types) return types.includes(t);
        return true;
      };
      return paginate(
        '/v1/events',
        ctx.store.events.values(),
        params,
        (e) => (e.account ?? null) === account && matchType(e.type),
      );
    },
  },
];

function getEndpoint(ctx: Ctx, id: string): Stripe.WebhookEndpoint {
  const we = ctx.store.webhookEndpoints.get(id);
  if (!we) throw resourceMissing('webhook_endpoint', id);
  return we;
}

function publicEndpoint(we: Stripe.WebhookEndpoint): Stripe.WebhookEndpoint {
  const { secret: _secret, ...rest } = we;
  return rest;
}

function enabledEvents(list: string[] | undefined): string[] {
  if (!list || list.length === 0) {
    throw invalidRequest('Missing required param: enabled_events.', {
      code: 'parameter_missing',
      param: 'enabled_events',
    });
  }
  return list;
}

export const webhookEndpointRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/webhook_endpoints',
    handler: (ctx, { params }) => {
      const url = reqString(params, 'url');
      if (!/^https?:\/\//.test(url))
        throw invalidRequest('Invalid URL: must be an http or https URL', { param: 'url' });
      const we: Stripe.WebhookEndpoint = {
        id: newId('we'),
        object: 'webhook_endpoint',
        api_version: optString(params, 'api_version') ?? null,
        application: null,
        created: now(ctx),
        description: optString(params, 'description') ?? null,
        enabled_events: enabledEvents(optStringArray(params, 'enabled_events')),
        livemode: false,
        metadata: applyMetadata({}, params),
        secret: `whsec_${randomString(32)}`,
        status: 'enabled',
        url,
      };
      ctx.store.webhookEndpoints.set(we.id, we);
      // `connect=true`: the endpoint receives events of connected accounts (a Connect endpoint).
      if (optBool(params, 'connect')) ctx.store.connect.connectEndpoints.add(we.id);
      ctx.changed();
      // As with Stripe, the secret is only returned when the endpoint is created.
      return we;
    },
  },
  {
    method: 'GET',
    path: '/v1/webhook_endpoints/:id',
    handler: (ctx, { path }) => publicEndpoint(getEndpoint(ctx, path.id ?? '')),
  },
  {
    method: 'POST',
    path: '/v1/webhook_endpoints/:id',
    handler: (ctx, { path, params }) => {
      const we = getEndpoint(ctx, path.id ?? '');
      const url = optString(params, 'url');
      if (url) we.url = url;
      const events = optStringArray(params, 'enabled_events');
      if (events) we.enabled_events = enabledEvents(events);
      const description = nullableString(params, 'description');
      if (description !== undefined) we.description = description;
      const disabled = optBool(params, 'disabled');
      if (disabled !== undefined) we.status = disabled ? 'disabled' : 'enabled';
      we.metadata = applyMetadata(we.metadata, params);
      ctx.changed();
      return publicEndpoint(we);
    },
  },
  {
    method: 'DELETE',
    path: '/v1/webhook_endpoints/:id',
    handler: (ctx, { path }) => {
      const we = getEndpoint(ctx, path.id ?? '');
      ctx.store.webhookEndpoints.delete(we.id);
      ctx.changed();
      const deleted: Stripe.DeletedWebhookEndpoint = { id: we.id, object: 'webhook_endpoint', deleted: true };
      return deleted;
    },
  },
  {
    method: 'GET',
    path: '/v1/webhook_endpoints',
    handler: (ctx, { params }) => {
      const page = paginate('/v1/webhook_endpoints', ctx.store.webhookEndpoints.values(), params);
      return { ...page, data: page.data.map(publicEndpoint) };
    },
  },
];
