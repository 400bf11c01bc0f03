import {
  DISPUTE_EVIDENCE_FIELDS,
  type DisputeDetails,
  type DisputeEvidence,
  type DisputeEvidenceField,
  DisputeEvidenceInputSchema,
} from '@enrollpay/schemas';
import { type FormEvent, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Loading, QueryError } from '../../components/Feedback.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { errorMessage, issuesByField } from '../../lib/errors.js';
import { formatDateTime, formatMoney, titleCase } from '../../lib/format.js';
import { trpc } from '../../lib/trpc.js';

const FIELDS: Record<DisputeEvidenceField, { label: string; hint: string; multiline: boolean }> = {
  product_description: {
    label: 'Product description',
    hint: 'What the learner bought and how it is delivered.',
    multiline: true,
  },
  service_date: {
    label: 'Service date',
    hint: 'When access began or the service was given.',
    multiline: false,
  },
  customer_name: { label: "Learner's name", hint: '', multiline: false },
  customer_email_address: { label: "Learner's email", hint: '', multiline: false },
  access_activity_log: {
    label: 'Access and activity log',
    hint: 'When the learner enrolled, paid and used the offering.',
    multiline: true,
  },
  refund_policy_disclosure: {
    label: 'Refund policy',
    hint: 'The policy and how it was shown before paying.',
    multiline: true,
  },
  refund_refusal_explanation: {
    label: 'Why no refund is owed',
    hint: 'Leave empty if it does not apply.',
    multiline: true,
  },
  uncategorized_text: {
    label: 'Customer communication',
    hint: 'Paste messages exchanged with the learner, with dates, and anything else the bank should read.',
    multiline: true,
  },
};

type Draft = Record<DisputeEvidenceField, string>;

function eachField<T>(value: (field: DisputeEvidenceField) => T): Record<DisputeEvidenceField, T> {
  return {
    product_description: value('product_description'),
    service_date: value('service_date'),
    customer_name: value('customer_name'),
    customer_email_address: value('customer_email_address'),
    access_activity_log: value('access_activity_log'),
    refund_policy_disclosure: value('refund_policy_disclosure'),
    refund_refusal_explanation: value('refund_refusal_explanation'),
    uncategorized_text: value('uncategorized_text'),
  };
}

/** The form's starting values: what was saved at Stripe, else our suggestion. */
function initialDraft(details: DisputeDetails): Draft {
  return eachField((field) => details.saved[field] ?? details.prefill[field] ?? '');
}

function toEvidence(draft: Draft): DisputeEvidence {
  return eachField((field) => draft[field].trim() || null);
}

export function DisputeEvidencePage() {
  const { disputeId = '' } = useParams();
  const details = trpc.disputes.get.useQuery({ disputeId });
  if (details.isPending) return <Loading label="Loading the dispute…" />;
  if (details.error) return <QueryError error={details.error} what="Dispute" />;
  return <EvidenceForm key={details.data.dispute.id} details={details.data} />;
}

function EvidenceForm({ details }: { details: DisputeDetails }) {
  const id = useId();
  const utils = trpc.useUtils();
  const { dispute } = details;
  const [draft, setDraft] = useState<Draft>(() => initialDraft(details));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const save = trpc.disputes.saveEvidence.useMutation({
    onSuccess: async (result) => {
      // The form shows what Stripe now holds.
      setDraft(initialDraft(result));
      utils.disputes.get.setData({ disputeId: dispute.id }, result);
      await utils.disputes.list.invalidate();
    },
  });
  const readOnly = !dispute.needsResponse || save.isPending;

  function send(submit: boolean) {
    const evidence = toEvidence(draft);
    const parsed = DisputeEvidenceInputSchema.safeParse(evidence);
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      return;
    }
    setErrors({});
    setConfirming(false);
    save.mutate({ disputeId: dispute.id, evidence: parsed.data, submit });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(false);
  }

  return (
    <div>
      <p>
        <Link to="/disputes">← All disputes</Link>
      </p>
      <div className="page-head">
        <h1>
          Dispute of {formatMoney(dispute.amount, dispute.currency)} by {dispute.learner.name}
        </h1>
        <StatusBadge status={dispute.status} />
      </div>
      <dl className="facts facts-grid card">
        <dt>Offering</dt>
        <dd>
          <Link to={`/payments/${dispute.paymentId}`}>{dispute.offering.title}</Link>
        </dd>
        <dt>Reason</dt>
        <dd>{dispute.reason ? titleCase(dispute.reason) : '—'}</dd>
        <dt>Evidence due by</dt>
        <dd data-testid="due-by">{formatDateTime(dispute.dueBy)}</dd>
        <dt>Submitted</dt>
        <dd data-testid="submission">
          {dispute.submittedAt
            ? `${formatDateTime(dispute.submittedAt)} (${dispute.submissionCount}×)`
            : 'Not yet'}
        </dd>
      </dl>

      {save.isSuccess && save.variables?.submit ? (
        <Alert tone="success" title="Evidence submitted">
          The bank now reviews it; this usually takes 60 to 75 days. We will email you the decision.
        </Alert>
      ) : null}
      {save.isSuccess && !save.variables?.submit ? (
        <Alert tone="success" title="Draft saved">
          Stripe keeps the draft; nothing has been sent to the bank yet.
        </Alert>
      ) : null}
      {save.error ? <Alert title="Not saved">{errorMessage(save.error)}</Alert> : null}
      {!dispute.needsResponse && !save.isSuccess ? (
        <Alert tone="info">
          {dispute.submittedAt
            ? 'The evidence has been submitted and can no longer be changed.'
            : 'This dispute no longer accepts evidence.'}
        </Alert>
      ) : null}

      <form className="form card" onSubmit={handleSubmit} aria-labelledby={`${id}-title`} noValidate>
        <h2 id={`${id}-title`}>Evidence</h2>
        {dispute.needsResponse ? (
          <p className="muted small">
            Suggested answers come from your offering and the learner's enrollment; check and complete them.
          </p>
        ) : null}
        {DISPUTE_EVIDENCE_FIELDS.map((field) => {
          const meta = FIELDS[field];
          const fieldId = `${id}-${field}`;
          const error = errors[field];
          const common = {
            id: fieldId,
            name: field,
            value: draft[field],
            readOnly,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': `${fieldId}-hint${error ? ` ${fieldId}-error` : ''}`,
            onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value }),
          };
          return (
            <div className="field" key={field}>
              <label htmlFor={fieldId}>{meta.label}</label>
              {meta.multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
              <span className="muted small" id={`${fieldId}-hint`}>
                {meta.hint}
              </span>
              {error ? (
                <p className="field-error" id={`${fieldId}-error`}>
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
        {dispute.needsResponse ? (
          <div className="toolbar">
            <button type="submit" className="button-secondary" disabled={save.isPending}>
              {save.isPending && !save.variables?.submit ? 'Saving…' : 'Save draft'}
            </button>
            {confirming ? (
              <fieldset className="toolbar confirm">
                <legend>Submit to the bank now? Submitted evidence cannot be changed.</legend>
                <button type="button" onClick={() => send(true)} disabled={save.isPending}>
                  Yes, submit evidence
                </button>
                <button type="button" className="button-link" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </fieldset>
            ) : (
              <button type="button" onClick={() => setConfirming(true)} disabled={save.isPending}>
                {save.isPending && save.variables?.submit ? 'Submitting…' : 'Submit evidence'}
              </button>
            )}
          </div>
        ) : null}
      </form>
    </div>
  );
}
