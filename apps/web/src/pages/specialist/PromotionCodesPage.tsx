import {
  CreatePromotionCodeInputSchema,
  type PromotionCode,
  SUPPORTED_CURRENCIES,
  toMinorUnits,
} from '@enrollpay/schemas';
import { type FormEvent, useId, useState } from 'react';
import { Alert } from '../../components/Feedback.js';
import { QueryList, TableHead } from '../../components/ListSection.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { errorMessage, fieldErrors, issuesByField } from '../../lib/errors.js';
import { formatMoney } from '../../lib/format.js';
import { trpc } from '../../lib/trpc.js';

/** A specialist's promotion codes: create, see how often each was used, deactivate. */
export function PromotionCodesPage() {
  const codes = trpc.promotionCodes.list.useQuery();
  const offerings = trpc.offerings.mine.useQuery();
  const [creating, setCreating] = useState(false);
  const titles = new Map((offerings.data?.items ?? []).map((o) => [o.id, o.title]));
  return (
    <div>
      <div className="page-head">
        <h1>Promotion codes</h1>
        {!creating ? (
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            New code
          </button>
        ) : null}
      </div>
      <p className="muted">
        Learners type a code at checkout (upper or lower case). A use counts when the payment succeeds; an
        open checkout holds one until it is paid or canceled.
      </p>
      {creating ? <CodeForm onDone={() => setCreating(false)} /> : null}
      <QueryList
        query={codes}
        items={codes.data?.items}
        loading="Loading your codes…"
        empty={<p>You have no promotion codes yet.</p>}
      >
        {(items) => (
          <table className="data-table" data-testid="promotion-codes">
            <TableHead
              columns={[
                'Code',
                'Discount',
                'For',
                'Valid',
                'Used',
                'Status',
                { label: 'Actions', hidden: true },
              ]}
            />
            <tbody>
              {items.map((c) => (
                <CodeRow key={c.id} code={c} titles={titles} />
              ))}
            </tbody>
          </table>
        )}
      </QueryList>
    </div>
  );
}

const day = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : null);

function CodeRow({ code: c, titles }: { code: PromotionCode; titles: Map<string, string> }) {
  const utils = trpc.useUtils();
  const deactivate = trpc.promotionCodes.deactivate.useMutation({
    onSuccess: () => utils.promotionCodes.list.invalidate(),
  });
  const discount =
    c.kind === 'PERCENT'
      ? `${c.percentOff}% off`
      : `${formatMoney(c.amountOff ?? 0, c.currency ?? 'usd')} off (${(c.currency ?? '').toUpperCase()} offerings)`;
  const valid =
    c.startsAt || c.endsAt ? `${day(c.startsAt) ?? 'now'} – ${day(c.endsAt) ?? 'no end'} UTC` : 'always';
  return (
    <tr>
      <td>
        <code>{c.code}</code>
        {c.oncePerLearner ? <span className="muted small"> · once per learner</span> : null}
      </td>
      <td>{discount}</td>
      <td>
        {c.offeringIds.length === 0
          ? 'All offerings'
          : c.offeringIds.map((id) => titles.get(id) ?? id).join(', ')}
      </td>
      <td>{valid}</td>
      <td>
        {c.redeemedCount}
        {c.maxRedemptions !== null ? ` of ${c.maxRedemptions}` : ''}
        {c.reservedCount > 0 ? <span className="muted small"> ({c.reservedCount} in checkout)</span> : null}
      </td>
      <td>
        <StatusBadge status={c.active ? 'ACTIVE' : 'ARCHIVED'} />
      </td>
      <td>
        {c.active ? (
          <button
            type="button"
            className="button-link"
            disabled={deactivate.isPending}
            onClick={() => deactivate.mutate({ promotionCodeId: c.id })}
          >
            Deactivate<span className="visually-hidden"> {c.code}</span>
          </button>
        ) : null}
        {deactivate.error ? <Alert>{errorMessage(deactivate.error)}</Alert> : null}
      </td>
    </tr>
  );
}

