import {
  CreateOfferingInputSchema,
  fromMinorUnits,
  type Offering,
  SUPPORTED_CURRENCIES,
  toMinorUnits,
  UpdateOfferingInputSchema,
} from '@enrollpay/schemas';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Feedback.js';
import { QueryList } from '../../components/ListSection.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { errorMessage, fieldErrors, issuesByField } from '../../lib/errors.js';
import { formatMoney } from '../../lib/format.js';
import { trpc } from '../../lib/trpc.js';

export function MyOfferingsPage() {
  const mine = trpc.offerings.mine.useQuery();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <div>
      <div className="page-head">
        <h1>My offerings</h1>
        {editing !== 'new' ? (
          <button type="button" className="button-primary" onClick={() => setEditing('new')}>
            New offering
          </button>
        ) : null}
      </div>
      {editing === 'new' ? <OfferingForm onDone={() => setEditing(null)} /> : null}
      <QueryList
        query={mine}
        items={mine.data?.items}
        loading="Loading your offerings…"
        empty={<p>You have no offerings yet.</p>}
      >
        {(items) => (
          <ul className="plain-list">
            {items.map((o) => (
              <li key={o.id} className="card">
                {editing === o.id ? (
                  <OfferingForm offering={o} onDone={() => setEditing(null)} />
                ) : (
                  <OfferingRow offering={o} onEdit={() => setEditing(o.id)} />
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryList>
    </div>
  );
}

function OfferingRow({ offering: o, onEdit }: { offering: Offering; onEdit: () => void }) {
  const utils = trpc.useUtils();
  const archive = trpc.offerings.archive.useMutation({ onSuccess: () => utils.offerings.mine.invalidate() });
  const restore = trpc.offerings.update.useMutation({ onSuccess: () => utils.offerings.mine.invalidate() });
  return (
    <div>
      <div className="page-head">
        <h2>{o.active ? <Link to={`/offerings/${o.id}`}>{o.title}</Link> : o.title}</h2>
        <StatusBadge status={o.active ? 'ACTIVE' : 'ARCHIVED'} />
      </div>
      <p className="muted">
        {o.kind === 'COURSE' ? 'Course' : 'Service'} · {formatMoney(o.price.amount, o.price.currency)} ·{' '}
        {o.refundWindowDays > 0 ? `${o.refundWindowDays}-day refund window` : 'no self-service refunds'}
      </p>
      <p className="actions">
        <button type="button" className="button-secondary" onClick={onEdit}>
          Edit<span className="visually-hidden"> {o.title}</span>
        </button>
        {o.active ? (
          <button
            type="button"
            className="button-link"
            disabled={archive.isPending}
            onClick={() => archive.mutate({ offeringId: o.id })}
          >
            Archive<span className="visually-hidden"> {o.title}</span>
          </button>
        ) : (
          <button
            type="button"
            className="button-link"
            disabled={restore.isPending}
            onClick={() => restore.mutate({ offeringId: o.id, active: true })}
          >
            Publish again<span className="visually-hidden"> {o.title}</span>
          </button>
        )}
      </p>
      {archive.error ? <Alert>{errorMessage(archive.error)}</Alert> : null}
      {restore.error ? <Alert>{errorMessage(restore.error)}</Alert> : null}
    </div>
  );
}

/** Create (no `offering`) or edit. Price is typed in major units and converted with the currency's digits. */
function OfferingForm({ offering, onDone }: { offering?: Offering; onDone: () => void }) {
  const id = useId();
  const utils = trpc.useUtils();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onSuccess = async () => {
    await utils.offerings.mine.invalidate();
    await utils.catalog.invalidate();
    onDone();
  };
  const create = trpc.offerings.create.useMutation({ onSuccess });
  const update = trpc.offerings.update.useMutation({ onSuccess });
  const mutation = offering ? update : create;
  const serverErrors = Object.fromEntries(fieldErrors(mutation.error).map((f) => [f.path, f.message]));
  const shown = { ...serverErrors, ...errors };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const currency = String(data.get('currency') ?? '');
    let amount: number | undefined;
    try {
      amount = toMinorUnits(String(data.get('price') ?? '').trim(), currency);
    } catch (error) {
      setErrors({
        amount: error instanceof Error ? error.message.replace(/^amount/, 'price') : 'price is not valid',
      });
      return;
    }
    const fields = {
      title: String(data.get('title') ?? '').trim(),
      description: String(data.get('description') ?? '').trim(),
      kind: String(data.get('kind') ?? ''),
      amount,
      currency,
      refundWindowDays: Number(data.get('refundWindowDays')),
    };
    if (offering) {
      const parsed = UpdateOfferingInputSchema.safeParse({ offeringId: offering.id, ...fields });
      if (!parsed.success) return setErrors(issuesByField(parsed.error.issues));
      setErrors({});
      update.mutate(parsed.data);
    } else {
      const parsed = CreateOfferingInputSchema.safeParse(fields);
      if (!parsed.success) return setErrors(issuesByField(parsed.error.issues));
      setErrors({});
      create.mutate(parsed.data);
    }
  }

  const field = (name: string, label: string, input: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {input}
      {shown[name === 'price' ? 'amount' : name] ? (
        <p className="field-error" id={`${id}-${name}-error`}>
          {shown[name === 'price' ? 'amount' : name]}
        </p>
      ) : null}
    </div>
  );
  const invalid = (name: string) => {
    const key = name === 'price' ? 'amount' : name;
    return shown[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${name}-error` } : {};
  };

  return (
    <form
      className="form card"
      onSubmit={handleSubmit}
      noValidate
      aria-label={offering ? `Edit ${offering.title}` : 'New offering'}
    >
      <h2>{offering ? `Edit “${offering.title}”` : 'New offering'}</h2>
      {field(
        'title',
        'Title',
        <input id={`${id}-title`} name="title" defaultValue={offering?.title ?? ''} {...invalid('title')} />,
      )}
      {field(
        'description',
        'Description',
        <textarea
          id={`${id}-description`}
          name="description"
          rows={3}
          defaultValue={offering?.description ?? ''}
          {...invalid('description')}
        />,
      )}
      {field(
        'kind',
        'Kind',
        <select id={`${id}-kind`} name="kind" defaultValue={offering?.kind ?? 'COURSE'}>
          <option value="COURSE">Course</option>
          <option value="SERVICE">Service</option>
        </select>,
      )}
      <div className="grid-2">
        {field(
          'price',
          'Price',
          <input
            id={`${id}-price`}
            name="price"
            inputMode="decimal"
            defaultValue={
              offering ? String(fromMinorUnits(offering.price.amount, offering.price.currency)) : ''
            }
            {...invalid('price')}
          />,
        )}
        {field(
          'currency',
          'Currency',
          <select id={`${id}-currency`} name="currency" defaultValue={offering?.price.currency ?? 'usd'}>
            {SUPPORTED_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c.toUpperCase()}
              </option>
            ))}
          </select>,
        )}
      </div>
      {field(
        'refundWindowDays',
        'Refund window (days; 0 = no self-service refunds)',
        <input
          id={`${id}-refundWindowDays`}
          name="refundWindowDays"
          type="number"
          min={0}
          max={365}
          defaultValue={offering?.refundWindowDays ?? 14}
          {...invalid('refundWindowDays')}
        />,
      )}
      {offering ? (
        <p className="muted small">
          A new price applies to new purchases only; payments already made keep theirs.
        </p>
      ) : null}
      {mutation.error && Object.keys(serverErrors).length === 0 ? (
        <Alert>{errorMessage(mutation.error)}</Alert>
      ) : null}
      <p className="actions">
        <button type="submit" className="button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : offering ? 'Save changes' : 'Create offering'}
        </button>
        <button type="button" className="button-link" onClick={onDone}>
          Cancel
        </button>
      </p>
    </form>
  );
}
