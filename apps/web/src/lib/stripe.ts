import type { Stripe } from '@stripe/stripe-js';
// `pure` does not inject js.stripe.com on import: nothing loads until loadStripe is called, so against the
// emulator the stand-in script (which defines window.Stripe) is already there when loadStripe looks.
import { loadStripe } from '@stripe/stripe-js/pure';

export interface StripeConfig {
  publishableKey: string;
  /** The emulator's Stripe.js stand-in; null with real Stripe (official Stripe.js from js.stripe.com). */
  stripeJsUrl: string | null;
}

let cached: { key: string; promise: Promise<Stripe | null> } | null = null;

/** One Stripe instance per publishable key for the whole app (Stripe recommends loading it once). */
export function getStripe(config: StripeConfig): Promise<Stripe | null> {
  const key = `${config.publishableKey}|${config.stripeJsUrl ?? ''}`;
  if (cached?.key === key) return cached.promise;
  const promise = (async () => {
    if (config.stripeJsUrl) await injectScript(config.stripeJsUrl);
    return loadStripe(config.publishableKey);
  })();
  promise.catch(() => {
    if (cached?.promise === promise) cached = null;
  });
  cached = { key, promise };
  return promise;
}

function injectScript(src: string): Promise<void> {
  if ('Stripe' in window) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const existing = document.querySelector<HTMLScriptElement>(`script[data-stripe-stand-in]`);
    const script = existing ?? document.createElement('script');
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`Could not load Stripe.js from ${src}`)), {
      once: true,
    });
    if (!existing) {
      script.src = src;
      script.dataset.stripeStandIn = '';
      document.head.appendChild(script);
    }
  });
}