/** datetime-local (the browser's local time) → ISO 8601, or undefined when empty. */
function isoOf(value: FormDataEntryValue | null): string | undefined {
  const text = String(value ?? '').trim();
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

function CodeForm({ onDone }: { onDone: () => void }) {
  const id = useId();
  const utils = trpc.useUtils();
  const offerings = trpc.offerings.mine.useQuery();
  const [kind, setKind] = useState<'PERCENT' | 'FIXED'>('PERCENT');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = trpc.promotionCodes.create.useMutation({
    onSuccess: async () => {
      await utils.promotionCodes.list.invalidate();
      onDone();
    },
  });
  const serverErrors = Object.fromEntries(fieldErrors(create.error).map((f) => [f.path, f.message]));
  const shown = { ...serverErrors, ...errors };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const currency = String(data.get('currency') ?? 'usd');
    let amountOff: number | undefined;
    if (kind === 'FIXED') {
      try {
        amountOff = toMinorUnits(String(data.get('amountOff') ?? '').trim(), currency);
      } catch (error) {
        setErrors({
          amountOff: error instanceof Error ? error.message.replace(/^amount/, 'amount off') : 'not valid',
        });
        return;
      }
    }
    const max = String(data.get('maxRedemptions') ?? '').trim();
    const parsed = CreatePromotionCodeInputSchema.safeParse({
      code: String(data.get('code') ?? ''),
      kind,
      ...(kind === 'PERCENT' ? { percentOff: Number(data.get('percentOff')) } : { amountOff, currency }),
      offeringIds: data.getAll('offeringIds').map(String),
      startsAt: isoOf(data.get('startsAt')),
      endsAt: isoOf(data.get('endsAt')),
      ...(max ? { maxRedemptions: Number(max) } : {}),
      oncePerLearner: data.get('oncePerLearner') === 'on',
    });
    if (!parsed.success) return setErrors(issuesByField(parsed.error.issues));
    setErrors({});
    create.mutate(parsed.data);
  }

  const field = (name: string, label: string, input: React.ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {input}
      {hint ? <p className="muted small">{hint}</p> : null}
      {shown[name] ? (
        <p className="field-error" id={`${id}-${name}-error`}>
          {shown[name]}
        </p>
      ) : null}
    </div>
  );
  const invalid = (name: string) =>
    shown[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${name}-error` } : {};

  return (
    <form className="form card" onSubmit={handleSubmit} noValidate aria-label="New promotion code">
      <h2>New promotion code</h2>
      {field('code', 'Code', <input id={`${id}-code`} name="code" autoComplete="off" {...invalid('code')} />)}
      {field(
        'kind',
        'Discount',
        <select
          id={`${id}-kind`}
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value === 'FIXED' ? 'FIXED' : 'PERCENT')}
        >
          <option value="PERCENT">Percent off</option>
          <option value="FIXED">Fixed amount off</option>
        </select>,
      )}
      {kind === 'PERCENT' ? (
        field(
          'percentOff',
          'Percent off',
          <input
            id={`${id}-percentOff`}
            name="percentOff"
            type="number"
            min={1}
            max={100}
            defaultValue={20}
            {...invalid('percentOff')}
          />,
          '100 % makes the offering free: the learner is enrolled without paying.',
        )
      ) : (
        <div className="grid-2">
          {field(
            'amountOff',
            'Amount off',
            <input id={`${id}-amountOff`} name="amountOff" inputMode="decimal" {...invalid('amountOff')} />,
          )}
          {field(
            'currency',
            'Currency',
            <select id={`${id}-currency`} name="currency" defaultValue="usd">
              {SUPPORTED_CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c.toUpperCase()}
                </option>
              ))}
            </select>,
            'A fixed code applies only to offerings priced in this currency.',
          )}
        </div>
      )}
      <fieldset className="field">
        <legend>Offerings (none ticked: all of them, also future ones)</legend>
        {offerings.data?.items
          .filter((o) => o.active)
          .map((o) => (
            <label key={o.id} className="field-inline">
              <input type="checkbox" name="offeringIds" value={o.id} /> {o.title} (
              {formatMoney(o.price.amount, o.price.currency)})
            </label>
          ))}
        {shown.offeringIds ? <p className="field-error">{shown.offeringIds}</p> : null}
      </fieldset>
      <div className="grid-2">
        {field(
          'startsAt',
          'Starts (optional)',
          <input id={`${id}-startsAt`} name="startsAt" type="datetime-local" />,
        )}
        {field(
          'endsAt',
          'Ends (optional)',
          <input id={`${id}-endsAt`} name="endsAt" type="datetime-local" {...invalid('endsAt')} />,
        )}
      </div>
      {field(
        'maxRedemptions',
        'Maximum uses (optional)',
        <input
          id={`${id}-maxRedemptions`}
          name="maxRedemptions"
          type="number"
          min={1}
          {...invalid('maxRedemptions')}
        />,
      )}
      <label className="field-inline">
        <input type="checkbox" name="oncePerLearner" /> Once per learner
      </label>
      {create.error && Object.keys(serverErrors).length === 0 ? (
        <Alert>{errorMessage(create.error)}</Alert>
      ) : null}
      <p className="actions">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create code'}
        </button>
        <button type="button" className="button-link" onClick={onDone}>
          Cancel
        </button>
      </p>
    </form>
  );
}
