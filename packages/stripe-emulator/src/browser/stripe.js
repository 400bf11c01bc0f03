/*
 * Stripe.js stand-in served by the Stripe emulator at GET /js/stripe.js.
 *
 * It defines `window.Stripe` so that the unchanged `@stripe/stripe-js` loadStripe() and
 * `@stripe/react-stripe-js` <Elements>/<PaymentElement>/useStripe/useElements work against the
 * emulator. Differences from the real Stripe.js: the Payment/Card Element renders a plain,
 * accessible card form straight into the page (no iframe), only card payments exist, and the
 * 3-D Secure challenge is a dialog in the page. Card data is sent only to the emulator.
 *
 * Plain browser JavaScript (no build step). The server prepends
 * `window.__STRIPE_EMULATOR_URL__ = "<emulator url>"` and `window.__STRIPE_EMULATOR_CARDS__`, the card
 * rules (Luhn, brand) of src/cards.ts, so the page validates exactly as the API does.
 */
(() => {
  if (typeof window === 'undefined') return;
  const API = String(window.__STRIPE_EMULATOR_URL__ || '').replace(/\/$/, '');
  let uid = 0;

  // ---------------------------------------------------------------- helpers

  function encode(obj, prefix, out) {
    out = out || [];
    Object.keys(obj).forEach((key) => {
      const value = obj[key];
      const name = prefix ? `${prefix}[${key}]` : key;
      if (value === undefined) return;
      if (value !== null && typeof value === 'object') encode(value, name, out);
      else out.push(`${encodeURIComponent(name)}=${encodeURIComponent(value === null ? '' : String(value))}`);
    });
    return out.join('&');
  }

  function request(key, method, path, params) {
    let url = API + path;
    const init = { method: method, headers: { Authorization: `Bearer ${key}` } };
    if (method === 'GET') {
      if (params) url += `?${encode(params)}`;
    } else {
      init.headers['Content-Type'] = 'application/x-www-form-urlencoded';
      init.body = encode(params || {});
    }
    return fetch(url, init).then((res) =>
      res
        .json()
        .then((body) =>
          res.ok
            ? { ok: true, body: body }
            : { ok: false, error: body.error || { message: 'Request failed' } },
        ),
    );
  }

  function intentIdFromSecret(clientSecret) {
    return String(clientSecret || '').split('_secret_')[0];
  }

  function integrationError(message) {
    const e = new Error(message);
    e.name = 'IntegrationError';
    return e;
  }

  // Card rules shared with the emulator's API (src/cards.ts), emitted into this script by the server.
  const CARDS = window.__STRIPE_EMULATOR_CARDS__;
  const luhn = (digits) => CARDS.luhnValid(digits);
  const brandOf = (digits) => CARDS.brandOf(digits);

  function parseExpiry(text) {
    const digits = String(text || '').replace(/\D/g, '');
    if (digits.length < 4) return null;
    const month = Number(digits.slice(0, 2));
    let year = Number(digits.slice(2));
    if (year < 100) year += 2000;
    return { month: month, year: year };
  }

  // ---------------------------------------------------------------- 3-D Secure dialog

  function challenge(intent) {
    return new Promise((resolve) => {
      const titleId = `stripe-emulator-3ds-title-${++uid}`;
      const overlay = document.createElement('div');
      overlay.setAttribute('data-stripe-emulator', '3ds');
      overlay.style.cssText =
        'position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;z-index:2147483647';
      const dialog = document.createElement('div');
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-modal', 'true');
      dialog.setAttribute('aria-labelledby', titleId);
      dialog.style.cssText =
        'background:#fff;color:#1a1a1a;border-radius:8px;padding:24px;max-width:360px;font:15px/1.4 system-ui,sans-serif;box-shadow:0 8px 30px rgba(0,0,0,.3)';
      let amount = '';
      if (intent) {
        // Intl knows each currency's minor-unit digits (JPY has none, so 5000 is ¥5,000).
        const format = new Intl.NumberFormat(undefined, { style: 'currency', currency: intent.currency });
        amount = format.format(intent.amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
      }
      dialog.innerHTML =
        `<h2 id="${titleId}" style="margin:0 0 8px;font-size:18px">3D Secure test authentication</h2>` +
        `<p style="margin:0 0 16px">This is a test payment${amount ? ` of ${amount}` : ''} that requires authentication (Stripe emulator).</p>`;
      function button(label, outcome, primary) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.style.cssText = `margin:4px 8px 0 0;padding:8px 14px;border-radius:6px;border:1px solid #635bff;cursor:pointer;${
          primary ? 'background:#635bff;color:#fff' : 'background:#fff;color:#635bff'
        }`;
        b.addEventListener('click', () => {
          if (overlay.parentNode) overlay.parentNode.removeChild(overlay);
          resolve(outcome);
        });
        dialog.appendChild(b);
        return b;
      }
      const complete = button('Complete authentication', 'complete', true);
      button('Fail authentication', 'fail', false);
      overlay.appendChild(dialog);
      document.body.appendChild(overlay);
      if (complete.focus) complete.focus();
    });
  }

  // ---------------------------------------------------------------- Element

  const FIELDS = [
    { name: 'number', label: 'Card number', autocomplete: 'cc-number', placeholder: '1234 1234 1234 1234' },
    { name: 'expiry', label: 'Expiration date (MM / YY)', autocomplete: 'cc-exp', placeholder: 'MM / YY' },
    { name: 'cvc', label: 'CVC', autocomplete: 'cc-csc', placeholder: 'CVC' },
    { name: 'postal', label: 'ZIP/Postal code', autocomplete: 'postal-code', placeholder: '12345' },
  ];

  function Element(elements, type, options) {
    this._elements = elements;
    this._type = type;
    this._options = options || {};
    this._handlers = {};
    this._inputs = {};
    this._errors = {};
    this._container = null;
    this._root = null;
    this._ready = false;
    this._destroyed = false;
  }

  Element.prototype.on = function (event, handler) {
    if (!this._handlers[event]) this._handlers[event] = [];
    this._handlers[event].push(handler);
    if (event === 'ready' && this._ready) {
      // The real element becomes ready long after mount; listeners attached late still hear it.
      setTimeout(() => handler({ elementType: this._type }), 0);
    }
    return this;
  };
  Element.prototype.addEventListener = Element.prototype.on;
  Element.prototype.off = function (event, handler) {
    const list = this._handlers[event] || [];
    this._handlers[event] = handler ? list.filter((h) => h !== handler) : [];
    return this;
  };
  Element.prototype.removeEventListener = Element.prototype.off;
  Element.prototype.once = function (event, handler) {
    const wrapped = (e) => {
      this.off(event, wrapped);
      handler(e);
    };
    return this.on(event, wrapped);
  };
  Element.prototype._emit = function (event, payload) {
    (this._handlers[event] || []).slice().forEach((h) => {
      h(payload);
    });
  };

  Element.prototype.mount = function (target) {
    if (this._destroyed) throw integrationError('This Element has already been destroyed.');
    const node = typeof target === 'string' ? document.querySelector(target) : target;
    if (!node) throw integrationError(`Could not find the DOM node to mount the ${this._type} Element to.`);
    if (this._root) this.unmount();
    this._container = node;
    const root = document.createElement('div');
    root.className = 'StripeElement StripeElement--emulator';
    root.setAttribute('data-stripe-emulator', `${this._type}-element`);
    root.style.cssText = 'display:grid;grid-template-columns:1fr 1fr;gap:10px;font:14px system-ui,sans-serif';
    FIELDS.forEach((f) => {
      const id = `stripe-emulator-${f.name}-${++uid}`;
      const wrap = document.createElement('div');
      wrap.style.cssText = f.name === 'number' ? 'grid-column:1 / span 2' : '';
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = f.label;
      label.style.cssText = 'display:block;margin-bottom:4px;color:#30313d';
      const input = document.createElement('input');
      input.id = id;
      input.name = f.name;
      input.type = 'text';
      input.setAttribute('inputmode', 'numeric');
      input.setAttribute('autocomplete', f.autocomplete);
      input.placeholder = f.placeholder;
      input.style.cssText =
        'width:100%;box-sizing:border-box;padding:10px;border:1px solid #e6e6e6;border-radius:5px;font:inherit';
      const error = document.createElement('p');
      error.setAttribute('role', 'alert');
      error.style.cssText = 'margin:4px 0 0;color:#df1b41;font-size:13px;min-height:0';
      const onInput = () => {
        this._format(f.name);
        this._errors[f.name] = null;
        this._render();
        this._emitChange();
      };
      input.addEventListener('input', onInput);
      input.addEventListener('change', onInput);
      input.addEventListener('focus', () => {
        this._emit('focus', { elementType: this._type });
      });
      input.addEventListener('blur', () => {
        this._errors[f.name] = this._validateField(f.name, false);
        this._render();
        this._emit('blur', { elementType: this._type });
      });
      wrap.appendChild(label);
      wrap.appendChild(input);
      wrap.appendChild(error);
      root.appendChild(wrap);
      this._inputs[f.name] = { input: input, error: error };
    });
    if (this._options.disabled || this._options.readOnly) this.update({ disabled: true });
    node.appendChild(root);
    this._root = root;
    setTimeout(() => {
      if (this._root !== root) return;
      this._ready = true;
      this._emit('ready', { elementType: this._type });
    }, 0);
  };

  Element.prototype.unmount = function () {
    if (this._root?.parentNode) this._root.parentNode.removeChild(this._root);
    this._root = null;
    this._ready = false;
  };
  Element.prototype.destroy = function () {
    this.unmount();
    this._destroyed = true;
    this._handlers = {};
    this._elements._remove(this);
  };
  Element.prototype.update = function (options) {
    Object.assign(this._options, options || {});
    const disabled = Boolean(this._options.disabled || this._options.readOnly);
    Object.keys(this._inputs).forEach((k) => {
      this._inputs[k].input.disabled = disabled;
    });
  };
  Element.prototype.focus = function () {
    if (this._inputs.number) this._inputs.number.input.focus();
  };
  Element.prototype.blur = () => {
    const active = document.activeElement;
    if (active && typeof active.blur === 'function') active.blur();
  };
  Element.prototype.clear = function () {
    Object.keys(this._inputs).forEach((k) => {
      this._inputs[k].input.value = '';
    });
    this._errors = {};
    this._render();
    this._emitChange();
  };
  Element.prototype.collapse = () => {};

  Element.prototype._value = function (name) {
    return this._inputs[name] ? this._inputs[name].input.value : '';
  };
  Element.prototype._format = function (name) {
    const input = this._inputs[name]?.input;
    if (!input) return;
    let digits = input.value.replace(/\D/g, '');
    let formatted = input.value;
    if (name === 'number') formatted = digits.slice(0, 19).replace(/(\d{4})(?=\d)/g, '$1 ');
    else if (name === 'expiry') {
      digits = digits.slice(0, 4);
      formatted = digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
    } else if (name === 'cvc') formatted = digits.slice(0, 4);
    if (formatted !== input.value) input.value = formatted;
  };
  Element.prototype._validateField = function (name, requireComplete) {
    const value = this._value(name);
    const digits = value.replace(/\D/g, '');
    if (!value.trim()) {
      if (!requireComplete) return null;
      return {
        number: ['incomplete_number', 'Your card number is incomplete.'],
        expiry: ['incomplete_expiry', "Your card's expiration date is incomplete."],
        cvc: ['incomplete_cvc', "Your card's security code is incomplete."],
        postal: ['incomplete_zip', 'Your postal code is incomplete.'],
      }[name];
    }
    if (name === 'number') {
      if (digits.length < 13) return ['incomplete_number', 'Your card number is incomplete.'];
      if (!luhn(digits)) return ['invalid_number', 'Your card number is invalid.'];
    }
    if (name === 'expiry') {
      const exp = parseExpiry(value);
      if (!exp) return ['incomplete_expiry', "Your card's expiration date is incomplete."];
      if (exp.month < 1 || exp.month > 12)
        return ['invalid_expiry_month', "Your card's expiration date is invalid."];
      const now = new Date();
      if (
        exp.year < now.getFullYear() ||
        (exp.year === now.getFullYear() && exp.month < now.getMonth() + 1)
      ) {
        return ['invalid_expiry_year_past', "Your card's expiration year is in the past."];
      }
    }
    if (name === 'cvc' && digits.length < 3)
      return ['incomplete_cvc', "Your card's security code is incomplete."];
    return null;
  };
  Element.prototype._validate = function () {
    let first = null;
    FIELDS.forEach((f) => {
      const err = this._validateField(f.name, true);
      this._errors[f.name] = err;
      if (err && !first) first = err;
    });
    this._render();
    return first ? { type: 'validation_error', code: first[0], message: first[1] } : null;
  };
  Element.prototype._render = function () {
    Object.keys(this._inputs).forEach((k) => {
      const err = this._errors[k];
      const field = this._inputs[k];
      field.error.textContent = err ? err[1] : '';
      field.input.setAttribute('aria-invalid', err ? 'true' : 'false');
      field.input.style.borderColor = err ? '#df1b41' : '#e6e6e6';
    });
  };
  Element.prototype._emitChange = function () {
    const empty = FIELDS.every((f) => !this._value(f.name));
    const complete = FIELDS.every((f) => this._value(f.name) && !this._validateField(f.name, true));
    const digits = this._value('number').replace(/\D/g, '');
    const shown = FIELDS.map((f) => this._errors[f.name]).filter(Boolean)[0];
    this._emit('change', {
      elementType: this._type,
      empty: empty,
      complete: complete,
      collapsed: false,
      brand: brandOf(digits),
      value: this._type === 'payment' ? { type: 'card' } : { postalCode: this._value('postal') },
      error: shown ? { type: 'validation_error', code: shown[0], message: shown[1] } : undefined,
    });
  };
  Element.prototype._paymentMethodData = function (billingDetails) {
    const exp = parseExpiry(this._value('expiry')) || { month: '', year: '' };
    const billing = Object.assign({}, billingDetails || {});
    billing.address = Object.assign({}, billing.address || {}, { postal_code: this._value('postal') });
    return {
      type: 'card',
      card: {
        number: this._value('number').replace(/\D/g, ''),
        exp_month: exp.month,
        exp_year: exp.year,
        cvc: this._value('cvc'),
      },
      billing_details: billing,
    };
  };

  // ---------------------------------------------------------------- Elements group

  function Elements(stripe, options) {
    this._stripe = stripe;
    this._options = options || {};
    this._elements = [];
    this._submitted = false;
  }
  Elements.prototype.create = function (type, options) {
    if (type !== 'payment' && type !== 'card') {
      throw integrationError(
        `The Stripe emulator supports only the 'payment' and 'card' Elements, not '${type}'.`,
      );
    }
    if (this.getElement(type)) throw integrationError(`Can only create one Element of type ${type}.`);
    const el = new Element(this, type, options);
    this._elements.push(el);
    return el;
  };
  Elements.prototype.getElement = function (type) {
    return this._elements.filter((e) => e._type === type)[0] || null;
  };
  Elements.prototype._remove = function (el) {
    this._elements = this._elements.filter((e) => e !== el);
  };
  Elements.prototype.update = function (options) {
    Object.assign(this._options, options || {});
  };
  Elements.prototype.fetchUpdates = () => Promise.resolve({});
  Elements.prototype.submit = function () {
    const el = this.getElement('payment') || this.getElement('card');
    if (!el)
      return Promise.resolve({
        error: { type: 'validation_error', message: 'No Payment Element is mounted.' },
      });
    const error = el._validate();
    this._submitted = !error;
    return Promise.resolve(error ? { error: error } : { selectedPaymentMethod: 'card' });
  };
  Elements.prototype.on = function () {
    return this;
  };
  Elements.prototype.off = function () {
    return this;
  };

  // ---------------------------------------------------------------- Stripe instance

  function StripeInstance(key, options) {
    if (typeof key !== 'string' || !/^pk_/.test(key)) {
      throw integrationError('Invalid value for Stripe(): apiKey should be a publishable key (pk_test_...).');
    }
    this._key = key;
    this._options = options || {};
  }

  StripeInstance.prototype.registerAppInfo = () => {};
  StripeInstance.prototype._registerWrapper = () => {};

  StripeInstance.prototype.elements = function (options) {
    return new Elements(this, options);
  };

  StripeInstance.prototype.retrievePaymentIntent = function (clientSecret) {
    return request(this._key, 'GET', `/v1/payment_intents/${intentIdFromSecret(clientSecret)}`, {
      client_secret: clientSecret,
    }).then((r) => (r.ok ? { paymentIntent: r.body } : { error: r.error }));
  };

  /** Shows the 3-D Secure dialog for an intent in requires_action and returns the final result. */
  StripeInstance.prototype._handleActions = function (intent, clientSecret) {
    if (intent?.status !== 'requires_action') return Promise.resolve({ paymentIntent: intent });
    return challenge(intent)
      .then((outcome) =>
        fetch(`${API}/_emulator/payment_intents/${intent.id}/authenticate`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ outcome: outcome, client_secret: clientSecret }),
        }),
      )
      .then(() => this.retrievePaymentIntent(clientSecret))
      .then((r) => {
        if (r.error) return r;
        const pi = r.paymentIntent;
        if (pi.status === 'requires_payment_method' && pi.last_payment_error) {
          return { error: Object.assign({}, pi.last_payment_error, { payment_intent: pi }) };
        }
        return { paymentIntent: pi };
      });
  };

  StripeInstance.prototype._confirm = function (clientSecret, body, handleActions) {
    const id = intentIdFromSecret(clientSecret);
    if (!id)
      return Promise.reject(
        integrationError('Missing clientSecret: pass it to elements() or confirmPayment().'),
      );
    body.client_secret = clientSecret;
    return request(this._key, 'POST', `/v1/payment_intents/${id}/confirm`, body).then((r) => {
      if (!r.ok) return { error: r.error };
      if (handleActions === false) return { paymentIntent: r.body };
      return this._handleActions(r.body, clientSecret);
    });
  };

  StripeInstance.prototype.confirmPayment = function (params) {
    params = params || {};
    const elements = params.elements;
    const clientSecret = params.clientSecret || elements?._options.clientSecret;
    const confirmParams = Object.assign({}, params.confirmParams || {});
    const el = elements ? elements.getElement('payment') || elements.getElement('card') : null;
    if (!el)
      return Promise.reject(
        integrationError('confirmPayment needs `elements` with a mounted Payment Element.'),
      );
    const invalid = el._validate();
    if (invalid) return Promise.resolve({ error: invalid });
    const billing = confirmParams.payment_method_data
      ? confirmParams.payment_method_data.billing_details
      : undefined;
    const body = {
      payment_method_data: el._paymentMethodData(billing),
    };
    if (confirmParams.return_url) body.return_url = confirmParams.return_url;
    if (confirmParams.receipt_email) body.receipt_email = confirmParams.receipt_email;
    return this._confirm(clientSecret, body, true).then((result) => {
      const redirect = params.redirect || 'always';
      if (!result.error && redirect !== 'if_required' && confirmParams.return_url) {
        const pi = result.paymentIntent;
        const target = new URL(confirmParams.return_url, window.location.href);
        target.searchParams.set('payment_intent', pi.id);
        target.searchParams.set('payment_intent_client_secret', pi.client_secret);
        target.searchParams.set('redirect_status', 'succeeded');
        window.location.assign(target.toString());
      }
      return result;
    });
  };

  StripeInstance.prototype.confirmCardPayment = function (clientSecret, data, options) {
    data = data || {};
    const body = {};
    const pm = data.payment_method;
    if (typeof pm === 'string') body.payment_method = pm;
    else if (pm?.card instanceof Element) {
      const invalid = pm.card._validate();
      if (invalid) return Promise.resolve({ error: invalid });
      body.payment_method_data = pm.card._paymentMethodData(pm.billing_details);
    }
    if (data.return_url) body.return_url = data.return_url;
    if (data.receipt_email) body.receipt_email = data.receipt_email;
    const handleActions = options?.handleActions !== false;
    return this._confirm(clientSecret, body, handleActions);
  };

  StripeInstance.prototype.handleNextAction = function (params) {
    const clientSecret = params?.clientSecret;
    return this.retrievePaymentIntent(clientSecret).then((r) =>
      r.error ? r : this._handleActions(r.paymentIntent, clientSecret),
    );
  };
  StripeInstance.prototype.handleCardAction = function (clientSecret) {
    return this.handleNextAction({ clientSecret: clientSecret });
  };

  StripeInstance.prototype.createPaymentMethod = function (a, b, c) {
    let el;
    let billing;
    if (typeof a === 'string') {
      el = b;
      billing = c?.billing_details;
    } else if (a?.elements) {
      el = a.elements.getElement('payment') || a.elements.getElement('card');
      billing = a.params ? a.params.billing_details : undefined;
    } else if (a) {
      el = a.card;
      billing = a.billing_details;
    }
    if (!(el instanceof Element))
      return Promise.reject(integrationError('createPaymentMethod needs a card or payment Element.'));
    const invalid = el._validate();
    if (invalid) return Promise.resolve({ error: invalid });
    return request(this._key, 'POST', '/v1/payment_methods', el._paymentMethodData(billing)).then((r) =>
      r.ok ? { paymentMethod: r.body } : { error: r.error },
    );
  };

  function unsupported(name) {
    return () =>
      Promise.resolve({
        error: { type: 'invalid_request_error', message: `${name} is not supported by the Stripe emulator.` },
      });
  }
  StripeInstance.prototype.createToken = unsupported('createToken');
  StripeInstance.prototype.createSource = unsupported('createSource');
  StripeInstance.prototype.confirmSetup = unsupported('confirmSetup');
  StripeInstance.prototype.confirmCardSetup = unsupported('confirmCardSetup');
  StripeInstance.prototype.retrieveSetupIntent = unsupported('retrieveSetupIntent');
  StripeInstance.prototype.createConfirmationToken = unsupported('createConfirmationToken');
  StripeInstance.prototype.paymentRequest = () => {
    throw integrationError('paymentRequest is not supported by the Stripe emulator.');
  };

  function Stripe(key, options) {
    return new StripeInstance(key, options);
  }
  Stripe.version = 'endive';
  Stripe.emulator = true;
  window.Stripe = Stripe;
})();
