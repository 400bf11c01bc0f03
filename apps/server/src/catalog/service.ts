import type { Db } from '@enrollpay/db';
import {
  type CatalogListInput,
  type CatalogListOutput,
  type CreateOfferingInput,
  minimumChargeProblem,
  type Offering,
  type OfferingSummary,
  type UpdateOfferingInput,
} from '@enrollpay/schemas';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { BadRequestError, NotFoundError } from '../errors.js';
import { byCreatedAt } from '../lib/cursor.js';
import { cancelOpenPaymentsOf } from '../payments/intents.js';

const offeringSelect = {
  id: true,
  title: true,
  description: true,
  kind: true,
  priceAmount: true,
  currency: true,
  refundWindowDays: true,
  active: true,
  createdAt: true,
  updatedAt: true,
  specialist: { select: { id: true, name: true } },
} as const;

interface OfferingRow {
  id: string;
  title: string;
  description: string;
  kind: 'COURSE' | 'SERVICE';
  priceAmount: number;
  currency: string;
  refundWindowDays: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  specialist: { id: string; name: string };
}

// Currencies are validated on the way in (CurrencySchema); the output schema checks them again.
function toSummary(row: OfferingRow): OfferingSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    price: { amount: row.priceAmount, currency: row.currency as OfferingSummary['price']['currency'] },
    refundWindowDays: row.refundWindowDays,
    specialist: row.specialist,
  };
}

function toOffering(row: OfferingRow): Offering {
  return {
    ...toSummary(row),
    description: row.description,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Active offerings, newest first. */
export async function listCatalog(db: Db, input: CatalogListInput): Promise<CatalogListOutput> {
  const rows = await db.offering.findMany({
    where: {
      active: true,
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.specialistId ? { specialistId: input.specialistId } : {}),
      ...byCreatedAt.after(input.cursor),
    },
    orderBy: byCreatedAt.orderBy,
    take: input.limit + 1,
    select: offeringSelect,
  });
  return byCreatedAt.page(rows, input.limit, toSummary);
}

/** One offering, archived ones included (their page says they are no longer offered). */
export async function getOffering(db: Db, offeringId: string): Promise<Offering> {
  const row = await db.offering.findUnique({ where: { id: offeringId }, select: offeringSelect });
  if (!row) throw new NotFoundError('Offering');
  return toOffering(row);
}

export async function createOffering(
  db: Db,
  specialistId: string,
  input: CreateOfferingInput,
): Promise<Offering> {
  const row = await db.offering.create({
    data: {
      specialistId,
      title: input.title,
      description: input.description,
      kind: input.kind,
      priceAmount: input.amount,
      currency: input.currency,
      refundWindowDays: input.refundWindowDays,
    },
    select: offeringSelect,
  });
  return toOffering(row);
}

/**
 * Changes the caller's own offering. Someone else's offering is NOT_FOUND, like one that does not exist.
 * Payments copy amount and currency when they are created, so a new price never changes them.
 */
export async function updateOffering(
  db: Db,
  specialistId: string,
  input: UpdateOfferingInput,
): Promise<Offering> {
  const { offeringId, amount, ...rest } = input;
  await db.$transaction(async (tx) => {
    const current = await tx.offering.findFirst({
      where: { id: offeringId, specialistId },
      select: { currency: true },
    });
    if (!current) throw new NotFoundError('Offering');
    // The schema checks amount with currency; an amount alone is checked against the stored currency.
    if (amount !== undefined) {
      const problem = minimumChargeProblem(amount, rest.currency ?? current.currency);
      if (problem) throw new BadRequestError(problem, { field: 'amount' });
    }
    await tx.offering.update({
      where: { id: offeringId },
      data: { ...rest, ...(amount === undefined ? {} : { priceAmount: amount }) },
    });
  });
  return getOffering(db, offeringId);
}

/**
 * Hides the offering from the catalog; enrollments and payments that point at it stay. Open payments'
 * PaymentIntents are canceled, so a learner holding a client secret cannot pay for it any more.
 */
export async function archiveOffering(
  deps: AppDeps,
  specialist: Principal,
  offeringId: string,
): Promise<Offering> {
  const archived = await updateOffering(deps.db, specialist.userId, { offeringId, active: false });
  await cancelOpenPaymentsOf(deps, offeringId, specialist);
  return archived;
}

export async function myOfferings(db: Db, specialistId: string): Promise<{ items: Offering[] }> {
  const rows = await db.offering.findMany({
    where: { specialistId },
    orderBy: byCreatedAt.orderBy,
    select: offeringSelect,
  });
  return { items: rows.map(toOffering) };
}
