import {
  type CreatePromotionCodeInput,
  CurrencySchema,
  type ListPromotionCodesInput,
  type ListPromotionCodesOutput,
  MAX_LISTED_PROMOTION_CODES,
  normalizePromotionCode,
  type PromotionCode,
} from '@enrollpay/schemas';
import { audit } from '../audit.js';
import type { Principal } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';
import { isUniqueViolation } from '../lib/db-errors.js';

/** promotionCodes.create / list / deactivate: a specialist's own codes; admins see and deactivate any. */

const CODE_SELECT = {
  id: true,
  specialistId: true,
  code: true,
  kind: true,
  percentOff: true,
  amountOff: true,
  currency: true,
  offeringIds: true,
  startsAt: true,
  endsAt: true,
  maxRedemptions: true,
  oncePerLearner: true,
  active: true,
  heldCount: true,
  redeemedCount: true,
  createdAt: true,
} as const;

type CodeRow = {
  id: string;
  specialistId: string;
  code: string;
  kind: 'PERCENT' | 'FIXED';
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
  offeringIds: string[];
  startsAt: Date | null;
  endsAt: Date | null;
  maxRedemptions: number | null;
  oncePerLearner: boolean;
  active: boolean;
  heldCount: number;
  redeemedCount: number;
  createdAt: Date;
};

function toPromotionCode(row: CodeRow): PromotionCode {
  return {
    id: row.id,
    specialistId: row.specialistId,
    code: row.code,
    kind: row.kind,
    percentOff: row.percentOff,
    amountOff: row.amountOff,
    currency: row.currency === null ? null : CurrencySchema.parse(row.currency),
    offeringIds: row.offeringIds,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    maxRedemptions: row.maxRedemptions,
    oncePerLearner: row.oncePerLearner,
    active: row.active,
    redeemedCount: row.redeemedCount,
    reservedCount: row.heldCount - row.redeemedCount,
    remaining: row.maxRedemptions === null ? null : Math.max(0, row.maxRedemptions - row.heldCount),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function createPromotionCode(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  specialist: Principal,
  input: CreatePromotionCodeInput,
): Promise<PromotionCode> {
  const { db } = deps;
  if (input.offeringIds.length > 0) {
    const offerings = await db.offering.findMany({
      where: { id: { in: input.offeringIds }, specialistId: specialist.userId },
      select: { id: true, title: true, currency: true },
    });
    const missing = input.offeringIds.find((id) => !offerings.some((o) => o.id === id));
    if (missing) throw new NotFoundError(`Offering ${missing}`);
    const otherCurrency =
      input.kind === 'FIXED' ? offerings.find((o) => o.currency !== input.currency) : undefined;
    if (otherCurrency) {
      throw new BadRequestError(
        `offeringIds: "${otherCurrency.title}" is priced in ${otherCurrency.currency.toUpperCase()}, and a fixed code in ${(input.currency ?? '').toUpperCase()} applies only to offerings in ${(input.currency ?? '').toUpperCase()}`,
        { field: 'offeringIds' },
      );
    }
  }
  try {
    const row = await db.promotionCode.create({
      data: {
        specialistId: specialist.userId,
        code: input.code,
        normalizedCode: normalizePromotionCode(input.code),
        kind: input.kind,
        percentOff: input.kind === 'PERCENT' ? (input.percentOff ?? null) : null,
        amountOff: input.kind === 'FIXED' ? (input.amountOff ?? null) : null,
        currency: input.kind === 'FIXED' ? (input.currency ?? null) : null,
        offeringIds: input.offeringIds,
        startsAt: input.startsAt ? new Date(input.startsAt) : null,
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        maxRedemptions: input.maxRedemptions ?? null,
        oncePerLearner: input.oncePerLearner,
        // Stamped by the app's clock like payments (the demo history makes its codes in the past).
        createdAt: deps.clock.now(),
      },
      select: CODE_SELECT,
    });
    await audit(db, {
      actorId: specialist.userId,
      actorRole: specialist.role,
      action: 'promotion_code.created',
      details: { promotionCodeId: row.id, code: row.code },
    });
    return toPromotionCode(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`code: you already have a code "${input.code}" (codes are case-insensitive)`, {
        field: 'code',
      });
    }
    throw error;
  }
}

export async function listPromotionCodes(
  deps: Pick<AppDeps, 'db'>,
  caller: Principal,
  input: ListPromotionCodesInput,
): Promise<ListPromotionCodesOutput> {
  const specialistId = caller.role === 'ADMIN' ? input.specialistId : caller.userId;
  const rows = await deps.db.promotionCode.findMany({
    where: {
      ...(specialistId ? { specialistId } : {}),
      ...(input.includeInactive ? {} : { active: true }),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_LISTED_PROMOTION_CODES,
    select: CODE_SELECT,
  });
  return { items: rows.map(toPromotionCode) };
}

export async function deactivatePromotionCode(
  deps: Pick<AppDeps, 'db'>,
  caller: Principal,
  promotionCodeId: string,
): Promise<PromotionCode> {
  const where =
    caller.role === 'ADMIN' ? { id: promotionCodeId } : { id: promotionCodeId, specialistId: caller.userId };
  const updated = await deps.db.promotionCode.updateMany({ where, data: { active: false } });
  if (updated.count !== 1) throw new NotFoundError('Promotion code');
  const row = await deps.db.promotionCode.findUniqueOrThrow({
    where: { id: promotionCodeId },
    select: CODE_SELECT,
  });
  await audit(deps.db, {
    actorId: caller.userId,
    actorRole: caller.role,
    action: 'promotion_code.deactivated',
    details: { promotionCodeId: row.id, code: row.code },
  });
  return toPromotionCode(row);
}
