var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/payments/sync.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// ../../packages/db/src/client.ts
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// ../../packages/db/generated/prisma/client.ts
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import "@prisma/client/runtime/client";

// ../../packages/db/generated/prisma/internal/class.ts
import * as runtime from "@prisma/client/runtime/client";
var config = {
  "previewFeatures": [
    "partialIndexes"
  ],
  "clientVersion": "7.10.0",
  "engineVersion": "0edf323efd1d98336f3f0a68684b56f689b900d3",
  "activeProvider": "postgresql",
  "inlineSchema": `// The enrollpay data model. Money is always an integer amount in the currency's smallest unit
// (cents; yen for JPY) next to a lowercase ISO-4217 currency code, as Stripe does.

generator client {
  provider        = "prisma-client"
  output          = "../packages/db/generated/prisma"
  previewFeatures = ["partialIndexes"]
}

datasource db {
  provider = "postgresql"
}

enum Role {
  LEARNER
  SPECIALIST
  ADMIN
}

enum OfferingKind {
  COURSE
  SERVICE
}

enum EnrollmentStatus {
  PENDING_PAYMENT
  ACTIVE
  SUSPENDED
  REFUNDED
  CANCELLED
}

enum PaymentStatus {
  PENDING
  REQUIRES_ACTION
  PROCESSING
  SUCCEEDED
  FAILED
  CANCELED
  PARTIALLY_REFUNDED
  REFUNDED
  DISPUTED
}

enum RefundStatus {
  PENDING
  SUCCEEDED
  FAILED
  CANCELED
  REQUIRES_ACTION
}

enum RefundReason {
  REQUESTED_BY_CUSTOMER
  DUPLICATE
  FRAUDULENT
  OTHER
}

enum WebhookEventStatus {
  RECEIVED
  PROCESSED
  FAILED
  ORPHANED
  IGNORED
}

enum PayoutStatus {
  PENDING
  IN_TRANSIT
  PAID
  FAILED
  CANCELED
}

/// What a promotion code takes off: a percentage of the price, or a fixed amount in one currency.
enum PromotionDiscountKind {
  PERCENT
  FIXED
}

/// A promotion code's use by one payment: held while the payment is open, counted once it succeeds.
enum PromotionRedemptionStatus {
  RESERVED
  REDEEMED
}

enum OutboxStatus {
  PENDING
  SENT
  FAILED
}

model User {
  id               String   @id @default(cuid())
  email            String   @unique
  name             String
  role             Role
  passwordHash     String?
  stripeCustomerId String?  @unique
  createdAt        DateTime @default(now())
  updatedAt        DateTime @updatedAt

  offerings            Offering[]
  enrollments          Enrollment[]
  paymentsMade         Payment[]             @relation("PaymentLearner")
  paymentsReceived     Payment[]             @relation("PaymentSpecialist")
  refundsRequested     Refund[]
  idempotencyRecords   IdempotencyRecord[]
  auditLogs            AuditLog[]
  connectedAccount     ConnectedAccount?
  promotionCodes       PromotionCode[]
  promotionRedemptions PromotionRedemption[]
}

/// A specialist's course or service. Archiving sets active = false; rows are never deleted
/// because payments point at them.
model Offering {
  id               String       @id @default(cuid())
  specialistId     String
  title            String
  description      String       @default("")
  kind             OfferingKind
  priceAmount      Int
  currency         String       @db.VarChar(3)
  refundWindowDays Int          @default(14)
  active           Boolean      @default(true)
  createdAt        DateTime     @default(now())
  updatedAt        DateTime     @updatedAt

  specialist  User               @relation(fields: [specialistId], references: [id])
  enrollments Enrollment[]
  payments    Payment[]
  dailyStats  PaymentDailyStat[]

  @@index([active, createdAt])
  @@index([specialistId, createdAt])
}

/// A learner's place in an offering. At most one live (pending, active or suspended) enrollment per
/// learner and offering, enforced by a partial unique index.
model Enrollment {
  id              String           @id @default(cuid())
  learnerId       String
  offeringId      String
  status          EnrollmentStatus @default(PENDING_PAYMENT)
  /// The seed's denormalised payment fields, kept in step by the payment sync function.
  paymentStatus   PaymentStatus?
  paymentId       String?          @unique
  paymentDate     DateTime?
  webhookVerified Boolean          @default(false)
  createdAt       DateTime         @default(now())
  updatedAt       DateTime         @updatedAt

  learner  User      @relation(fields: [learnerId], references: [id])
  offering Offering  @relation(fields: [offeringId], references: [id])
  payment  Payment?  @relation("EnrollmentActivePayment", fields: [paymentId], references: [id])
  payments Payment[] @relation("PaymentEnrollment")

  @@unique([learnerId, offeringId], map: "Enrollment_one_live_per_learner_offering", where: raw("(status = ANY (ARRAY['PENDING_PAYMENT'::\\"EnrollmentStatus\\", 'ACTIVE'::\\"EnrollmentStatus\\", 'SUSPENDED'::\\"EnrollmentStatus\\"]))"))
  @@index([learnerId, createdAt])
  @@index([offeringId])
}

model Payment {
  id                     String        @id @default(cuid())
  learnerId              String
  specialistId           String
  offeringId             String
  enrollmentId           String
  stripePaymentIntentId  String?       @unique
  stripeChargeId         String?       @unique
  stripeCustomerId       String?
  amount                 Int
  amountReceived         Int           @default(0)
  amountRefunded         Int           @default(0)
  currency               String        @db.VarChar(3)
  /// The offering's refund window when this payment was opened: what the learner bought, whatever the
  /// offering says later.
  refundWindowDays       Int
  status                 PaymentStatus @default(PENDING)
  /// Stripe's own PaymentIntent status, verbatim, for support and reconciliation.
  stripeStatus           String?
  failureCode            String?
  declineCode            String?
  failureMessage         String?
  paymentMethodType      String?
  cardBrand              String?
  cardLast4              String?       @db.VarChar(4)
  receiptUrl             String?
  receiptEmail           String?
  description            String?
  metadata               Json          @default("{}")
  /// The client's idempotency key for payments.createIntent that created this payment.
  idempotencyKey         String?
  succeededAt            DateTime?
  failedAt               DateTime?
  canceledAt             DateTime?
  refundedAt             DateTime?
  disputedAt             DateTime?
  disputeStatus          String?
  /// What lost disputes took from this payment: their amounts plus the dispute fees Stripe reported.
  amountLostToDisputes   Int           @default(0)
  /// When the (latest) dispute on this payment was lost.
  disputeLostAt          DateTime?
  webhookVerified        Boolean       @default(false)
  lastStripeEventId      String?
  lastStripeEventAt      DateTime?
  /// The platform fee taken from a destination charge, in minor units (0 when the funds are held).
  applicationFeeAmount   Int           @default(0)
  /// The specialist's Stripe account the charge pays (transfer_data.destination); null when the platform
  /// held the funds because the specialist had not finished onboarding (see src/payouts/README.md).
  destinationAccountId   String?
  /// The transfer to the specialist (tr_), from the charge or from the later transfer of held funds.
  stripeTransferId       String?       @unique
  /// Transfer reversals made by refunds, in minor units.
  transferReversedAmount Int           @default(0)
  /// What a promotion code took off the offering's price, in minor units (\`amount\` is what is charged, so
  /// the list price is amount + discountAmount). 0 without a code.
  discountAmount         Int           @default(0)
  /// The promotion code applied to this payment (as the specialist spelled it), null without one.
  promotionCode          String?
  promotionCodeId        String?
  /// The payment was free (a 100 % code): no PaymentIntent, no Stripe call.
  free                   Boolean       @default(false)
  /// Optimistic concurrency: bumped on every write by the sync function.
  version                Int           @default(0)
  createdAt              DateTime      @default(now())
  updatedAt              DateTime      @updatedAt

  learner          User                 @relation("PaymentLearner", fields: [learnerId], references: [id])
  specialist       User                 @relation("PaymentSpecialist", fields: [specialistId], references: [id])
  offering         Offering             @relation(fields: [offeringId], references: [id])
  enrollment       Enrollment           @relation("PaymentEnrollment", fields: [enrollmentId], references: [id])
  activeEnrollment Enrollment?          @relation("EnrollmentActivePayment")
  refunds          Refund[]
  disputes         Dispute[]
  auditLogs        AuditLog[]
  promotion        PromotionCode?       @relation(fields: [promotionCodeId], references: [id])
  redemption       PromotionRedemption?

  @@index([learnerId, createdAt(sort: Desc), id])
  @@index([specialistId, createdAt(sort: Desc), id])
  @@index([specialistId, status, createdAt])
  @@index([status, updatedAt])
  /// Keyset pages of the admin's CSV export (newest first).
  @@index([createdAt, id])
}

model Refund {
  id                 String       @id @default(cuid())
  paymentId          String
  stripeRefundId     String?      @unique
  amount             Int
  currency           String       @db.VarChar(3)
  status             RefundStatus @default(PENDING)
  reason             RefundReason @default(REQUESTED_BY_CUSTOMER)
  failureReason      String?
  requestedById      String?
  /// Held funds transferred later (payouts/README.md): the part of that separate transfer this refund
  /// takes back from the specialist, decided once (minor units, the payment's currency); null when the
  /// payment has no such transfer.
  heldReversalAmount Int?
  /// The transfer reversal (trr_) made for it, once made.
  heldReversalId     String?      @unique
  /// Why the reversal could not be made yet (e.g. the specialist's available balance); retried.
  heldReversalError  String?
  createdAt          DateTime     @default(now())
  updatedAt          DateTime     @updatedAt

  payment     Payment @relation(fields: [paymentId], references: [id])
  requestedBy User?   @relation(fields: [requestedById], references: [id])

  @@index([paymentId])
  /// Keyset pages of the refunds CSV export (newest first).
  @@index([createdAt, id])
}

model Dispute {
  id               String    @id @default(cuid())
  paymentId        String
  stripeDisputeId  String    @unique
  amount           Int
  currency         String    @db.VarChar(3)
  status           String
  reason           String?
  /// Stripe's dispute fees net of reinstated ones (sum of its balance transactions' fees), when reported.
  fee              Int?
  closedAt         DateTime?
  /// Stripe's evidence_details.due_by: evidence must be submitted before this time.
  evidenceDueBy    DateTime?
  /// Stripe's evidence_details.submission_count (only grows).
  submissionCount  Int       @default(0)
  /// The evidence as Stripe last returned it (the saved draft, or what was submitted): text fields only.
  evidence         Json      @default("{}")
  /// Bumped by every evidence save through our API: the Stripe idempotency key of the next save.
  evidenceRevision Int       @default(0)
  evidenceSavedAt  DateTime?
  submittedAt      DateTime?
  createdAt        DateTime  @default(now())
  updatedAt        DateTime  @updatedAt

  payment Payment @relation(fields: [paymentId], references: [id])

  @@index([paymentId])
  /// The evidence reminder job: open disputes whose due date is near.
  @@index([status, evidenceDueBy])
}

/// Every Stripe event we received, keyed by Stripe's event id: the durable receipt.
model WebhookEvent {
  id              String             @id
  type            String
  /// Id of the Stripe object the event is about (pi_, ch_, re_, dp_ ...).
  objectId        String?
  payload         Json
  stripeCreatedAt DateTime
  status          WebhookEventStatus @default(RECEIVED)
  attempts        Int                @default(0)
  lastError       String?
  /// A processor claims the event until this time (one UPDATE); another instance skips it until then.
  /// After a failure it is the time of the next attempt (backoff).
  claimedUntil    DateTime?
  receivedAt      DateTime           @default(now())
  processedAt     DateTime?

  // Two secondary indexes only (each costs every delivery's INSERT, and applying an event changes its
  // status, a non-HOT UPDATE that adds an entry to every full index again):
  // - newest first for the admin list, its status and type filters checked inside the index, status
  //   counts (metrics) as an index-only scan;
  @@index([receivedAt, id, status, type])
  // - the events not applied (yet): the batch claim, the sweep, the oldest-unprocessed gauge, the admin
  //   list of RECEIVED / FAILED / ORPHANED. An applied or ignored event never enters it.
  @@index([receivedAt, id], map: "WebhookEvent_unapplied_receivedAt_id_idx", where: raw("(status = ANY (ARRAY['RECEIVED'::\\"WebhookEventStatus\\", 'FAILED'::\\"WebhookEventStatus\\", 'ORPHANED'::\\"WebhookEventStatus\\"]))"))
}

/// Stripe-like idempotency keys for our own API (brandur.org's design): one row per user and key.
model IdempotencyRecord {
  id             String    @id @default(cuid())
  userId         String
  key            String
  procedure      String
  requestHash    String
  /// Set while a request holds the key; cleared when it finishes.
  lockedAt       DateTime?
  responseStatus Int?
  responseBody   Json?
  createdAt      DateTime  @default(now())
  expiresAt      DateTime

  user User @relation(fields: [userId], references: [id])

  @@unique([userId, key])
  @@index([expiresAt])
}

model AuditLog {
  id        String   @id @default(cuid())
  actorId   String?
  actorRole Role?
  action    String
  paymentId String?
  amount    Int?
  currency  String?  @db.VarChar(3)
  details   Json     @default("{}")
  createdAt DateTime @default(now())

  actor   User?    @relation(fields: [actorId], references: [id])
  payment Payment? @relation(fields: [paymentId], references: [id])

  @@index([paymentId, createdAt])
  @@index([createdAt])
}

/// Side effects (emails) written in the same transaction as the state change that causes them.
/// dedupeKey makes each effect happen at most once, whatever order or how often events arrive.
model OutboxMessage {
  id          String       @id @default(cuid())
  kind        String
  dedupeKey   String       @unique
  recipient   String
  subject     String
  payload     Json
  status      OutboxStatus @default(PENDING)
  attempts    Int          @default(0)
  lastError   String?
  availableAt DateTime     @default(now())
  sentAt      DateTime?
  createdAt   DateTime     @default(now())

  @@index([status, availableAt])
}

/// Daily rollup that keeps specialist statistics fast at millions of payments. Maintained by the
/// payment sync function in the same transaction as the payment change (deltas), per UTC day.
model PaymentDailyStat {
  specialistId      String
  offeringId        String
  currency          String   @db.VarChar(3)
  day               DateTime @db.Date
  grossAmount       BigInt   @default(0)
  refundedAmount    BigInt   @default(0)
  succeededCount    Int      @default(0)
  failedCount       Int      @default(0)
  refundedCount     Int      @default(0)
  disputedCount     Int      @default(0)
  /// Lost disputes' amounts and fees, on the day they were lost.
  disputeLostAmount BigInt   @default(0)
  /// What promotion codes took off the payments that succeeded that day (minor units).
  discountAmount    BigInt   @default(0)
  /// Connect platform fees of payments that succeeded that day and are not fully refunded (a full refund
  /// returns the fee, so it leaves the day the payment succeeded).
  platformFeeAmount BigInt   @default(0)

  offering Offering @relation(fields: [offeringId], references: [id])

  @@id([specialistId, day, offeringId, currency])
  // Covering: every column stats.specialist reads, so a specialist's range is an index-only scan (a
  // few index pages instead of one heap page per rollup row). The VACUUM after rebuildDailyStats and the
  // table's autovacuum settings (migration 20261130205313_daily_stat_covering_index) keep the visibility
  // map current.
  @@index([specialistId, day, offeringId, currency, grossAmount, refundedAmount, disputeLostAmount, succeededCount, failedCount, refundedCount, disputedCount, platformFeeAmount, discountAmount], map: "PaymentDailyStat_covering_idx")
}

/// rate-limiter-flexible's Postgres store for money-moving requests (src/rate-limit/limiter.ts): shared by
/// every server instance, so the limit holds behind a load balancer. Columns are the library's.
model RateLimitBucket {
  key    String  @id @db.VarChar(255)
  points Int     @default(0)
  expire BigInt?

  @@map("rate_limit_money")
}

/// A specialist's Stripe Express account (Connect). Kept true by \`account.updated\` Connect webhooks.
model ConnectedAccount {
  userId            String    @id
  stripeAccountId   String    @unique
  chargesEnabled    Boolean   @default(false)
  payoutsEnabled    Boolean   @default(false)
  detailsSubmitted  Boolean   @default(false)
  /// Stripe's requirements.currently_due, verbatim.
  currentlyDue      String[]  @default([])
  disabledReason    String?
  /// Admin-set platform fee for this specialist in basis points; null means PLATFORM_FEE_BPS.
  feeBpsOverride    Int?
  /// The \`created\` time of the last account event applied, so an older event never overwrites a newer.
  lastStripeEventAt DateTime?
  createdAt         DateTime  @default(now())
  updatedAt         DateTime  @updatedAt

  user    User     @relation(fields: [userId], references: [id])
  payouts Payout[]
}

/// A payout from a specialist's Stripe balance to their bank, kept by the payout.* Connect webhooks.
model Payout {
  id                String       @id @default(cuid())
  stripePayoutId    String       @unique
  stripeAccountId   String
  amount            Int
  currency          String       @db.VarChar(3)
  status            PayoutStatus
  arrivalDate       DateTime
  automatic         Boolean      @default(true)
  failureCode       String?
  failureMessage    String?
  lastStripeEventAt DateTime?
  createdAt         DateTime     @default(now())
  updatedAt         DateTime     @updatedAt

  account ConnectedAccount @relation(fields: [stripeAccountId], references: [stripeAccountId])

  @@index([stripeAccountId, arrivalDate(sort: Desc), id])
}

/// A specialist's promotion code (issue 15). \`normalizedCode\` is the code upper-cased: codes are
/// case-insensitive and unique per specialist. \`offeringIds\` empty = every offering of the specialist.
/// \`heldCount\` counts the open payments holding a use plus the redeemed uses; a conditional UPDATE keeps it
/// at or below \`maxRedemptions\` (src/promotions/README.md).
model PromotionCode {
  id             String                @id @default(cuid())
  specialistId   String
  code           String
  normalizedCode String
  kind           PromotionDiscountKind
  /// PERCENT: 1\u2013100.
  percentOff     Int?
  /// FIXED: minor units of \`currency\`; the code applies only to offerings in that currency.
  amountOff      Int?
  currency       String?               @db.VarChar(3)
  offeringIds    String[]              @default([])
  startsAt       DateTime?
  endsAt         DateTime?
  maxRedemptions Int?
  oncePerLearner Boolean               @default(false)
  active         Boolean               @default(true)
  heldCount      Int                   @default(0)
  redeemedCount  Int                   @default(0)
  createdAt      DateTime              @default(now())
  updatedAt      DateTime              @updatedAt

  specialist  User                  @relation(fields: [specialistId], references: [id])
  payments    Payment[]
  redemptions PromotionRedemption[]

  @@unique([specialistId, normalizedCode])
  @@index([specialistId, createdAt])
}

/// One payment's use of a promotion code: RESERVED while the payment is open (deleted when it is
/// canceled), REDEEMED when it succeeds. \`onceLearnerId\` is the learner for once-per-learner codes (null
/// otherwise), so the unique index allows one live use per learner of such a code.
model PromotionRedemption {
  id              String                    @id @default(cuid())
  promotionCodeId String
  paymentId       String                    @unique
  learnerId       String
  onceLearnerId   String?
  discountAmount  Int
  currency        String                    @db.VarChar(3)
  status          PromotionRedemptionStatus @default(RESERVED)
  redeemedAt      DateTime?
  createdAt       DateTime                  @default(now())

  promotionCode PromotionCode @relation(fields: [promotionCodeId], references: [id])
  payment       Payment       @relation(fields: [paymentId], references: [id])
  learner       User          @relation(fields: [learnerId], references: [id])

  @@unique([promotionCodeId, onceLearnerId])
  @@index([promotionCodeId, status])
}
`,
  "runtimeDataModel": {
    "models": {},
    "enums": {},
    "types": {}
  },
  "parameterizationSchema": {
    "strings": [],
    "graph": ""
  }
};
config.runtimeDataModel = JSON.parse('{"models":{"User":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"email","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"role","kind":"enum","type":"Role"},{"name":"passwordHash","kind":"scalar","type":"String"},{"name":"stripeCustomerId","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"offerings","kind":"object","type":"Offering","relationName":"OfferingToUser"},{"name":"enrollments","kind":"object","type":"Enrollment","relationName":"EnrollmentToUser"},{"name":"paymentsMade","kind":"object","type":"Payment","relationName":"PaymentLearner"},{"name":"paymentsReceived","kind":"object","type":"Payment","relationName":"PaymentSpecialist"},{"name":"refundsRequested","kind":"object","type":"Refund","relationName":"RefundToUser"},{"name":"idempotencyRecords","kind":"object","type":"IdempotencyRecord","relationName":"IdempotencyRecordToUser"},{"name":"auditLogs","kind":"object","type":"AuditLog","relationName":"AuditLogToUser"},{"name":"connectedAccount","kind":"object","type":"ConnectedAccount","relationName":"ConnectedAccountToUser"},{"name":"promotionCodes","kind":"object","type":"PromotionCode","relationName":"PromotionCodeToUser"},{"name":"promotionRedemptions","kind":"object","type":"PromotionRedemption","relationName":"PromotionRedemptionToUser"}],"dbName":null,"schema":null},"Offering":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"specialistId","kind":"scalar","type":"String"},{"name":"title","kind":"scalar","type":"String"},{"name":"description","kind":"scalar","type":"String"},{"name":"kind","kind":"enum","type":"OfferingKind"},{"name":"priceAmount","kind":"scalar","type":"Int"},{"name":"currency","kind":"scalar","type":"String"},{"name":"refundWindowDays","kind":"scalar","type":"Int"},{"name":"active","kind":"scalar","type":"Boolean"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"specialist","kind":"object","type":"User","relationName":"OfferingToUser"},{"name":"enrollments","kind":"object","type":"Enrollment","relationName":"EnrollmentToOffering"},{"name":"payments","kind":"object","type":"Payment","relationName":"OfferingToPayment"},{"name":"dailyStats","kind":"object","type":"PaymentDailyStat","relationName":"OfferingToPaymentDailyStat"}],"dbName":null,"schema":null},"Enrollment":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"learnerId","kind":"scalar","type":"String"},{"name":"offeringId","kind":"scalar","type":"String"},{"name":"status","kind":"enum","type":"EnrollmentStatus"},{"name":"paymentStatus","kind":"enum","type":"PaymentStatus"},{"name":"paymentId","kind":"scalar","type":"String"},{"name":"paymentDate","kind":"scalar","type":"DateTime"},{"name":"webhookVerified","kind":"scalar","type":"Boolean"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"learner","kind":"object","type":"User","relationName":"EnrollmentToUser"},{"name":"offering","kind":"object","type":"Offering","relationName":"EnrollmentToOffering"},{"name":"payment","kind":"object","type":"Payment","relationName":"EnrollmentActivePayment"},{"name":"payments","kind":"object","type":"Payment","relationName":"PaymentEnrollment"}],"dbName":null,"schema":null},"Payment":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"learnerId","kind":"scalar","type":"String"},{"name":"specialistId","kind":"scalar","type":"String"},{"name":"offeringId","kind":"scalar","type":"String"},{"name":"enrollmentId","kind":"scalar","type":"String"},{"name":"stripePaymentIntentId","kind":"scalar","type":"String"},{"name":"stripeChargeId","kind":"scalar","type":"String"},{"name":"stripeCustomerId","kind":"scalar","type":"String"},{"name":"amount","kind":"scalar","type":"Int"},{"name":"amountReceived","kind":"scalar","type":"Int"},{"name":"amountRefunded","kind":"scalar","type":"Int"},{"name":"currency","kind":"scalar","type":"String"},{"name":"refundWindowDays","kind":"scalar","type":"Int"},{"name":"status","kind":"enum","type":"PaymentStatus"},{"name":"stripeStatus","kind":"scalar","type":"String"},{"name":"failureCode","kind":"scalar","type":"String"},{"name":"declineCode","kind":"scalar","type":"String"},{"name":"failureMessage","kind":"scalar","type":"String"},{"name":"paymentMethodType","kind":"scalar","type":"String"},{"name":"cardBrand","kind":"scalar","type":"String"},{"name":"cardLast4","kind":"scalar","type":"String"},{"name":"receiptUrl","kind":"scalar","type":"String"},{"name":"receiptEmail","kind":"scalar","type":"String"},{"name":"description","kind":"scalar","type":"String"},{"name":"metadata","kind":"scalar","type":"Json"},{"name":"idempotencyKey","kind":"scalar","type":"String"},{"name":"succeededAt","kind":"scalar","type":"DateTime"},{"name":"failedAt","kind":"scalar","type":"DateTime"},{"name":"canceledAt","kind":"scalar","type":"DateTime"},{"name":"refundedAt","kind":"scalar","type":"DateTime"},{"name":"disputedAt","kind":"scalar","type":"DateTime"},{"name":"disputeStatus","kind":"scalar","type":"String"},{"name":"amountLostToDisputes","kind":"scalar","type":"Int"},{"name":"disputeLostAt","kind":"scalar","type":"DateTime"},{"name":"webhookVerified","kind":"scalar","type":"Boolean"},{"name":"lastStripeEventId","kind":"scalar","type":"String"},{"name":"lastStripeEventAt","kind":"scalar","type":"DateTime"},{"name":"applicationFeeAmount","kind":"scalar","type":"Int"},{"name":"destinationAccountId","kind":"scalar","type":"String"},{"name":"stripeTransferId","kind":"scalar","type":"String"},{"name":"transferReversedAmount","kind":"scalar","type":"Int"},{"name":"discountAmount","kind":"scalar","type":"Int"},{"name":"promotionCode","kind":"scalar","type":"String"},{"name":"promotionCodeId","kind":"scalar","type":"String"},{"name":"free","kind":"scalar","type":"Boolean"},{"name":"version","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"learner","kind":"object","type":"User","relationName":"PaymentLearner"},{"name":"specialist","kind":"object","type":"User","relationName":"PaymentSpecialist"},{"name":"offering","kind":"object","type":"Offering","relationName":"OfferingToPayment"},{"name":"enrollment","kind":"object","type":"Enrollment","relationName":"PaymentEnrollment"},{"name":"activeEnrollment","kind":"object","type":"Enrollment","relationName":"EnrollmentActivePayment"},{"name":"refunds","kind":"object","type":"Refund","relationName":"PaymentToRefund"},{"name":"disputes","kind":"object","type":"Dispute","relationName":"DisputeToPayment"},{"name":"auditLogs","kind":"object","type":"AuditLog","relationName":"AuditLogToPayment"},{"name":"promotion","kind":"object","type":"PromotionCode","relationName":"PaymentToPromotionCode"},{"name":"redemption","kind":"object","type":"PromotionRedemption","relationName":"PaymentToPromotionRedemption"}],"dbName":null,"schema":null},"Refund":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"paymentId","kind":"scalar","type":"String"},{"name":"stripeRefundId","kind":"scalar","type":"String"},{"name":"amount","kind":"scalar","type":"Int"},{"name":"currency","kind":"scalar","type":"String"},{"name":"status","kind":"enum","type":"RefundStatus"},{"name":"reason","kind":"enum","type":"RefundReason"},{"name":"failureReason","kind":"scalar","type":"String"},{"name":"requestedById","kind":"scalar","type":"String"},{"name":"heldReversalAmount","kind":"scalar","type":"Int"},{"name":"heldReversalId","kind":"scalar","type":"String"},{"name":"heldReversalError","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"payment","kind":"object","type":"Payment","relationName":"PaymentToRefund"},{"name":"requestedBy","kind":"object","type":"User","relationName":"RefundToUser"}],"dbName":null,"schema":null},"Dispute":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"paymentId","kind":"scalar","type":"String"},{"name":"stripeDisputeId","kind":"scalar","type":"String"},{"name":"amount","kind":"scalar","type":"Int"},{"name":"currency","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"reason","kind":"scalar","type":"String"},{"name":"fee","kind":"scalar","type":"Int"},{"name":"closedAt","kind":"scalar","type":"DateTime"},{"name":"evidenceDueBy","kind":"scalar","type":"DateTime"},{"name":"submissionCount","kind":"scalar","type":"Int"},{"name":"evidence","kind":"scalar","type":"Json"},{"name":"evidenceRevision","kind":"scalar","type":"Int"},{"name":"evidenceSavedAt","kind":"scalar","type":"DateTime"},{"name":"submittedAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"payment","kind":"object","type":"Payment","relationName":"DisputeToPayment"}],"dbName":null,"schema":null},"WebhookEvent":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"type","kind":"scalar","type":"String"},{"name":"objectId","kind":"scalar","type":"String"},{"name":"payload","kind":"scalar","type":"Json"},{"name":"stripeCreatedAt","kind":"scalar","type":"DateTime"},{"name":"status","kind":"enum","type":"WebhookEventStatus"},{"name":"attempts","kind":"scalar","type":"Int"},{"name":"lastError","kind":"scalar","type":"String"},{"name":"claimedUntil","kind":"scalar","type":"DateTime"},{"name":"receivedAt","kind":"scalar","type":"DateTime"},{"name":"processedAt","kind":"scalar","type":"DateTime"}],"dbName":null,"schema":null},"IdempotencyRecord":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"userId","kind":"scalar","type":"String"},{"name":"key","kind":"scalar","type":"String"},{"name":"procedure","kind":"scalar","type":"String"},{"name":"requestHash","kind":"scalar","type":"String"},{"name":"lockedAt","kind":"scalar","type":"DateTime"},{"name":"responseStatus","kind":"scalar","type":"Int"},{"name":"responseBody","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"expiresAt","kind":"scalar","type":"DateTime"},{"name":"user","kind":"object","type":"User","relationName":"IdempotencyRecordToUser"}],"dbName":null,"schema":null},"AuditLog":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"actorId","kind":"scalar","type":"String"},{"name":"actorRole","kind":"enum","type":"Role"},{"name":"action","kind":"scalar","type":"String"},{"name":"paymentId","kind":"scalar","type":"String"},{"name":"amount","kind":"scalar","type":"Int"},{"name":"currency","kind":"scalar","type":"String"},{"name":"details","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"actor","kind":"object","type":"User","relationName":"AuditLogToUser"},{"name":"payment","kind":"object","type":"Payment","relationName":"AuditLogToPayment"}],"dbName":null,"schema":null},"OutboxMessage":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"dedupeKey","kind":"scalar","type":"String"},{"name":"recipient","kind":"scalar","type":"String"},{"name":"subject","kind":"scalar","type":"String"},{"name":"payload","kind":"scalar","type":"Json"},{"name":"status","kind":"enum","type":"OutboxStatus"},{"name":"attempts","kind":"scalar","type":"Int"},{"name":"lastError","kind":"scalar","type":"String"},{"name":"availableAt","kind":"scalar","type":"DateTime"},{"name":"sentAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"}],"dbName":null,"schema":null},"PaymentDailyStat":{"fields":[{"name":"specialistId","kind":"scalar","type":"String"},{"name":"offeringId","kind":"scalar","type":"String"},{"name":"currency","kind":"scalar","type":"String"},{"name":"day","kind":"scalar","type":"DateTime"},{"name":"grossAmount","kind":"scalar","type":"BigInt"},{"name":"refundedAmount","kind":"scalar","type":"BigInt"},{"name":"succeededCount","kind":"scalar","type":"Int"},{"name":"failedCount","kind":"scalar","type":"Int"},{"name":"refundedCount","kind":"scalar","type":"Int"},{"name":"disputedCount","kind":"scalar","type":"Int"},{"name":"disputeLostAmount","kind":"scalar","type":"BigInt"},{"name":"discountAmount","kind":"scalar","type":"BigInt"},{"name":"platformFeeAmount","kind":"scalar","type":"BigInt"},{"name":"offering","kind":"object","type":"Offering","relationName":"OfferingToPaymentDailyStat"}],"dbName":null,"schema":null},"RateLimitBucket":{"fields":[{"name":"key","kind":"scalar","type":"String"},{"name":"points","kind":"scalar","type":"Int"},{"name":"expire","kind":"scalar","type":"BigInt"}],"dbName":"rate_limit_money","schema":null},"ConnectedAccount":{"fields":[{"name":"userId","kind":"scalar","type":"String"},{"name":"stripeAccountId","kind":"scalar","type":"String"},{"name":"chargesEnabled","kind":"scalar","type":"Boolean"},{"name":"payoutsEnabled","kind":"scalar","type":"Boolean"},{"name":"detailsSubmitted","kind":"scalar","type":"Boolean"},{"name":"currentlyDue","kind":"scalar","type":"String"},{"name":"disabledReason","kind":"scalar","type":"String"},{"name":"feeBpsOverride","kind":"scalar","type":"Int"},{"name":"lastStripeEventAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"user","kind":"object","type":"User","relationName":"ConnectedAccountToUser"},{"name":"payouts","kind":"object","type":"Payout","relationName":"ConnectedAccountToPayout"}],"dbName":null,"schema":null},"Payout":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"stripePayoutId","kind":"scalar","type":"String"},{"name":"stripeAccountId","kind":"scalar","type":"String"},{"name":"amount","kind":"scalar","type":"Int"},{"name":"currency","kind":"scalar","type":"String"},{"name":"status","kind":"enum","type":"PayoutStatus"},{"name":"arrivalDate","kind":"scalar","type":"DateTime"},{"name":"automatic","kind":"scalar","type":"Boolean"},{"name":"failureCode","kind":"scalar","type":"String"},{"name":"failureMessage","kind":"scalar","type":"String"},{"name":"lastStripeEventAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"account","kind":"object","type":"ConnectedAccount","relationName":"ConnectedAccountToPayout"}],"dbName":null,"schema":null},"PromotionCode":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"specialistId","kind":"scalar","type":"String"},{"name":"code","kind":"scalar","type":"String"},{"name":"normalizedCode","kind":"scalar","type":"String"},{"name":"kind","kind":"enum","type":"PromotionDiscountKind"},{"name":"percentOff","kind":"scalar","type":"Int"},{"name":"amountOff","kind":"scalar","type":"Int"},{"name":"currency","kind":"scalar","type":"String"},{"name":"offeringIds","kind":"scalar","type":"String"},{"name":"startsAt","kind":"scalar","type":"DateTime"},{"name":"endsAt","kind":"scalar","type":"DateTime"},{"name":"maxRedemptions","kind":"scalar","type":"Int"},{"name":"oncePerLearner","kind":"scalar","type":"Boolean"},{"name":"active","kind":"scalar","type":"Boolean"},{"name":"heldCount","kind":"scalar","type":"Int"},{"name":"redeemedCount","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"updatedAt","kind":"scalar","type":"DateTime"},{"name":"specialist","kind":"object","type":"User","relationName":"PromotionCodeToUser"},{"name":"payments","kind":"object","type":"Payment","relationName":"PaymentToPromotionCode"},{"name":"redemptions","kind":"object","type":"PromotionRedemption","relationName":"PromotionCodeToPromotionRedemption"}],"dbName":null,"schema":null},"PromotionRedemption":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"promotionCodeId","kind":"scalar","type":"String"},{"name":"paymentId","kind":"scalar","type":"String"},{"name":"learnerId","kind":"scalar","type":"String"},{"name":"onceLearnerId","kind":"scalar","type":"String"},{"name":"discountAmount","kind":"scalar","type":"Int"},{"name":"currency","kind":"scalar","type":"String"},{"name":"status","kind":"enum","type":"PromotionRedemptionStatus"},{"name":"redeemedAt","kind":"scalar","type":"DateTime"},{"name":"createdAt","kind":"scalar","type":"DateTime"},{"name":"promotionCode","kind":"object","type":"PromotionCode","relationName":"PromotionCodeToPromotionRedemption"},{"name":"payment","kind":"object","type":"Payment","relationName":"PaymentToPromotionRedemption"},{"name":"learner","kind":"object","type":"User","relationName":"PromotionRedemptionToUser"}],"dbName":null,"schema":null}},"enums":{},"types":{}}');
config.parameterizationSchema = {
  strings: JSON.parse('["where","orderBy","cursor","specialist","learner","offering","enrollment","activeEnrollment","payment","requestedBy","refunds","disputes","actor","auditLogs","payments","promotionCode","redemptions","_count","promotion","redemption","enrollments","dailyStats","offerings","paymentsMade","paymentsReceived","refundsRequested","user","idempotencyRecords","account","payouts","connectedAccount","promotionCodes","promotionRedemptions","User.findUnique","User.findUniqueOrThrow","User.findFirst","User.findFirstOrThrow","User.findMany","data","User.createOne","User.createMany","User.createManyAndReturn","User.updateOne","User.updateMany","User.updateManyAndReturn","create","update","User.upsertOne","User.deleteOne","User.deleteMany","having","_min","_max","User.groupBy","User.aggregate","Offering.findUnique","Offering.findUniqueOrThrow","Offering.findFirst","Offering.findFirstOrThrow","Offering.findMany","Offering.createOne","Offering.createMany","Offering.createManyAndReturn","Offering.updateOne","Offering.updateMany","Offering.updateManyAndReturn","Offering.upsertOne","Offering.deleteOne","Offering.deleteMany","_avg","_sum","Offering.groupBy","Offering.aggregate","Enrollment.findUnique","Enrollment.findUniqueOrThrow","Enrollment.findFirst","Enrollment.findFirstOrThrow","Enrollment.findMany","Enrollment.createOne","Enrollment.createMany","Enrollment.createManyAndReturn","Enrollment.updateOne","Enrollment.updateMany","Enrollment.updateManyAndReturn","Enrollment.upsertOne","Enrollment.deleteOne","Enrollment.deleteMany","Enrollment.groupBy","Enrollment.aggregate","Payment.findUnique","Payment.findUniqueOrThrow","Payment.findFirst","Payment.findFirstOrThrow","Payment.findMany","Payment.createOne","Payment.createMany","Payment.createManyAndReturn","Payment.updateOne","Payment.updateMany","Payment.updateManyAndReturn","Payment.upsertOne","Payment.deleteOne","Payment.deleteMany","Payment.groupBy","Payment.aggregate","Refund.findUnique","Refund.findUniqueOrThrow","Refund.findFirst","Refund.findFirstOrThrow","Refund.findMany","Refund.createOne","Refund.createMany","Refund.createManyAndReturn","Refund.updateOne","Refund.updateMany","Refund.updateManyAndReturn","Refund.upsertOne","Refund.deleteOne","Refund.deleteMany","Refund.groupBy","Refund.aggregate","Dispute.findUnique","Dispute.findUniqueOrThrow","Dispute.findFirst","Dispute.findFirstOrThrow","Dispute.findMany","Dispute.createOne","Dispute.createMany","Dispute.createManyAndReturn","Dispute.updateOne","Dispute.updateMany","Dispute.updateManyAndReturn","Dispute.upsertOne","Dispute.deleteOne","Dispute.deleteMany","Dispute.groupBy","Dispute.aggregate","WebhookEvent.findUnique","WebhookEvent.findUniqueOrThrow","WebhookEvent.findFirst","WebhookEvent.findFirstOrThrow","WebhookEvent.findMany","WebhookEvent.createOne","WebhookEvent.createMany","WebhookEvent.createManyAndReturn","WebhookEvent.updateOne","WebhookEvent.updateMany","WebhookEvent.updateManyAndReturn","WebhookEvent.upsertOne","WebhookEvent.deleteOne","WebhookEvent.deleteMany","WebhookEvent.groupBy","WebhookEvent.aggregate","IdempotencyRecord.findUnique","IdempotencyRecord.findUniqueOrThrow","IdempotencyRecord.findFirst","IdempotencyRecord.findFirstOrThrow","IdempotencyRecord.findMany","IdempotencyRecord.createOne","IdempotencyRecord.createMany","IdempotencyRecord.createManyAndReturn","IdempotencyRecord.updateOne","IdempotencyRecord.updateMany","IdempotencyRecord.updateManyAndReturn","IdempotencyRecord.upsertOne","IdempotencyRecord.deleteOne","IdempotencyRecord.deleteMany","IdempotencyRecord.groupBy","IdempotencyRecord.aggregate","AuditLog.findUnique","AuditLog.findUniqueOrThrow","AuditLog.findFirst","AuditLog.findFirstOrThrow","AuditLog.findMany","AuditLog.createOne","AuditLog.createMany","AuditLog.createManyAndReturn","AuditLog.updateOne","AuditLog.updateMany","AuditLog.updateManyAndReturn","AuditLog.upsertOne","AuditLog.deleteOne","AuditLog.deleteMany","AuditLog.groupBy","AuditLog.aggregate","OutboxMessage.findUnique","OutboxMessage.findUniqueOrThrow","OutboxMessage.findFirst","OutboxMessage.findFirstOrThrow","OutboxMessage.findMany","OutboxMessage.createOne","OutboxMessage.createMany","OutboxMessage.createManyAndReturn","OutboxMessage.updateOne","OutboxMessage.updateMany","OutboxMessage.updateManyAndReturn","OutboxMessage.upsertOne","OutboxMessage.deleteOne","OutboxMessage.deleteMany","OutboxMessage.groupBy","OutboxMessage.aggregate","PaymentDailyStat.findUnique","PaymentDailyStat.findUniqueOrThrow","PaymentDailyStat.findFirst","PaymentDailyStat.findFirstOrThrow","PaymentDailyStat.findMany","PaymentDailyStat.createOne","PaymentDailyStat.createMany","PaymentDailyStat.createManyAndReturn","PaymentDailyStat.updateOne","PaymentDailyStat.updateMany","PaymentDailyStat.updateManyAndReturn","PaymentDailyStat.upsertOne","PaymentDailyStat.deleteOne","PaymentDailyStat.deleteMany","PaymentDailyStat.groupBy","PaymentDailyStat.aggregate","RateLimitBucket.findUnique","RateLimitBucket.findUniqueOrThrow","RateLimitBucket.findFirst","RateLimitBucket.findFirstOrThrow","RateLimitBucket.findMany","RateLimitBucket.createOne","RateLimitBucket.createMany","RateLimitBucket.createManyAndReturn","RateLimitBucket.updateOne","RateLimitBucket.updateMany","RateLimitBucket.updateManyAndReturn","RateLimitBucket.upsertOne","RateLimitBucket.deleteOne","RateLimitBucket.deleteMany","RateLimitBucket.groupBy","RateLimitBucket.aggregate","ConnectedAccount.findUnique","ConnectedAccount.findUniqueOrThrow","ConnectedAccount.findFirst","ConnectedAccount.findFirstOrThrow","ConnectedAccount.findMany","ConnectedAccount.createOne","ConnectedAccount.createMany","ConnectedAccount.createManyAndReturn","ConnectedAccount.updateOne","ConnectedAccount.updateMany","ConnectedAccount.updateManyAndReturn","ConnectedAccount.upsertOne","ConnectedAccount.deleteOne","ConnectedAccount.deleteMany","ConnectedAccount.groupBy","ConnectedAccount.aggregate","Payout.findUnique","Payout.findUniqueOrThrow","Payout.findFirst","Payout.findFirstOrThrow","Payout.findMany","Payout.createOne","Payout.createMany","Payout.createManyAndReturn","Payout.updateOne","Payout.updateMany","Payout.updateManyAndReturn","Payout.upsertOne","Payout.deleteOne","Payout.deleteMany","Payout.groupBy","Payout.aggregate","PromotionCode.findUnique","PromotionCode.findUniqueOrThrow","PromotionCode.findFirst","PromotionCode.findFirstOrThrow","PromotionCode.findMany","PromotionCode.createOne","PromotionCode.createMany","PromotionCode.createManyAndReturn","PromotionCode.updateOne","PromotionCode.updateMany","PromotionCode.updateManyAndReturn","PromotionCode.upsertOne","PromotionCode.deleteOne","PromotionCode.deleteMany","PromotionCode.groupBy","PromotionCode.aggregate","PromotionRedemption.findUnique","PromotionRedemption.findUniqueOrThrow","PromotionRedemption.findFirst","PromotionRedemption.findFirstOrThrow","PromotionRedemption.findMany","PromotionRedemption.createOne","PromotionRedemption.createMany","PromotionRedemption.createManyAndReturn","PromotionRedemption.updateOne","PromotionRedemption.updateMany","PromotionRedemption.updateManyAndReturn","PromotionRedemption.upsertOne","PromotionRedemption.deleteOne","PromotionRedemption.deleteMany","PromotionRedemption.groupBy","PromotionRedemption.aggregate","AND","OR","NOT","id","promotionCodeId","paymentId","learnerId","onceLearnerId","discountAmount","currency","PromotionRedemptionStatus","status","redeemedAt","createdAt","equals","in","notIn","lt","lte","gt","gte","not","contains","startsWith","endsWith","specialistId","code","normalizedCode","PromotionDiscountKind","kind","percentOff","amountOff","offeringIds","startsAt","endsAt","maxRedemptions","oncePerLearner","active","heldCount","redeemedCount","updatedAt","has","hasEvery","hasSome","stripePayoutId","stripeAccountId","amount","PayoutStatus","arrivalDate","automatic","failureCode","failureMessage","lastStripeEventAt","userId","chargesEnabled","payoutsEnabled","detailsSubmitted","currentlyDue","disabledReason","feeBpsOverride","every","some","none","key","points","expire","offeringId","day","grossAmount","refundedAmount","succeededCount","failedCount","refundedCount","disputedCount","disputeLostAmount","platformFeeAmount","dedupeKey","recipient","subject","payload","OutboxStatus","attempts","lastError","availableAt","sentAt","string_contains","string_starts_with","string_ends_with","array_starts_with","array_ends_with","array_contains","actorId","Role","actorRole","action","details","procedure","requestHash","lockedAt","responseStatus","responseBody","expiresAt","type","objectId","stripeCreatedAt","WebhookEventStatus","claimedUntil","receivedAt","processedAt","stripeDisputeId","reason","fee","closedAt","evidenceDueBy","submissionCount","evidence","evidenceRevision","evidenceSavedAt","submittedAt","stripeRefundId","RefundStatus","RefundReason","failureReason","requestedById","heldReversalAmount","heldReversalId","heldReversalError","enrollmentId","stripePaymentIntentId","stripeChargeId","stripeCustomerId","amountReceived","amountRefunded","refundWindowDays","PaymentStatus","stripeStatus","declineCode","paymentMethodType","cardBrand","cardLast4","receiptUrl","receiptEmail","description","metadata","idempotencyKey","succeededAt","failedAt","canceledAt","refundedAt","disputedAt","disputeStatus","amountLostToDisputes","disputeLostAt","webhookVerified","lastStripeEventId","applicationFeeAmount","destinationAccountId","stripeTransferId","transferReversedAmount","free","version","EnrollmentStatus","paymentStatus","paymentDate","title","OfferingKind","priceAmount","email","name","role","passwordHash","specialistId_normalizedCode","userId_key","specialistId_day_offeringId_currency","promotionCodeId_onceLearnerId","learnerId_offeringId","is","isNot","connectOrCreate","upsert","createMany","set","disconnect","delete","connect","updateMany","deleteMany","increment","decrement","multiply","divide","push"]'),
  graph: "kgmjAYACFQ0AAM0EACAUAADYBAAgFgAA1wQAIBcAALYEACAYAAC2BAAgGQAAywQAIBsAANkEACAeAADaBAAgHwAA2wQAICAAALcEACCpAgAA1QQAMKoCAAASABCrAgAA1QQAMKwCAQAAAAG2AkAA8wMAIdECQADzAwAhqwMBAAAAAdADAQAAAAHRAwEA-wMAIdIDAADWBIYDItMDAQDwAwAhAQAAAAEAIBIDAAD0AwAgDgAAtgQAIBQAANgEACAVAADlBAAgqQIAAOMEADCqAgAAAwAQqwIAAOMEADCsAgEA-wMAIbICAQD7AwAhtgJAAPMDACHCAgEA-wMAIcYCAADkBM8DIs4CIADvAwAh0QJAAPMDACGuAwIA_AMAIbcDAQD7AwAhzQMBAPsDACHPAwIA_AMAIQQDAACaBgAgDgAAhAgAIBQAAIMIACAVAACRCAAgEgMAAPQDACAOAAC2BAAgFAAA2AQAIBUAAOUEACCpAgAA4wQAMKoCAAADABCrAgAA4wQAMKwCAQAAAAGyAgEA-wMAIbYCQADzAwAhwgIBAPsDACHGAgAA5ATPAyLOAiAA7wMAIdECQADzAwAhrgMCAPwDACG3AwEA-wMAIc0DAQD7AwAhzwMCAPwDACEDAAAAAwAgAQAABAAwAgAABQAgEQQAAPQDACAFAADBBAAgCAAA0wQAIA4AALYEACCpAgAA4AQAMKoCAAAHABCrAgAA4AQAMKwCAQD7AwAhrgIBAPADACGvAgEA-wMAIbQCAADhBMsDIrYCQADzAwAh0QJAAPMDACHrAgEA-wMAIcIDIADvAwAhywMAAOIEsAMjzANAAPIDACEHBAAAmgYAIAUAAIsIACAIAACNCAAgDgAAhAgAIK4CAADmBAAgywMAAOYEACDMAwAA5gQAIBIEAAD0AwAgBQAAwQQAIAgAANMEACAOAAC2BAAgqQIAAOAEADCqAgAABwAQqwIAAOAEADCsAgEAAAABrgIBAAAAAa8CAQD7AwAhtAIAAOEEywMitgJAAPMDACHRAkAA8wMAIesCAQD7AwAhwgMgAO8DACHLAwAA4gSwAyPMA0AA8gMAIdgDAADfBAAgAwAAAAcAIAEAAAgAMAIAAAkAID0DAAD0AwAgBAAA9AMAIAUAAMEEACAGAADJBAAgBwAAygQAIAoAAMsEACALAADMBAAgDQAAzQQAIA8BAPADACESAADOBAAgEwAAzwQAIKkCAADHBAAwqgIAAAsAEKsCAADHBAAwrAIBAPsDACGtAgEA8AMAIa8CAQD7AwAhsQICAPwDACGyAgEA-wMAIbQCAADIBLADIrYCQADzAwAhwgIBAPsDACHRAkAA8wMAIdcCAgD8AwAh2wIBAPADACHcAgEA8AMAId0CQADyAwAh6wIBAPsDACGoAwEA-wMAIakDAQDwAwAhqgMBAPADACGrAwEA8AMAIawDAgD8AwAhrQMCAPwDACGuAwIA_AMAIbADAQDwAwAhsQMBAPADACGyAwEA8AMAIbMDAQDwAwAhtAMBAPADACG1AwEA8AMAIbYDAQDwAwAhtwMBAPADACG4AwAAiQQAILkDAQDwAwAhugNAAPIDACG7A0AA8gMAIbwDQADyAwAhvQNAAPIDACG-A0AA8gMAIb8DAQDwAwAhwAMCAPwDACHBA0AA8gMAIcIDIADvAwAhwwMBAPADACHEAwIA_AMAIcUDAQDwAwAhxgMBAPADACHHAwIA_AMAIcgDIADvAwAhyQMCAPwDACEBAAAACwAgAQAAAAcAIBMIAADGBAAgCQAA0gQAIKkCAADcBAAwqgIAAA4AEKsCAADcBAAwrAIBAPsDACGuAgEA-wMAIbICAQD7AwAhtAIAAN0EogMitgJAAPMDACHRAkAA8wMAIdcCAgD8AwAhlwMAAN4EowMioAMBAPADACGjAwEA8AMAIaQDAQDwAwAhpQMCAPEDACGmAwEA8AMAIacDAQDwAwAhCAgAAI0IACAJAACaBgAgoAMAAOYEACCjAwAA5gQAIKQDAADmBAAgpQMAAOYEACCmAwAA5gQAIKcDAADmBAAgEwgAAMYEACAJAADSBAAgqQIAANwEADCqAgAADgAQqwIAANwEADCsAgEAAAABrgIBAPsDACGyAgEA-wMAIbQCAADdBKIDIrYCQADzAwAh0QJAAPMDACHXAgIA_AMAIZcDAADeBKMDIqADAQAAAAGjAwEA8AMAIaQDAQDwAwAhpQMCAPEDACGmAwEAAAABpwMBAPADACEDAAAADgAgAQAADwAwAgAAEAAgFQ0AAM0EACAUAADYBAAgFgAA1wQAIBcAALYEACAYAAC2BAAgGQAAywQAIBsAANkEACAeAADaBAAgHwAA2wQAICAAALcEACCpAgAA1QQAMKoCAAASABCrAgAA1QQAMKwCAQD7AwAhtgJAAPMDACHRAkAA8wMAIasDAQDwAwAh0AMBAPsDACHRAwEA-wMAIdIDAADWBIYDItMDAQDwAwAhAQAAABIAIBUIAADGBAAgqQIAANQEADCqAgAAFAAQqwIAANQEADCsAgEA-wMAIa4CAQD7AwAhsgIBAPsDACG0AgEA-wMAIbYCQADzAwAh0QJAAPMDACHXAgIA_AMAIZYDAQD7AwAhlwMBAPADACGYAwIA8QMAIZkDQADyAwAhmgNAAPIDACGbAwIA_AMAIZwDAACJBAAgnQMCAPwDACGeA0AA8gMAIZ8DQADyAwAhBwgAAI0IACCXAwAA5gQAIJgDAADmBAAgmQMAAOYEACCaAwAA5gQAIJ4DAADmBAAgnwMAAOYEACAVCAAAxgQAIKkCAADUBAAwqgIAABQAEKsCAADUBAAwrAIBAAAAAa4CAQD7AwAhsgIBAPsDACG0AgEA-wMAIbYCQADzAwAh0QJAAPMDACHXAgIA_AMAIZYDAQAAAAGXAwEA8AMAIZgDAgDxAwAhmQNAAPIDACGaA0AA8gMAIZsDAgD8AwAhnAMAAIkEACCdAwIA_AMAIZ4DQADyAwAhnwNAAPIDACEDAAAAFAAgAQAAFQAwAgAAFgAgDggAANMEACAMAADSBAAgqQIAANAEADCqAgAAGAAQqwIAANAEADCsAgEA-wMAIa4CAQDwAwAhsgIBAPADACG2AkAA8wMAIdcCAgDxAwAhhAMBAPADACGGAwAA0QSGAyOHAwEA-wMAIYgDAACJBAAgBwgAAI0IACAMAACaBgAgrgIAAOYEACCyAgAA5gQAINcCAADmBAAghAMAAOYEACCGAwAA5gQAIA4IAADTBAAgDAAA0gQAIKkCAADQBAAwqgIAABgAEKsCAADQBAAwrAIBAAAAAa4CAQDwAwAhsgIBAPADACG2AkAA8wMAIdcCAgDxAwAhhAMBAPADACGGAwAA0QSGAyOHAwEA-wMAIYgDAACJBAAgAwAAABgAIAEAABkAMAIAABoAIAEAAAASACABAAAACwAgGAMAAPQDACAOAAC2BAAgEAAAtwQAIKkCAAC0BAAwqgIAAB4AEKsCAAC0BAAwrAIBAPsDACGyAgEA8AMAIbYCQADzAwAhwgIBAPsDACHDAgEA-wMAIcQCAQD7AwAhxgIAALUExgIixwICAPEDACHIAgIA8QMAIckCAADhAwAgygJAAPIDACHLAkAA8gMAIcwCAgDxAwAhzQIgAO8DACHOAiAA7wMAIc8CAgD8AwAh0AICAPwDACHRAkAA8wMAIQEAAAAeACAlAwAAmgYAIAQAAJoGACAFAACLCAAgBgAAjggAIAcAAI4IACAKAACFCAAgCwAAjwgAIA0AAIcIACAPAADmBAAgEgAAjAgAIBMAAJAIACCtAgAA5gQAINsCAADmBAAg3AIAAOYEACDdAgAA5gQAIKkDAADmBAAgqgMAAOYEACCrAwAA5gQAILADAADmBAAgsQMAAOYEACCyAwAA5gQAILMDAADmBAAgtAMAAOYEACC1AwAA5gQAILYDAADmBAAgtwMAAOYEACC5AwAA5gQAILoDAADmBAAguwMAAOYEACC8AwAA5gQAIL0DAADmBAAgvgMAAOYEACC_AwAA5gQAIMEDAADmBAAgwwMAAOYEACDFAwAA5gQAIMYDAADmBAAgPQMAAPQDACAEAAD0AwAgBQAAwQQAIAYAAMkEACAHAADKBAAgCgAAywQAIAsAAMwEACANAADNBAAgDwEA8AMAIRIAAM4EACATAADPBAAgqQIAAMcEADCqAgAACwAQqwIAAMcEADCsAgEAAAABrQIBAPADACGvAgEA-wMAIbECAgD8AwAhsgIBAPsDACG0AgAAyASwAyK2AkAA8wMAIcICAQD7AwAh0QJAAPMDACHXAgIA_AMAIdsCAQDwAwAh3AIBAPADACHdAkAA8gMAIesCAQD7AwAhqAMBAPsDACGpAwEAAAABqgMBAAAAAasDAQDwAwAhrAMCAPwDACGtAwIA_AMAIa4DAgD8AwAhsAMBAPADACGxAwEA8AMAIbIDAQDwAwAhswMBAPADACG0AwEA8AMAIbUDAQDwAwAhtgMBAPADACG3AwEA8AMAIbgDAACJBAAguQMBAPADACG6A0AA8gMAIbsDQADyAwAhvANAAPIDACG9A0AA8gMAIb4DQADyAwAhvwMBAPADACHAAwIA_AMAIcEDQADyAwAhwgMgAO8DACHDAwEA8AMAIcQDAgD8AwAhxQMBAPADACHGAwEAAAABxwMCAPwDACHIAyAA7wMAIckDAgD8AwAhAwAAAAsAIAEAACAAMAIAACEAIBAEAAD0AwAgCAAAxgQAIA8AAMUEACCpAgAAwwQAMKoCAAAjABCrAgAAwwQAMKwCAQD7AwAhrQIBAPsDACGuAgEA-wMAIa8CAQD7AwAhsAIBAPADACGxAgIA_AMAIbICAQD7AwAhtAIAAMQEtAIitQJAAPIDACG2AkAA8wMAIQUEAACaBgAgCAAAjQgAIA8AAIwIACCwAgAA5gQAILUCAADmBAAgEQQAAPQDACAIAADGBAAgDwAAxQQAIKkCAADDBAAwqgIAACMAEKsCAADDBAAwrAIBAAAAAa0CAQD7AwAhrgIBAAAAAa8CAQD7AwAhsAIBAPADACGxAgIA_AMAIbICAQD7AwAhtAIAAMQEtAIitQJAAPIDACG2AkAA8wMAIdcDAADCBAAgAwAAACMAIAEAACQAMAIAACUAIAEAAAALACABAAAAIwAgAQAAACMAIAEAAAAOACABAAAAFAAgAQAAABgAIAMAAAALACABAAAgADACAAAhACABAAAACwAgAwAAAAsAIAEAACAAMAIAACEAIBEFAADBBAAgqQIAAL8EADCqAgAAMAAQqwIAAL8EADCxAgQAwAQAIbICAQD7AwAhwgIBAPsDACHrAgEA-wMAIewCQADzAwAh7QIEAMAEACHuAgQAwAQAIe8CAgD8AwAh8AICAPwDACHxAgIA_AMAIfICAgD8AwAh8wIEAMAEACH0AgQAwAQAIQEFAACLCAAgEgUAAMEEACCpAgAAvwQAMKoCAAAwABCrAgAAvwQAMLECBADABAAhsgIBAPsDACHCAgEA-wMAIesCAQD7AwAh7AJAAPMDACHtAgQAwAQAIe4CBADABAAh7wICAPwDACHwAgIA_AMAIfECAgD8AwAh8gICAPwDACHzAgQAwAQAIfQCBADABAAh1gMAAL4EACADAAAAMAAgAQAAMQAwAgAAMgAgAQAAAAcAIAEAAAALACABAAAAMAAgAwAAAAcAIAEAAAgAMAIAAAkAIAMAAAALACABAAAgADACAAAhACADAAAACwAgAQAAIAAwAgAAIQAgAwAAAA4AIAEAAA8AMAIAABAAIA4aAAD0AwAgqQIAALwEADCqAgAAOwAQqwIAALwEADCsAgEA-wMAIbYCQADzAwAh3gIBAPsDACHoAgEA-wMAIYkDAQD7AwAhigMBAPsDACGLA0AA8gMAIYwDAgDxAwAhjQMAAL0EACCOA0AA8wMAIQQaAACaBgAgiwMAAOYEACCMAwAA5gQAII0DAADmBAAgDxoAAPQDACCpAgAAvAQAMKoCAAA7ABCrAgAAvAQAMKwCAQAAAAG2AkAA8wMAId4CAQD7AwAh6AIBAPsDACGJAwEA-wMAIYoDAQD7AwAhiwNAAPIDACGMAwIA8QMAIY0DAAC9BAAgjgNAAPMDACHVAwAAuwQAIAMAAAA7ACABAAA8ADACAAA9ACADAAAAGAAgAQAAGQAwAgAAGgAgEBoAAPQDACAdAAD1AwAgqQIAAO4DADCqAgAAQAAQqwIAAO4DADC2AkAA8wMAIdECQADzAwAh1gIBAPsDACHdAkAA8gMAId4CAQD7AwAh3wIgAO8DACHgAiAA7wMAIeECIADvAwAh4gIAAOEDACDjAgEA8AMAIeQCAgDxAwAhAQAAAEAAIBEcAAC6BAAgqQIAALgEADCqAgAAQgAQqwIAALgEADCsAgEA-wMAIbICAQD7AwAhtAIAALkE2QIitgJAAPMDACHRAkAA8wMAIdUCAQD7AwAh1gIBAPsDACHXAgIA_AMAIdkCQADzAwAh2gIgAO8DACHbAgEA8AMAIdwCAQDwAwAh3QJAAPIDACEEHAAAiAgAINsCAADmBAAg3AIAAOYEACDdAgAA5gQAIBEcAAC6BAAgqQIAALgEADCqAgAAQgAQqwIAALgEADCsAgEAAAABsgIBAPsDACG0AgAAuQTZAiK2AkAA8wMAIdECQADzAwAh1QIBAAAAAdYCAQD7AwAh1wICAPwDACHZAkAA8wMAIdoCIADvAwAh2wIBAPADACHcAgEA8AMAId0CQADyAwAhAwAAAEIAIAEAAEMAMAIAAEQAIAEAAABCACAJAwAAmgYAIA4AAIQIACAQAACKCAAgsgIAAOYEACDHAgAA5gQAIMgCAADmBAAgygIAAOYEACDLAgAA5gQAIMwCAADmBAAgGQMAAPQDACAOAAC2BAAgEAAAtwQAIKkCAAC0BAAwqgIAAB4AEKsCAAC0BAAwrAIBAAAAAbICAQDwAwAhtgJAAPMDACHCAgEA-wMAIcMCAQD7AwAhxAIBAPsDACHGAgAAtQTGAiLHAgIA8QMAIcgCAgDxAwAhyQIAAOEDACDKAkAA8gMAIcsCQADyAwAhzAICAPEDACHNAiAA7wMAIc4CIADvAwAhzwICAPwDACHQAgIA_AMAIdECQADzAwAh1AMAALMEACADAAAAHgAgAQAARwAwAgAASAAgAwAAACMAIAEAACQAMAIAACUAIAEAAAADACABAAAABwAgAQAAAAsAIAEAAAALACABAAAADgAgAQAAADsAIAEAAAAYACABAAAAHgAgAQAAACMAIAEAAAABACAMDQAAhwgAIBQAAIMIACAWAACCCAAgFwAAhAgAIBgAAIQIACAZAACFCAAgGwAAhggAIB4AAIgIACAfAACJCAAgIAAAiggAIKsDAADmBAAg0wMAAOYEACADAAAAEgAgAQAAVQAwAgAAAQAgAwAAABIAIAEAAFUAMAIAAAEAIAMAAAASACABAABVADACAAABACASDQAA_gcAIBQAAPkHACAWAAD4BwAgFwAA-gcAIBgAAPsHACAZAAD8BwAgGwAA_QcAIB4AAP8HACAfAACACAAgIAAAgQgAIKwCAQAAAAG2AkAAAAAB0QJAAAAAAasDAQAAAAHQAwEAAAAB0QMBAAAAAdIDAAAAhgMC0wMBAAAAAQEmAABZACAIrAIBAAAAAbYCQAAAAAHRAkAAAAABqwMBAAAAAdADAQAAAAHRAwEAAAAB0gMAAACGAwLTAwEAAAABASYAAFsAMAEmAABbADASDQAAlQcAIBQAAJAHACAWAACPBwAgFwAAkQcAIBgAAJIHACAZAACTBwAgGwAAlAcAIB4AAJYHACAfAACXBwAgIAAAmAcAIKwCAQDsBAAhtgJAAPEEACHRAkAA8QQAIasDAQDtBAAh0AMBAOwEACHRAwEA7AQAIdIDAACOB4YDItMDAQDtBAAhAgAAAAEAICYAAF4AIAisAgEA7AQAIbYCQADxBAAh0QJAAPEEACGrAwEA7QQAIdADAQDsBAAh0QMBAOwEACHSAwAAjgeGAyLTAwEA7QQAIQIAAAASACAmAABgACACAAAAEgAgJgAAYAAgAwAAAAEAIC0AAFkAIC4AAF4AIAEAAAABACABAAAAEgAgBREAAIsHACAzAACNBwAgNAAAjAcAIKsDAADmBAAg0wMAAOYEACALqQIAAK8EADCqAgAAZwAQqwIAAK8EADCsAgEAygMAIbYCQADPAwAh0QJAAM8DACGrAwEAywMAIdADAQDKAwAh0QMBAMoDACHSAwAAsASGAyLTAwEAywMAIQMAAAASACABAABmADAyAABnACADAAAAEgAgAQAAVQAwAgAAAQAgAQAAAAUAIAEAAAAFACADAAAAAwAgAQAABAAwAgAABQAgAwAAAAMAIAEAAAQAMAIAAAUAIAMAAAADACABAAAEADACAAAFACAPAwAAhwcAIA4AAIkHACAUAACIBwAgFQAAigcAIKwCAQAAAAGyAgEAAAABtgJAAAAAAcICAQAAAAHGAgAAAM8DAs4CIAAAAAHRAkAAAAABrgMCAAAAAbcDAQAAAAHNAwEAAAABzwMCAAAAAQEmAABvACALrAIBAAAAAbICAQAAAAG2AkAAAAABwgIBAAAAAcYCAAAAzwMCzgIgAAAAAdECQAAAAAGuAwIAAAABtwMBAAAAAc0DAQAAAAHPAwIAAAABASYAAHEAMAEmAABxADAPAwAA4gYAIA4AAOQGACAUAADjBgAgFQAA5QYAIKwCAQDsBAAhsgIBAOwEACG2AkAA8QQAIcICAQDsBAAhxgIAAOEGzwMizgIgAIAFACHRAkAA8QQAIa4DAgDuBAAhtwMBAOwEACHNAwEA7AQAIc8DAgDuBAAhAgAAAAUAICYAAHQAIAusAgEA7AQAIbICAQDsBAAhtgJAAPEEACHCAgEA7AQAIcYCAADhBs8DIs4CIACABQAh0QJAAPEEACGuAwIA7gQAIbcDAQDsBAAhzQMBAOwEACHPAwIA7gQAIQIAAAADACAmAAB2ACACAAAAAwAgJgAAdgAgAwAAAAUAIC0AAG8AIC4AAHQAIAEAAAAFACABAAAAAwAgBREAANwGACAzAADfBgAgNAAA3gYAIEUAAN0GACBGAADgBgAgDqkCAACrBAAwqgIAAH0AEKsCAACrBAAwrAIBAMoDACGyAgEAygMAIbYCQADPAwAhwgIBAMoDACHGAgAArATPAyLOAiAA4gMAIdECQADPAwAhrgMCAMwDACG3AwEAygMAIc0DAQDKAwAhzwMCAMwDACEDAAAAAwAgAQAAfAAwMgAAfQAgAwAAAAMAIAEAAAQAMAIAAAUAIAEAAAAJACABAAAACQAgAwAAAAcAIAEAAAgAMAIAAAkAIAMAAAAHACABAAAIADACAAAJACADAAAABwAgAQAACAAwAgAACQAgDgQAAPIFACAFAADzBQAgCAAA2wYAIA4AAPQFACCsAgEAAAABrgIBAAAAAa8CAQAAAAG0AgAAAMsDArYCQAAAAAHRAkAAAAAB6wIBAAAAAcIDIAAAAAHLAwAAALADA8wDQAAAAAEBJgAAhQEAIAqsAgEAAAABrgIBAAAAAa8CAQAAAAG0AgAAAMsDArYCQAAAAAHRAkAAAAAB6wIBAAAAAcIDIAAAAAHLAwAAALADA8wDQAAAAAEBJgAAhwEAMAEmAACHAQAwAQAAAAsAIA4EAADcBQAgBQAA3QUAIAgAANoGACAOAADeBQAgrAIBAOwEACGuAgEA7QQAIa8CAQDsBAAhtAIAANoFywMitgJAAPEEACHRAkAA8QQAIesCAQDsBAAhwgMgAIAFACHLAwAA2wWwAyPMA0AA8AQAIQIAAAAJACAmAACLAQAgCqwCAQDsBAAhrgIBAO0EACGvAgEA7AQAIbQCAADaBcsDIrYCQADxBAAh0QJAAPEEACHrAgEA7AQAIcIDIACABQAhywMAANsFsAMjzANAAPAEACECAAAABwAgJgAAjQEAIAIAAAAHACAmAACNAQAgAQAAAAsAIAMAAAAJACAtAACFAQAgLgAAiwEAIAEAAAAJACABAAAABwAgBhEAANcGACAzAADZBgAgNAAA2AYAIK4CAADmBAAgywMAAOYEACDMAwAA5gQAIA2pAgAApAQAMKoCAACVAQAQqwIAAKQEADCsAgEAygMAIa4CAQDLAwAhrwIBAMoDACG0AgAApQTLAyK2AkAAzwMAIdECQADPAwAh6wIBAMoDACHCAyAA4gMAIcsDAACmBLADI8wDQADOAwAhAwAAAAcAIAEAAJQBADAyAACVAQAgAwAAAAcAIAEAAAgAMAIAAAkAIAEAAAAhACABAAAAIQAgAwAAAAsAIAEAACAAMAIAACEAIAMAAAALACABAAAgADACAAAhACADAAAACwAgAQAAIAAwAgAAIQAgOgMAAOoFACAEAADpBQAgBQAA6wUAIAYAAPYFACAHAADsBQAgCgAA7QUAIAsAAO4FACANAADvBQAgDwEAAAABEgAA8AUAIBMAAPEFACCsAgEAAAABrQIBAAAAAa8CAQAAAAGxAgIAAAABsgIBAAAAAbQCAAAAsAMCtgJAAAAAAcICAQAAAAHRAkAAAAAB1wICAAAAAdsCAQAAAAHcAgEAAAAB3QJAAAAAAesCAQAAAAGoAwEAAAABqQMBAAAAAaoDAQAAAAGrAwEAAAABrAMCAAAAAa0DAgAAAAGuAwIAAAABsAMBAAAAAbEDAQAAAAGyAwEAAAABswMBAAAAAbQDAQAAAAG1AwEAAAABtgMBAAAAAbcDAQAAAAG4A4AAAAABuQMBAAAAAboDQAAAAAG7A0AAAAABvANAAAAAAb0DQAAAAAG-A0AAAAABvwMBAAAAAcADAgAAAAHBA0AAAAABwgMgAAAAAcMDAQAAAAHEAwIAAAABxQMBAAAAAcYDAQAAAAHHAwIAAAAByAMgAAAAAckDAgAAAAEBJgAAnQEAIDAPAQAAAAGsAgEAAAABrQIBAAAAAa8CAQAAAAGxAgIAAAABsgIBAAAAAbQCAAAAsAMCtgJAAAAAAcICAQAAAAHRAkAAAAAB1wICAAAAAdsCAQAAAAHcAgEAAAAB3QJAAAAAAesCAQAAAAGoAwEAAAABqQMBAAAAAaoDAQAAAAGrAwEAAAABrAMCAAAAAa0DAgAAAAGuAwIAAAABsAMBAAAAAbEDAQAAAAGyAwEAAAABswMBAAAAAbQDAQAAAAG1AwEAAAABtgMBAAAAAbcDAQAAAAG4A4AAAAABuQMBAAAAAboDQAAAAAG7A0AAAAABvANAAAAAAb0DQAAAAAG-A0AAAAABvwMBAAAAAcADAgAAAAHBA0AAAAABwgMgAAAAAcMDAQAAAAHEAwIAAAABxQMBAAAAAcYDAQAAAAHHAwIAAAAByAMgAAAAAckDAgAAAAEBJgAAnwEAMAEmAACfAQAwAQAAAB4AIDoDAACdBQAgBAAAnAUAIAUAAJ4FACAGAACfBQAgBwAAoAUAIAoAAKEFACALAACiBQAgDQAAowUAIA8BAO0EACESAADnBQAgEwAApAUAIKwCAQDsBAAhrQIBAO0EACGvAgEA7AQAIbECAgDuBAAhsgIBAOwEACG0AgAAmgWwAyK2AkAA8QQAIcICAQDsBAAh0QJAAPEEACHXAgIA7gQAIdsCAQDtBAAh3AIBAO0EACHdAkAA8AQAIesCAQDsBAAhqAMBAOwEACGpAwEA7QQAIaoDAQDtBAAhqwMBAO0EACGsAwIA7gQAIa0DAgDuBAAhrgMCAO4EACGwAwEA7QQAIbEDAQDtBAAhsgMBAO0EACGzAwEA7QQAIbQDAQDtBAAhtQMBAO0EACG2AwEA7QQAIbcDAQDtBAAhuAOAAAAAAbkDAQDtBAAhugNAAPAEACG7A0AA8AQAIbwDQADwBAAhvQNAAPAEACG-A0AA8AQAIb8DAQDtBAAhwAMCAO4EACHBA0AA8AQAIcIDIACABQAhwwMBAO0EACHEAwIA7gQAIcUDAQDtBAAhxgMBAO0EACHHAwIA7gQAIcgDIACABQAhyQMCAO4EACECAAAAIQAgJgAAowEAIDAPAQDtBAAhrAIBAOwEACGtAgEA7QQAIa8CAQDsBAAhsQICAO4EACGyAgEA7AQAIbQCAACaBbADIrYCQADxBAAhwgIBAOwEACHRAkAA8QQAIdcCAgDuBAAh2wIBAO0EACHcAgEA7QQAId0CQADwBAAh6wIBAOwEACGoAwEA7AQAIakDAQDtBAAhqgMBAO0EACGrAwEA7QQAIawDAgDuBAAhrQMCAO4EACGuAwIA7gQAIbADAQDtBAAhsQMBAO0EACGyAwEA7QQAIbMDAQDtBAAhtAMBAO0EACG1AwEA7QQAIbYDAQDtBAAhtwMBAO0EACG4A4AAAAABuQMBAO0EACG6A0AA8AQAIbsDQADwBAAhvANAAPAEACG9A0AA8AQAIb4DQADwBAAhvwMBAO0EACHAAwIA7gQAIcEDQADwBAAhwgMgAIAFACHDAwEA7QQAIcQDAgDuBAAhxQMBAO0EACHGAwEA7QQAIccDAgDuBAAhyAMgAIAFACHJAwIA7gQAIQIAAAALACAmAAClAQAgAgAAAAsAICYAAKUBACABAAAAHgAgAwAAACEAIC0AAJ0BACAuAACjAQAgAQAAACEAIAEAAAALACAgDwAA5gQAIBEAANIGACAzAADVBgAgNAAA1AYAIEUAANMGACBGAADWBgAgrQIAAOYEACDbAgAA5gQAINwCAADmBAAg3QIAAOYEACCpAwAA5gQAIKoDAADmBAAgqwMAAOYEACCwAwAA5gQAILEDAADmBAAgsgMAAOYEACCzAwAA5gQAILQDAADmBAAgtQMAAOYEACC2AwAA5gQAILcDAADmBAAguQMAAOYEACC6AwAA5gQAILsDAADmBAAgvAMAAOYEACC9AwAA5gQAIL4DAADmBAAgvwMAAOYEACDBAwAA5gQAIMMDAADmBAAgxQMAAOYEACDGAwAA5gQAIDMPAQDLAwAhqQIAAKAEADCqAgAArQEAEKsCAACgBAAwrAIBAMoDACGtAgEAywMAIa8CAQDKAwAhsQICAMwDACGyAgEAygMAIbQCAAChBLADIrYCQADPAwAhwgIBAMoDACHRAkAAzwMAIdcCAgDMAwAh2wIBAMsDACHcAgEAywMAId0CQADOAwAh6wIBAMoDACGoAwEAygMAIakDAQDLAwAhqgMBAMsDACGrAwEAywMAIawDAgDMAwAhrQMCAMwDACGuAwIAzAMAIbADAQDLAwAhsQMBAMsDACGyAwEAywMAIbMDAQDLAwAhtAMBAMsDACG1AwEAywMAIbYDAQDLAwAhtwMBAMsDACG4AwAAgwQAILkDAQDLAwAhugNAAM4DACG7A0AAzgMAIbwDQADOAwAhvQNAAM4DACG-A0AAzgMAIb8DAQDLAwAhwAMCAMwDACHBA0AAzgMAIcIDIADiAwAhwwMBAMsDACHEAwIAzAMAIcUDAQDLAwAhxgMBAMsDACHHAwIAzAMAIcgDIADiAwAhyQMCAMwDACEDAAAACwAgAQAArAEAMDIAAK0BACADAAAACwAgAQAAIAAwAgAAIQAgAQAAABAAIAEAAAAQACADAAAADgAgAQAADwAwAgAAEAAgAwAAAA4AIAEAAA8AMAIAABAAIAMAAAAOACABAAAPADACAAAQACAQCAAA0QYAIAkAANQFACCsAgEAAAABrgIBAAAAAbICAQAAAAG0AgAAAKIDArYCQAAAAAHRAkAAAAAB1wICAAAAAZcDAAAAowMCoAMBAAAAAaMDAQAAAAGkAwEAAAABpQMCAAAAAaYDAQAAAAGnAwEAAAABASYAALUBACAOrAIBAAAAAa4CAQAAAAGyAgEAAAABtAIAAACiAwK2AkAAAAAB0QJAAAAAAdcCAgAAAAGXAwAAAKMDAqADAQAAAAGjAwEAAAABpAMBAAAAAaUDAgAAAAGmAwEAAAABpwMBAAAAAQEmAAC3AQAwASYAALcBADABAAAAEgAgEAgAANAGACAJAADSBQAgrAIBAOwEACGuAgEA7AQAIbICAQDsBAAhtAIAAM8FogMitgJAAPEEACHRAkAA8QQAIdcCAgDuBAAhlwMAANAFowMioAMBAO0EACGjAwEA7QQAIaQDAQDtBAAhpQMCAP4EACGmAwEA7QQAIacDAQDtBAAhAgAAABAAICYAALsBACAOrAIBAOwEACGuAgEA7AQAIbICAQDsBAAhtAIAAM8FogMitgJAAPEEACHRAkAA8QQAIdcCAgDuBAAhlwMAANAFowMioAMBAO0EACGjAwEA7QQAIaQDAQDtBAAhpQMCAP4EACGmAwEA7QQAIacDAQDtBAAhAgAAAA4AICYAAL0BACACAAAADgAgJgAAvQEAIAEAAAASACADAAAAEAAgLQAAtQEAIC4AALsBACABAAAAEAAgAQAAAA4AIAsRAADLBgAgMwAAzgYAIDQAAM0GACBFAADMBgAgRgAAzwYAIKADAADmBAAgowMAAOYEACCkAwAA5gQAIKUDAADmBAAgpgMAAOYEACCnAwAA5gQAIBGpAgAAmQQAMKoCAADFAQAQqwIAAJkEADCsAgEAygMAIa4CAQDKAwAhsgIBAMoDACG0AgAAmgSiAyK2AkAAzwMAIdECQADPAwAh1wICAMwDACGXAwAAmwSjAyKgAwEAywMAIaMDAQDLAwAhpAMBAMsDACGlAwIA4AMAIaYDAQDLAwAhpwMBAMsDACEDAAAADgAgAQAAxAEAMDIAAMUBACADAAAADgAgAQAADwAwAgAAEAAgAQAAABYAIAEAAAAWACADAAAAFAAgAQAAFQAwAgAAFgAgAwAAABQAIAEAABUAMAIAABYAIAMAAAAUACABAAAVADACAAAWACASCAAAygYAIKwCAQAAAAGuAgEAAAABsgIBAAAAAbQCAQAAAAG2AkAAAAAB0QJAAAAAAdcCAgAAAAGWAwEAAAABlwMBAAAAAZgDAgAAAAGZA0AAAAABmgNAAAAAAZsDAgAAAAGcA4AAAAABnQMCAAAAAZ4DQAAAAAGfA0AAAAABASYAAM0BACARrAIBAAAAAa4CAQAAAAGyAgEAAAABtAIBAAAAAbYCQAAAAAHRAkAAAAAB1wICAAAAAZYDAQAAAAGXAwEAAAABmAMCAAAAAZkDQAAAAAGaA0AAAAABmwMCAAAAAZwDgAAAAAGdAwIAAAABngNAAAAAAZ8DQAAAAAEBJgAAzwEAMAEmAADPAQAwEggAAMkGACCsAgEA7AQAIa4CAQDsBAAhsgIBAOwEACG0AgEA7AQAIbYCQADxBAAh0QJAAPEEACHXAgIA7gQAIZYDAQDsBAAhlwMBAO0EACGYAwIA_gQAIZkDQADwBAAhmgNAAPAEACGbAwIA7gQAIZwDgAAAAAGdAwIA7gQAIZ4DQADwBAAhnwNAAPAEACECAAAAFgAgJgAA0gEAIBGsAgEA7AQAIa4CAQDsBAAhsgIBAOwEACG0AgEA7AQAIbYCQADxBAAh0QJAAPEEACHXAgIA7gQAIZYDAQDsBAAhlwMBAO0EACGYAwIA_gQAIZkDQADwBAAhmgNAAPAEACGbAwIA7gQAIZwDgAAAAAGdAwIA7gQAIZ4DQADwBAAhnwNAAPAEACECAAAAFAAgJgAA1AEAIAIAAAAUACAmAADUAQAgAwAAABYAIC0AAM0BACAuAADSAQAgAQAAABYAIAEAAAAUACALEQAAxAYAIDMAAMcGACA0AADGBgAgRQAAxQYAIEYAAMgGACCXAwAA5gQAIJgDAADmBAAgmQMAAOYEACCaAwAA5gQAIJ4DAADmBAAgnwMAAOYEACAUqQIAAJgEADCqAgAA2wEAEKsCAACYBAAwrAIBAMoDACGuAgEAygMAIbICAQDKAwAhtAIBAMoDACG2AkAAzwMAIdECQADPAwAh1wICAMwDACGWAwEAygMAIZcDAQDLAwAhmAMCAOADACGZA0AAzgMAIZoDQADOAwAhmwMCAMwDACGcAwAAgwQAIJ0DAgDMAwAhngNAAM4DACGfA0AAzgMAIQMAAAAUACABAADaAQAwMgAA2wEAIAMAAAAUACABAAAVADACAAAWACAOqQIAAJYEADCqAgAA4QEAEKsCAACWBAAwrAIBAAAAAbQCAACXBJMDIvgCAACJBAAg-gICAPwDACH7AgEA8AMAIY8DAQD7AwAhkAMBAPADACGRA0AA8wMAIZMDQADyAwAhlANAAPMDACGVA0AA8gMAIQEAAADeAQAgAQAAAN4BACAOqQIAAJYEADCqAgAA4QEAEKsCAACWBAAwrAIBAPsDACG0AgAAlwSTAyL4AgAAiQQAIPoCAgD8AwAh-wIBAPADACGPAwEA-wMAIZADAQDwAwAhkQNAAPMDACGTA0AA8gMAIZQDQADzAwAhlQNAAPIDACEE-wIAAOYEACCQAwAA5gQAIJMDAADmBAAglQMAAOYEACADAAAA4QEAIAEAAOIBADACAADeAQAgAwAAAOEBACABAADiAQAwAgAA3gEAIAMAAADhAQAgAQAA4gEAMAIAAN4BACALrAIBAAAAAbQCAAAAkwMC-AKAAAAAAfoCAgAAAAH7AgEAAAABjwMBAAAAAZADAQAAAAGRA0AAAAABkwNAAAAAAZQDQAAAAAGVA0AAAAABASYAAOYBACALrAIBAAAAAbQCAAAAkwMC-AKAAAAAAfoCAgAAAAH7AgEAAAABjwMBAAAAAZADAQAAAAGRA0AAAAABkwNAAAAAAZQDQAAAAAGVA0AAAAABASYAAOgBADABJgAA6AEAMAusAgEA7AQAIbQCAADDBpMDIvgCgAAAAAH6AgIA7gQAIfsCAQDtBAAhjwMBAOwEACGQAwEA7QQAIZEDQADxBAAhkwNAAPAEACGUA0AA8QQAIZUDQADwBAAhAgAAAN4BACAmAADrAQAgC6wCAQDsBAAhtAIAAMMGkwMi-AKAAAAAAfoCAgDuBAAh-wIBAO0EACGPAwEA7AQAIZADAQDtBAAhkQNAAPEEACGTA0AA8AQAIZQDQADxBAAhlQNAAPAEACECAAAA4QEAICYAAO0BACACAAAA4QEAICYAAO0BACADAAAA3gEAIC0AAOYBACAuAADrAQAgAQAAAN4BACABAAAA4QEAIAkRAAC-BgAgMwAAwQYAIDQAAMAGACBFAAC_BgAgRgAAwgYAIPsCAADmBAAgkAMAAOYEACCTAwAA5gQAIJUDAADmBAAgDqkCAACSBAAwqgIAAPQBABCrAgAAkgQAMKwCAQDKAwAhtAIAAJMEkwMi-AIAAIMEACD6AgIAzAMAIfsCAQDLAwAhjwMBAMoDACGQAwEAywMAIZEDQADPAwAhkwNAAM4DACGUA0AAzwMAIZUDQADOAwAhAwAAAOEBACABAADzAQAwMgAA9AEAIAMAAADhAQAgAQAA4gEAMAIAAN4BACABAAAAPQAgAQAAAD0AIAMAAAA7ACABAAA8ADACAAA9ACADAAAAOwAgAQAAPAAwAgAAPQAgAwAAADsAIAEAADwAMAIAAD0AIAsaAAC9BgAgrAIBAAAAAbYCQAAAAAHeAgEAAAAB6AIBAAAAAYkDAQAAAAGKAwEAAAABiwNAAAAAAYwDAgAAAAGNA4AAAAABjgNAAAAAAQEmAAD8AQAgCqwCAQAAAAG2AkAAAAAB3gIBAAAAAegCAQAAAAGJAwEAAAABigMBAAAAAYsDQAAAAAGMAwIAAAABjQOAAAAAAY4DQAAAAAEBJgAA_gEAMAEmAAD-AQAwCxoAALwGACCsAgEA7AQAIbYCQADxBAAh3gIBAOwEACHoAgEA7AQAIYkDAQDsBAAhigMBAOwEACGLA0AA8AQAIYwDAgD-BAAhjQOAAAAAAY4DQADxBAAhAgAAAD0AICYAAIECACAKrAIBAOwEACG2AkAA8QQAId4CAQDsBAAh6AIBAOwEACGJAwEA7AQAIYoDAQDsBAAhiwNAAPAEACGMAwIA_gQAIY0DgAAAAAGOA0AA8QQAIQIAAAA7ACAmAACDAgAgAgAAADsAICYAAIMCACADAAAAPQAgLQAA_AEAIC4AAIECACABAAAAPQAgAQAAADsAIAgRAAC3BgAgMwAAugYAIDQAALkGACBFAAC4BgAgRgAAuwYAIIsDAADmBAAgjAMAAOYEACCNAwAA5gQAIA2pAgAAjwQAMKoCAACKAgAQqwIAAI8EADCsAgEAygMAIbYCQADPAwAh3gIBAMoDACHoAgEAygMAIYkDAQDKAwAhigMBAMoDACGLA0AAzgMAIYwDAgDgAwAhjQMAAJAEACCOA0AAzwMAIQMAAAA7ACABAACJAgAwMgAAigIAIAMAAAA7ACABAAA8ADACAAA9ACABAAAAGgAgAQAAABoAIAMAAAAYACABAAAZADACAAAaACADAAAAGAAgAQAAGQAwAgAAGgAgAwAAABgAIAEAABkAMAIAABoAIAsIAAC2BgAgDAAAuAUAIKwCAQAAAAGuAgEAAAABsgIBAAAAAbYCQAAAAAHXAgIAAAABhAMBAAAAAYYDAAAAhgMDhwMBAAAAAYgDgAAAAAEBJgAAkgIAIAmsAgEAAAABrgIBAAAAAbICAQAAAAG2AkAAAAAB1wICAAAAAYQDAQAAAAGGAwAAAIYDA4cDAQAAAAGIA4AAAAABASYAAJQCADABJgAAlAIAMAEAAAASACABAAAACwAgCwgAALUGACAMAAC2BQAgrAIBAOwEACGuAgEA7QQAIbICAQDtBAAhtgJAAPEEACHXAgIA_gQAIYQDAQDtBAAhhgMAALQFhgMjhwMBAOwEACGIA4AAAAABAgAAABoAICYAAJkCACAJrAIBAOwEACGuAgEA7QQAIbICAQDtBAAhtgJAAPEEACHXAgIA_gQAIYQDAQDtBAAhhgMAALQFhgMjhwMBAOwEACGIA4AAAAABAgAAABgAICYAAJsCACACAAAAGAAgJgAAmwIAIAEAAAASACABAAAACwAgAwAAABoAIC0AAJICACAuAACZAgAgAQAAABoAIAEAAAAYACAKEQAAsAYAIDMAALMGACA0AACyBgAgRQAAsQYAIEYAALQGACCuAgAA5gQAILICAADmBAAg1wIAAOYEACCEAwAA5gQAIIYDAADmBAAgDKkCAACLBAAwqgIAAKQCABCrAgAAiwQAMKwCAQDKAwAhrgIBAMsDACGyAgEAywMAIbYCQADPAwAh1wICAOADACGEAwEAywMAIYYDAACMBIYDI4cDAQDKAwAhiAMAAIMEACADAAAAGAAgAQAAowIAMDIAAKQCACADAAAAGAAgAQAAGQAwAgAAGgAgD6kCAACIBAAwqgIAAKoCABCrAgAAiAQAMKwCAQAAAAG0AgAAigT6AiK2AkAA8wMAIcYCAQD7AwAh9QIBAAAAAfYCAQD7AwAh9wIBAPsDACH4AgAAiQQAIPoCAgD8AwAh-wIBAPADACH8AkAA8wMAIf0CQADyAwAhAQAAAKcCACABAAAApwIAIA-pAgAAiAQAMKoCAACqAgAQqwIAAIgEADCsAgEA-wMAIbQCAACKBPoCIrYCQADzAwAhxgIBAPsDACH1AgEA-wMAIfYCAQD7AwAh9wIBAPsDACH4AgAAiQQAIPoCAgD8AwAh-wIBAPADACH8AkAA8wMAIf0CQADyAwAhAvsCAADmBAAg_QIAAOYEACADAAAAqgIAIAEAAKsCADACAACnAgAgAwAAAKoCACABAACrAgAwAgAApwIAIAMAAACqAgAgAQAAqwIAMAIAAKcCACAMrAIBAAAAAbQCAAAA-gICtgJAAAAAAcYCAQAAAAH1AgEAAAAB9gIBAAAAAfcCAQAAAAH4AoAAAAAB-gICAAAAAfsCAQAAAAH8AkAAAAAB_QJAAAAAAQEmAACvAgAgDKwCAQAAAAG0AgAAAPoCArYCQAAAAAHGAgEAAAAB9QIBAAAAAfYCAQAAAAH3AgEAAAAB-AKAAAAAAfoCAgAAAAH7AgEAAAAB_AJAAAAAAf0CQAAAAAEBJgAAsQIAMAEmAACxAgAwDKwCAQDsBAAhtAIAAK8G-gIitgJAAPEEACHGAgEA7AQAIfUCAQDsBAAh9gIBAOwEACH3AgEA7AQAIfgCgAAAAAH6AgIA7gQAIfsCAQDtBAAh_AJAAPEEACH9AkAA8AQAIQIAAACnAgAgJgAAtAIAIAysAgEA7AQAIbQCAACvBvoCIrYCQADxBAAhxgIBAOwEACH1AgEA7AQAIfYCAQDsBAAh9wIBAOwEACH4AoAAAAAB-gICAO4EACH7AgEA7QQAIfwCQADxBAAh_QJAAPAEACECAAAAqgIAICYAALYCACACAAAAqgIAICYAALYCACADAAAApwIAIC0AAK8CACAuAAC0AgAgAQAAAKcCACABAAAAqgIAIAcRAACqBgAgMwAArQYAIDQAAKwGACBFAACrBgAgRgAArgYAIPsCAADmBAAg_QIAAOYEACAPqQIAAIIEADCqAgAAvQIAEKsCAACCBAAwrAIBAMoDACG0AgAAhAT6AiK2AkAAzwMAIcYCAQDKAwAh9QIBAMoDACH2AgEAygMAIfcCAQDKAwAh-AIAAIMEACD6AgIAzAMAIfsCAQDLAwAh_AJAAM8DACH9AkAAzgMAIQMAAACqAgAgAQAAvAIAMDIAAL0CACADAAAAqgIAIAEAAKsCADACAACnAgAgAQAAADIAIAEAAAAyACADAAAAMAAgAQAAMQAwAgAAMgAgAwAAADAAIAEAADEAMAIAADIAIAMAAAAwACABAAAxADACAAAyACAOBQAAqQYAILECBAAAAAGyAgEAAAABwgIBAAAAAesCAQAAAAHsAkAAAAAB7QIEAAAAAe4CBAAAAAHvAgIAAAAB8AICAAAAAfECAgAAAAHyAgIAAAAB8wIEAAAAAfQCBAAAAAEBJgAAxQIAIA2xAgQAAAABsgIBAAAAAcICAQAAAAHrAgEAAAAB7AJAAAAAAe0CBAAAAAHuAgQAAAAB7wICAAAAAfACAgAAAAHxAgIAAAAB8gICAAAAAfMCBAAAAAH0AgQAAAABASYAAMcCADABJgAAxwIAMA4FAACoBgAgsQIEAKcGACGyAgEA7AQAIcICAQDsBAAh6wIBAOwEACHsAkAA8QQAIe0CBACnBgAh7gIEAKcGACHvAgIA7gQAIfACAgDuBAAh8QICAO4EACHyAgIA7gQAIfMCBACnBgAh9AIEAKcGACECAAAAMgAgJgAAygIAIA2xAgQApwYAIbICAQDsBAAhwgIBAOwEACHrAgEA7AQAIewCQADxBAAh7QIEAKcGACHuAgQApwYAIe8CAgDuBAAh8AICAO4EACHxAgIA7gQAIfICAgDuBAAh8wIEAKcGACH0AgQApwYAIQIAAAAwACAmAADMAgAgAgAAADAAICYAAMwCACADAAAAMgAgLQAAxQIAIC4AAMoCACABAAAAMgAgAQAAADAAIAURAACiBgAgMwAApQYAIDQAAKQGACBFAACjBgAgRgAApgYAIBCpAgAA_gMAMKoCAADTAgAQqwIAAP4DADCxAgQA_wMAIbICAQDKAwAhwgIBAMoDACHrAgEAygMAIewCQADPAwAh7QIEAP8DACHuAgQA_wMAIe8CAgDMAwAh8AICAMwDACHxAgIAzAMAIfICAgDMAwAh8wIEAP8DACH0AgQA_wMAIQMAAAAwACABAADSAgAwMgAA0wIAIAMAAAAwACABAAAxADACAAAyACAGqQIAAPoDADCqAgAA2QIAEKsCAAD6AwAw6AIBAAAAAekCAgD8AwAh6gIEAP0DACEBAAAA1gIAIAEAAADWAgAgBqkCAAD6AwAwqgIAANkCABCrAgAA-gMAMOgCAQD7AwAh6QICAPwDACHqAgQA_QMAIQHqAgAA5gQAIAMAAADZAgAgAQAA2gIAMAIAANYCACADAAAA2QIAIAEAANoCADACAADWAgAgAwAAANkCACABAADaAgAwAgAA1gIAIAPoAgEAAAAB6QICAAAAAeoCBAAAAAEBJgAA3gIAIAPoAgEAAAAB6QICAAAAAeoCBAAAAAEBJgAA4AIAMAEmAADgAgAwA-gCAQDsBAAh6QICAO4EACHqAgQAoQYAIQIAAADWAgAgJgAA4wIAIAPoAgEA7AQAIekCAgDuBAAh6gIEAKEGACECAAAA2QIAICYAAOUCACACAAAA2QIAICYAAOUCACADAAAA1gIAIC0AAN4CACAuAADjAgAgAQAAANYCACABAAAA2QIAIAYRAACcBgAgMwAAnwYAIDQAAJ4GACBFAACdBgAgRgAAoAYAIOoCAADmBAAgBqkCAAD2AwAwqgIAAOwCABCrAgAA9gMAMOgCAQDKAwAh6QICAMwDACHqAgQA9wMAIQMAAADZAgAgAQAA6wIAMDIAAOwCACADAAAA2QIAIAEAANoCADACAADWAgAgEBoAAPQDACAdAAD1AwAgqQIAAO4DADCqAgAAQAAQqwIAAO4DADC2AkAA8wMAIdECQADzAwAh1gIBAAAAAd0CQADyAwAh3gIBAAAAAd8CIADvAwAh4AIgAO8DACHhAiAA7wMAIeICAADhAwAg4wIBAPADACHkAgIA8QMAIQEAAADvAgAgAQAAAO8CACAFGgAAmgYAIB0AAJsGACDdAgAA5gQAIOMCAADmBAAg5AIAAOYEACADAAAAQAAgAQAA8gIAMAIAAO8CACADAAAAQAAgAQAA8gIAMAIAAO8CACADAAAAQAAgAQAA8gIAMAIAAO8CACANGgAAmAYAIB0AAJkGACC2AkAAAAAB0QJAAAAAAdYCAQAAAAHdAkAAAAAB3gIBAAAAAd8CIAAAAAHgAiAAAAAB4QIgAAAAAeICAACXBgAg4wIBAAAAAeQCAgAAAAEBJgAA9gIAIAu2AkAAAAAB0QJAAAAAAdYCAQAAAAHdAkAAAAAB3gIBAAAAAd8CIAAAAAHgAiAAAAAB4QIgAAAAAeICAACXBgAg4wIBAAAAAeQCAgAAAAEBJgAA-AIAMAEmAAD4AgAwDRoAAIkGACAdAACKBgAgtgJAAPEEACHRAkAA8QQAIdYCAQDsBAAh3QJAAPAEACHeAgEA7AQAId8CIACABQAh4AIgAIAFACHhAiAAgAUAIeICAACIBgAg4wIBAO0EACHkAgIA_gQAIQIAAADvAgAgJgAA-wIAIAu2AkAA8QQAIdECQADxBAAh1gIBAOwEACHdAkAA8AQAId4CAQDsBAAh3wIgAIAFACHgAiAAgAUAIeECIACABQAh4gIAAIgGACDjAgEA7QQAIeQCAgD-BAAhAgAAAEAAICYAAP0CACACAAAAQAAgJgAA_QIAIAMAAADvAgAgLQAA9gIAIC4AAPsCACABAAAA7wIAIAEAAABAACAIEQAAgwYAIDMAAIYGACA0AACFBgAgRQAAhAYAIEYAAIcGACDdAgAA5gQAIOMCAADmBAAg5AIAAOYEACAOqQIAAO0DADCqAgAAhAMAEKsCAADtAwAwtgJAAM8DACHRAkAAzwMAIdYCAQDKAwAh3QJAAM4DACHeAgEAygMAId8CIADiAwAh4AIgAOIDACHhAiAA4gMAIeICAADhAwAg4wIBAMsDACHkAgIA4AMAIQMAAABAACABAACDAwAwMgAAhAMAIAMAAABAACABAADyAgAwAgAA7wIAIAEAAABEACABAAAARAAgAwAAAEIAIAEAAEMAMAIAAEQAIAMAAABCACABAABDADACAABEACADAAAAQgAgAQAAQwAwAgAARAAgDhwAAIIGACCsAgEAAAABsgIBAAAAAbQCAAAA2QICtgJAAAAAAdECQAAAAAHVAgEAAAAB1gIBAAAAAdcCAgAAAAHZAkAAAAAB2gIgAAAAAdsCAQAAAAHcAgEAAAAB3QJAAAAAAQEmAACMAwAgDawCAQAAAAGyAgEAAAABtAIAAADZAgK2AkAAAAAB0QJAAAAAAdUCAQAAAAHWAgEAAAAB1wICAAAAAdkCQAAAAAHaAiAAAAAB2wIBAAAAAdwCAQAAAAHdAkAAAAABASYAAI4DADABJgAAjgMAMA4cAACBBgAgrAIBAOwEACGyAgEA7AQAIbQCAACABtkCIrYCQADxBAAh0QJAAPEEACHVAgEA7AQAIdYCAQDsBAAh1wICAO4EACHZAkAA8QQAIdoCIACABQAh2wIBAO0EACHcAgEA7QQAId0CQADwBAAhAgAAAEQAICYAAJEDACANrAIBAOwEACGyAgEA7AQAIbQCAACABtkCIrYCQADxBAAh0QJAAPEEACHVAgEA7AQAIdYCAQDsBAAh1wICAO4EACHZAkAA8QQAIdoCIACABQAh2wIBAO0EACHcAgEA7QQAId0CQADwBAAhAgAAAEIAICYAAJMDACACAAAAQgAgJgAAkwMAIAMAAABEACAtAACMAwAgLgAAkQMAIAEAAABEACABAAAAQgAgCBEAAPsFACAzAAD-BQAgNAAA_QUAIEUAAPwFACBGAAD_BQAg2wIAAOYEACDcAgAA5gQAIN0CAADmBAAgEKkCAADpAwAwqgIAAJoDABCrAgAA6QMAMKwCAQDKAwAhsgIBAMoDACG0AgAA6gPZAiK2AkAAzwMAIdECQADPAwAh1QIBAMoDACHWAgEAygMAIdcCAgDMAwAh2QJAAM8DACHaAiAA4gMAIdsCAQDLAwAh3AIBAMsDACHdAkAAzgMAIQMAAABCACABAACZAwAwMgAAmgMAIAMAAABCACABAABDADACAABEACABAAAASAAgAQAAAEgAIAMAAAAeACABAABHADACAABIACADAAAAHgAgAQAARwAwAgAASAAgAwAAAB4AIAEAAEcAMAIAAEgAIBUDAAD4BQAgDgAA-QUAIBAAAPoFACCsAgEAAAABsgIBAAAAAbYCQAAAAAHCAgEAAAABwwIBAAAAAcQCAQAAAAHGAgAAAMYCAscCAgAAAAHIAgIAAAAByQIAAPcFACDKAkAAAAABywJAAAAAAcwCAgAAAAHNAiAAAAABzgIgAAAAAc8CAgAAAAHQAgIAAAAB0QJAAAAAAQEmAACiAwAgEqwCAQAAAAGyAgEAAAABtgJAAAAAAcICAQAAAAHDAgEAAAABxAIBAAAAAcYCAAAAxgICxwICAAAAAcgCAgAAAAHJAgAA9wUAIMoCQAAAAAHLAkAAAAABzAICAAAAAc0CIAAAAAHOAiAAAAABzwICAAAAAdACAgAAAAHRAkAAAAABASYAAKQDADABJgAApAMAMBUDAACBBQAgDgAAggUAIBAAAIMFACCsAgEA7AQAIbICAQDtBAAhtgJAAPEEACHCAgEA7AQAIcMCAQDsBAAhxAIBAOwEACHGAgAA_QTGAiLHAgIA_gQAIcgCAgD-BAAhyQIAAP8EACDKAkAA8AQAIcsCQADwBAAhzAICAP4EACHNAiAAgAUAIc4CIACABQAhzwICAO4EACHQAgIA7gQAIdECQADxBAAhAgAAAEgAICYAAKcDACASrAIBAOwEACGyAgEA7QQAIbYCQADxBAAhwgIBAOwEACHDAgEA7AQAIcQCAQDsBAAhxgIAAP0ExgIixwICAP4EACHIAgIA_gQAIckCAAD_BAAgygJAAPAEACHLAkAA8AQAIcwCAgD-BAAhzQIgAIAFACHOAiAAgAUAIc8CAgDuBAAh0AICAO4EACHRAkAA8QQAIQIAAAAeACAmAACpAwAgAgAAAB4AICYAAKkDACADAAAASAAgLQAAogMAIC4AAKcDACABAAAASAAgAQAAAB4AIAsRAAD4BAAgMwAA-wQAIDQAAPoEACBFAAD5BAAgRgAA_AQAILICAADmBAAgxwIAAOYEACDIAgAA5gQAIMoCAADmBAAgywIAAOYEACDMAgAA5gQAIBWpAgAA3gMAMKoCAACwAwAQqwIAAN4DADCsAgEAygMAIbICAQDLAwAhtgJAAM8DACHCAgEAygMAIcMCAQDKAwAhxAIBAMoDACHGAgAA3wPGAiLHAgIA4AMAIcgCAgDgAwAhyQIAAOEDACDKAkAAzgMAIcsCQADOAwAhzAICAOADACHNAiAA4gMAIc4CIADiAwAhzwICAMwDACHQAgIAzAMAIdECQADPAwAhAwAAAB4AIAEAAK8DADAyAACwAwAgAwAAAB4AIAEAAEcAMAIAAEgAIAEAAAAlACABAAAAJQAgAwAAACMAIAEAACQAMAIAACUAIAMAAAAjACABAAAkADACAAAlACADAAAAIwAgAQAAJAAwAgAAJQAgDQQAAPcEACAIAAD2BAAgDwAA9QQAIKwCAQAAAAGtAgEAAAABrgIBAAAAAa8CAQAAAAGwAgEAAAABsQICAAAAAbICAQAAAAG0AgAAALQCArUCQAAAAAG2AkAAAAABASYAALgDACAKrAIBAAAAAa0CAQAAAAGuAgEAAAABrwIBAAAAAbACAQAAAAGxAgIAAAABsgIBAAAAAbQCAAAAtAICtQJAAAAAAbYCQAAAAAEBJgAAugMAMAEmAAC6AwAwDQQAAPQEACAIAADzBAAgDwAA8gQAIKwCAQDsBAAhrQIBAOwEACGuAgEA7AQAIa8CAQDsBAAhsAIBAO0EACGxAgIA7gQAIbICAQDsBAAhtAIAAO8EtAIitQJAAPAEACG2AkAA8QQAIQIAAAAlACAmAAC9AwAgCqwCAQDsBAAhrQIBAOwEACGuAgEA7AQAIa8CAQDsBAAhsAIBAO0EACGxAgIA7gQAIbICAQDsBAAhtAIAAO8EtAIitQJAAPAEACG2AkAA8QQAIQIAAAAjACAmAAC_AwAgAgAAACMAICYAAL8DACADAAAAJQAgLQAAuAMAIC4AAL0DACABAAAAJQAgAQAAACMAIAcRAADnBAAgMwAA6gQAIDQAAOkEACBFAADoBAAgRgAA6wQAILACAADmBAAgtQIAAOYEACANqQIAAMkDADCqAgAAxgMAEKsCAADJAwAwrAIBAMoDACGtAgEAygMAIa4CAQDKAwAhrwIBAMoDACGwAgEAywMAIbECAgDMAwAhsgIBAMoDACG0AgAAzQO0AiK1AkAAzgMAIbYCQADPAwAhAwAAACMAIAEAAMUDADAyAADGAwAgAwAAACMAIAEAACQAMAIAACUAIA2pAgAAyQMAMKoCAADGAwAQqwIAAMkDADCsAgEAygMAIa0CAQDKAwAhrgIBAMoDACGvAgEAygMAIbACAQDLAwAhsQICAMwDACGyAgEAygMAIbQCAADNA7QCIrUCQADOAwAhtgJAAM8DACEOEQAA0QMAIDMAAN0DACA0AADdAwAgtwIBAAAAAbgCAQAAAAS5AgEAAAAEugIBAAAAAbsCAQAAAAG8AgEAAAABvQIBAAAAAb4CAQDcAwAhvwIBAAAAAcACAQAAAAHBAgEAAAABDhEAANQDACAzAADbAwAgNAAA2wMAILcCAQAAAAG4AgEAAAAFuQIBAAAABboCAQAAAAG7AgEAAAABvAIBAAAAAb0CAQAAAAG-AgEA2gMAIb8CAQAAAAHAAgEAAAABwQIBAAAAAQ0RAADRAwAgMwAA0QMAIDQAANEDACBFAADZAwAgRgAA0QMAILcCAgAAAAG4AgIAAAAEuQICAAAABLoCAgAAAAG7AgIAAAABvAICAAAAAb0CAgAAAAG-AgIA2AMAIQcRAADRAwAgMwAA1wMAIDQAANcDACC3AgAAALQCArgCAAAAtAIIuQIAAAC0Agi-AgAA1gO0AiILEQAA1AMAIDMAANUDACA0AADVAwAgtwJAAAAAAbgCQAAAAAW5AkAAAAAFugJAAAAAAbsCQAAAAAG8AkAAAAABvQJAAAAAAb4CQADTAwAhCxEAANEDACAzAADSAwAgNAAA0gMAILcCQAAAAAG4AkAAAAAEuQJAAAAABLoCQAAAAAG7AkAAAAABvAJAAAAAAb0CQAAAAAG-AkAA0AMAIQsRAADRAwAgMwAA0gMAIDQAANIDACC3AkAAAAABuAJAAAAABLkCQAAAAAS6AkAAAAABuwJAAAAAAbwCQAAAAAG9AkAAAAABvgJAANADACEItwICAAAAAbgCAgAAAAS5AgIAAAAEugICAAAAAbsCAgAAAAG8AgIAAAABvQICAAAAAb4CAgDRAwAhCLcCQAAAAAG4AkAAAAAEuQJAAAAABLoCQAAAAAG7AkAAAAABvAJAAAAAAb0CQAAAAAG-AkAA0gMAIQsRAADUAwAgMwAA1QMAIDQAANUDACC3AkAAAAABuAJAAAAABbkCQAAAAAW6AkAAAAABuwJAAAAAAbwCQAAAAAG9AkAAAAABvgJAANMDACEItwICAAAAAbgCAgAAAAW5AgIAAAAFugICAAAAAbsCAgAAAAG8AgIAAAABvQICAAAAAb4CAgDUAwAhCLcCQAAAAAG4AkAAAAAFuQJAAAAABboCQAAAAAG7AkAAAAABvAJAAAAAAb0CQAAAAAG-AkAA1QMAIQcRAADRAwAgMwAA1wMAIDQAANcDACC3AgAAALQCArgCAAAAtAIIuQIAAAC0Agi-AgAA1gO0AiIEtwIAAAC0AgK4AgAAALQCCLkCAAAAtAIIvgIAANcDtAIiDREAANEDACAzAADRAwAgNAAA0QMAIEUAANkDACBGAADRAwAgtwICAAAAAbgCAgAAAAS5AgIAAAAEugICAAAAAbsCAgAAAAG8AgIAAAABvQICAAAAAb4CAgDYAwAhCLcCCAAAAAG4AggAAAAEuQIIAAAABLoCCAAAAAG7AggAAAABvAIIAAAAAb0CCAAAAAG-AggA2QMAIQ4RAADUAwAgMwAA2wMAIDQAANsDACC3AgEAAAABuAIBAAAABbkCAQAAAAW6AgEAAAABuwIBAAAAAbwCAQAAAAG9AgEAAAABvgIBANoDACG_AgEAAAABwAIBAAAAAcECAQAAAAELtwIBAAAAAbgCAQAAAAW5AgEAAAAFugIBAAAAAbsCAQAAAAG8AgEAAAABvQIBAAAAAb4CAQDbAwAhvwIBAAAAAcACAQAAAAHBAgEAAAABDhEAANEDACAzAADdAwAgNAAA3QMAILcCAQAAAAG4AgEAAAAEuQIBAAAABLoCAQAAAAG7AgEAAAABvAIBAAAAAb0CAQAAAAG-AgEA3AMAIb8CAQAAAAHAAgEAAAABwQIBAAAAAQu3AgEAAAABuAIBAAAABLkCAQAAAAS6AgEAAAABuwIBAAAAAbwCAQAAAAG9AgEAAAABvgIBAN0DACG_AgEAAAABwAIBAAAAAcECAQAAAAEVqQIAAN4DADCqAgAAsAMAEKsCAADeAwAwrAIBAMoDACGyAgEAywMAIbYCQADPAwAhwgIBAMoDACHDAgEAygMAIcQCAQDKAwAhxgIAAN8DxgIixwICAOADACHIAgIA4AMAIckCAADhAwAgygJAAM4DACHLAkAAzgMAIcwCAgDgAwAhzQIgAOIDACHOAiAA4gMAIc8CAgDMAwAh0AICAMwDACHRAkAAzwMAIQcRAADRAwAgMwAA6AMAIDQAAOgDACC3AgAAAMYCArgCAAAAxgIIuQIAAADGAgi-AgAA5wPGAiINEQAA1AMAIDMAANQDACA0AADUAwAgRQAA5gMAIEYAANQDACC3AgIAAAABuAICAAAABbkCAgAAAAW6AgIAAAABuwICAAAAAbwCAgAAAAG9AgIAAAABvgICAOUDACEEtwIBAAAABdICAQAAAAHTAgEAAAAE1AIBAAAABAURAADRAwAgMwAA5AMAIDQAAOQDACC3AiAAAAABvgIgAOMDACEFEQAA0QMAIDMAAOQDACA0AADkAwAgtwIgAAAAAb4CIADjAwAhArcCIAAAAAG-AiAA5AMAIQ0RAADUAwAgMwAA1AMAIDQAANQDACBFAADmAwAgRgAA1AMAILcCAgAAAAG4AgIAAAAFuQICAAAABboCAgAAAAG7AgIAAAABvAICAAAAAb0CAgAAAAG-AgIA5QMAIQi3AggAAAABuAIIAAAABbkCCAAAAAW6AggAAAABuwIIAAAAAbwCCAAAAAG9AggAAAABvgIIAOYDACEHEQAA0QMAIDMAAOgDACA0AADoAwAgtwIAAADGAgK4AgAAAMYCCLkCAAAAxgIIvgIAAOcDxgIiBLcCAAAAxgICuAIAAADGAgi5AgAAAMYCCL4CAADoA8YCIhCpAgAA6QMAMKoCAACaAwAQqwIAAOkDADCsAgEAygMAIbICAQDKAwAhtAIAAOoD2QIitgJAAM8DACHRAkAAzwMAIdUCAQDKAwAh1gIBAMoDACHXAgIAzAMAIdkCQADPAwAh2gIgAOIDACHbAgEAywMAIdwCAQDLAwAh3QJAAM4DACEHEQAA0QMAIDMAAOwDACA0AADsAwAgtwIAAADZAgK4AgAAANkCCLkCAAAA2QIIvgIAAOsD2QIiBxEAANEDACAzAADsAwAgNAAA7AMAILcCAAAA2QICuAIAAADZAgi5AgAAANkCCL4CAADrA9kCIgS3AgAAANkCArgCAAAA2QIIuQIAAADZAgi-AgAA7APZAiIOqQIAAO0DADCqAgAAhAMAEKsCAADtAwAwtgJAAM8DACHRAkAAzwMAIdYCAQDKAwAh3QJAAM4DACHeAgEAygMAId8CIADiAwAh4AIgAOIDACHhAiAA4gMAIeICAADhAwAg4wIBAMsDACHkAgIA4AMAIRAaAAD0AwAgHQAA9QMAIKkCAADuAwAwqgIAAEAAEKsCAADuAwAwtgJAAPMDACHRAkAA8wMAIdYCAQD7AwAh3QJAAPIDACHeAgEA-wMAId8CIADvAwAh4AIgAO8DACHhAiAA7wMAIeICAADhAwAg4wIBAPADACHkAgIA8QMAIQK3AiAAAAABvgIgAOQDACELtwIBAAAAAbgCAQAAAAW5AgEAAAAFugIBAAAAAbsCAQAAAAG8AgEAAAABvQIBAAAAAb4CAQDbAwAhvwIBAAAAAcACAQAAAAHBAgEAAAABCLcCAgAAAAG4AgIAAAAFuQICAAAABboCAgAAAAG7AgIAAAABvAICAAAAAb0CAgAAAAG-AgIA1AMAIQi3AkAAAAABuAJAAAAABbkCQAAAAAW6AkAAAAABuwJAAAAAAbwCQAAAAAG9AkAAAAABvgJAANUDACEItwJAAAAAAbgCQAAAAAS5AkAAAAAEugJAAAAAAbsCQAAAAAG8AkAAAAABvQJAAAAAAb4CQADSAwAhFw0AAM0EACAUAADYBAAgFgAA1wQAIBcAALYEACAYAAC2BAAgGQAAywQAIBsAANkEACAeAADaBAAgHwAA2wQAICAAALcEACCpAgAA1QQAMKoCAAASABCrAgAA1QQAMKwCAQD7AwAhtgJAAPMDACHRAkAA8wMAIasDAQDwAwAh0AMBAPsDACHRAwEA-wMAIdIDAADWBIYDItMDAQDwAwAh2QMAABIAINoDAAASACAD5QIAAEIAIOYCAABCACDnAgAAQgAgBqkCAAD2AwAwqgIAAOwCABCrAgAA9gMAMOgCAQDKAwAh6QICAMwDACHqAgQA9wMAIQ0RAADUAwAgMwAA-QMAIDQAAPkDACBFAADmAwAgRgAA-QMAILcCBAAAAAG4AgQAAAAFuQIEAAAABboCBAAAAAG7AgQAAAABvAIEAAAAAb0CBAAAAAG-AgQA-AMAIQ0RAADUAwAgMwAA-QMAIDQAAPkDACBFAADmAwAgRgAA-QMAILcCBAAAAAG4AgQAAAAFuQIEAAAABboCBAAAAAG7AgQAAAABvAIEAAAAAb0CBAAAAAG-AgQA-AMAIQi3AgQAAAABuAIEAAAABbkCBAAAAAW6AgQAAAABuwIEAAAAAbwCBAAAAAG9AgQAAAABvgIEAPkDACEGqQIAAPoDADCqAgAA2QIAEKsCAAD6AwAw6AIBAPsDACHpAgIA_AMAIeoCBAD9AwAhC7cCAQAAAAG4AgEAAAAEuQIBAAAABLoCAQAAAAG7AgEAAAABvAIBAAAAAb0CAQAAAAG-AgEA3QMAIb8CAQAAAAHAAgEAAAABwQIBAAAAAQi3AgIAAAABuAICAAAABLkCAgAAAAS6AgIAAAABuwICAAAAAbwCAgAAAAG9AgIAAAABvgICANEDACEItwIEAAAAAbgCBAAAAAW5AgQAAAAFugIEAAAAAbsCBAAAAAG8AgQAAAABvQIEAAAAAb4CBAD5AwAhEKkCAAD-AwAwqgIAANMCABCrAgAA_gMAMLECBAD_AwAhsgIBAMoDACHCAgEAygMAIesCAQDKAwAh7AJAAM8DACHtAgQA_wMAIe4CBAD_AwAh7wICAMwDACHwAgIAzAMAIfECAgDMAwAh8gICAMwDACHzAgQA_wMAIfQCBAD_AwAhDREAANEDACAzAACBBAAgNAAAgQQAIEUAANkDACBGAACBBAAgtwIEAAAAAbgCBAAAAAS5AgQAAAAEugIEAAAAAbsCBAAAAAG8AgQAAAABvQIEAAAAAb4CBACABAAhDREAANEDACAzAACBBAAgNAAAgQQAIEUAANkDACBGAACBBAAgtwIEAAAAAbgCBAAAAAS5AgQAAAAEugIEAAAAAbsCBAAAAAG8AgQAAAABvQIEAAAAAb4CBACABAAhCLcCBAAAAAG4AgQAAAAEuQIEAAAABLoCBAAAAAG7AgQAAAABvAIEAAAAAb0CBAAAAAG-AgQAgQQAIQ-pAgAAggQAMKoCAAC9AgAQqwIAAIIEADCsAgEAygMAIbQCAACEBPoCIrYCQADPAwAhxgIBAMoDACH1AgEAygMAIfYCAQDKAwAh9wIBAMoDACH4AgAAgwQAIPoCAgDMAwAh-wIBAMsDACH8AkAAzwMAIf0CQADOAwAhDxEAANEDACAzAACHBAAgNAAAhwQAILcCgAAAAAG6AoAAAAABuwKAAAAAAbwCgAAAAAG9AoAAAAABvgKAAAAAAf4CAQAAAAH_AgEAAAABgAMBAAAAAYEDgAAAAAGCA4AAAAABgwOAAAAAAQcRAADRAwAgMwAAhgQAIDQAAIYEACC3AgAAAPoCArgCAAAA-gIIuQIAAAD6Agi-AgAAhQT6AiIHEQAA0QMAIDMAAIYEACA0AACGBAAgtwIAAAD6AgK4AgAAAPoCCLkCAAAA-gIIvgIAAIUE-gIiBLcCAAAA-gICuAIAAAD6Agi5AgAAAPoCCL4CAACGBPoCIgy3AoAAAAABugKAAAAAAbsCgAAAAAG8AoAAAAABvQKAAAAAAb4CgAAAAAH-AgEAAAAB_wIBAAAAAYADAQAAAAGBA4AAAAABggOAAAAAAYMDgAAAAAEPqQIAAIgEADCqAgAAqgIAEKsCAACIBAAwrAIBAPsDACG0AgAAigT6AiK2AkAA8wMAIcYCAQD7AwAh9QIBAPsDACH2AgEA-wMAIfcCAQD7AwAh-AIAAIkEACD6AgIA_AMAIfsCAQDwAwAh_AJAAPMDACH9AkAA8gMAIQy3AoAAAAABugKAAAAAAbsCgAAAAAG8AoAAAAABvQKAAAAAAb4CgAAAAAH-AgEAAAAB_wIBAAAAAYADAQAAAAGBA4AAAAABggOAAAAAAYMDgAAAAAEEtwIAAAD6AgK4AgAAAPoCCLkCAAAA-gIIvgIAAIYE-gIiDKkCAACLBAAwqgIAAKQCABCrAgAAiwQAMKwCAQDKAwAhrgIBAMsDACGyAgEAywMAIbYCQADPAwAh1wICAOADACGEAwEAywMAIYYDAACMBIYDI4cDAQDKAwAhiAMAAIMEACAHEQAA1AMAIDMAAI4EACA0AACOBAAgtwIAAACGAwO4AgAAAIYDCbkCAAAAhgMJvgIAAI0EhgMjBxEAANQDACAzAACOBAAgNAAAjgQAILcCAAAAhgMDuAIAAACGAwm5AgAAAIYDCb4CAACNBIYDIwS3AgAAAIYDA7gCAAAAhgMJuQIAAACGAwm-AgAAjgSGAyMNqQIAAI8EADCqAgAAigIAEKsCAACPBAAwrAIBAMoDACG2AkAAzwMAId4CAQDKAwAh6AIBAMoDACGJAwEAygMAIYoDAQDKAwAhiwNAAM4DACGMAwIA4AMAIY0DAACQBAAgjgNAAM8DACEPEQAA1AMAIDMAAJEEACA0AACRBAAgtwKAAAAAAboCgAAAAAG7AoAAAAABvAKAAAAAAb0CgAAAAAG-AoAAAAAB_gIBAAAAAf8CAQAAAAGAAwEAAAABgQOAAAAAAYIDgAAAAAGDA4AAAAABDLcCgAAAAAG6AoAAAAABuwKAAAAAAbwCgAAAAAG9AoAAAAABvgKAAAAAAf4CAQAAAAH_AgEAAAABgAMBAAAAAYEDgAAAAAGCA4AAAAABgwOAAAAAAQ6pAgAAkgQAMKoCAAD0AQAQqwIAAJIEADCsAgEAygMAIbQCAACTBJMDIvgCAACDBAAg-gICAMwDACH7AgEAywMAIY8DAQDKAwAhkAMBAMsDACGRA0AAzwMAIZMDQADOAwAhlANAAM8DACGVA0AAzgMAIQcRAADRAwAgMwAAlQQAIDQAAJUEACC3AgAAAJMDArgCAAAAkwMIuQIAAACTAwi-AgAAlASTAyIHEQAA0QMAIDMAAJUEACA0AACVBAAgtwIAAACTAwK4AgAAAJMDCLkCAAAAkwMIvgIAAJQEkwMiBLcCAAAAkwMCuAIAAACTAwi5AgAAAJMDCL4CAACVBJMDIg6pAgAAlgQAMKoCAADhAQAQqwIAAJYEADCsAgEA-wMAIbQCAACXBJMDIvgCAACJBAAg-gICAPwDACH7AgEA8AMAIY8DAQD7AwAhkAMBAPADACGRA0AA8wMAIZMDQADyAwAhlANAAPMDACGVA0AA8gMAIQS3AgAAAJMDArgCAAAAkwMIuQIAAACTAwi-AgAAlQSTAyIUqQIAAJgEADCqAgAA2wEAEKsCAACYBAAwrAIBAMoDACGuAgEAygMAIbICAQDKAwAhtAIBAMoDACG2AkAAzwMAIdECQADPAwAh1wICAMwDACGWAwEAygMAIZcDAQDLAwAhmAMCAOADACGZA0AAzgMAIZoDQADOAwAhmwMCAMwDACGcAwAAgwQAIJ0DAgDMAwAhngNAAM4DACGfA0AAzgMAIRGpAgAAmQQAMKoCAADFAQAQqwIAAJkEADCsAgEAygMAIa4CAQDKAwAhsgIBAMoDACG0AgAAmgSiAyK2AkAAzwMAIdECQADPAwAh1wICAMwDACGXAwAAmwSjAyKgAwEAywMAIaMDAQDLAwAhpAMBAMsDACGlAwIA4AMAIaYDAQDLAwAhpwMBAMsDACEHEQAA0QMAIDMAAJ8EACA0AACfBAAgtwIAAACiAwK4AgAAAKIDCLkCAAAAogMIvgIAAJ4EogMiBxEAANEDACAzAACdBAAgNAAAnQQAILcCAAAAowMCuAIAAACjAwi5AgAAAKMDCL4CAACcBKMDIgcRAADRAwAgMwAAnQQAIDQAAJ0EACC3AgAAAKMDArgCAAAAowMIuQIAAACjAwi-AgAAnASjAyIEtwIAAACjAwK4AgAAAKMDCLkCAAAAowMIvgIAAJ0EowMiBxEAANEDACAzAACfBAAgNAAAnwQAILcCAAAAogMCuAIAAACiAwi5AgAAAKIDCL4CAACeBKIDIgS3AgAAAKIDArgCAAAAogMIuQIAAACiAwi-AgAAnwSiAyIzDwEAywMAIakCAACgBAAwqgIAAK0BABCrAgAAoAQAMKwCAQDKAwAhrQIBAMsDACGvAgEAygMAIbECAgDMAwAhsgIBAMoDACG0AgAAoQSwAyK2AkAAzwMAIcICAQDKAwAh0QJAAM8DACHXAgIAzAMAIdsCAQDLAwAh3AIBAMsDACHdAkAAzgMAIesCAQDKAwAhqAMBAMoDACGpAwEAywMAIaoDAQDLAwAhqwMBAMsDACGsAwIAzAMAIa0DAgDMAwAhrgMCAMwDACGwAwEAywMAIbEDAQDLAwAhsgMBAMsDACGzAwEAywMAIbQDAQDLAwAhtQMBAMsDACG2AwEAywMAIbcDAQDLAwAhuAMAAIMEACC5AwEAywMAIboDQADOAwAhuwNAAM4DACG8A0AAzgMAIb0DQADOAwAhvgNAAM4DACG_AwEAywMAIcADAgDMAwAhwQNAAM4DACHCAyAA4gMAIcMDAQDLAwAhxAMCAMwDACHFAwEAywMAIcYDAQDLAwAhxwMCAMwDACHIAyAA4gMAIckDAgDMAwAhBxEAANEDACAzAACjBAAgNAAAowQAILcCAAAAsAMCuAIAAACwAwi5AgAAALADCL4CAACiBLADIgcRAADRAwAgMwAAowQAIDQAAKMEACC3AgAAALADArgCAAAAsAMIuQIAAACwAwi-AgAAogSwAyIEtwIAAACwAwK4AgAAALADCLkCAAAAsAMIvgIAAKMEsAMiDakCAACkBAAwqgIAAJUBABCrAgAApAQAMKwCAQDKAwAhrgIBAMsDACGvAgEAygMAIbQCAAClBMsDIrYCQADPAwAh0QJAAM8DACHrAgEAygMAIcIDIADiAwAhywMAAKYEsAMjzANAAM4DACEHEQAA0QMAIDMAAKoEACA0AACqBAAgtwIAAADLAwK4AgAAAMsDCLkCAAAAywMIvgIAAKkEywMiBxEAANQDACAzAACoBAAgNAAAqAQAILcCAAAAsAMDuAIAAACwAwm5AgAAALADCb4CAACnBLADIwcRAADUAwAgMwAAqAQAIDQAAKgEACC3AgAAALADA7gCAAAAsAMJuQIAAACwAwm-AgAApwSwAyMEtwIAAACwAwO4AgAAALADCbkCAAAAsAMJvgIAAKgEsAMjBxEAANEDACAzAACqBAAgNAAAqgQAILcCAAAAywMCuAIAAADLAwi5AgAAAMsDCL4CAACpBMsDIgS3AgAAAMsDArgCAAAAywMIuQIAAADLAwi-AgAAqgTLAyIOqQIAAKsEADCqAgAAfQAQqwIAAKsEADCsAgEAygMAIbICAQDKAwAhtgJAAM8DACHCAgEAygMAIcYCAACsBM8DIs4CIADiAwAh0QJAAM8DACGuAwIAzAMAIbcDAQDKAwAhzQMBAMoDACHPAwIAzAMAIQcRAADRAwAgMwAArgQAIDQAAK4EACC3AgAAAM8DArgCAAAAzwMIuQIAAADPAwi-AgAArQTPAyIHEQAA0QMAIDMAAK4EACA0AACuBAAgtwIAAADPAwK4AgAAAM8DCLkCAAAAzwMIvgIAAK0EzwMiBLcCAAAAzwMCuAIAAADPAwi5AgAAAM8DCL4CAACuBM8DIgupAgAArwQAMKoCAABnABCrAgAArwQAMKwCAQDKAwAhtgJAAM8DACHRAkAAzwMAIasDAQDLAwAh0AMBAMoDACHRAwEAygMAIdIDAACwBIYDItMDAQDLAwAhBxEAANEDACAzAACyBAAgNAAAsgQAILcCAAAAhgMCuAIAAACGAwi5AgAAAIYDCL4CAACxBIYDIgcRAADRAwAgMwAAsgQAIDQAALIEACC3AgAAAIYDArgCAAAAhgMIuQIAAACGAwi-AgAAsQSGAyIEtwIAAACGAwK4AgAAAIYDCLkCAAAAhgMIvgIAALIEhgMiAsICAQAAAAHEAgEAAAABGAMAAPQDACAOAAC2BAAgEAAAtwQAIKkCAAC0BAAwqgIAAB4AEKsCAAC0BAAwrAIBAPsDACGyAgEA8AMAIbYCQADzAwAhwgIBAPsDACHDAgEA-wMAIcQCAQD7AwAhxgIAALUExgIixwICAPEDACHIAgIA8QMAIckCAADhAwAgygJAAPIDACHLAkAA8gMAIcwCAgDxAwAhzQIgAO8DACHOAiAA7wMAIc8CAgD8AwAh0AICAPwDACHRAkAA8wMAIQS3AgAAAMYCArgCAAAAxgIIuQIAAADGAgi-AgAA6APGAiID5QIAAAsAIOYCAAALACDnAgAACwAgA-UCAAAjACDmAgAAIwAg5wIAACMAIBEcAAC6BAAgqQIAALgEADCqAgAAQgAQqwIAALgEADCsAgEA-wMAIbICAQD7AwAhtAIAALkE2QIitgJAAPMDACHRAkAA8wMAIdUCAQD7AwAh1gIBAPsDACHXAgIA_AMAIdkCQADzAwAh2gIgAO8DACHbAgEA8AMAIdwCAQDwAwAh3QJAAPIDACEEtwIAAADZAgK4AgAAANkCCLkCAAAA2QIIvgIAAOwD2QIiEhoAAPQDACAdAAD1AwAgqQIAAO4DADCqAgAAQAAQqwIAAO4DADC2AkAA8wMAIdECQADzAwAh1gIBAPsDACHdAkAA8gMAId4CAQD7AwAh3wIgAO8DACHgAiAA7wMAIeECIADvAwAh4gIAAOEDACDjAgEA8AMAIeQCAgDxAwAh2QMAAEAAINoDAABAACAC3gIBAAAAAegCAQAAAAEOGgAA9AMAIKkCAAC8BAAwqgIAADsAEKsCAAC8BAAwrAIBAPsDACG2AkAA8wMAId4CAQD7AwAh6AIBAPsDACGJAwEA-wMAIYoDAQD7AwAhiwNAAPIDACGMAwIA8QMAIY0DAAC9BAAgjgNAAPMDACEMtwKAAAAAAboCgAAAAAG7AoAAAAABvAKAAAAAAb0CgAAAAAG-AoAAAAAB_gIBAAAAAf8CAQAAAAGAAwEAAAABgQOAAAAAAYIDgAAAAAGDA4AAAAABBLICAQAAAAHCAgEAAAAB6wIBAAAAAewCQAAAAAERBQAAwQQAIKkCAAC_BAAwqgIAADAAEKsCAAC_BAAwsQIEAMAEACGyAgEA-wMAIcICAQD7AwAh6wIBAPsDACHsAkAA8wMAIe0CBADABAAh7gIEAMAEACHvAgIA_AMAIfACAgD8AwAh8QICAPwDACHyAgIA_AMAIfMCBADABAAh9AIEAMAEACEItwIEAAAAAbgCBAAAAAS5AgQAAAAEugIEAAAAAbsCBAAAAAG8AgQAAAABvQIEAAAAAb4CBACBBAAhFAMAAPQDACAOAAC2BAAgFAAA2AQAIBUAAOUEACCpAgAA4wQAMKoCAAADABCrAgAA4wQAMKwCAQD7AwAhsgIBAPsDACG2AkAA8wMAIcICAQD7AwAhxgIAAOQEzwMizgIgAO8DACHRAkAA8wMAIa4DAgD8AwAhtwMBAPsDACHNAwEA-wMAIc8DAgD8AwAh2QMAAAMAINoDAAADACACrQIBAAAAAbACAQAAAAEQBAAA9AMAIAgAAMYEACAPAADFBAAgqQIAAMMEADCqAgAAIwAQqwIAAMMEADCsAgEA-wMAIa0CAQD7AwAhrgIBAPsDACGvAgEA-wMAIbACAQDwAwAhsQICAPwDACGyAgEA-wMAIbQCAADEBLQCIrUCQADyAwAhtgJAAPMDACEEtwIAAAC0AgK4AgAAALQCCLkCAAAAtAIIvgIAANcDtAIiGgMAAPQDACAOAAC2BAAgEAAAtwQAIKkCAAC0BAAwqgIAAB4AEKsCAAC0BAAwrAIBAPsDACGyAgEA8AMAIbYCQADzAwAhwgIBAPsDACHDAgEA-wMAIcQCAQD7AwAhxgIAALUExgIixwICAPEDACHIAgIA8QMAIckCAADhAwAgygJAAPIDACHLAkAA8gMAIcwCAgDxAwAhzQIgAO8DACHOAiAA7wMAIc8CAgD8AwAh0AICAPwDACHRAkAA8wMAIdkDAAAeACDaAwAAHgAgPwMAAPQDACAEAAD0AwAgBQAAwQQAIAYAAMkEACAHAADKBAAgCgAAywQAIAsAAMwEACANAADNBAAgDwEA8AMAIRIAAM4EACATAADPBAAgqQIAAMcEADCqAgAACwAQqwIAAMcEADCsAgEA-wMAIa0CAQDwAwAhrwIBAPsDACGxAgIA_AMAIbICAQD7AwAhtAIAAMgEsAMitgJAAPMDACHCAgEA-wMAIdECQADzAwAh1wICAPwDACHbAgEA8AMAIdwCAQDwAwAh3QJAAPIDACHrAgEA-wMAIagDAQD7AwAhqQMBAPADACGqAwEA8AMAIasDAQDwAwAhrAMCAPwDACGtAwIA_AMAIa4DAgD8AwAhsAMBAPADACGxAwEA8AMAIbIDAQDwAwAhswMBAPADACG0AwEA8AMAIbUDAQDwAwAhtgMBAPADACG3AwEA8AMAIbgDAACJBAAguQMBAPADACG6A0AA8gMAIbsDQADyAwAhvANAAPIDACG9A0AA8gMAIb4DQADyAwAhvwMBAPADACHAAwIA_AMAIcEDQADyAwAhwgMgAO8DACHDAwEA8AMAIcQDAgD8AwAhxQMBAPADACHGAwEA8AMAIccDAgD8AwAhyAMgAO8DACHJAwIA_AMAIdkDAAALACDaAwAACwAgPQMAAPQDACAEAAD0AwAgBQAAwQQAIAYAAMkEACAHAADKBAAgCgAAywQAIAsAAMwEACANAADNBAAgDwEA8AMAIRIAAM4EACATAADPBAAgqQIAAMcEADCqAgAACwAQqwIAAMcEADCsAgEA-wMAIa0CAQDwAwAhrwIBAPsDACGxAgIA_AMAIbICAQD7AwAhtAIAAMgEsAMitgJAAPMDACHCAgEA-wMAIdECQADzAwAh1wICAPwDACHbAgEA8AMAIdwCAQDwAwAh3QJAAPIDACHrAgEA-wMAIagDAQD7AwAhqQMBAPADACGqAwEA8AMAIasDAQDwAwAhrAMCAPwDACGtAwIA_AMAIa4DAgD8AwAhsAMBAPADACGxAwEA8AMAIbIDAQDwAwAhswMBAPADACG0AwEA8AMAIbUDAQDwAwAhtgMBAPADACG3AwEA8AMAIbgDAACJBAAguQMBAPADACG6A0AA8gMAIbsDQADyAwAhvANAAPIDACG9A0AA8gMAIb4DQADyAwAhvwMBAPADACHAAwIA_AMAIcEDQADyAwAhwgMgAO8DACHDAwEA8AMAIcQDAgD8AwAhxQMBAPADACHGAwEA8AMAIccDAgD8AwAhyAMgAO8DACHJAwIA_AMAIQS3AgAAALADArgCAAAAsAMIuQIAAACwAwi-AgAAowSwAyITBAAA9AMAIAUAAMEEACAIAADTBAAgDgAAtgQAIKkCAADgBAAwqgIAAAcAEKsCAADgBAAwrAIBAPsDACGuAgEA8AMAIa8CAQD7AwAhtAIAAOEEywMitgJAAPMDACHRAkAA8wMAIesCAQD7AwAhwgMgAO8DACHLAwAA4gSwAyPMA0AA8gMAIdkDAAAHACDaAwAABwAgEwQAAPQDACAFAADBBAAgCAAA0wQAIA4AALYEACCpAgAA4AQAMKoCAAAHABCrAgAA4AQAMKwCAQD7AwAhrgIBAPADACGvAgEA-wMAIbQCAADhBMsDIrYCQADzAwAh0QJAAPMDACHrAgEA-wMAIcIDIADvAwAhywMAAOIEsAMjzANAAPIDACHZAwAABwAg2gMAAAcAIAPlAgAADgAg5gIAAA4AIOcCAAAOACAD5QIAABQAIOYCAAAUACDnAgAAFAAgA-UCAAAYACDmAgAAGAAg5wIAABgAIBoDAAD0AwAgDgAAtgQAIBAAALcEACCpAgAAtAQAMKoCAAAeABCrAgAAtAQAMKwCAQD7AwAhsgIBAPADACG2AkAA8wMAIcICAQD7AwAhwwIBAPsDACHEAgEA-wMAIcYCAAC1BMYCIscCAgDxAwAhyAICAPEDACHJAgAA4QMAIMoCQADyAwAhywJAAPIDACHMAgIA8QMAIc0CIADvAwAhzgIgAO8DACHPAgIA_AMAIdACAgD8AwAh0QJAAPMDACHZAwAAHgAg2gMAAB4AIBIEAAD0AwAgCAAAxgQAIA8AAMUEACCpAgAAwwQAMKoCAAAjABCrAgAAwwQAMKwCAQD7AwAhrQIBAPsDACGuAgEA-wMAIa8CAQD7AwAhsAIBAPADACGxAgIA_AMAIbICAQD7AwAhtAIAAMQEtAIitQJAAPIDACG2AkAA8wMAIdkDAAAjACDaAwAAIwAgDggAANMEACAMAADSBAAgqQIAANAEADCqAgAAGAAQqwIAANAEADCsAgEA-wMAIa4CAQDwAwAhsgIBAPADACG2AkAA8wMAIdcCAgDxAwAhhAMBAPADACGGAwAA0QSGAyOHAwEA-wMAIYgDAACJBAAgBLcCAAAAhgMDuAIAAACGAwm5AgAAAIYDCb4CAACOBIYDIxcNAADNBAAgFAAA2AQAIBYAANcEACAXAAC2BAAgGAAAtgQAIBkAAMsEACAbAADZBAAgHgAA2gQAIB8AANsEACAgAAC3BAAgqQIAANUEADCqAgAAEgAQqwIAANUEADCsAgEA-wMAIbYCQADzAwAh0QJAAPMDACGrAwEA8AMAIdADAQD7AwAh0QMBAPsDACHSAwAA1gSGAyLTAwEA8AMAIdkDAAASACDaAwAAEgAgPwMAAPQDACAEAAD0AwAgBQAAwQQAIAYAAMkEACAHAADKBAAgCgAAywQAIAsAAMwEACANAADNBAAgDwEA8AMAIRIAAM4EACATAADPBAAgqQIAAMcEADCqAgAACwAQqwIAAMcEADCsAgEA-wMAIa0CAQDwAwAhrwIBAPsDACGxAgIA_AMAIbICAQD7AwAhtAIAAMgEsAMitgJAAPMDACHCAgEA-wMAIdECQADzAwAh1wICAPwDACHbAgEA8AMAIdwCAQDwAwAh3QJAAPIDACHrAgEA-wMAIagDAQD7AwAhqQMBAPADACGqAwEA8AMAIasDAQDwAwAhrAMCAPwDACGtAwIA_AMAIa4DAgD8AwAhsAMBAPADACGxAwEA8AMAIbIDAQDwAwAhswMBAPADACG0AwEA8AMAIbUDAQDwAwAhtgMBAPADACG3AwEA8AMAIbgDAACJBAAguQMBAPADACG6A0AA8gMAIbsDQADyAwAhvANAAPIDACG9A0AA8gMAIb4DQADyAwAhvwMBAPADACHAAwIA_AMAIcEDQADyAwAhwgMgAO8DACHDAwEA8AMAIcQDAgD8AwAhxQMBAPADACHGAwEA8AMAIccDAgD8AwAhyAMgAO8DACHJAwIA_AMAIdkDAAALACDaAwAACwAgFQgAAMYEACCpAgAA1AQAMKoCAAAUABCrAgAA1AQAMKwCAQD7AwAhrgIBAPsDACGyAgEA-wMAIbQCAQD7AwAhtgJAAPMDACHRAkAA8wMAIdcCAgD8AwAhlgMBAPsDACGXAwEA8AMAIZgDAgDxAwAhmQNAAPIDACGaA0AA8gMAIZsDAgD8AwAhnAMAAIkEACCdAwIA_AMAIZ4DQADyAwAhnwNAAPIDACEVDQAAzQQAIBQAANgEACAWAADXBAAgFwAAtgQAIBgAALYEACAZAADLBAAgGwAA2QQAIB4AANoEACAfAADbBAAgIAAAtwQAIKkCAADVBAAwqgIAABIAEKsCAADVBAAwrAIBAPsDACG2AkAA8wMAIdECQADzAwAhqwMBAPADACHQAwEA-wMAIdEDAQD7AwAh0gMAANYEhgMi0wMBAPADACEEtwIAAACGAwK4AgAAAIYDCLkCAAAAhgMIvgIAALIEhgMiA-UCAAADACDmAgAAAwAg5wIAAAMAIAPlAgAABwAg5gIAAAcAIOcCAAAHACAD5QIAADsAIOYCAAA7ACDnAgAAOwAgEhoAAPQDACAdAAD1AwAgqQIAAO4DADCqAgAAQAAQqwIAAO4DADC2AkAA8wMAIdECQADzAwAh1gIBAPsDACHdAkAA8gMAId4CAQD7AwAh3wIgAO8DACHgAiAA7wMAIeECIADvAwAh4gIAAOEDACDjAgEA8AMAIeQCAgDxAwAh2QMAAEAAINoDAABAACAD5QIAAB4AIOYCAAAeACDnAgAAHgAgEwgAAMYEACAJAADSBAAgqQIAANwEADCqAgAADgAQqwIAANwEADCsAgEA-wMAIa4CAQD7AwAhsgIBAPsDACG0AgAA3QSiAyK2AkAA8wMAIdECQADzAwAh1wICAPwDACGXAwAA3gSjAyKgAwEA8AMAIaMDAQDwAwAhpAMBAPADACGlAwIA8QMAIaYDAQDwAwAhpwMBAPADACEEtwIAAACiAwK4AgAAAKIDCLkCAAAAogMIvgIAAJ8EogMiBLcCAAAAowMCuAIAAACjAwi5AgAAAKMDCL4CAACdBKMDIgKvAgEAAAAB6wIBAAAAAREEAAD0AwAgBQAAwQQAIAgAANMEACAOAAC2BAAgqQIAAOAEADCqAgAABwAQqwIAAOAEADCsAgEA-wMAIa4CAQDwAwAhrwIBAPsDACG0AgAA4QTLAyK2AkAA8wMAIdECQADzAwAh6wIBAPsDACHCAyAA7wMAIcsDAADiBLADI8wDQADyAwAhBLcCAAAAywMCuAIAAADLAwi5AgAAAMsDCL4CAACqBMsDIgS3AgAAALADA7gCAAAAsAMJuQIAAACwAwm-AgAAqASwAyMSAwAA9AMAIA4AALYEACAUAADYBAAgFQAA5QQAIKkCAADjBAAwqgIAAAMAEKsCAADjBAAwrAIBAPsDACGyAgEA-wMAIbYCQADzAwAhwgIBAPsDACHGAgAA5ATPAyLOAiAA7wMAIdECQADzAwAhrgMCAPwDACG3AwEA-wMAIc0DAQD7AwAhzwMCAPwDACEEtwIAAADPAwK4AgAAAM8DCLkCAAAAzwMIvgIAAK4EzwMiA-UCAAAwACDmAgAAMAAg5wIAADAAIAAAAAAAAAHeAwEAAAABAd4DAQAAAAEF3gMCAAAAAeQDAgAAAAHlAwIAAAAB5gMCAAAAAecDAgAAAAEB3gMAAAC0AgIB3gNAAAAAAQHeA0AAAAABBS0AAIgJACAuAACRCQAg2wMAAIkJACDcAwAAkAkAIOEDAABIACAFLQAAhgkAIC4AAI4JACDbAwAAhwkAINwDAACNCQAg4QMAACEAIAUtAACECQAgLgAAiwkAINsDAACFCQAg3AMAAIoJACDhAwAAAQAgAy0AAIgJACDbAwAAiQkAIOEDAABIACADLQAAhgkAINsDAACHCQAg4QMAACEAIAMtAACECQAg2wMAAIUJACDhAwAAAQAgAAAAAAAB3gMAAADGAgIF3gMCAAAAAeQDAgAAAAHlAwIAAAAB5gMCAAAAAecDAgAAAAEC3gMBAAAABOgDAQAAAAUB3gMgAAAAAQUtAADMCAAgLgAAggkAINsDAADNCAAg3AMAAIEJACDhAwAAAQAgCy0AAJAFADAuAACVBQAw2wMAAJEFADDcAwAAkgUAMN0DAACTBQAg3gMAAJQFADDfAwAAlAUAMOADAACUBQAw4QMAAJQFADDiAwAAlgUAMOMDAACXBQAwCy0AAIQFADAuAACJBQAw2wMAAIUFADDcAwAAhgUAMN0DAACHBQAg3gMAAIgFADDfAwAAiAUAMOADAACIBQAw4QMAAIgFADDiAwAAigUAMOMDAACLBQAwCwQAAPcEACAIAAD2BAAgrAIBAAAAAa4CAQAAAAGvAgEAAAABsAIBAAAAAbECAgAAAAGyAgEAAAABtAIAAAC0AgK1AkAAAAABtgJAAAAAAQIAAAAlACAtAACPBQAgAwAAACUAIC0AAI8FACAuAACOBQAgASYAAIAJADARBAAA9AMAIAgAAMYEACAPAADFBAAgqQIAAMMEADCqAgAAIwAQqwIAAMMEADCsAgEAAAABrQIBAPsDACGuAgEAAAABrwIBAPsDACGwAgEA8AMAIbECAgD8AwAhsgIBAPsDACG0AgAAxAS0AiK1AkAA8gMAIbYCQADzAwAh1wMAAMIEACACAAAAJQAgJgAAjgUAIAIAAACMBQAgJgAAjQUAIA2pAgAAiwUAMKoCAACMBQAQqwIAAIsFADCsAgEA-wMAIa0CAQD7AwAhrgIBAPsDACGvAgEA-wMAIbACAQDwAwAhsQICAPwDACGyAgEA-wMAIbQCAADEBLQCIrUCQADyAwAhtgJAAPMDACENqQIAAIsFADCqAgAAjAUAEKsCAACLBQAwrAIBAPsDACGtAgEA-wMAIa4CAQD7AwAhrwIBAPsDACGwAgEA8AMAIbECAgD8AwAhsgIBAPsDACG0AgAAxAS0AiK1AkAA8gMAIbYCQADzAwAhCawCAQDsBAAhrgIBAOwEACGvAgEA7AQAIbACAQDtBAAhsQICAO4EACGyAgEA7AQAIbQCAADvBLQCIrUCQADwBAAhtgJAAPEEACELBAAA9AQAIAgAAPMEACCsAgEA7AQAIa4CAQDsBAAhrwIBAOwEACGwAgEA7QQAIbECAgDuBAAhsgIBAOwEACG0AgAA7wS0AiK1AkAA8AQAIbYCQADxBAAhCwQAAPcEACAIAAD2BAAgrAIBAAAAAa4CAQAAAAGvAgEAAAABsAIBAAAAAbECAgAAAAGyAgEAAAABtAIAAAC0AgK1AkAAAAABtgJAAAAAATgDAADqBQAgBAAA6QUAIAUAAOsFACAGAAD2BQAgBwAA7AUAIAoAAO0FACALAADuBQAgDQAA7wUAIA8BAAAAARMAAPEFACCsAgEAAAABrwIBAAAAAbECAgAAAAGyAgEAAAABtAIAAACwAwK2AkAAAAABwgIBAAAAAdECQAAAAAHXAgIAAAAB2wIBAAAAAdwCAQAAAAHdAkAAAAAB6wIBAAAAAagDAQAAAAGpAwEAAAABqgMBAAAAAasDAQAAAAGsAwIAAAABrQMCAAAAAa4DAgAAAAGwAwEAAAABsQMBAAAAAbIDAQAAAAGzAwEAAAABtAMBAAAAAbUDAQAAAAG2AwEAAAABtwMBAAAAAbgDgAAAAAG5AwEAAAABugNAAAAAAbsDQAAAAAG8A0AAAAABvQNAAAAAAb4DQAAAAAG_AwEAAAABwAMCAAAAAcEDQAAAAAHCAyAAAAABwwMBAAAAAcQDAgAAAAHFAwEAAAABxgMBAAAAAccDAgAAAAHIAyAAAAAByQMCAAAAAQIAAAAhACAtAAD1BQAgAwAAACEAIC0AAPUFACAuAACbBQAgASYAAP8IADA9AwAA9AMAIAQAAPQDACAFAADBBAAgBgAAyQQAIAcAAMoEACAKAADLBAAgCwAAzAQAIA0AAM0EACAPAQDwAwAhEgAAzgQAIBMAAM8EACCpAgAAxwQAMKoCAAALABCrAgAAxwQAMKwCAQAAAAGtAgEA8AMAIa8CAQD7AwAhsQICAPwDACGyAgEA-wMAIbQCAADIBLADIrYCQADzAwAhwgIBAPsDACHRAkAA8wMAIdcCAgD8AwAh2wIBAPADACHcAgEA8AMAId0CQADyAwAh6wIBAPsDACGoAwEA-wMAIakDAQAAAAGqAwEAAAABqwMBAPADACGsAwIA_AMAIa0DAgD8AwAhrgMCAPwDACGwAwEA8AMAIbEDAQDwAwAhsgMBAPADACGzAwEA8AMAIbQDAQDwAwAhtQMBAPADACG2AwEA8AMAIbcDAQDwAwAhuAMAAIkEACC5AwEA8AMAIboDQADyAwAhuwNAAPIDACG8A0AA8gMAIb0DQADyAwAhvgNAAPIDACG_AwEA8AMAIcADAgD8AwAhwQNAAPIDACHCAyAA7wMAIcMDAQDwAwAhxAMCAPwDACHFAwEA8AMAIcYDAQAAAAHHAwIA_AMAIcgDIADvAwAhyQMCAPwDACECAAAAIQAgJgAAmwUAIAIAAACYBQAgJgAAmQUAIDMPAQDwAwAhqQIAAJcFADCqAgAAmAUAEKsCAACXBQAwrAIBAPsDACGtAgEA8AMAIa8CAQD7AwAhsQICAPwDACGyAgEA-wMAIbQCAADIBLADIrYCQADzAwAhwgIBAPsDACHRAkAA8wMAIdcCAgD8AwAh2wIBAPADACHcAgEA8AMAId0CQADyAwAh6wIBAPsDACGoAwEA-wMAIakDAQDwAwAhqgMBAPADACGrAwEA8AMAIawDAgD8AwAhrQMCAPwDACGuAwIA_AMAIbADAQDwAwAhsQMBAPADACGyAwEA8AMAIbMDAQDwAwAhtAMBAPADACG1AwEA8AMAIbYDAQDwAwAhtwMBAPADACG4AwAAiQQAILkDAQDwAwAhugNAAPIDACG7A0AA8gMAIbwDQADyAwAhvQNAAPIDACG-A0AA8gMAIb8DAQDwAwAhwAMCAPwDACHBA0AA8gMAIcIDIADvAwAhwwMBAPADACHEAwIA_AMAIcUDAQDwAwAhxgMBAPADACHHAwIA_AMAIcgDIADvAwAhyQMCAPwDACEzDwEA8AMAIakCAACXBQAwqgIAAJgFABCrAgAAlwUAMKwCAQD7AwAhrQIBAPADACGvAgEA-wMAIbECAgD8AwAhsgIBAPsDACG0AgAAyASwAyK2AkAA8wMAIcICAQD7AwAh0QJAAPMDACHXAgIA_AMAIdsCAQDwAwAh3AIBAPADACHdAkAA8gMAIesCAQD7AwAhqAMBAPsDACGpAwEA8AMAIaoDAQDwAwAhqwMBAPADACGsAwIA_AMAIa0DAgD8AwAhrgMCAPwDACGwAwEA8AMAIbEDAQDwAwAhsgMBAPADACGzAwEA8AMAIbQDAQDwAwAhtQMBAPADACG2AwEA8AMAIbcDAQDwAwAhuAMAAIkEACC5AwEA8AMAIboDQADyAwAhuwNAAPIDACG8A0AA8gMAIb0DQADyAwAhvgNAAPIDACG_AwEA8AMAIcADAgD8AwAhwQNAAPIDACHCAyAA7wMAIcMDAQDwAwAhxAMCAPwDACHFAwEA8AMAIcYDAQDwAwAhxwMCAPwDACHIAyAA7wMAIckDAgD8AwAhLw8BAO0EACGsAgEA7AQAIa8CAQDsBAAhsQICAO4EACGyAgEA7AQAIbQCAACaBbADIrYCQADxBAAhwgIBAOwEACHRAkAA8QQAIdcCAgDuBAAh2wIBAO0EACHcAgEA7QQAId0CQADwBAAh6wIBAOwEACGoAwEA7AQAIakDAQDtBAAhqgMBAO0EACGrAwEA7QQAIawDAgDuBAAhrQMCAO4EACGuAwIA7gQAIbADAQDtBAAhsQMBAO0EACGyAwEA7QQAIbMDAQDtBAAhtAMBAO0EACG1AwEA7QQAIbYDAQDtBAAhtwMBAO0EACG4A4AAAAABuQMBAO0EACG6A0AA8AQAIbsDQADwBAAhvANAAPAEACG9A0AA8AQAIb4DQADwBAAhvwMBAO0EACHAAwIA7gQAIcEDQADwBAAhwgMgAIAFACHDAwEA7QQAIcQDAgDuBAAhxQMBAO0EACHGAwEA7QQAIccDAgDuBAAhyAMgAIAFACHJAwIA7gQAIQHeAwAAALADAjgDAACdBQAgBAAAnAUAIAUAAJ4FACAGAACfBQAgBwAAoAUAIAoAAKEFACALAACiBQAgDQAAowUAIA8BAO0EACETAACkBQAgrAIBAOwEACGvAgEA7AQAIbECAgDuBAAhsgIBAOwEACG0AgAAmgWwAyK2AkAA8QQAIcICAQDsBAAh0QJAAPEEACHXAgIA7gQAIdsCAQDtBAAh3AIBAO0EACHdAkAA8AQAIesCAQDsBAAhqAMBAOwEACGpAwEA7QQAIaoDAQDtBAAhqwMBAO0EACGsAwIA7gQAIa0DAgDuBAAhrgMCAO4EACGwAwEA7QQAIbEDAQDtBAAhsgMBAO0EACGzAwEA7QQAIbQDAQDtBAAhtQMBAO0EACG2AwEA7QQAIbcDAQDtBAAhuAOAAAAAAbkDAQDtBAAhugNAAPAEACG7A0AA8AQAIbwDQADwBAAhvQNAAPAEACG-A0AA8AQAIb8DAQDtBAAhwAMCAO4EACHBA0AA8AQAIcIDIACABQAhwwMBAO0EACHEAwIA7gQAIcUDAQDtBAAhxgMBAO0EACHHAwIA7gQAIcgDIACABQAhyQMCAO4EACEFLQAA2ggAIC4AAP0IACDbAwAA2wgAINwDAAD8CAAg4QMAAAEAIAUtAADYCAAgLgAA-ggAINsDAADZCAAg3AMAAPkIACDhAwAAAQAgBS0AANYIACAuAAD3CAAg2wMAANcIACDcAwAA9ggAIOEDAAAFACAFLQAAzggAIC4AAPQIACDbAwAAzwgAINwDAADzCAAg4QMAAAkAIActAADVBQAgLgAA2AUAINsDAADWBQAg3AMAANcFACDfAwAABwAg4AMAAAcAIOEDAAAJACALLQAAxQUAMC4AAMoFADDbAwAAxgUAMNwDAADHBQAw3QMAAMgFACDeAwAAyQUAMN8DAADJBQAw4AMAAMkFADDhAwAAyQUAMOIDAADLBQAw4wMAAMwFADALLQAAuQUAMC4AAL4FADDbAwAAugUAMNwDAAC7BQAw3QMAALwFACDeAwAAvQUAMN8DAAC9BQAw4AMAAL0FADDhAwAAvQUAMOIDAAC_BQAw4wMAAMAFADALLQAAqgUAMC4AAK8FADDbAwAAqwUAMNwDAACsBQAw3QMAAK0FACDeAwAArgUAMN8DAACuBQAw4AMAAK4FADDhAwAArgUAMOIDAACwBQAw4wMAALEFADAHLQAApQUAIC4AAKgFACDbAwAApgUAINwDAACnBQAg3wMAACMAIOADAAAjACDhAwAAJQAgCwQAAPcEACAPAAD1BAAgrAIBAAAAAa0CAQAAAAGvAgEAAAABsAIBAAAAAbECAgAAAAGyAgEAAAABtAIAAAC0AgK1AkAAAAABtgJAAAAAAQIAAAAlACAtAAClBQAgAwAAACMAIC0AAKUFACAuAACpBQAgDQAAACMAIAQAAPQEACAPAADyBAAgJgAAqQUAIKwCAQDsBAAhrQIBAOwEACGvAgEA7AQAIbACAQDtBAAhsQICAO4EACGyAgEA7AQAIbQCAADvBLQCIrUCQADwBAAhtgJAAPEEACELBAAA9AQAIA8AAPIEACCsAgEA7AQAIa0CAQDsBAAhrwIBAOwEACGwAgEA7QQAIbECAgDuBAAhsgIBAOwEACG0AgAA7wS0AiK1AkAA8AQAIbYCQADxBAAhCQwAALgFACCsAgEAAAABsgIBAAAAAbYCQAAAAAHXAgIAAAABhAMBAAAAAYYDAAAAhgMDhwMBAAAAAYgDgAAAAAECAAAAGgAgLQAAtwUAIAMAAAAaACAtAAC3BQAgLgAAtQUAIAEmAADyCAAwDggAANMEACAMAADSBAAgqQIAANAEADCqAgAAGAAQqwIAANAEADCsAgEAAAABrgIBAPADACGyAgEA8AMAIbYCQADzAwAh1wICAPEDACGEAwEA8AMAIYYDAADRBIYDI4cDAQD7AwAhiAMAAIkEACACAAAAGgAgJgAAtQUAIAIAAACyBQAgJgAAswUAIAypAgAAsQUAMKoCAACyBQAQqwIAALEFADCsAgEA-wMAIa4CAQDwAwAhsgIBAPADACG2AkAA8wMAIdcCAgDxAwAhhAMBAPADACGGAwAA0QSGAyOHAwEA-wMAIYgDAACJBAAgDKkCAACxBQAwqgIAALIFABCrAgAAsQUAMKwCAQD7AwAhrgIBAPADACGyAgEA8AMAIbYCQADzAwAh1wICAPEDACGEAwEA8AMAIYYDAADRBIYDI4cDAQD7AwAhiAMAAIkEACAIrAIBAOwEACGyAgEA7QQAIbYCQADxBAAh1wICAP4EACGEAwEA7QQAIYYDAAC0BYYDI4cDAQDsBAAhiAOAAAAAAQHeAwAAAIYDAwkMAAC2BQAgrAIBAOwEACGyAgEA7QQAIbYCQADxBAAh1wICAP4EACGEAwEA7QQAIYYDAAC0BYYDI4cDAQDsBAAhiAOAAAAAAQctAADtCAAgLgAA8AgAINsDAADuCAAg3AMAAO8IACDfAwAAEgAg4AMAABIAIOEDAAABACAJDAAAuAUAIKwCAQAAAAGyAgEAAAABtgJAAAAAAdcCAgAAAAGEAwEAAAABhgMAAACGAwOHAwEAAAABiAOAAAAAAQMtAADtCAAg2wMAAO4IACDhAwAAAQAgEKwCAQAAAAGyAgEAAAABtAIBAAAAAbYCQAAAAAHRAkAAAAAB1wICAAAAAZYDAQAAAAGXAwEAAAABmAMCAAAAAZkDQAAAAAGaA0AAAAABmwMCAAAAAZwDgAAAAAGdAwIAAAABngNAAAAAAZ8DQAAAAAECAAAAFgAgLQAAxAUAIAMAAAAWACAtAADEBQAgLgAAwwUAIAEmAADsCAAwFQgAAMYEACCpAgAA1AQAMKoCAAAUABCrAgAA1AQAMKwCAQAAAAGuAgEA-wMAIbICAQD7AwAhtAIBAPsDACG2AkAA8wMAIdECQADzAwAh1wICAPwDACGWAwEAAAABlwMBAPADACGYAwIA8QMAIZkDQADyAwAhmgNAAPIDACGbAwIA_AMAIZwDAACJBAAgnQMCAPwDACGeA0AA8gMAIZ8DQADyAwAhAgAAABYAICYAAMMFACACAAAAwQUAICYAAMIFACAUqQIAAMAFADCqAgAAwQUAEKsCAADABQAwrAIBAPsDACGuAgEA-wMAIbICAQD7AwAhtAIBAPsDACG2AkAA8wMAIdECQADzAwAh1wICAPwDACGWAwEA-wMAIZcDAQDwAwAhmAMCAPEDACGZA0AA8gMAIZoDQADyAwAhmwMCAPwDACGcAwAAiQQAIJ0DAgD8AwAhngNAAPIDACGfA0AA8gMAIRSpAgAAwAUAMKoCAADBBQAQqwIAAMAFADCsAgEA-wMAIa4CAQD7AwAhsgIBAPsDACG0AgEA-wMAIbYCQADzAwAh0QJAAPMDACHXAgIA_AMAIZYDAQD7AwAhlwMBAPADACGYAwIA8QMAIZkDQADyAwAhmgNAAPIDACGbAwIA_AMAIZwDAACJBAAgnQMCAPwDACGeA0AA8gMAIZ8DQADyAwAhEKwCAQDsBAAhsgIBAOwEACG0AgEA7AQAIbYCQADxBAAh0QJAAPEEACHXAgIA7gQAIZYDAQDsBAAhlwMBAO0EACGYAwIA_gQAIZkDQADwBAAhmgNAAPAEACGbAwIA7gQAIZwDgAAAAAGdAwIA7gQAIZ4DQADwBAAhnwNAAPAEACEQrAIBAOwEACGyAgEA7AQAIbQCAQDsBAAhtgJAAPEEACHRAkAA8QQAIdcCAgDuBAAhlgMBAOwEACGXAwEA7QQAIZgDAgD-BAAhmQNAAPAEACGaA0AA8AQAIZsDAgDuBAAhnAOAAAAAAZ0DAgDuBAAhngNAAPAEACGfA0AA8AQAIRCsAgEAAAABsgIBAAAAAbQCAQAAAAG2AkAAAAAB0QJAAAAAAdcCAgAAAAGWAwEAAAABlwMBAAAAAZgDAgAAAAGZA0AAAAABmgNAAAAAAZsDAgAAAAGcA4AAAAABnQMCAAAAAZ4DQAAAAAGfA0AAAAABDgkAANQFACCsAgEAAAABsgIBAAAAAbQCAAAAogMCtgJAAAAAAdECQAAAAAHXAgIAAAABlwMAAACjAwKgAwEAAAABowMBAAAAAaQDAQAAAAGlAwIAAAABpgMBAAAAAacDAQAAAAECAAAAEAAgLQAA0wUAIAMAAAAQACAtAADTBQAgLgAA0QUAIAEmAADrCAAwEwgAAMYEACAJAADSBAAgqQIAANwEADCqAgAADgAQqwIAANwEADCsAgEAAAABrgIBAPsDACGyAgEA-wMAIbQCAADdBKIDIrYCQADzAwAh0QJAAPMDACHXAgIA_AMAIZcDAADeBKMDIqADAQAAAAGjAwEA8AMAIaQDAQDwAwAhpQMCAPEDACGmAwEAAAABpwMBAPADACECAAAAEAAgJgAA0QUAIAIAAADNBQAgJgAAzgUAIBGpAgAAzAUAMKoCAADNBQAQqwIAAMwFADCsAgEA-wMAIa4CAQD7AwAhsgIBAPsDACG0AgAA3QSiAyK2AkAA8wMAIdECQADzAwAh1wICAPwDACGXAwAA3gSjAyKgAwEA8AMAIaMDAQDwAwAhpAMBAPADACGlAwIA8QMAIaYDAQDwAwAhpwMBAPADACERqQIAAMwFADCqAgAAzQUAEKsCAADMBQAwrAIBAPsDACGuAgEA-wMAIbICAQD7AwAhtAIAAN0EogMitgJAAPMDACHRAkAA8wMAIdcCAgD8AwAhlwMAAN4EowMioAMBAPADACGjAwEA8AMAIaQDAQDwAwAhpQMCAPEDACGmAwEA8AMAIacDAQDwAwAhDawCAQDsBAAhsgIBAOwEACG0AgAAzwWiAyK2AkAA8QQAIdECQADxBAAh1wICAO4EACGXAwAA0AWjAyKgAwEA7QQAIaMDAQDtBAAhpAMBAO0EACGlAwIA_gQAIaYDAQDtBAAhpwMBAO0EACEB3gMAAACiAwIB3gMAAACjAwIOCQAA0gUAIKwCAQDsBAAhsgIBAOwEACG0AgAAzwWiAyK2AkAA8QQAIdECQADxBAAh1wICAO4EACGXAwAA0AWjAyKgAwEA7QQAIaMDAQDtBAAhpAMBAO0EACGlAwIA_gQAIaYDAQDtBAAhpwMBAO0EACEHLQAA5ggAIC4AAOkIACDbAwAA5wgAINwDAADoCAAg3wMAABIAIOADAAASACDhAwAAAQAgDgkAANQFACCsAgEAAAABsgIBAAAAAbQCAAAAogMCtgJAAAAAAdECQAAAAAHXAgIAAAABlwMAAACjAwKgAwEAAAABowMBAAAAAaQDAQAAAAGlAwIAAAABpgMBAAAAAacDAQAAAAEDLQAA5ggAINsDAADnCAAg4QMAAAEAIAwEAADyBQAgBQAA8wUAIA4AAPQFACCsAgEAAAABrwIBAAAAAbQCAAAAywMCtgJAAAAAAdECQAAAAAHrAgEAAAABwgMgAAAAAcsDAAAAsAMDzANAAAAAAQIAAAAJACAtAADVBQAgAwAAAAcAIC0AANUFACAuAADZBQAgDgAAAAcAIAQAANwFACAFAADdBQAgDgAA3gUAICYAANkFACCsAgEA7AQAIa8CAQDsBAAhtAIAANoFywMitgJAAPEEACHRAkAA8QQAIesCAQDsBAAhwgMgAIAFACHLAwAA2wWwAyPMA0AA8AQAIQwEAADcBQAgBQAA3QUAIA4AAN4FACCsAgEA7AQAIa8CAQDsBAAhtAIAANoFywMitgJAAPEEACHRAkAA8QQAIesCAQDsBAAhwgMgAIAFACHLAwAA2wWwAyPMA0AA8AQAIQHeAwAAAMsDAgHeAwAAALADAwUtAADSCAAgLgAA5AgAINsDAADTCAAg3AMAAOMIACDhAwAAAQAgBS0AANAIACAuAADhCAAg2wMAANEIACDcAwAA4AgAIOEDAAAFACALLQAA3wUAMC4AAOMFADDbAwAA4AUAMNwDAADhBQAw3QMAAOIFACDeAwAAlAUAMN8DAACUBQAw4AMAAJQFADDhAwAAlAUAMOIDAADkBQAw4wMAAJcFADA4AwAA6gUAIAQAAOkFACAFAADrBQAgBwAA7AUAIAoAAO0FACALAADuBQAgDQAA7wUAIA8BAAAAARIAAPAFACATAADxBQAgrAIBAAAAAa0CAQAAAAGvAgEAAAABsQICAAAAAbICAQAAAAG0AgAAALADArYCQAAAAAHCAgEAAAAB0QJAAAAAAdcCAgAAAAHbAgEAAAAB3AIBAAAAAd0CQAAAAAHrAgEAAAABqQMBAAAAAaoDAQAAAAGrAwEAAAABrAMCAAAAAa0DAgAAAAGuAwIAAAABsAMBAAAAAbEDAQAAAAGyAwEAAAABswMBAAAAAbQDAQAAAAG1AwEAAAABtgMBAAAAAbcDAQAAAAG4A4AAAAABuQMBAAAAAboDQAAAAAG7A0AAAAABvANAAAAAAb0DQAAAAAG-A0AAAAABvwMBAAAAAcADAgAAAAHBA0AAAAABwgMgAAAAAcMDAQAAAAHEAwIAAAABxQMBAAAAAcYDAQAAAAHHAwIAAAAByAMgAAAAAckDAgAAAAECAAAAIQAgLQAA6AUAIAMAAAAhACAtAADoBQAgLgAA5gUAIAEmAADfCAAwAgAAACEAICYAAOYFACACAAAAmAUAICYAAOUFACAvDwEA7QQAIawCAQDsBAAhrQIBAO0EACGvAgEA7AQAIbECAgDuBAAhsgIBAOwEACG0AgAAmgWwAyK2AkAA8QQAIcICAQDsBAAh0QJAAPEEACHXAgIA7gQAIdsCAQDtBAAh3AIBAO0EACHdAkAA8AQAIesCAQDsBAAhqQMBAO0EACGqAwEA7QQAIasDAQDtBAAhrAMCAO4EACGtAwIA7gQAIa4DAgDuBAAhsAMBAO0EACGxAwEA7QQAIbIDAQDtBAAhswMBAO0EACG0AwEA7QQAIbUDAQDtBAAhtgMBAO0EACG3AwEA7QQAIbgDgAAAAAG5AwEA7QQAIboDQADwBAAhuwNAAPAEACG8A0AA8AQAIb0DQADwBAAhvgNAAPAEACG_AwEA7QQAIcADAgDuBAAhwQNAAPAEACHCAyAAgAUAIcMDAQDtBAAhxAMCAO4EACHFAwEA7QQAIcYDAQDtBAAhxwMCAO4EACHIAyAAgAUAIckDAgDuBAAhOAMAAJ0FACAEAACcBQAgBQAAngUAIAcAAKAFACAKAAChBQAgCwAAogUAIA0AAKMFACAPAQDtBAAhEgAA5wUAIBMAAKQFACCsAgEA7AQAIa0CAQDtBAAhrwIBAOwEACGxAgIA7gQAIbICAQDsBAAhtAIAAJoFsAMitgJAAPEEACHCAgEA7AQAIdECQADxBAAh1wICAO4EACHbAgEA7QQAIdwCAQDtBAAh3QJAAPAEACHrAgEA7AQAIakDAQDtBAAhqgMBAO0EACGrAwEA7QQAIawDAgDuBAAhrQMCAO4EACGuAwIA7gQAIbADAQDtBAAhsQMBAO0EACGyAwEA7QQAIbMDAQDtBAAhtAMBAO0EACG1AwEA7QQAIbYDAQDtBAAhtwMBAO0EACG4A4AAAAABuQMBAO0EACG6A0AA8AQAIbsDQADwBAAhvANAAPAEACG9A0AA8AQAIb4DQADwBAAhvwMBAO0EACHAAwIA7gQAIcEDQADwBAAhwgMgAIAFACHDAwEA7QQAIcQDAgDuBAAhxQMBAO0EACHGAwEA7QQAIccDAgDuBAAhyAMgAIAFACHJAwIA7gQAIQctAADUCAAgLgAA3QgAINsDAADVCAAg3AMAANwIACDfAwAAHgAg4AMAAB4AIOEDAABIACA4AwAA6gUAIAQAAOkFACAFAADrBQAgBwAA7AUAIAoAAO0FACALAADuBQAgDQAA7wUAIA8BAAAAARIAAPAFACATAADxBQAgrAIBAAAAAa0CAQAAAAGvAgEAAAABsQICAAAAAbICAQAAAAG0AgAAALADArYCQAAAAAHCAgEAAAAB0QJAAAAAAdcCAgAAAAHbAgEAAAAB3AIBAAAAAd0CQAAAAAHrAgEAAAABqQMBAAAAAaoDAQAAAAGrAwEAAAABrAMCAAAAAa0DAgAAAAGuAwIAAAABsAMBAAAAAbEDAQAAAAGyAwEAAAABswMBAAAAAbQDAQAAAAG1AwEAAAABtgMBAAAAAbcDAQAAAAG4A4AAAAABuQMBAAAAAboDQAAAAAG7A0AAAAABvANAAAAAAb0DQAAAAAG-A0AAAAABvwMBAAAAAcADAgAAAAHBA0AAAAABwgMgAAAAAcMDAQAAAAHEAwIAAAABxQMBAAAAAcYDAQAAAAHHAwIAAAAByAMgAAAAAckDAgAAAAEDLQAA2ggAINsDAADbCAAg4QMAAAEAIAMtAADYCAAg2wMAANkIACDhAwAAAQAgAy0AANYIACDbAwAA1wgAIOEDAAAFACADLQAA1QUAINsDAADWBQAg4QMAAAkAIAQtAADFBQAw2wMAAMYFADDdAwAAyAUAIOEDAADJBQAwBC0AALkFADDbAwAAugUAMN0DAAC8BQAg4QMAAL0FADAELQAAqgUAMNsDAACrBQAw3QMAAK0FACDhAwAArgUAMAMtAADUCAAg2wMAANUIACDhAwAASAAgAy0AAKUFACDbAwAApgUAIOEDAAAlACADLQAA0ggAINsDAADTCAAg4QMAAAEAIAMtAADQCAAg2wMAANEIACDhAwAABQAgBC0AAN8FADDbAwAA4AUAMN0DAADiBQAg4QMAAJQFADA4AwAA6gUAIAQAAOkFACAFAADrBQAgBgAA9gUAIAcAAOwFACAKAADtBQAgCwAA7gUAIA0AAO8FACAPAQAAAAETAADxBQAgrAIBAAAAAa8CAQAAAAGxAgIAAAABsgIBAAAAAbQCAAAAsAMCtgJAAAAAAcICAQAAAAHRAkAAAAAB1wICAAAAAdsCAQAAAAHcAgEAAAAB3QJAAAAAAesCAQAAAAGoAwEAAAABqQMBAAAAAaoDAQAAAAGrAwEAAAABrAMCAAAAAa0DAgAAAAGuAwIAAAABsAMBAAAAAbEDAQAAAAGyAwEAAAABswMBAAAAAbQDAQAAAAG1AwEAAAABtgMBAAAAAbcDAQAAAAG4A4AAAAABuQMBAAAAAboDQAAAAAG7A0AAAAABvANAAAAAAb0DQAAAAAG-A0AAAAABvwMBAAAAAcADAgAAAAHBA0AAAAABwgMgAAAAAcMDAQAAAAHEAwIAAAABxQMBAAAAAcYDAQAAAAHHAwIAAAAByAMgAAAAAckDAgAAAAEDLQAAzggAINsDAADPCAAg4QMAAAkAIAHeAwEAAAAEAy0AAMwIACDbAwAAzQgAIOEDAAABACAELQAAkAUAMNsDAACRBQAw3QMAAJMFACDhAwAAlAUAMAQtAACEBQAw2wMAAIUFADDdAwAAhwUAIOEDAACIBQAwAAAAAAAB3gMAAADZAgIFLQAAxwgAIC4AAMoIACDbAwAAyAgAINwDAADJCAAg4QMAAO8CACADLQAAxwgAINsDAADICAAg4QMAAO8CACAAAAAAAALeAwEAAAAE6AMBAAAABQUtAADBCAAgLgAAxQgAINsDAADCCAAg3AMAAMQIACDhAwAAAQAgCy0AAIsGADAuAACQBgAw2wMAAIwGADDcAwAAjQYAMN0DAACOBgAg3gMAAI8GADDfAwAAjwYAMOADAACPBgAw4QMAAI8GADDiAwAAkQYAMOMDAACSBgAwDKwCAQAAAAGyAgEAAAABtAIAAADZAgK2AkAAAAAB0QJAAAAAAdUCAQAAAAHXAgIAAAAB2QJAAAAAAdoCIAAAAAHbAgEAAAAB3AIBAAAAAd0CQAAAAAECAAAARAAgLQAAlgYAIAMAAABEACAtAACWBgAgLgAAlQYAIAEmAADDCAAwERwAALoEACCpAgAAuAQAMKoCAABCABCrAgAAuAQAMKwCAQAAAAGyAgEA-wMAIbQCAAC5BNkCIrYCQADzAwAh0QJAAPMDACHVAgEAAAAB1gIBAPsDACHXAgIA_AMAIdkCQADzAwAh2gIgAO8DACHbAgEA8AMAIdwCAQDwAwAh3QJAAPIDACECAAAARAAgJgAAlQYAIAIAAACTBgAgJgAAlAYAIBCpAgAAkgYAMKoCAACTBgAQqwIAAJIGADCsAgEA-wMAIbICAQD7AwAhtAIAALkE2QIitgJAAPMDACHRAkAA8wMAIdUCAQD7AwAh1gIBAPsDACHXAgIA_AMAIdkCQADzAwAh2gIgAO8DACHbAgEA8AMAIdwCAQDwAwAh3QJAAPIDACEQqQIAAJIGADCqAgAAkwYAEKsCAACSBgAwrAIBAPsDACGyAgEA-wMAIbQCAAC5BNkCIrYCQADzAwAh0QJAAPMDACHVAgEA-wMAIdYCAQD7AwAh1wICAPwDACHZAkAA8wMAIdoCIADvAwAh2wIBAPADACHcAgEA8AMAId0CQADyAwAhDKwCAQDsBAAhsgIBAOwEACG0AgAAgAbZAiK2AkAA8QQAIdECQADxBAAh1QIBAOwEACHXAgIA7gQAIdkCQADxBAAh2gIgAIAFACHbAgEA7QQAIdwCAQDtBAAh3QJAAPAEACEMrAIBAOwEACGyAgEA7AQAIbQCAACABtkCIrYCQADxBAAh0QJAAPEEACHVAgEA7AQAIdcCAgDuBAAh2QJAAPEEACHaAiAAgAUAIdsCAQDtBAAh3AIBAO0EACHdAkAA8AQAIQysAgEAAAABsgIBAAAAAbQCAAAA2QICtgJAAAAAAdECQAAAAAHVAgEAAAAB1wICAAAAAdkCQAAAAAHaAiAAAAAB2wIBAAAAAdwCAQAAAAHdAkAAAAABAd4DAQAAAAQDLQAAwQgAINsDAADCCAAg4QMAAAEAIAQtAACLBgAw2wMAAIwGADDdAwAAjgYAIOEDAACPBgAwDA0AAIcIACAUAACDCAAgFgAAgggAIBcAAIQIACAYAACECAAgGQAAhQgAIBsAAIYIACAeAACICAAgHwAAiQgAICAAAIoIACCrAwAA5gQAINMDAADmBAAgAAAAAAAABd4DBAAAAAHkAwQAAAAB5QMEAAAAAeYDBAAAAAHnAwQAAAABAAAAAAAF3gMEAAAAAeQDBAAAAAHlAwQAAAAB5gMEAAAAAecDBAAAAAEFLQAAvAgAIC4AAL8IACDbAwAAvQgAINwDAAC-CAAg4QMAAAUAIAMtAAC8CAAg2wMAAL0IACDhAwAABQAgAAAAAAAB3gMAAAD6AgIAAAAAAActAAC3CAAgLgAAuggAINsDAAC4CAAg3AMAALkIACDfAwAACwAg4AMAAAsAIOEDAAAhACADLQAAtwgAINsDAAC4CAAg4QMAACEAIAAAAAAABS0AALIIACAuAAC1CAAg2wMAALMIACDcAwAAtAgAIOEDAAABACADLQAAsggAINsDAACzCAAg4QMAAAEAIAAAAAAAAd4DAAAAkwMCAAAAAAAFLQAArQgAIC4AALAIACDbAwAArggAINwDAACvCAAg4QMAACEAIAMtAACtCAAg2wMAAK4IACDhAwAAIQAgAAAAAAAFLQAAqAgAIC4AAKsIACDbAwAAqQgAINwDAACqCAAg4QMAACEAIAMtAACoCAAg2wMAAKkIACDhAwAAIQAgAAAAAAAAAAAHLQAAowgAIC4AAKYIACDbAwAApAgAINwDAAClCAAg3wMAAAsAIOADAAALACDhAwAAIQAgAy0AAKMIACDbAwAApAgAIOEDAAAhACAAAAAAAAHeAwAAAM8DAgUtAACbCAAgLgAAoQgAINsDAACcCAAg3AMAAKAIACDhAwAAAQAgCy0AAPsGADAuAACABwAw2wMAAPwGADDcAwAA_QYAMN0DAAD-BgAg3gMAAP8GADDfAwAA_wYAMOADAAD_BgAw4QMAAP8GADDiAwAAgQcAMOMDAACCBwAwCy0AAPIGADAuAAD2BgAw2wMAAPMGADDcAwAA9AYAMN0DAAD1BgAg3gMAAJQFADDfAwAAlAUAMOADAACUBQAw4QMAAJQFADDiAwAA9wYAMOMDAACXBQAwCy0AAOYGADAuAADrBgAw2wMAAOcGADDcAwAA6AYAMN0DAADpBgAg3gMAAOoGADDfAwAA6gYAMOADAADqBgAw4QMAAOoGADDiAwAA7AYAMOMDAADtBgAwDLECBAAAAAGyAgEAAAABwgIBAAAAAewCQAAAAAHtAgQAAAAB7gIEAAAAAe8CAgAAAAHwAgIAAAAB8QICAAAAAfICAgAAAAHzAgQAAAAB9AIEAAAAAQIAAAAyACAtAADxBgAgAwAAADIAIC0AAPEGACAuAADwBgAgASYAAJ8IADASBQAAwQQAIKkCAAC_BAAwqgIAADAAEKsCAAC_BAAwsQIEAMAEACGyAgEA-wMAIcICAQD7AwAh6wIBAPsDACHsAkAA8wMAIe0CBADABAAh7gIEAMAEACHvAgIA_AMAIfACAgD8AwAh8QICAPwDACHyAgIA_AMAIfMCBADABAAh9AIEAMAEACHWAwAAvgQAIAIAAAAyACAmAADwBgAgAgAAAO4GACAmAADvBgAgEKkCAADtBgAwqgIAAO4GABCrAgAA7QYAMLECBADABAAhsgIBAPsDACHCAgEA-wMAIesCAQD7AwAh7AJAAPMDACHtAgQAwAQAIe4CBADABAAh7wICAPwDACHwAgIA_AMAIfECAgD8AwAh8gICAPwDACHzAgQAwAQAIfQCBADABAAhEKkCAADtBgAwqgIAAO4GABCrAgAA7QYAMLECBADABAAhsgIBAPsDACHCAgEA-wMAIesCAQD7AwAh7AJAAPMDACHtAgQAwAQAIe4CBADABAAh7wICAPwDACHwAgIA_AMAIfECAgD8AwAh8gICAPwDACHzAgQAwAQAIfQCBADABAAhDLECBACnBgAhsgIBAOwEACHCAgEA7AQAIewCQADxBAAh7QIEAKcGACHuAgQApwYAIe8CAgDuBAAh8AICAO4EACHxAgIA7gQAIfICAgDuBAAh8wIEAKcGACH0AgQApwYAIQyxAgQApwYAIbICAQDsBAAhwgIBAOwEACHsAkAA8QQAIe0CBACnBgAh7gIEAKcGACHvAgIA7gQAIfACAgDuBAAh8QICAO4EACHyAgIA7gQAIfMCBACnBgAh9AIEAKcGACEMsQIEAAAAAbICAQAAAAHCAgEAAAAB7AJAAAAAAe0CBAAAAAHuAgQAAAAB7wICAAAAAfACAgAAAAHxAgIAAAAB8gICAAAAAfMCBAAAAAH0AgQAAAABOAMAAOoFACAEAADpBQAgBgAA9gUAIAcAAOwFACAKAADtBQAgCwAA7gUAIA0AAO8FACAPAQAAAAESAADwBQAgEwAA8QUAIKwCAQAAAAGtAgEAAAABrwIBAAAAAbECAgAAAAGyAgEAAAABtAIAAACwAwK2AkAAAAABwgIBAAAAAdECQAAAAAHXAgIAAAAB2wIBAAAAAdwCAQAAAAHdAkAAAAABqAMBAAAAAakDAQAAAAGqAwEAAAABqwMBAAAAAawDAgAAAAGtAwIAAAABrgMCAAAAAbADAQAAAAGxAwEAAAABsgMBAAAAAbMDAQAAAAG0AwEAAAABtQMBAAAAAbYDAQAAAAG3AwEAAAABuAOAAAAAAbkDAQAAAAG6A0AAAAABuwNAAAAAAbwDQAAAAAG9A0AAAAABvgNAAAAAAb8DAQAAAAHAAwIAAAABwQNAAAAAAcIDIAAAAAHDAwEAAAABxAMCAAAAAcUDAQAAAAHGAwEAAAABxwMCAAAAAcgDIAAAAAHJAwIAAAABAgAAACEAIC0AAPoGACADAAAAIQAgLQAA-gYAIC4AAPkGACABJgAAnggAMAIAAAAhACAmAAD5BgAgAgAAAJgFACAmAAD4BgAgLw8BAO0EACGsAgEA7AQAIa0CAQDtBAAhrwIBAOwEACGxAgIA7gQAIbICAQDsBAAhtAIAAJoFsAMitgJAAPEEACHCAgEA7AQAIdECQADxBAAh1wICAO4EACHbAgEA7QQAIdwCAQDtBAAh3QJAAPAEACGoAwEA7AQAIakDAQDtBAAhqgMBAO0EACGrAwEA7QQAIawDAgDuBAAhrQMCAO4EACGuAwIA7gQAIbADAQDtBAAhsQMBAO0EACGyAwEA7QQAIbMDAQDtBAAhtAMBAO0EACG1AwEA7QQAIbYDAQDtBAAhtwMBAO0EACG4A4AAAAABuQMBAO0EACG6A0AA8AQAIbsDQADwBAAhvANAAPAEACG9A0AA8AQAIb4DQADwBAAhvwMBAO0EACHAAwIA7gQAIcEDQADwBAAhwgMgAIAFACHDAwEA7QQAIcQDAgDuBAAhxQMBAO0EACHGAwEA7QQAIccDAgDuBAAhyAMgAIAFACHJAwIA7gQAITgDAACdBQAgBAAAnAUAIAYAAJ8FACAHAACgBQAgCgAAoQUAIAsAAKIFACANAACjBQAgDwEA7QQAIRIAAOcFACATAACkBQAgrAIBAOwEACGtAgEA7QQAIa8CAQDsBAAhsQICAO4EACGyAgEA7AQAIbQCAACaBbADIrYCQADxBAAhwgIBAOwEACHRAkAA8QQAIdcCAgDuBAAh2wIBAO0EACHcAgEA7QQAId0CQADwBAAhqAMBAOwEACGpAwEA7QQAIaoDAQDtBAAhqwMBAO0EACGsAwIA7gQAIa0DAgDuBAAhrgMCAO4EACGwAwEA7QQAIbEDAQDtBAAhsgMBAO0EACGzAwEA7QQAIbQDAQDtBAAhtQMBAO0EACG2AwEA7QQAIbcDAQDtBAAhuAOAAAAAAbkDAQDtBAAhugNAAPAEACG7A0AA8AQAIbwDQADwBAAhvQNAAPAEACG-A0AA8AQAIb8DAQDtBAAhwAMCAO4EACHBA0AA8AQAIcIDIACABQAhwwMBAO0EACHEAwIA7gQAIcUDAQDtBAAhxgMBAO0EACHHAwIA7gQAIcgDIACABQAhyQMCAO4EACE4AwAA6gUAIAQAAOkFACAGAAD2BQAgBwAA7AUAIAoAAO0FACALAADuBQAgDQAA7wUAIA8BAAAAARIAAPAFACATAADxBQAgrAIBAAAAAa0CAQAAAAGvAgEAAAABsQICAAAAAbICAQAAAAG0AgAAALADArYCQAAAAAHCAgEAAAAB0QJAAAAAAdcCAgAAAAHbAgEAAAAB3AIBAAAAAd0CQAAAAAGoAwEAAAABqQMBAAAAAaoDAQAAAAGrAwEAAAABrAMCAAAAAa0DAgAAAAGuAwIAAAABsAMBAAAAAbEDAQAAAAGyAwEAAAABswMBAAAAAbQDAQAAAAG1AwEAAAABtgMBAAAAAbcDAQAAAAG4A4AAAAABuQMBAAAAAboDQAAAAAG7A0AAAAABvANAAAAAAb0DQAAAAAG-A0AAAAABvwMBAAAAAcADAgAAAAHBA0AAAAABwgMgAAAAAcMDAQAAAAHEAwIAAAABxQMBAAAAAcYDAQAAAAHHAwIAAAAByAMgAAAAAckDAgAAAAEMBAAA8gUAIAgAANsGACAOAAD0BQAgrAIBAAAAAa4CAQAAAAGvAgEAAAABtAIAAADLAwK2AkAAAAAB0QJAAAAAAcIDIAAAAAHLAwAAALADA8wDQAAAAAECAAAACQAgLQAAhgcAIAMAAAAJACAtAACGBwAgLgAAhQcAIAEmAACdCAAwEgQAAPQDACAFAADBBAAgCAAA0wQAIA4AALYEACCpAgAA4AQAMKoCAAAHABCrAgAA4AQAMKwCAQAAAAGuAgEAAAABrwIBAPsDACG0AgAA4QTLAyK2AkAA8wMAIdECQADzAwAh6wIBAPsDACHCAyAA7wMAIcsDAADiBLADI8wDQADyAwAh2AMAAN8EACACAAAACQAgJgAAhQcAIAIAAACDBwAgJgAAhAcAIA2pAgAAggcAMKoCAACDBwAQqwIAAIIHADCsAgEA-wMAIa4CAQDwAwAhrwIBAPsDACG0AgAA4QTLAyK2AkAA8wMAIdECQADzAwAh6wIBAPsDACHCAyAA7wMAIcsDAADiBLADI8wDQADyAwAhDakCAACCBwAwqgIAAIMHABCrAgAAggcAMKwCAQD7AwAhrgIBAPADACGvAgEA-wMAIbQCAADhBMsDIrYCQADzAwAh0QJAAPMDACHrAgEA-wMAIcIDIADvAwAhywMAAOIEsAMjzANAAPIDACEJrAIBAOwEACGuAgEA7QQAIa8CAQDsBAAhtAIAANoFywMitgJAAPEEACHRAkAA8QQAIcIDIACABQAhywMAANsFsAMjzANAAPAEACEMBAAA3AUAIAgAANoGACAOAADeBQAgrAIBAOwEACGuAgEA7QQAIa8CAQDsBAAhtAIAANoFywMitgJAAPEEACHRAkAA8QQAIcIDIACABQAhywMAANsFsAMjzANAAPAEACEMBAAA8gUAIAgAANsGACAOAAD0BQAgrAIBAAAAAa4CAQAAAAGvAgEAAAABtAIAAADLAwK2AkAAAAAB0QJAAAAAAcIDIAAAAAHLAwAAALADA8wDQAAAAAEDLQAAmwgAINsDAACcCAAg4QMAAAEAIAQtAAD7BgAw2wMAAPwGADDdAwAA_gYAIOEDAAD_BgAwBC0AAPIGADDbAwAA8wYAMN0DAAD1BgAg4QMAAJQFADAELQAA5gYAMNsDAADnBgAw3QMAAOkGACDhAwAA6gYAMAAAAAHeAwAAAIYDAgstAADsBwAwLgAA8QcAMNsDAADtBwAw3AMAAO4HADDdAwAA7wcAIN4DAADwBwAw3wMAAPAHADDgAwAA8AcAMOEDAADwBwAw4gMAAPIHADDjAwAA8wcAMAstAADjBwAwLgAA5wcAMNsDAADkBwAw3AMAAOUHADDdAwAA5gcAIN4DAAD_BgAw3wMAAP8GADDgAwAA_wYAMOEDAAD_BgAw4gMAAOgHADDjAwAAggcAMAstAADaBwAwLgAA3gcAMNsDAADbBwAw3AMAANwHADDdAwAA3QcAIN4DAACUBQAw3wMAAJQFADDgAwAAlAUAMOEDAACUBQAw4gMAAN8HADDjAwAAlwUAMAstAADRBwAwLgAA1QcAMNsDAADSBwAw3AMAANMHADDdAwAA1AcAIN4DAACUBQAw3wMAAJQFADDgAwAAlAUAMOEDAACUBQAw4gMAANYHADDjAwAAlwUAMAstAADIBwAwLgAAzAcAMNsDAADJBwAw3AMAAMoHADDdAwAAywcAIN4DAADJBQAw3wMAAMkFADDgAwAAyQUAMOEDAADJBQAw4gMAAM0HADDjAwAAzAUAMAstAAC8BwAwLgAAwQcAMNsDAAC9BwAw3AMAAL4HADDdAwAAvwcAIN4DAADABwAw3wMAAMAHADDgAwAAwAcAMOEDAADABwAw4gMAAMIHADDjAwAAwwcAMAstAACzBwAwLgAAtwcAMNsDAAC0BwAw3AMAALUHADDdAwAAtgcAIN4DAACuBQAw3wMAAK4FADDgAwAArgUAMOEDAACuBQAw4gMAALgHADDjAwAAsQUAMActAACuBwAgLgAAsQcAINsDAACvBwAg3AMAALAHACDfAwAAQAAg4AMAAEAAIOEDAADvAgAgCy0AAKIHADAuAACnBwAw2wMAAKMHADDcAwAApAcAMN0DAAClBwAg3gMAAKYHADDfAwAApgcAMOADAACmBwAw4QMAAKYHADDiAwAAqAcAMOMDAACpBwAwCy0AAJkHADAuAACdBwAw2wMAAJoHADDcAwAAmwcAMN0DAACcBwAg3gMAAIgFADDfAwAAiAUAMOADAACIBQAw4QMAAIgFADDiAwAAngcAMOMDAACLBQAwCwgAAPYEACAPAAD1BAAgrAIBAAAAAa0CAQAAAAGuAgEAAAABsAIBAAAAAbECAgAAAAGyAgEAAAABtAIAAAC0AgK1AkAAAAABtgJAAAAAAQIAAAAlACAtAAChBwAgAwAAACUAIC0AAKEHACAuAACgBwAgASYAAJoIADACAAAAJQAgJgAAoAcAIAIAAACMBQAgJgAAnwcAIAmsAgEA7AQAIa0CAQDsBAAhrgIBAOwEACGwAgEA7QQAIbECAgDuBAAhsgIBAOwEACG0AgAA7wS0AiK1AkAA8AQAIbYCQADxBAAhCwgAAPMEACAPAADyBAAgrAIBAOwEACGtAgEA7AQAIa4CAQDsBAAhsAIBAO0EACGxAgIA7gQAIbICAQDsBAAhtAIAAO8EtAIitQJAAPAEACG2AkAA8QQAIQsIAAD2BAAgDwAA9QQAIKwCAQAAAAGtAgEAAAABrgIBAAAAAbACAQAAAAGxAgIAAAABsgIBAAAAAbQCAAAAtAICtQJAAAAAAbYCQAAAAAETDgAA-QUAIBAAAPoFACCsAgEAAAABsgIBAAAAAbYCQAAAAAHDAgEAAAABxAIBAAAAAcYCAAAAxgICxwICAAAAAcgCAgAAAAHJAgAA9wUAIMoCQAAAAAHLAkAAAAABzAICAAAAAc0CIAAAAAHOAiAAAAABzwICAAAAAdACAgAAAAHRAkAAAAABAgAAAEgAIC0AAK0HACADAAAASAAgLQAArQcAIC4AAKwHACABJgAAmQgAMBkDAAD0AwAgDgAAtgQAIBAAALcEACCpAgAAtAQAMKoCAAAeABCrAgAAtAQAMKwCAQAAAAGyAgEA8AMAIbYCQADzAwAhwgIBAPsDACHDAgEA-wMAIcQCAQD7AwAhxgIAALUExgIixwICAPEDACHIAgIA8QMAIckCAADhAwAgygJAAPIDACHLAkAA8gMAIcwCAgDxAwAhzQIgAO8DACHOAiAA7wMAIc8CAgD8AwAh0AICAPwDACHRAkAA8wMAIdQDAACzBAAgAgAAAEgAICYAAKwHACACAAAAqgcAICYAAKsHACAVqQIAAKkHADCqAgAAqgcAEKsCAACpBwAwrAIBAPsDACGyAgEA8AMAIbYCQADzAwAhwgIBAPsDACHDAgEA-wMAIcQCAQD7AwAhxgIAALUExgIixwICAPEDACHIAgIA8QMAIckCAADhAwAgygJAAPIDACHLAkAA8gMAIcwCAgDxAwAhzQIgAO8DACHOAiAA7wMAIc8CAgD8AwAh0AICAPwDACHRAkAA8wMAIRWpAgAAqQcAMKoCAACqBwAQqwIAAKkHADCsAgEA-wMAIbICAQDwAwAhtgJAAPMDACHCAgEA-wMAIcMCAQD7AwAhxAIBAPsDACHGAgAAtQTGAiLHAgIA8QMAIcgCAgDxAwAhyQIAAOEDACDKAkAA8gMAIcsCQADyAwAhzAICAPEDACHNAiAA7wMAIc4CIADvAwAhzwICAPwDACHQAgIA_AMAIdECQADzAwAhEawCAQDsBAAhsgIBAO0EACG2AkAA8QQAIcMCAQDsBAAhxAIBAOwEACHGAgAA_QTGAiLHAgIA_gQAIcgCAgD-BAAhyQIAAP8EACDKAkAA8AQAIcsCQADwBAAhzAICAP4EACHNAiAAgAUAIc4CIACABQAhzwICAO4EACHQAgIA7gQAIdECQADxBAAhEw4AAIIFACAQAACDBQAgrAIBAOwEACGyAgEA7QQAIbYCQADxBAAhwwIBAOwEACHEAgEA7AQAIcYCAAD9BMYCIscCAgD-BAAhyAICAP4EACHJAgAA_wQAIMoCQADwBAAhywJAAPAEACHMAgIA_gQAIc0CIACABQAhzgIgAIAFACHPAgIA7gQAIdACAgDuBAAh0QJAAPEEACETDgAA-QUAIBAAAPoFACCsAgEAAAABsgIBAAAAAbYCQAAAAAHDAgEAAAABxAIBAAAAAcYCAAAAxgICxwICAAAAAcgCAgAAAAHJAgAA9wUAIMoCQAAAAAHLAkAAAAABzAICAAAAAc0CIAAAAAHOAiAAAAABzwICAAAAAdACAgAAAAHRAkAAAAABCx0AAJkGACC2AkAAAAAB0QJAAAAAAdYCAQAAAAHdAkAAAAAB3wIgAAAAAeACIAAAAAHhAiAAAAAB4gIAAJcGACDjAgEAAAAB5AICAAAAAQIAAADvAgAgLQAArgcAIAMAAABAACAtAACuBwAgLgAAsgcAIA0AAABAACAdAACKBgAgJgAAsgcAILYCQADxBAAh0QJAAPEEACHWAgEA7AQAId0CQADwBAAh3wIgAIAFACHgAiAAgAUAIeECIACABQAh4gIAAIgGACDjAgEA7QQAIeQCAgD-BAAhCx0AAIoGACC2AkAA8QQAIdECQADxBAAh1gIBAOwEACHdAkAA8AQAId8CIACABQAh4AIgAIAFACHhAiAAgAUAIeICAACIBgAg4wIBAO0EACHkAgIA_gQAIQkIAAC2BgAgrAIBAAAAAa4CAQAAAAGyAgEAAAABtgJAAAAAAdcCAgAAAAGGAwAAAIYDA4cDAQAAAAGIA4AAAAABAgAAABoAIC0AALsHACADAAAAGgAgLQAAuwcAIC4AALoHACABJgAAmAgAMAIAAAAaACAmAAC6BwAgAgAAALIFACAmAAC5BwAgCKwCAQDsBAAhrgIBAO0EACGyAgEA7QQAIbYCQADxBAAh1wICAP4EACGGAwAAtAWGAyOHAwEA7AQAIYgDgAAAAAEJCAAAtQYAIKwCAQDsBAAhrgIBAO0EACGyAgEA7QQAIbYCQADxBAAh1wICAP4EACGGAwAAtAWGAyOHAwEA7AQAIYgDgAAAAAEJCAAAtgYAIKwCAQAAAAGuAgEAAAABsgIBAAAAAbYCQAAAAAHXAgIAAAABhgMAAACGAwOHAwEAAAABiAOAAAAAAQmsAgEAAAABtgJAAAAAAegCAQAAAAGJAwEAAAABigMBAAAAAYsDQAAAAAGMAwIAAAABjQOAAAAAAY4DQAAAAAECAAAAPQAgLQAAxwcAIAMAAAA9ACAtAADHBwAgLgAAxgcAIAEmAACXCAAwDxoAAPQDACCpAgAAvAQAMKoCAAA7ABCrAgAAvAQAMKwCAQAAAAG2AkAA8wMAId4CAQD7AwAh6AIBAPsDACGJAwEA-wMAIYoDAQD7AwAhiwNAAPIDACGMAwIA8QMAIY0DAAC9BAAgjgNAAPMDACHVAwAAuwQAIAIAAAA9ACAmAADGBwAgAgAAAMQHACAmAADFBwAgDakCAADDBwAwqgIAAMQHABCrAgAAwwcAMKwCAQD7AwAhtgJAAPMDACHeAgEA-wMAIegCAQD7AwAhiQMBAPsDACGKAwEA-wMAIYsDQADyAwAhjAMCAPEDACGNAwAAvQQAII4DQADzAwAhDakCAADDBwAwqgIAAMQHABCrAgAAwwcAMKwCAQD7AwAhtgJAAPMDACHeAgEA-wMAIegCAQD7AwAhiQMBAPsDACGKAwEA-wMAIYsDQADyAwAhjAMCAPEDACGNAwAAvQQAII4DQADzAwAhCawCAQDsBAAhtgJAAPEEACHoAgEA7AQAIYkDAQDsBAAhigMBAOwEACGLA0AA8AQAIYwDAgD-BAAhjQOAAAAAAY4DQADxBAAhCawCAQDsBAAhtgJAAPEEACHoAgEA7AQAIYkDAQDsBAAhigMBAOwEACGLA0AA8AQAIYwDAgD-BAAhjQOAAAAAAY4DQADxBAAhCawCAQAAAAG2AkAAAAAB6AIBAAAAAYkDAQAAAAGKAwEAAAABiwNAAAAAAYwDAgAAAAGNA4AAAAABjgNAAAAAAQ4IAADRBgAgrAIBAAAAAa4CAQAAAAGyAgEAAAABtAIAAACiAwK2AkAAAAAB0QJAAAAAAdcCAgAAAAGXAwAAAKMDAqADAQAAAAGjAwEAAAABpQMCAAAAAaYDAQAAAAGnAwEAAAABAgAAABAAIC0AANAHACADAAAAEAAgLQAA0AcAIC4AAM8HACABJgAAlggAMAIAAAAQACAmAADPBwAgAgAAAM0FACAmAADOBwAgDawCAQDsBAAhrgIBAOwEACGyAgEA7AQAIbQCAADPBaIDIrYCQADxBAAh0QJAAPEEACHXAgIA7gQAIZcDAADQBaMDIqADAQDtBAAhowMBAO0EACGlAwIA_gQAIaYDAQDtBAAhpwMBAO0EACEOCAAA0AYAIKwCAQDsBAAhrgIBAOwEACGyAgEA7AQAIbQCAADPBaIDIrYCQADxBAAh0QJAAPEEACHXAgIA7gQAIZcDAADQBaMDIqADAQDtBAAhowMBAO0EACGlAwIA_gQAIaYDAQDtBAAhpwMBAO0EACEOCAAA0QYAIKwCAQAAAAGuAgEAAAABsgIBAAAAAbQCAAAAogMCtgJAAAAAAdECQAAAAAHXAgIAAAABlwMAAACjAwKgAwEAAAABowMBAAAAAaUDAgAAAAGmAwEAAAABpwMBAAAAATgEAADpBQAgBQAA6wUAIAYAAPYFACAHAADsBQAgCgAA7QUAIAsAAO4FACANAADvBQAgDwEAAAABEgAA8AUAIBMAAPEFACCsAgEAAAABrQIBAAAAAa8CAQAAAAGxAgIAAAABsgIBAAAAAbQCAAAAsAMCtgJAAAAAAdECQAAAAAHXAgIAAAAB2wIBAAAAAdwCAQAAAAHdAkAAAAAB6wIBAAAAAagDAQAAAAGpAwEAAAABqgMBAAAAAasDAQAAAAGsAwIAAAABrQMCAAAAAa4DAgAAAAGwAwEAAAABsQMBAAAAAbIDAQAAAAGzAwEAAAABtAMBAAAAAbUDAQAAAAG2AwEAAAABtwMBAAAAAbgDgAAAAAG5AwEAAAABugNAAAAAAbsDQAAAAAG8A0AAAAABvQNAAAAAAb4DQAAAAAG_AwEAAAABwAMCAAAAAcEDQAAAAAHCAyAAAAABwwMBAAAAAcQDAgAAAAHFAwEAAAABxgMBAAAAAccDAgAAAAHIAyAAAAAByQMCAAAAAQIAAAAhACAtAADZBwAgAwAAACEAIC0AANkHACAuAADYBwAgASYAAJUIADACAAAAIQAgJgAA2AcAIAIAAACYBQAgJgAA1wcAIC8PAQDtBAAhrAIBAOwEACGtAgEA7QQAIa8CAQDsBAAhsQICAO4EACGyAgEA7AQAIbQCAACaBbADIrYCQADxBAAh0QJAAPEEACHXAgIA7gQAIdsCAQDtBAAh3AIBAO0EACHdAkAA8AQAIesCAQDsBAAhqAMBAOwEACGpAwEA7QQAIaoDAQDtBAAhqwMBAO0EACGsAwIA7gQAIa0DAgDuBAAhrgMCAO4EACGwAwEA7QQAIbEDAQDtBAAhsgMBAO0EACGzAwEA7QQAIbQDAQDtBAAhtQMBAO0EACG2AwEA7QQAIbcDAQDtBAAhuAOAAAAAAbkDAQDtBAAhugNAAPAEACG7A0AA8AQAIbwDQADwBAAhvQNAAPAEACG-A0AA8AQAIb8DAQDtBAAhwAMCAO4EACHBA0AA8AQAIcIDIACABQAhwwMBAO0EACHEAwIA7gQAIcUDAQDtBAAhxgMBAO0EACHHAwIA7gQAIcgDIACABQAhyQMCAO4EACE4BAAAnAUAIAUAAJ4FACAGAACfBQAgBwAAoAUAIAoAAKEFACALAACiBQAgDQAAowUAIA8BAO0EACESAADnBQAgEwAApAUAIKwCAQDsBAAhrQIBAO0EACGvAgEA7AQAIbECAgDuBAAhsgIBAOwEACG0AgAAmgWwAyK2AkAA8QQAIdECQADxBAAh1wICAO4EACHbAgEA7QQAIdwCAQDtBAAh3QJAAPAEACHrAgEA7AQAIagDAQDsBAAhqQMBAO0EACGqAwEA7QQAIasDAQDtBAAhrAMCAO4EACGtAwIA7gQAIa4DAgDuBAAhsAMBAO0EACGxAwEA7QQAIbIDAQDtBAAhswMBAO0EACG0AwEA7QQAIbUDAQDtBAAhtgMBAO0EACG3AwEA7QQAIbgDgAAAAAG5AwEA7QQAIboDQADwBAAhuwNAAPAEACG8A0AA8AQAIb0DQADwBAAhvgNAAPAEACG_AwEA7QQAIcADAgDuBAAhwQNAAPAEACHCAyAAgAUAIcMDAQDtBAAhxAMCAO4EACHFAwEA7QQAIcYDAQDtBAAhxwMCAO4EACHIAyAAgAUAIckDAgDuBAAhOAQAAOkFACAFAADrBQAgBgAA9gUAIAcAAOwFACAKAADtBQAgCwAA7gUAIA0AAO8FACAPAQAAAAESAADwBQAgEwAA8QUAIKwCAQAAAAGtAgEAAAABrwIBAAAAAbECAgAAAAGyAgEAAAABtAIAAACwAwK2AkAAAAAB0QJAAAAAAdcCAgAAAAHbAgEAAAAB3AIBAAAAAd0CQAAAAAHrAgEAAAABqAMBAAAAAakDAQAAAAGqAwEAAAABqwMBAAAAAawDAgAAAAGtAwIAAAABrgMCAAAAAbADAQAAAAGxAwEAAAABsgMBAAAAAbMDAQAAAAG0AwEAAAABtQMBAAAAAbYDAQAAAAG3AwEAAAABuAOAAAAAAbkDAQAAAAG6A0AAAAABuwNAAAAAAbwDQAAAAAG9A0AAAAABvgNAAAAAAb8DAQAAAAHAAwIAAAABwQNAAAAAAcIDIAAAAAHDAwEAAAABxAMCAAAAAcUDAQAAAAHGAwEAAAABxwMCAAAAAcgDIAAAAAHJAwIAAAABOAMAAOoFACAFAADrBQAgBgAA9gUAIAcAAOwFACAKAADtBQAgCwAA7gUAIA0AAO8FACAPAQAAAAESAADwBQAgEwAA8QUAIKwCAQAAAAGtAgEAAAABsQICAAAAAbICAQAAAAG0AgAAALADArYCQAAAAAHCAgEAAAAB0QJAAAAAAdcCAgAAAAHbAgEAAAAB3AIBAAAAAd0CQAAAAAHrAgEAAAABqAMBAAAAAakDAQAAAAGqAwEAAAABqwMBAAAAAawDAgAAAAGtAwIAAAABrgMCAAAAAbADAQAAAAGxAwEAAAABsgMBAAAAAbMDAQAAAAG0AwEAAAABtQMBAAAAAbYDAQAAAAG3AwEAAAABuAOAAAAAAbkDAQAAAAG6A0AAAAABuwNAAAAAAbwDQAAAAAG9A0AAAAABvgNAAAAAAb8DAQAAAAHAAwIAAAABwQNAAAAAAcIDIAAAAAHDAwEAAAABxAMCAAAAAcUDAQAAAAHGAwEAAAABxwMCAAAAAcgDIAAAAAHJAwIAAAABAgAAACEAIC0AAOIHACADAAAAIQAgLQAA4gcAIC4AAOEHACABJgAAlAgAMAIAAAAhACAmAADhBwAgAgAAAJgFACAmAADgBwAgLw8BAO0EACGsAgEA7AQAIa0CAQDtBAAhsQICAO4EACGyAgEA7AQAIbQCAACaBbADIrYCQADxBAAhwgIBAOwEACHRAkAA8QQAIdcCAgDuBAAh2wIBAO0EACHcAgEA7QQAId0CQADwBAAh6wIBAOwEACGoAwEA7AQAIakDAQDtBAAhqgMBAO0EACGrAwEA7QQAIawDAgDuBAAhrQMCAO4EACGuAwIA7gQAIbADAQDtBAAhsQMBAO0EACGyAwEA7QQAIbMDAQDtBAAhtAMBAO0EACG1AwEA7QQAIbYDAQDtBAAhtwMBAO0EACG4A4AAAAABuQMBAO0EACG6A0AA8AQAIbsDQADwBAAhvANAAPAEACG9A0AA8AQAIb4DQADwBAAhvwMBAO0EACHAAwIA7gQAIcEDQADwBAAhwgMgAIAFACHDAwEA7QQAIcQDAgDuBAAhxQMBAO0EACHGAwEA7QQAIccDAgDuBAAhyAMgAIAFACHJAwIA7gQAITgDAACdBQAgBQAAngUAIAYAAJ8FACAHAACgBQAgCgAAoQUAIAsAAKIFACANAACjBQAgDwEA7QQAIRIAAOcFACATAACkBQAgrAIBAOwEACGtAgEA7QQAIbECAgDuBAAhsgIBAOwEACG0AgAAmgWwAyK2AkAA8QQAIcICAQDsBAAh0QJAAPEEACHXAgIA7gQAIdsCAQDtBAAh3AIBAO0EACHdAkAA8AQAIesCAQDsBAAhqAMBAOwEACGpAwEA7QQAIaoDAQDtBAAhqwMBAO0EACGsAwIA7gQAIa0DAgDuBAAhrgMCAO4EACGwAwEA7QQAIbEDAQDtBAAhsgMBAO0EACGzAwEA7QQAIbQDAQDtBAAhtQMBAO0EACG2AwEA7QQAIbcDAQDtBAAhuAOAAAAAAbkDAQDtBAAhugNAAPAEACG7A0AA8AQAIbwDQADwBAAhvQNAAPAEACG-A0AA8AQAIb8DAQDtBAAhwAMCAO4EACHBA0AA8AQAIcIDIACABQAhwwMBAO0EACHEAwIA7gQAIcUDAQDtBAAhxgMBAO0EACHHAwIA7gQAIcgDIACABQAhyQMCAO4EACE4AwAA6gUAIAUAAOsFACAGAAD2BQAgBwAA7AUAIAoAAO0FACALAADuBQAgDQAA7wUAIA8BAAAAARIAAPAFACATAADxBQAgrAIBAAAAAa0CAQAAAAGxAgIAAAABsgIBAAAAAbQCAAAAsAMCtgJAAAAAAcICAQAAAAHRAkAAAAAB1wICAAAAAdsCAQAAAAHcAgEAAAAB3QJAAAAAAesCAQAAAAGoAwEAAAABqQMBAAAAAaoDAQAAAAGrAwEAAAABrAMCAAAAAa0DAgAAAAGuAwIAAAABsAMBAAAAAbEDAQAAAAGyAwEAAAABswMBAAAAAbQDAQAAAAG1AwEAAAABtgMBAAAAAbcDAQAAAAG4A4AAAAABuQMBAAAAAboDQAAAAAG7A0AAAAABvANAAAAAAb0DQAAAAAG-A0AAAAABvwMBAAAAAcADAgAAAAHBA0AAAAABwgMgAAAAAcMDAQAAAAHEAwIAAAABxQMBAAAAAcYDAQAAAAHHAwIAAAAByAMgAAAAAckDAgAAAAEMBQAA8wUAIAgAANsGACAOAAD0BQAgrAIBAAAAAa4CAQAAAAG0AgAAAMsDArYCQAAAAAHRAkAAAAAB6wIBAAAAAcIDIAAAAAHLAwAAALADA8wDQAAAAAECAAAACQAgLQAA6wcAIAMAAAAJACAtAADrBwAgLgAA6gcAIAEmAACTCAAwAgAAAAkAICYAAOoHACACAAAAgwcAICYAAOkHACAJrAIBAOwEACGuAgEA7QQAIbQCAADaBcsDIrYCQADxBAAh0QJAAPEEACHrAgEA7AQAIcIDIACABQAhywMAANsFsAMjzANAAPAEACEMBQAA3QUAIAgAANoGACAOAADeBQAgrAIBAOwEACGuAgEA7QQAIbQCAADaBcsDIrYCQADxBAAh0QJAAPEEACHrAgEA7AQAIcIDIACABQAhywMAANsFsAMjzANAAPAEACEMBQAA8wUAIAgAANsGACAOAAD0BQAgrAIBAAAAAa4CAQAAAAG0AgAAAMsDArYCQAAAAAHRAkAAAAAB6wIBAAAAAcIDIAAAAAHLAwAAALADA8wDQAAAAAENDgAAiQcAIBQAAIgHACAVAACKBwAgrAIBAAAAAbICAQAAAAG2AkAAAAABxgIAAADPAwLOAiAAAAAB0QJAAAAAAa4DAgAAAAG3AwEAAAABzQMBAAAAAc8DAgAAAAECAAAABQAgLQAA9wcAIAMAAAAFACAtAAD3BwAgLgAA9gcAIAEmAACSCAAwEgMAAPQDACAOAAC2BAAgFAAA2AQAIBUAAOUEACCpAgAA4wQAMKoCAAADABCrAgAA4wQAMKwCAQAAAAGyAgEA-wMAIbYCQADzAwAhwgIBAPsDACHGAgAA5ATPAyLOAiAA7wMAIdECQADzAwAhrgMCAPwDACG3AwEA-wMAIc0DAQD7AwAhzwMCAPwDACECAAAABQAgJgAA9gcAIAIAAAD0BwAgJgAA9QcAIA6pAgAA8wcAMKoCAAD0BwAQqwIAAPMHADCsAgEA-wMAIbICAQD7AwAhtgJAAPMDACHCAgEA-wMAIcYCAADkBM8DIs4CIADvAwAh0QJAAPMDACGuAwIA_AMAIbcDAQD7AwAhzQMBAPsDACHPAwIA_AMAIQ6pAgAA8wcAMKoCAAD0BwAQqwIAAPMHADCsAgEA-wMAIbICAQD7AwAhtgJAAPMDACHCAgEA-wMAIcYCAADkBM8DIs4CIADvAwAh0QJAAPMDACGuAwIA_AMAIbcDAQD7AwAhzQMBAPsDACHPAwIA_AMAIQqsAgEA7AQAIbICAQDsBAAhtgJAAPEEACHGAgAA4QbPAyLOAiAAgAUAIdECQADxBAAhrgMCAO4EACG3AwEA7AQAIc0DAQDsBAAhzwMCAO4EACENDgAA5AYAIBQAAOMGACAVAADlBgAgrAIBAOwEACGyAgEA7AQAIbYCQADxBAAhxgIAAOEGzwMizgIgAIAFACHRAkAA8QQAIa4DAgDuBAAhtwMBAOwEACHNAwEA7AQAIc8DAgDuBAAhDQ4AAIkHACAUAACIBwAgFQAAigcAIKwCAQAAAAGyAgEAAAABtgJAAAAAAcYCAAAAzwMCzgIgAAAAAdECQAAAAAGuAwIAAAABtwMBAAAAAc0DAQAAAAHPAwIAAAABBC0AAOwHADDbAwAA7QcAMN0DAADvBwAg4QMAAPAHADAELQAA4wcAMNsDAADkBwAw3QMAAOYHACDhAwAA_wYAMAQtAADaBwAw2wMAANsHADDdAwAA3QcAIOEDAACUBQAwBC0AANEHADDbAwAA0gcAMN0DAADUBwAg4QMAAJQFADAELQAAyAcAMNsDAADJBwAw3QMAAMsHACDhAwAAyQUAMAQtAAC8BwAw2wMAAL0HADDdAwAAvwcAIOEDAADABwAwBC0AALMHADDbAwAAtAcAMN0DAAC2BwAg4QMAAK4FADADLQAArgcAINsDAACvBwAg4QMAAO8CACAELQAAogcAMNsDAACjBwAw3QMAAKUHACDhAwAApgcAMAQtAACZBwAw2wMAAJoHADDdAwAAnAcAIOEDAACIBQAwAAAAAAAABRoAAJoGACAdAACbBgAg3QIAAOYEACDjAgAA5gQAIOQCAADmBAAgAAAEAwAAmgYAIA4AAIQIACAUAACDCAAgFQAAkQgAIAkDAACaBgAgDgAAhAgAIBAAAIoIACCyAgAA5gQAIMcCAADmBAAgyAIAAOYEACDKAgAA5gQAIMsCAADmBAAgzAIAAOYEACAlAwAAmgYAIAQAAJoGACAFAACLCAAgBgAAjggAIAcAAI4IACAKAACFCAAgCwAAjwgAIA0AAIcIACAPAADmBAAgEgAAjAgAIBMAAJAIACCtAgAA5gQAINsCAADmBAAg3AIAAOYEACDdAgAA5gQAIKkDAADmBAAgqgMAAOYEACCrAwAA5gQAILADAADmBAAgsQMAAOYEACCyAwAA5gQAILMDAADmBAAgtAMAAOYEACC1AwAA5gQAILYDAADmBAAgtwMAAOYEACC5AwAA5gQAILoDAADmBAAguwMAAOYEACC8AwAA5gQAIL0DAADmBAAgvgMAAOYEACC_AwAA5gQAIMEDAADmBAAgwwMAAOYEACDFAwAA5gQAIMYDAADmBAAgBwQAAJoGACAFAACLCAAgCAAAjQgAIA4AAIQIACCuAgAA5gQAIMsDAADmBAAgzAMAAOYEACAABQQAAJoGACAIAACNCAAgDwAAjAgAILACAADmBAAgtQIAAOYEACAACqwCAQAAAAGyAgEAAAABtgJAAAAAAcYCAAAAzwMCzgIgAAAAAdECQAAAAAGuAwIAAAABtwMBAAAAAc0DAQAAAAHPAwIAAAABCawCAQAAAAGuAgEAAAABtAIAAADLAwK2AkAAAAAB0QJAAAAAAesCAQAAAAHCAyAAAAABywMAAACwAwPMA0AAAAABLw8BAAAAAawCAQAAAAGtAgEAAAABsQICAAAAAbICAQAAAAG0AgAAALADArYCQAAAAAHCAgEAAAAB0QJAAAAAAdcCAgAAAAHbAgEAAAAB3AIBAAAAAd0CQAAAAAHrAgEAAAABqAMBAAAAAakDAQAAAAGqAwEAAAABqwMBAAAAAawDAgAAAAGtAwIAAAABrgMCAAAAAbADAQAAAAGxAwEAAAABsgMBAAAAAbMDAQAAAAG0AwEAAAABtQMBAAAAAbYDAQAAAAG3AwEAAAABuAOAAAAAAbkDAQAAAAG6A0AAAAABuwNAAAAAAbwDQAAAAAG9A0AAAAABvgNAAAAAAb8DAQAAAAHAAwIAAAABwQNAAAAAAcIDIAAAAAHDAwEAAAABxAMCAAAAAcUDAQAAAAHGAwEAAAABxwMCAAAAAcgDIAAAAAHJAwIAAAABLw8BAAAAAawCAQAAAAGtAgEAAAABrwIBAAAAAbECAgAAAAGyAgEAAAABtAIAAACwAwK2AkAAAAAB0QJAAAAAAdcCAgAAAAHbAgEAAAAB3AIBAAAAAd0CQAAAAAHrAgEAAAABqAMBAAAAAakDAQAAAAGqAwEAAAABqwMBAAAAAawDAgAAAAGtAwIAAAABrgMCAAAAAbADAQAAAAGxAwEAAAABsgMBAAAAAbMDAQAAAAG0AwEAAAABtQMBAAAAAbYDAQAAAAG3AwEAAAABuAOAAAAAAbkDAQAAAAG6A0AAAAABuwNAAAAAAbwDQAAAAAG9A0AAAAABvgNAAAAAAb8DAQAAAAHAAwIAAAABwQNAAAAAAcIDIAAAAAHDAwEAAAABxAMCAAAAAcUDAQAAAAHGAwEAAAABxwMCAAAAAcgDIAAAAAHJAwIAAAABDawCAQAAAAGuAgEAAAABsgIBAAAAAbQCAAAAogMCtgJAAAAAAdECQAAAAAHXAgIAAAABlwMAAACjAwKgAwEAAAABowMBAAAAAaUDAgAAAAGmAwEAAAABpwMBAAAAAQmsAgEAAAABtgJAAAAAAegCAQAAAAGJAwEAAAABigMBAAAAAYsDQAAAAAGMAwIAAAABjQOAAAAAAY4DQAAAAAEIrAIBAAAAAa4CAQAAAAGyAgEAAAABtgJAAAAAAdcCAgAAAAGGAwAAAIYDA4cDAQAAAAGIA4AAAAABEawCAQAAAAGyAgEAAAABtgJAAAAAAcMCAQAAAAHEAgEAAAABxgIAAADGAgLHAgIAAAAByAICAAAAAckCAAD3BQAgygJAAAAAAcsCQAAAAAHMAgIAAAABzQIgAAAAAc4CIAAAAAHPAgIAAAAB0AICAAAAAdECQAAAAAEJrAIBAAAAAa0CAQAAAAGuAgEAAAABsAIBAAAAAbECAgAAAAGyAgEAAAABtAIAAAC0AgK1AkAAAAABtgJAAAAAARENAAD-BwAgFAAA-QcAIBcAAPoHACAYAAD7BwAgGQAA_AcAIBsAAP0HACAeAAD_BwAgHwAAgAgAICAAAIEIACCsAgEAAAABtgJAAAAAAdECQAAAAAGrAwEAAAAB0AMBAAAAAdEDAQAAAAHSAwAAAIYDAtMDAQAAAAECAAAAAQAgLQAAmwgAIAmsAgEAAAABrgIBAAAAAa8CAQAAAAG0AgAAAMsDArYCQAAAAAHRAkAAAAABwgMgAAAAAcsDAAAAsAMDzANAAAAAAS8PAQAAAAGsAgEAAAABrQIBAAAAAa8CAQAAAAGxAgIAAAABsgIBAAAAAbQCAAAAsAMCtgJAAAAAAcICAQAAAAHRAkAAAAAB1wICAAAAAdsCAQAAAAHcAgEAAAAB3QJAAAAAAagDAQAAAAGpAwEAAAABqgMBAAAAAasDAQAAAAGsAwIAAAABrQMCAAAAAa4DAgAAAAGwAwEAAAABsQMBAAAAAbIDAQAAAAGzAwEAAAABtAMBAAAAAbUDAQAAAAG2AwEAAAABtwMBAAAAAbgDgAAAAAG5AwEAAAABugNAAAAAAbsDQAAAAAG8A0AAAAABvQNAAAAAAb4DQAAAAAG_AwEAAAABwAMCAAAAAcEDQAAAAAHCAyAAAAABwwMBAAAAAcQDAgAAAAHFAwEAAAABxgMBAAAAAccDAgAAAAHIAyAAAAAByQMCAAAAAQyxAgQAAAABsgIBAAAAAcICAQAAAAHsAkAAAAAB7QIEAAAAAe4CBAAAAAHvAgIAAAAB8AICAAAAAfECAgAAAAHyAgIAAAAB8wIEAAAAAfQCBAAAAAEDAAAAEgAgLQAAmwgAIC4AAKIIACATAAAAEgAgDQAAlQcAIBQAAJAHACAXAACRBwAgGAAAkgcAIBkAAJMHACAbAACUBwAgHgAAlgcAIB8AAJcHACAgAACYBwAgJgAAoggAIKwCAQDsBAAhtgJAAPEEACHRAkAA8QQAIasDAQDtBAAh0AMBAOwEACHRAwEA7AQAIdIDAACOB4YDItMDAQDtBAAhEQ0AAJUHACAUAACQBwAgFwAAkQcAIBgAAJIHACAZAACTBwAgGwAAlAcAIB4AAJYHACAfAACXBwAgIAAAmAcAIKwCAQDsBAAhtgJAAPEEACHRAkAA8QQAIasDAQDtBAAh0AMBAOwEACHRAwEA7AQAIdIDAACOB4YDItMDAQDtBAAhOQMAAOoFACAEAADpBQAgBQAA6wUAIAYAAPYFACAKAADtBQAgCwAA7gUAIA0AAO8FACAPAQAAAAESAADwBQAgEwAA8QUAIKwCAQAAAAGtAgEAAAABrwIBAAAAAbECAgAAAAGyAgEAAAABtAIAAACwAwK2AkAAAAABwgIBAAAAAdECQAAAAAHXAgIAAAAB2wIBAAAAAdwCAQAAAAHdAkAAAAAB6wIBAAAAAagDAQAAAAGpAwEAAAABqgMBAAAAAasDAQAAAAGsAwIAAAABrQMCAAAAAa4DAgAAAAGwAwEAAAABsQMBAAAAAbIDAQAAAAGzAwEAAAABtAMBAAAAAbUDAQAAAAG2AwEAAAABtwMBAAAAAbgDgAAAAAG5AwEAAAABugNAAAAAAbsDQAAAAAG8A0AAAAABvQNAAAAAAb4DQAAAAAG_AwEAAAABwAMCAAAAAcEDQAAAAAHCAyAAAAABwwMBAAAAAcQDAgAAAAHFAwEAAAABxgMBAAAAAccDAgAAAAHIAyAAAAAByQMCAAAAAQIAAAAhACAtAACjCAAgAwAAAAsAIC0AAKMIACAuAACnCAAgOwAAAAsAIAMAAJ0FACAEAACcBQAgBQAAngUAIAYAAJ8FACAKAAChBQAgCwAAogUAIA0AAKMFACAPAQDtBAAhEgAA5wUAIBMAAKQFACAmAACnCAAgrAIBAOwEACGtAgEA7QQAIa8CAQDsBAAhsQICAO4EACGyAgEA7AQAIbQCAACaBbADIrYCQADxBAAhwgIBAOwEACHRAkAA8QQAIdcCAgDuBAAh2wIBAO0EACHcAgEA7QQAId0CQADwBAAh6wIBAOwEACGoAwEA7AQAIakDAQDtBAAhqgMBAO0EACGrAwEA7QQAIawDAgDuBAAhrQMCAO4EACGuAwIA7gQAIbADAQDtBAAhsQMBAO0EACGyAwEA7QQAIbMDAQDtBAAhtAMBAO0EACG1AwEA7QQAIbYDAQDtBAAhtwMBAO0EACG4A4AAAAABuQMBAO0EACG6A0AA8AQAIbsDQADwBAAhvANAAPAEACG9A0AA8AQAIb4DQADwBAAhvwMBAO0EACHAAwIA7gQAIcEDQADwBAAhwgMgAIAFACHDAwEA7QQAIcQDAgDuBAAhxQMBAO0EACHGAwEA7QQAIccDAgDuBAAhyAMgAIAFACHJAwIA7gQAITkDAACdBQAgBAAAnAUAIAUAAJ4FACAGAACfBQAgCgAAoQUAIAsAAKIFACANAACjBQAgDwEA7QQAIRIAAOcFACATAACkBQAgrAIBAOwEACGtAgEA7QQAIa8CAQDsBAAhsQICAO4EACGyAgEA7AQAIbQCAACaBbADIrYCQADxBAAhwgIBAOwEACHRAkAA8QQAIdcCAgDuBAAh2wIBAO0EACHcAgEA7QQAId0CQADwBAAh6wIBAOwEACGoAwEA7AQAIakDAQDtBAAhqgMBAO0EACGrAwEA7QQAIawDAgDuBAAhrQMCAO4EACGuAwIA7gQAIbADAQDtBAAhsQMBAO0EACGyAwEA7QQAIbMDAQDtBAAhtAMBAO0EACG1AwEA7QQAIbYDAQDtBAAhtwMBAO0EACG4A4AAAAABuQMBAO0EACG6A0AA8AQAIbsDQADwBAAhvANAAPAEACG9A0AA8AQAIb4DQADwBAAhvwMBAO0EACHAAwIA7gQAIcEDQADwBAAhwgMgAIAFACHDAwEA7QQAIcQDAgDuBAAhxQMBAO0EACHGAwEA7QQAIccDAgDuBAAhyAMgAIAFACHJAwIA7gQAITkDAADqBQAgBAAA6QUAIAUAAOsFACAGAAD2BQAgBwAA7AUAIAsAAO4FACANAADvBQAgDwEAAAABEgAA8AUAIBMAAPEFACCsAgEAAAABrQIBAAAAAa8CAQAAAAGxAgIAAAABsgIBAAAAAbQCAAAAsAMCtgJAAAAAAcICAQAAAAHRAkAAAAAB1wICAAAAAdsCAQAAAAHcAgEAAAAB3QJAAAAAAesCAQAAAAGoAwEAAAABqQMBAAAAAaoDAQAAAAGrAwEAAAABrAMCAAAAAa0DAgAAAAGuAwIAAAABsAMBAAAAAbEDAQAAAAGyAwEAAAABswMBAAAAAbQDAQAAAAG1AwEAAAABtgMBAAAAAbcDAQAAAAG4A4AAAAABuQMBAAAAAboDQAAAAAG7A0AAAAABvANAAAAAAb0DQAAAAAG-A0AAAAABvwMBAAAAAcADAgAAAAHBA0AAAAABwgMgAAAAAcMDAQAAAAHEAwIAAAABxQMBAAAAAcYDAQAAAAHHAwIAAAAByAMgAAAAAckDAgAAAAECAAAAIQAgLQAAqAgAIAMAAAALACAtAACoCAAgLgAArAgAIDsAAAALACADAACdBQAgBAAAnAUAIAUAAJ4FACAGAACfBQAgBwAAoAUAIAsAAKIFACANAACjBQAgDwEA7QQAIRIAAOcFACATAACkBQAgJgAArAgAIKwCAQDsBAAhrQIBAO0EACGvAgEA7AQAIbECAgDuBAAhsgIBAOwEACG0AgAAmgWwAyK2AkAA8QQAIcICAQDsBAAh0QJAAPEEACHXAgIA7gQAIdsCAQDtBAAh3AIBAO0EACHdAkAA8AQAIesCAQDsBAAhqAMBAOwEACGpAwEA7QQAIaoDAQDtBAAhqwMBAO0EACGsAwIA7gQAIa0DAgDuBAAhrgMCAO4EACGwAwEA7QQAIbEDAQDtBAAhsgMBAO0EACGzAwEA7QQAIbQDAQDtBAAhtQMBAO0EACG2AwEA7QQAIbcDAQDtBAAhuAOAAAAAAbkDAQDtBAAhugNAAPAEACG7A0AA8AQAIbwDQADwBAAhvQNAAPAEACG-A0AA8AQAIb8DAQDtBAAhwAMCAO4EACHBA0AA8AQAIcIDIACABQAhwwMBAO0EACHEAwIA7gQAIcUDAQDtBAAhxgMBAO0EACHHAwIA7gQAIcgDIACABQAhyQMCAO4EACE5AwAAnQUAIAQAAJwFACAFAACeBQAgBgAAnwUAIAcAAKAFACALAACiBQAgDQAAowUAIA8BAO0EACESAADnBQAgEwAApAUAIKwCAQDsBAAhrQIBAO0EACGvAgEA7AQAIbECAgDuBAAhsgIBAOwEACG0AgAAmgWwAyK2AkAA8QQAIcICAQDsBAAh0QJAAPEEACHXAgIA7gQAIdsCAQDtBAAh3AIBAO0EACHdAkAA8AQAIesCAQDsBAAhqAMBAOwEACGpAwEA7QQAIaoDAQDtBAAhqwMBAO0EACGsAwIA7gQAIa0DAgDuBAAhrgMCAO4EACGwAwEA7QQAIbEDAQDtBAAhsgMBAO0EACGzAwEA7QQAIbQDAQDtBAAhtQMBAO0EACG2AwEA7QQAIbcDAQDtBAAhuAOAAAAAAbkDAQDtBAAhugNAAPAEACG7A0AA8AQAIbwDQADwBAAhvQNAAPAEACG-A0AA8AQAIb8DAQDtBAAhwAMCAO4EACHBA0AA8AQAIcIDIACABQAhwwMBAO0EACHEAwIA7gQAIcUDAQDtBAAhxgMBAO0EACHHAwIA7gQAIcgDIACABQAhyQMCAO4EACE5AwAA6gUAIAQAAOkFACAFAADrBQAgBgAA9gUAIAcAAOwFACAKAADtBQAgDQAA7wUAIA8BAAAAARIAAPAFACATAADxBQAgrAIBAAAAAa0CAQAAAAGvAgEAAAABsQICAAAAAbICAQAAAAG0AgAAALADArYCQAAAAAHCAgEAAAAB0QJAAAAAAdcCAgAAAAHbAgEAAAAB3AIBAAAAAd0CQAAAAAHrAgEAAAABqAMBAAAAAakDAQAAAAGqAwEAAAABqwMBAAAAAawDAgAAAAGtAwIAAAABrgMCAAAAAbADAQAAAAGxAwEAAAABsgMBAAAAAbMDAQAAAAG0AwEAAAABtQMBAAAAAbYDAQAAAAG3AwEAAAABuAOAAAAAAbkDAQAAAAG6A0AAAAABuwNAAAAAAbwDQAAAAAG9A0AAAAABvgNAAAAAAb8DAQAAAAHAAwIAAAABwQNAAAAAAcIDIAAAAAHDAwEAAAABxAMCAAAAAcUDAQAAAAHGAwEAAAABxwMCAAAAAcgDIAAAAAHJAwIAAAABAgAAACEAIC0AAK0IACADAAAACwAgLQAArQgAIC4AALEIACA7AAAACwAgAwAAnQUAIAQAAJwFACAFAACeBQAgBgAAnwUAIAcAAKAFACAKAAChBQAgDQAAowUAIA8BAO0EACESAADnBQAgEwAApAUAICYAALEIACCsAgEA7AQAIa0CAQDtBAAhrwIBAOwEACGxAgIA7gQAIbICAQDsBAAhtAIAAJoFsAMitgJAAPEEACHCAgEA7AQAIdECQADxBAAh1wICAO4EACHbAgEA7QQAIdwCAQDtBAAh3QJAAPAEACHrAgEA7AQAIagDAQDsBAAhqQMBAO0EACGqAwEA7QQAIasDAQDtBAAhrAMCAO4EACGtAwIA7gQAIa4DAgDuBAAhsAMBAO0EACGxAwEA7QQAIbIDAQDtBAAhswMBAO0EACG0AwEA7QQAIbUDAQDtBAAhtgMBAO0EACG3AwEA7QQAIbgDgAAAAAG5AwEA7QQAIboDQADwBAAhuwNAAPAEACG8A0AA8AQAIb0DQADwBAAhvgNAAPAEACG_AwEA7QQAIcADAgDuBAAhwQNAAPAEACHCAyAAgAUAIcMDAQDtBAAhxAMCAO4EACHFAwEA7QQAIcYDAQDtBAAhxwMCAO4EACHIAyAAgAUAIckDAgDuBAAhOQMAAJ0FACAEAACcBQAgBQAAngUAIAYAAJ8FACAHAACgBQAgCgAAoQUAIA0AAKMFACAPAQDtBAAhEgAA5wUAIBMAAKQFACCsAgEA7AQAIa0CAQDtBAAhrwIBAOwEACGxAgIA7gQAIbICAQDsBAAhtAIAAJoFsAMitgJAAPEEACHCAgEA7AQAIdECQADxBAAh1wICAO4EACHbAgEA7QQAIdwCAQDtBAAh3QJAAPAEACHrAgEA7AQAIagDAQDsBAAhqQMBAO0EACGqAwEA7QQAIasDAQDtBAAhrAMCAO4EACGtAwIA7gQAIa4DAgDuBAAhsAMBAO0EACGxAwEA7QQAIbIDAQDtBAAhswMBAO0EACG0AwEA7QQAIbUDAQDtBAAhtgMBAO0EACG3AwEA7QQAIbgDgAAAAAG5AwEA7QQAIboDQADwBAAhuwNAAPAEACG8A0AA8AQAIb0DQADwBAAhvgNAAPAEACG_AwEA7QQAIcADAgDuBAAhwQNAAPAEACHCAyAAgAUAIcMDAQDtBAAhxAMCAO4EACHFAwEA7QQAIcYDAQDtBAAhxwMCAO4EACHIAyAAgAUAIckDAgDuBAAhEQ0AAP4HACAUAAD5BwAgFgAA-AcAIBcAAPoHACAYAAD7BwAgGQAA_AcAIB4AAP8HACAfAACACAAgIAAAgQgAIKwCAQAAAAG2AkAAAAAB0QJAAAAAAasDAQAAAAHQAwEAAAAB0QMBAAAAAdIDAAAAhgMC0wMBAAAAAQIAAAABACAtAACyCAAgAwAAABIAIC0AALIIACAuAAC2CAAgEwAAABIAIA0AAJUHACAUAACQBwAgFgAAjwcAIBcAAJEHACAYAACSBwAgGQAAkwcAIB4AAJYHACAfAACXBwAgIAAAmAcAICYAALYIACCsAgEA7AQAIbYCQADxBAAh0QJAAPEEACGrAwEA7QQAIdADAQDsBAAh0QMBAOwEACHSAwAAjgeGAyLTAwEA7QQAIRENAACVBwAgFAAAkAcAIBYAAI8HACAXAACRBwAgGAAAkgcAIBkAAJMHACAeAACWBwAgHwAAlwcAICAAAJgHACCsAgEA7AQAIbYCQADxBAAh0QJAAPEEACGrAwEA7QQAIdADAQDsBAAh0QMBAOwEACHSAwAAjgeGAyLTAwEA7QQAITkDAADqBQAgBAAA6QUAIAUAAOsFACAGAAD2BQAgBwAA7AUAIAoAAO0FACALAADuBQAgDwEAAAABEgAA8AUAIBMAAPEFACCsAgEAAAABrQIBAAAAAa8CAQAAAAGxAgIAAAABsgIBAAAAAbQCAAAAsAMCtgJAAAAAAcICAQAAAAHRAkAAAAAB1wICAAAAAdsCAQAAAAHcAgEAAAAB3QJAAAAAAesCAQAAAAGoAwEAAAABqQMBAAAAAaoDAQAAAAGrAwEAAAABrAMCAAAAAa0DAgAAAAGuAwIAAAABsAMBAAAAAbEDAQAAAAGyAwEAAAABswMBAAAAAbQDAQAAAAG1AwEAAAABtgMBAAAAAbcDAQAAAAG4A4AAAAABuQMBAAAAAboDQAAAAAG7A0AAAAABvANAAAAAAb0DQAAAAAG-A0AAAAABvwMBAAAAAcADAgAAAAHBA0AAAAABwgMgAAAAAcMDAQAAAAHEAwIAAAABxQMBAAAAAcYDAQAAAAHHAwIAAAAByAMgAAAAAckDAgAAAAECAAAAIQAgLQAAtwgAIAMAAAALACAtAAC3CAAgLgAAuwgAIDsAAAALACADAACdBQAgBAAAnAUAIAUAAJ4FACAGAACfBQAgBwAAoAUAIAoAAKEFACALAACiBQAgDwEA7QQAIRIAAOcFACATAACkBQAgJgAAuwgAIKwCAQDsBAAhrQIBAO0EACGvAgEA7AQAIbECAgDuBAAhsgIBAOwEACG0AgAAmgWwAyK2AkAA8QQAIcICAQDsBAAh0QJAAPEEACHXAgIA7gQAIdsCAQDtBAAh3AIBAO0EACHdAkAA8AQAIesCAQDsBAAhqAMBAOwEACGpAwEA7QQAIaoDAQDtBAAhqwMBAO0EACGsAwIA7gQAIa0DAgDuBAAhrgMCAO4EACGwAwEA7QQAIbEDAQDtBAAhsgMBAO0EACGzAwEA7QQAIbQDAQDtBAAhtQMBAO0EACG2AwEA7QQAIbcDAQDtBAAhuAOAAAAAAbkDAQDtBAAhugNAAPAEACG7A0AA8AQAIbwDQADwBAAhvQNAAPAEACG-A0AA8AQAIb8DAQDtBAAhwAMCAO4EACHBA0AA8AQAIcIDIACABQAhwwMBAO0EACHEAwIA7gQAIcUDAQDtBAAhxgMBAO0EACHHAwIA7gQAIcgDIACABQAhyQMCAO4EACE5AwAAnQUAIAQAAJwFACAFAACeBQAgBgAAnwUAIAcAAKAFACAKAAChBQAgCwAAogUAIA8BAO0EACESAADnBQAgEwAApAUAIKwCAQDsBAAhrQIBAO0EACGvAgEA7AQAIbECAgDuBAAhsgIBAOwEACG0AgAAmgWwAyK2AkAA8QQAIcICAQDsBAAh0QJAAPEEACHXAgIA7gQAIdsCAQDtBAAh3AIBAO0EACHdAkAA8AQAIesCAQDsBAAhqAMBAOwEACGpAwEA7QQAIaoDAQDtBAAhqwMBAO0EACGsAwIA7gQAIa0DAgDuBAAhrgMCAO4EACGwAwEA7QQAIbEDAQDtBAAhsgMBAO0EACGzAwEA7QQAIbQDAQDtBAAhtQMBAO0EACG2AwEA7QQAIbcDAQDtBAAhuAOAAAAAAbkDAQDtBAAhugNAAPAEACG7A0AA8AQAIbwDQADwBAAhvQNAAPAEACG-A0AA8AQAIb8DAQDtBAAhwAMCAO4EACHBA0AA8AQAIcIDIACABQAhwwMBAO0EACHEAwIA7gQAIcUDAQDtBAAhxgMBAO0EACHHAwIA7gQAIcgDIACABQAhyQMCAO4EACEOAwAAhwcAIA4AAIkHACAUAACIBwAgrAIBAAAAAbICAQAAAAG2AkAAAAABwgIBAAAAAcYCAAAAzwMCzgIgAAAAAdECQAAAAAGuAwIAAAABtwMBAAAAAc0DAQAAAAHPAwIAAAABAgAAAAUAIC0AALwIACADAAAAAwAgLQAAvAgAIC4AAMAIACAQAAAAAwAgAwAA4gYAIA4AAOQGACAUAADjBgAgJgAAwAgAIKwCAQDsBAAhsgIBAOwEACG2AkAA8QQAIcICAQDsBAAhxgIAAOEGzwMizgIgAIAFACHRAkAA8QQAIa4DAgDuBAAhtwMBAOwEACHNAwEA7AQAIc8DAgDuBAAhDgMAAOIGACAOAADkBgAgFAAA4wYAIKwCAQDsBAAhsgIBAOwEACG2AkAA8QQAIcICAQDsBAAhxgIAAOEGzwMizgIgAIAFACHRAkAA8QQAIa4DAgDuBAAhtwMBAOwEACHNAwEA7AQAIc8DAgDuBAAhEQ0AAP4HACAUAAD5BwAgFgAA-AcAIBcAAPoHACAYAAD7BwAgGQAA_AcAIBsAAP0HACAfAACACAAgIAAAgQgAIKwCAQAAAAG2AkAAAAAB0QJAAAAAAasDAQAAAAHQAwEAAAAB0QMBAAAAAdIDAAAAhgMC0wMBAAAAAQIAAAABACAtAADBCAAgDKwCAQAAAAGyAgEAAAABtAIAAADZAgK2AkAAAAAB0QJAAAAAAdUCAQAAAAHXAgIAAAAB2QJAAAAAAdoCIAAAAAHbAgEAAAAB3AIBAAAAAd0CQAAAAAEDAAAAEgAgLQAAwQgAIC4AAMYIACATAAAAEgAgDQAAlQcAIBQAAJAHACAWAACPBwAgFwAAkQcAIBgAAJIHACAZAACTBwAgGwAAlAcAIB8AAJcHACAgAACYBwAgJgAAxggAIKwCAQDsBAAhtgJAAPEEACHRAkAA8QQAIasDAQDtBAAh0AMBAOwEACHRAwEA7AQAIdIDAACOB4YDItMDAQDtBAAhEQ0AAJUHACAUAACQBwAgFgAAjwcAIBcAAJEHACAYAACSBwAgGQAAkwcAIBsAAJQHACAfAACXBwAgIAAAmAcAIKwCAQDsBAAhtgJAAPEEACHRAkAA8QQAIasDAQDtBAAh0AMBAOwEACHRAwEA7AQAIdIDAACOB4YDItMDAQDtBAAhDBoAAJgGACC2AkAAAAAB0QJAAAAAAdYCAQAAAAHdAkAAAAAB3gIBAAAAAd8CIAAAAAHgAiAAAAAB4QIgAAAAAeICAACXBgAg4wIBAAAAAeQCAgAAAAECAAAA7wIAIC0AAMcIACADAAAAQAAgLQAAxwgAIC4AAMsIACAOAAAAQAAgGgAAiQYAICYAAMsIACC2AkAA8QQAIdECQADxBAAh1gIBAOwEACHdAkAA8AQAId4CAQDsBAAh3wIgAIAFACHgAiAAgAUAIeECIACABQAh4gIAAIgGACDjAgEA7QQAIeQCAgD-BAAhDBoAAIkGACC2AkAA8QQAIdECQADxBAAh1gIBAOwEACHdAkAA8AQAId4CAQDsBAAh3wIgAIAFACHgAiAAgAUAIeECIACABQAh4gIAAIgGACDjAgEA7QQAIeQCAgD-BAAhEQ0AAP4HACAUAAD5BwAgFgAA-AcAIBcAAPoHACAYAAD7BwAgGQAA_AcAIBsAAP0HACAeAAD_BwAgIAAAgQgAIKwCAQAAAAG2AkAAAAAB0QJAAAAAAasDAQAAAAHQAwEAAAAB0QMBAAAAAdIDAAAAhgMC0wMBAAAAAQIAAAABACAtAADMCAAgDQQAAPIFACAFAADzBQAgCAAA2wYAIKwCAQAAAAGuAgEAAAABrwIBAAAAAbQCAAAAywMCtgJAAAAAAdECQAAAAAHrAgEAAAABwgMgAAAAAcsDAAAAsAMDzANAAAAAAQIAAAAJACAtAADOCAAgDgMAAIcHACAOAACJBwAgFQAAigcAIKwCAQAAAAGyAgEAAAABtgJAAAAAAcICAQAAAAHGAgAAAM8DAs4CIAAAAAHRAkAAAAABrgMCAAAAAbcDAQAAAAHNAwEAAAABzwMCAAAAAQIAAAAFACAtAADQCAAgEQ0AAP4HACAWAAD4BwAgFwAA-gcAIBgAAPsHACAZAAD8BwAgGwAA_QcAIB4AAP8HACAfAACACAAgIAAAgQgAIKwCAQAAAAG2AkAAAAAB0QJAAAAAAasDAQAAAAHQAwEAAAAB0QMBAAAAAdIDAAAAhgMC0wMBAAAAAQIAAAABACAtAADSCAAgFAMAAPgFACAQAAD6BQAgrAIBAAAAAbICAQAAAAG2AkAAAAABwgIBAAAAAcMCAQAAAAHEAgEAAAABxgIAAADGAgLHAgIAAAAByAICAAAAAckCAAD3BQAgygJAAAAAAcsCQAAAAAHMAgIAAAABzQIgAAAAAc4CIAAAAAHPAgIAAAAB0AICAAAAAdECQAAAAAECAAAASAAgLQAA1AgAIA4DAACHBwAgFAAAiAcAIBUAAIoHACCsAgEAAAABsgIBAAAAAbYCQAAAAAHCAgEAAAABxgIAAADPAwLOAiAAAAAB0QJAAAAAAa4DAgAAAAG3AwEAAAABzQMBAAAAAc8DAgAAAAECAAAABQAgLQAA1ggAIBENAAD-BwAgFAAA-QcAIBYAAPgHACAXAAD6BwAgGQAA_AcAIBsAAP0HACAeAAD_BwAgHwAAgAgAICAAAIEIACCsAgEAAAABtgJAAAAAAdECQAAAAAGrAwEAAAAB0AMBAAAAAdEDAQAAAAHSAwAAAIYDAtMDAQAAAAECAAAAAQAgLQAA2AgAIBENAAD-BwAgFAAA-QcAIBYAAPgHACAYAAD7BwAgGQAA_AcAIBsAAP0HACAeAAD_BwAgHwAAgAgAICAAAIEIACCsAgEAAAABtgJAAAAAAdECQAAAAAGrAwEAAAAB0AMBAAAAAdEDAQAAAAHSAwAAAIYDAtMDAQAAAAECAAAAAQAgLQAA2ggAIAMAAAAeACAtAADUCAAgLgAA3ggAIBYAAAAeACADAACBBQAgEAAAgwUAICYAAN4IACCsAgEA7AQAIbICAQDtBAAhtgJAAPEEACHCAgEA7AQAIcMCAQDsBAAhxAIBAOwEACHGAgAA_QTGAiLHAgIA_gQAIcgCAgD-BAAhyQIAAP8EACDKAkAA8AQAIcsCQADwBAAhzAICAP4EACHNAiAAgAUAIc4CIACABQAhzwICAO4EACHQAgIA7gQAIdECQADxBAAhFAMAAIEFACAQAACDBQAgrAIBAOwEACGyAgEA7QQAIbYCQADxBAAhwgIBAOwEACHDAgEA7AQAIcQCAQDsBAAhxgIAAP0ExgIixwICAP4EACHIAgIA_gQAIckCAAD_BAAgygJAAPAEACHLAkAA8AQAIcwCAgD-BAAhzQIgAIAFACHOAiAAgAUAIc8CAgDuBAAh0AICAO4EACHRAkAA8QQAIS8PAQAAAAGsAgEAAAABrQIBAAAAAa8CAQAAAAGxAgIAAAABsgIBAAAAAbQCAAAAsAMCtgJAAAAAAcICAQAAAAHRAkAAAAAB1wICAAAAAdsCAQAAAAHcAgEAAAAB3QJAAAAAAesCAQAAAAGpAwEAAAABqgMBAAAAAasDAQAAAAGsAwIAAAABrQMCAAAAAa4DAgAAAAGwAwEAAAABsQMBAAAAAbIDAQAAAAGzAwEAAAABtAMBAAAAAbUDAQAAAAG2AwEAAAABtwMBAAAAAbgDgAAAAAG5AwEAAAABugNAAAAAAbsDQAAAAAG8A0AAAAABvQNAAAAAAb4DQAAAAAG_AwEAAAABwAMCAAAAAcEDQAAAAAHCAyAAAAABwwMBAAAAAcQDAgAAAAHFAwEAAAABxgMBAAAAAccDAgAAAAHIAyAAAAAByQMCAAAAAQMAAAADACAtAADQCAAgLgAA4ggAIBAAAAADACADAADiBgAgDgAA5AYAIBUAAOUGACAmAADiCAAgrAIBAOwEACGyAgEA7AQAIbYCQADxBAAhwgIBAOwEACHGAgAA4QbPAyLOAiAAgAUAIdECQADxBAAhrgMCAO4EACG3AwEA7AQAIc0DAQDsBAAhzwMCAO4EACEOAwAA4gYAIA4AAOQGACAVAADlBgAgrAIBAOwEACGyAgEA7AQAIbYCQADxBAAhwgIBAOwEACHGAgAA4QbPAyLOAiAAgAUAIdECQADxBAAhrgMCAO4EACG3AwEA7AQAIc0DAQDsBAAhzwMCAO4EACEDAAAAEgAgLQAA0ggAIC4AAOUIACATAAAAEgAgDQAAlQcAIBYAAI8HACAXAACRBwAgGAAAkgcAIBkAAJMHACAbAACUBwAgHgAAlgcAIB8AAJcHACAgAACYBwAgJgAA5QgAIKwCAQDsBAAhtgJAAPEEACHRAkAA8QQAIasDAQDtBAAh0AMBAOwEACHRAwEA7AQAIdIDAACOB4YDItMDAQDtBAAhEQ0AAJUHACAWAACPBwAgFwAAkQcAIBgAAJIHACAZAACTBwAgGwAAlAcAIB4AAJYHACAfAACXBwAgIAAAmAcAIKwCAQDsBAAhtgJAAPEEACHRAkAA8QQAIasDAQDtBAAh0AMBAOwEACHRAwEA7AQAIdIDAACOB4YDItMDAQDtBAAhEQ0AAP4HACAUAAD5BwAgFgAA-AcAIBcAAPoHACAYAAD7BwAgGwAA_QcAIB4AAP8HACAfAACACAAgIAAAgQgAIKwCAQAAAAG2AkAAAAAB0QJAAAAAAasDAQAAAAHQAwEAAAAB0QMBAAAAAdIDAAAAhgMC0wMBAAAAAQIAAAABACAtAADmCAAgAwAAABIAIC0AAOYIACAuAADqCAAgEwAAABIAIA0AAJUHACAUAACQBwAgFgAAjwcAIBcAAJEHACAYAACSBwAgGwAAlAcAIB4AAJYHACAfAACXBwAgIAAAmAcAICYAAOoIACCsAgEA7AQAIbYCQADxBAAh0QJAAPEEACGrAwEA7QQAIdADAQDsBAAh0QMBAOwEACHSAwAAjgeGAyLTAwEA7QQAIRENAACVBwAgFAAAkAcAIBYAAI8HACAXAACRBwAgGAAAkgcAIBsAAJQHACAeAACWBwAgHwAAlwcAICAAAJgHACCsAgEA7AQAIbYCQADxBAAh0QJAAPEEACGrAwEA7QQAIdADAQDsBAAh0QMBAOwEACHSAwAAjgeGAyLTAwEA7QQAIQ2sAgEAAAABsgIBAAAAAbQCAAAAogMCtgJAAAAAAdECQAAAAAHXAgIAAAABlwMAAACjAwKgAwEAAAABowMBAAAAAaQDAQAAAAGlAwIAAAABpgMBAAAAAacDAQAAAAEQrAIBAAAAAbICAQAAAAG0AgEAAAABtgJAAAAAAdECQAAAAAHXAgIAAAABlgMBAAAAAZcDAQAAAAGYAwIAAAABmQNAAAAAAZoDQAAAAAGbAwIAAAABnAOAAAAAAZ0DAgAAAAGeA0AAAAABnwNAAAAAAREUAAD5BwAgFgAA-AcAIBcAAPoHACAYAAD7BwAgGQAA_AcAIBsAAP0HACAeAAD_BwAgHwAAgAgAICAAAIEIACCsAgEAAAABtgJAAAAAAdECQAAAAAGrAwEAAAAB0AMBAAAAAdEDAQAAAAHSAwAAAIYDAtMDAQAAAAECAAAAAQAgLQAA7QgAIAMAAAASACAtAADtCAAgLgAA8QgAIBMAAAASACAUAACQBwAgFgAAjwcAIBcAAJEHACAYAACSBwAgGQAAkwcAIBsAAJQHACAeAACWBwAgHwAAlwcAICAAAJgHACAmAADxCAAgrAIBAOwEACG2AkAA8QQAIdECQADxBAAhqwMBAO0EACHQAwEA7AQAIdEDAQDsBAAh0gMAAI4HhgMi0wMBAO0EACERFAAAkAcAIBYAAI8HACAXAACRBwAgGAAAkgcAIBkAAJMHACAbAACUBwAgHgAAlgcAIB8AAJcHACAgAACYBwAgrAIBAOwEACG2AkAA8QQAIdECQADxBAAhqwMBAO0EACHQAwEA7AQAIdEDAQDsBAAh0gMAAI4HhgMi0wMBAO0EACEIrAIBAAAAAbICAQAAAAG2AkAAAAAB1wICAAAAAYQDAQAAAAGGAwAAAIYDA4cDAQAAAAGIA4AAAAABAwAAAAcAIC0AAM4IACAuAAD1CAAgDwAAAAcAIAQAANwFACAFAADdBQAgCAAA2gYAICYAAPUIACCsAgEA7AQAIa4CAQDtBAAhrwIBAOwEACG0AgAA2gXLAyK2AkAA8QQAIdECQADxBAAh6wIBAOwEACHCAyAAgAUAIcsDAADbBbADI8wDQADwBAAhDQQAANwFACAFAADdBQAgCAAA2gYAIKwCAQDsBAAhrgIBAO0EACGvAgEA7AQAIbQCAADaBcsDIrYCQADxBAAh0QJAAPEEACHrAgEA7AQAIcIDIACABQAhywMAANsFsAMjzANAAPAEACEDAAAAAwAgLQAA1ggAIC4AAPgIACAQAAAAAwAgAwAA4gYAIBQAAOMGACAVAADlBgAgJgAA-AgAIKwCAQDsBAAhsgIBAOwEACG2AkAA8QQAIcICAQDsBAAhxgIAAOEGzwMizgIgAIAFACHRAkAA8QQAIa4DAgDuBAAhtwMBAOwEACHNAwEA7AQAIc8DAgDuBAAhDgMAAOIGACAUAADjBgAgFQAA5QYAIKwCAQDsBAAhsgIBAOwEACG2AkAA8QQAIcICAQDsBAAhxgIAAOEGzwMizgIgAIAFACHRAkAA8QQAIa4DAgDuBAAhtwMBAOwEACHNAwEA7AQAIc8DAgDuBAAhAwAAABIAIC0AANgIACAuAAD7CAAgEwAAABIAIA0AAJUHACAUAACQBwAgFgAAjwcAIBcAAJEHACAZAACTBwAgGwAAlAcAIB4AAJYHACAfAACXBwAgIAAAmAcAICYAAPsIACCsAgEA7AQAIbYCQADxBAAh0QJAAPEEACGrAwEA7QQAIdADAQDsBAAh0QMBAOwEACHSAwAAjgeGAyLTAwEA7QQAIRENAACVBwAgFAAAkAcAIBYAAI8HACAXAACRBwAgGQAAkwcAIBsAAJQHACAeAACWBwAgHwAAlwcAICAAAJgHACCsAgEA7AQAIbYCQADxBAAh0QJAAPEEACGrAwEA7QQAIdADAQDsBAAh0QMBAOwEACHSAwAAjgeGAyLTAwEA7QQAIQMAAAASACAtAADaCAAgLgAA_ggAIBMAAAASACANAACVBwAgFAAAkAcAIBYAAI8HACAYAACSBwAgGQAAkwcAIBsAAJQHACAeAACWBwAgHwAAlwcAICAAAJgHACAmAAD-CAAgrAIBAOwEACG2AkAA8QQAIdECQADxBAAhqwMBAO0EACHQAwEA7AQAIdEDAQDsBAAh0gMAAI4HhgMi0wMBAO0EACERDQAAlQcAIBQAAJAHACAWAACPBwAgGAAAkgcAIBkAAJMHACAbAACUBwAgHgAAlgcAIB8AAJcHACAgAACYBwAgrAIBAOwEACG2AkAA8QQAIdECQADxBAAhqwMBAO0EACHQAwEA7AQAIdEDAQDsBAAh0gMAAI4HhgMi0wMBAO0EACEvDwEAAAABrAIBAAAAAa8CAQAAAAGxAgIAAAABsgIBAAAAAbQCAAAAsAMCtgJAAAAAAcICAQAAAAHRAkAAAAAB1wICAAAAAdsCAQAAAAHcAgEAAAAB3QJAAAAAAesCAQAAAAGoAwEAAAABqQMBAAAAAaoDAQAAAAGrAwEAAAABrAMCAAAAAa0DAgAAAAGuAwIAAAABsAMBAAAAAbEDAQAAAAGyAwEAAAABswMBAAAAAbQDAQAAAAG1AwEAAAABtgMBAAAAAbcDAQAAAAG4A4AAAAABuQMBAAAAAboDQAAAAAG7A0AAAAABvANAAAAAAb0DQAAAAAG-A0AAAAABvwMBAAAAAcADAgAAAAHBA0AAAAABwgMgAAAAAcMDAQAAAAHEAwIAAAABxQMBAAAAAcYDAQAAAAHHAwIAAAAByAMgAAAAAckDAgAAAAEJrAIBAAAAAa4CAQAAAAGvAgEAAAABsAIBAAAAAbECAgAAAAGyAgEAAAABtAIAAAC0AgK1AkAAAAABtgJAAAAAAQMAAAASACAtAADMCAAgLgAAgwkAIBMAAAASACANAACVBwAgFAAAkAcAIBYAAI8HACAXAACRBwAgGAAAkgcAIBkAAJMHACAbAACUBwAgHgAAlgcAICAAAJgHACAmAACDCQAgrAIBAOwEACG2AkAA8QQAIdECQADxBAAhqwMBAO0EACHQAwEA7AQAIdEDAQDsBAAh0gMAAI4HhgMi0wMBAO0EACERDQAAlQcAIBQAAJAHACAWAACPBwAgFwAAkQcAIBgAAJIHACAZAACTBwAgGwAAlAcAIB4AAJYHACAgAACYBwAgrAIBAOwEACG2AkAA8QQAIdECQADxBAAhqwMBAO0EACHQAwEA7AQAIdEDAQDsBAAh0gMAAI4HhgMi0wMBAO0EACERDQAA_gcAIBQAAPkHACAWAAD4BwAgFwAA-gcAIBgAAPsHACAZAAD8BwAgGwAA_QcAIB4AAP8HACAfAACACAAgrAIBAAAAAbYCQAAAAAHRAkAAAAABqwMBAAAAAdADAQAAAAHRAwEAAAAB0gMAAACGAwLTAwEAAAABAgAAAAEAIC0AAIQJACA5AwAA6gUAIAQAAOkFACAFAADrBQAgBgAA9gUAIAcAAOwFACAKAADtBQAgCwAA7gUAIA0AAO8FACAPAQAAAAESAADwBQAgrAIBAAAAAa0CAQAAAAGvAgEAAAABsQICAAAAAbICAQAAAAG0AgAAALADArYCQAAAAAHCAgEAAAAB0QJAAAAAAdcCAgAAAAHbAgEAAAAB3AIBAAAAAd0CQAAAAAHrAgEAAAABqAMBAAAAAakDAQAAAAGqAwEAAAABqwMBAAAAAawDAgAAAAGtAwIAAAABrgMCAAAAAbADAQAAAAGxAwEAAAABsgMBAAAAAbMDAQAAAAG0AwEAAAABtQMBAAAAAbYDAQAAAAG3AwEAAAABuAOAAAAAAbkDAQAAAAG6A0AAAAABuwNAAAAAAbwDQAAAAAG9A0AAAAABvgNAAAAAAb8DAQAAAAHAAwIAAAABwQNAAAAAAcIDIAAAAAHDAwEAAAABxAMCAAAAAcUDAQAAAAHGAwEAAAABxwMCAAAAAcgDIAAAAAHJAwIAAAABAgAAACEAIC0AAIYJACAUAwAA-AUAIA4AAPkFACCsAgEAAAABsgIBAAAAAbYCQAAAAAHCAgEAAAABwwIBAAAAAcQCAQAAAAHGAgAAAMYCAscCAgAAAAHIAgIAAAAByQIAAPcFACDKAkAAAAABywJAAAAAAcwCAgAAAAHNAiAAAAABzgIgAAAAAc8CAgAAAAHQAgIAAAAB0QJAAAAAAQIAAABIACAtAACICQAgAwAAABIAIC0AAIQJACAuAACMCQAgEwAAABIAIA0AAJUHACAUAACQBwAgFgAAjwcAIBcAAJEHACAYAACSBwAgGQAAkwcAIBsAAJQHACAeAACWBwAgHwAAlwcAICYAAIwJACCsAgEA7AQAIbYCQADxBAAh0QJAAPEEACGrAwEA7QQAIdADAQDsBAAh0QMBAOwEACHSAwAAjgeGAyLTAwEA7QQAIRENAACVBwAgFAAAkAcAIBYAAI8HACAXAACRBwAgGAAAkgcAIBkAAJMHACAbAACUBwAgHgAAlgcAIB8AAJcHACCsAgEA7AQAIbYCQADxBAAh0QJAAPEEACGrAwEA7QQAIdADAQDsBAAh0QMBAOwEACHSAwAAjgeGAyLTAwEA7QQAIQMAAAALACAtAACGCQAgLgAAjwkAIDsAAAALACADAACdBQAgBAAAnAUAIAUAAJ4FACAGAACfBQAgBwAAoAUAIAoAAKEFACALAACiBQAgDQAAowUAIA8BAO0EACESAADnBQAgJgAAjwkAIKwCAQDsBAAhrQIBAO0EACGvAgEA7AQAIbECAgDuBAAhsgIBAOwEACG0AgAAmgWwAyK2AkAA8QQAIcICAQDsBAAh0QJAAPEEACHXAgIA7gQAIdsCAQDtBAAh3AIBAO0EACHdAkAA8AQAIesCAQDsBAAhqAMBAOwEACGpAwEA7QQAIaoDAQDtBAAhqwMBAO0EACGsAwIA7gQAIa0DAgDuBAAhrgMCAO4EACGwAwEA7QQAIbEDAQDtBAAhsgMBAO0EACGzAwEA7QQAIbQDAQDtBAAhtQMBAO0EACG2AwEA7QQAIbcDAQDtBAAhuAOAAAAAAbkDAQDtBAAhugNAAPAEACG7A0AA8AQAIbwDQADwBAAhvQNAAPAEACG-A0AA8AQAIb8DAQDtBAAhwAMCAO4EACHBA0AA8AQAIcIDIACABQAhwwMBAO0EACHEAwIA7gQAIcUDAQDtBAAhxgMBAO0EACHHAwIA7gQAIcgDIACABQAhyQMCAO4EACE5AwAAnQUAIAQAAJwFACAFAACeBQAgBgAAnwUAIAcAAKAFACAKAAChBQAgCwAAogUAIA0AAKMFACAPAQDtBAAhEgAA5wUAIKwCAQDsBAAhrQIBAO0EACGvAgEA7AQAIbECAgDuBAAhsgIBAOwEACG0AgAAmgWwAyK2AkAA8QQAIcICAQDsBAAh0QJAAPEEACHXAgIA7gQAIdsCAQDtBAAh3AIBAO0EACHdAkAA8AQAIesCAQDsBAAhqAMBAOwEACGpAwEA7QQAIaoDAQDtBAAhqwMBAO0EACGsAwIA7gQAIa0DAgDuBAAhrgMCAO4EACGwAwEA7QQAIbEDAQDtBAAhsgMBAO0EACGzAwEA7QQAIbQDAQDtBAAhtQMBAO0EACG2AwEA7QQAIbcDAQDtBAAhuAOAAAAAAbkDAQDtBAAhugNAAPAEACG7A0AA8AQAIbwDQADwBAAhvQNAAPAEACG-A0AA8AQAIb8DAQDtBAAhwAMCAO4EACHBA0AA8AQAIcIDIACABQAhwwMBAO0EACHEAwIA7gQAIcUDAQDtBAAhxgMBAO0EACHHAwIA7gQAIcgDIACABQAhyQMCAO4EACEDAAAAHgAgLQAAiAkAIC4AAJIJACAWAAAAHgAgAwAAgQUAIA4AAIIFACAmAACSCQAgrAIBAOwEACGyAgEA7QQAIbYCQADxBAAhwgIBAOwEACHDAgEA7AQAIcQCAQDsBAAhxgIAAP0ExgIixwICAP4EACHIAgIA_gQAIckCAAD_BAAgygJAAPAEACHLAkAA8AQAIcwCAgD-BAAhzQIgAIAFACHOAiAAgAUAIc8CAgDuBAAh0AICAO4EACHRAkAA8QQAIRQDAACBBQAgDgAAggUAIKwCAQDsBAAhsgIBAO0EACG2AkAA8QQAIcICAQDsBAAhwwIBAOwEACHEAgEA7AQAIcYCAAD9BMYCIscCAgD-BAAhyAICAP4EACHJAgAA_wQAIMoCQADwBAAhywJAAPAEACHMAgIA_gQAIc0CIACABQAhzgIgAIAFACHPAgIA7gQAIdACAgDuBAAh0QJAAPEEACELDT8HEQATFDcDFgYCFzgEGDkEGToFGz4PHkEQH0kIIEoJBQMAAQ4vBBEADhQKAxUzDQUEAAEFAAIIDAQOLQQRAAwLAwABBAABBQACBgADBw0DChEFCxcGDRsHEQALEh8IEykJAggABAkTAQEIAAQCCB0EDBwBBAMAAQ4iBBAmCREACgMEAAEIAAQPAAgCDicAECgAAwoqAAsrAA0sAAEOLgABBQACAw41ABQ0ABU2AAEaAAEDEQASGgABHUURARwAEAEdRgAJDVEAFEwAFksAF00AGE4AGU8AG1AAH1IAIFMAAAAAAxEAGDMAGTQAGgAAAAMRABgzABk0ABoBAwABAQMAAQURAB8zACI0ACNFACBGACEAAAAAAAURAB8zACI0ACNFACBGACEDBAABBQACCIoBBAMEAAEFAAIIkAEEAxEAKDMAKTQAKgAAAAMRACgzACk0ACoFAwABBAABBQACBgADEqIBCAUDAAEEAAEFAAIGAAMSqAEIBREALzMAMjQAM0UAMEYAMQAAAAAABREALzMAMjQAM0UAMEYAMQIIAAQJugEBAggABAnAAQEFEQA4MwA7NAA8RQA5RgA6AAAAAAAFEQA4MwA7NAA8RQA5RgA6AQgABAEIAAQFEQBBMwBENABFRQBCRgBDAAAAAAAFEQBBMwBENABFRQBCRgBDAAAABREASzMATjQAT0UATEYATQAAAAAABREASzMATjQAT0UATEYATQEaAAEBGgABBREAVDMAVzQAWEUAVUYAVgAAAAAABREAVDMAVzQAWEUAVUYAVgIImAIEDJcCAQIInwIEDJ4CAQURAF0zAGA0AGFFAF5GAF8AAAAAAAURAF0zAGA0AGFFAF5GAF8AAAAFEQBnMwBqNABrRQBoRgBpAAAAAAAFEQBnMwBqNABrRQBoRgBpAQUAAgEFAAIFEQBwMwBzNAB0RQBxRgByAAAAAAAFEQBwMwBzNAB0RQBxRgByAAAABREAejMAfTQAfkUAe0YAfAAAAAAABREAejMAfTQAfkUAe0YAfAEaAAEBGgABBREAgwEzAIYBNACHAUUAhAFGAIUBAAAAAAAFEQCDATMAhgE0AIcBRQCEAUYAhQEBHAAQARwAEAURAIwBMwCPATQAkAFFAI0BRgCOAQAAAAAABREAjAEzAI8BNACQAUUAjQFGAI4BAQMAAQEDAAEFEQCVATMAmAE0AJkBRQCWAUYAlwEAAAAAAAURAJUBMwCYATQAmQFFAJYBRgCXAQMEAAEIAAQPAAgDBAABCAAEDwAIBREAngEzAKEBNACiAUUAnwFGAKABAAAAAAAFEQCeATMAoQE0AKIBRQCfAUYAoAEhAgEiVAEjVgEkVwElWAEnWgEoXBQpXRUqXwErYRQsYhYvYwEwZAExZRQ1aBc2aRs3agI4awI5bAI6bQI7bgI8cAI9chQ-cxw_dQJAdxRBeB1CeQJDegJEexRHfh5IfyRJgAEDSoEBA0uCAQNMgwEDTYQBA06GAQNPiAEUUIkBJVGMAQNSjgEUU48BJlSRAQNVkgEDVpMBFFeWASdYlwErWZgBBFqZAQRbmgEEXJsBBF2cAQRengEEX6ABFGChASxhpAEEYqYBFGOnAS1kqQEEZaoBBGarARRnrgEuaK8BNGmwAQVqsQEFa7IBBWyzAQVttAEFbrYBBW-4ARRwuQE1cbwBBXK-ARRzvwE2dMEBBXXCAQV2wwEUd8YBN3jHAT15yAEGeskBBnvKAQZ8ywEGfcwBBn7OAQZ_0AEUgAHRAT6BAdMBBoIB1QEUgwHWAT-EAdcBBoUB2AEGhgHZARSHAdwBQIgB3QFGiQHfAUeKAeABR4sB4wFHjAHkAUeNAeUBR44B5wFHjwHpARSQAeoBSJEB7AFHkgHuARSTAe8BSZQB8AFHlQHxAUeWAfIBFJcB9QFKmAH2AVCZAfcBD5oB-AEPmwH5AQ-cAfoBD50B-wEPngH9AQ-fAf8BFKABgAJRoQGCAg-iAYQCFKMBhQJSpAGGAg-lAYcCD6YBiAIUpwGLAlOoAYwCWakBjQIHqgGOAgerAY8CB6wBkAIHrQGRAgeuAZMCB68BlQIUsAGWAlqxAZoCB7IBnAIUswGdAlu0AaACB7UBoQIHtgGiAhS3AaUCXLgBpgJiuQGoAmO6AakCY7sBrAJjvAGtAmO9Aa4CY74BsAJjvwGyAhTAAbMCZMEBtQJjwgG3AhTDAbgCZcQBuQJjxQG6AmPGAbsCFMcBvgJmyAG_AmzJAcACDcoBwQINywHCAg3MAcMCDc0BxAINzgHGAg3PAcgCFNAByQJt0QHLAg3SAc0CFNMBzgJu1AHPAg3VAdACDdYB0QIU1wHUAm_YAdUCddkB1wJ22gHYAnbbAdsCdtwB3AJ23QHdAnbeAd8Cdt8B4QIU4AHiAnfhAeQCduIB5gIU4wHnAnjkAegCduUB6QJ25gHqAhTnAe0CeegB7gJ_6QHwAhDqAfECEOsB8wIQ7AH0AhDtAfUCEO4B9wIQ7wH5AhTwAfoCgAHxAfwCEPIB_gIU8wH_AoEB9AGAAxD1AYEDEPYBggMU9wGFA4IB-AGGA4gB-QGHAxH6AYgDEfsBiQMR_AGKAxH9AYsDEf4BjQMR_wGPAxSAApADiQGBApIDEYIClAMUgwKVA4oBhAKWAxGFApcDEYYCmAMUhwKbA4sBiAKcA5EBiQKdAwiKAp4DCIsCnwMIjAKgAwiNAqEDCI4CowMIjwKlAxSQAqYDkgGRAqgDCJICqgMUkwKrA5MBlAKsAwiVAq0DCJYCrgMUlwKxA5QBmAKyA5oBmQKzAwmaArQDCZsCtQMJnAK2AwmdArcDCZ4CuQMJnwK7AxSgArwDmwGhAr4DCaICwAMUowLBA5wBpALCAwmlAsMDCaYCxAMUpwLHA50BqALIA6MB"
};
async function decodeBase64AsWasm(wasmBase64) {
  const { Buffer: Buffer2 } = await import("node:buffer");
  const wasmArray = Buffer2.from(wasmBase64, "base64");
  return new WebAssembly.Module(wasmArray);
}
config.compilerWasm = {
  getRuntime: async () => await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs"),
  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs");
    return await decodeBase64AsWasm(wasm);
  },
  importName: "./query_compiler_fast_bg.js"
};
function getPrismaClientClass() {
  return runtime.getPrismaClient(config);
}

// ../../packages/db/generated/prisma/internal/prismaNamespace.ts
var prismaNamespace_exports = {};
__export(prismaNamespace_exports, {
  AnyNull: () => AnyNull2,
  AuditLogScalarFieldEnum: () => AuditLogScalarFieldEnum,
  ConnectedAccountScalarFieldEnum: () => ConnectedAccountScalarFieldEnum,
  DbNull: () => DbNull2,
  Decimal: () => Decimal2,
  DisputeScalarFieldEnum: () => DisputeScalarFieldEnum,
  EnrollmentScalarFieldEnum: () => EnrollmentScalarFieldEnum,
  IdempotencyRecordScalarFieldEnum: () => IdempotencyRecordScalarFieldEnum,
  JsonNull: () => JsonNull2,
  JsonNullValueFilter: () => JsonNullValueFilter,
  JsonNullValueInput: () => JsonNullValueInput,
  ModelName: () => ModelName,
  NullTypes: () => NullTypes2,
  NullableJsonNullValueInput: () => NullableJsonNullValueInput,
  NullsOrder: () => NullsOrder,
  OfferingScalarFieldEnum: () => OfferingScalarFieldEnum,
  OutboxMessageScalarFieldEnum: () => OutboxMessageScalarFieldEnum,
  PaymentDailyStatScalarFieldEnum: () => PaymentDailyStatScalarFieldEnum,
  PaymentScalarFieldEnum: () => PaymentScalarFieldEnum,
  PayoutScalarFieldEnum: () => PayoutScalarFieldEnum,
  PrismaClientInitializationError: () => PrismaClientInitializationError2,
  PrismaClientKnownRequestError: () => PrismaClientKnownRequestError2,
  PrismaClientRustPanicError: () => PrismaClientRustPanicError2,
  PrismaClientUnknownRequestError: () => PrismaClientUnknownRequestError2,
  PrismaClientValidationError: () => PrismaClientValidationError2,
  PromotionCodeScalarFieldEnum: () => PromotionCodeScalarFieldEnum,
  PromotionRedemptionScalarFieldEnum: () => PromotionRedemptionScalarFieldEnum,
  QueryMode: () => QueryMode,
  RateLimitBucketScalarFieldEnum: () => RateLimitBucketScalarFieldEnum,
  RefundScalarFieldEnum: () => RefundScalarFieldEnum,
  SortOrder: () => SortOrder,
  Sql: () => Sql2,
  TransactionIsolationLevel: () => TransactionIsolationLevel,
  UserScalarFieldEnum: () => UserScalarFieldEnum,
  WebhookEventScalarFieldEnum: () => WebhookEventScalarFieldEnum,
  defineExtension: () => defineExtension,
  empty: () => empty2,
  getExtensionContext: () => getExtensionContext,
  join: () => join2,
  prismaVersion: () => prismaVersion,
  raw: () => raw2,
  sql: () => sql
});
import * as runtime2 from "@prisma/client/runtime/client";
var PrismaClientKnownRequestError2 = runtime2.PrismaClientKnownRequestError;
var PrismaClientUnknownRequestError2 = runtime2.PrismaClientUnknownRequestError;
var PrismaClientRustPanicError2 = runtime2.PrismaClientRustPanicError;
var PrismaClientInitializationError2 = runtime2.PrismaClientInitializationError;
var PrismaClientValidationError2 = runtime2.PrismaClientValidationError;
var sql = runtime2.sqltag;
var empty2 = runtime2.empty;
var join2 = runtime2.join;
var raw2 = runtime2.raw;
var Sql2 = runtime2.Sql;
var Decimal2 = runtime2.Decimal;
var getExtensionContext = runtime2.Extensions.getExtensionContext;
var prismaVersion = {
  client: "7.10.0",
  engine: "0edf323efd1d98336f3f0a68684b56f689b900d3"
};
var NullTypes2 = {
  DbNull: runtime2.NullTypes.DbNull,
  JsonNull: runtime2.NullTypes.JsonNull,
  AnyNull: runtime2.NullTypes.AnyNull
};
var DbNull2 = runtime2.DbNull;
var JsonNull2 = runtime2.JsonNull;
var AnyNull2 = runtime2.AnyNull;
var ModelName = {
  User: "User",
  Offering: "Offering",
  Enrollment: "Enrollment",
  Payment: "Payment",
  Refund: "Refund",
  Dispute: "Dispute",
  WebhookEvent: "WebhookEvent",
  IdempotencyRecord: "IdempotencyRecord",
  AuditLog: "AuditLog",
  OutboxMessage: "OutboxMessage",
  PaymentDailyStat: "PaymentDailyStat",
  RateLimitBucket: "RateLimitBucket",
  ConnectedAccount: "ConnectedAccount",
  Payout: "Payout",
  PromotionCode: "PromotionCode",
  PromotionRedemption: "PromotionRedemption"
};
var TransactionIsolationLevel = runtime2.makeStrictEnum({
  ReadUncommitted: "ReadUncommitted",
  ReadCommitted: "ReadCommitted",
  RepeatableRead: "RepeatableRead",
  Serializable: "Serializable"
});
var UserScalarFieldEnum = {
  id: "id",
  email: "email",
  name: "name",
  role: "role",
  passwordHash: "passwordHash",
  stripeCustomerId: "stripeCustomerId",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var OfferingScalarFieldEnum = {
  id: "id",
  specialistId: "specialistId",
  title: "title",
  description: "description",
  kind: "kind",
  priceAmount: "priceAmount",
  currency: "currency",
  refundWindowDays: "refundWindowDays",
  active: "active",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var EnrollmentScalarFieldEnum = {
  id: "id",
  learnerId: "learnerId",
  offeringId: "offeringId",
  status: "status",
  paymentStatus: "paymentStatus",
  paymentId: "paymentId",
  paymentDate: "paymentDate",
  webhookVerified: "webhookVerified",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var PaymentScalarFieldEnum = {
  id: "id",
  learnerId: "learnerId",
  specialistId: "specialistId",
  offeringId: "offeringId",
  enrollmentId: "enrollmentId",
  stripePaymentIntentId: "stripePaymentIntentId",
  stripeChargeId: "stripeChargeId",
  stripeCustomerId: "stripeCustomerId",
  amount: "amount",
  amountReceived: "amountReceived",
  amountRefunded: "amountRefunded",
  currency: "currency",
  refundWindowDays: "refundWindowDays",
  status: "status",
  stripeStatus: "stripeStatus",
  failureCode: "failureCode",
  declineCode: "declineCode",
  failureMessage: "failureMessage",
  paymentMethodType: "paymentMethodType",
  cardBrand: "cardBrand",
  cardLast4: "cardLast4",
  receiptUrl: "receiptUrl",
  receiptEmail: "receiptEmail",
  description: "description",
  metadata: "metadata",
  idempotencyKey: "idempotencyKey",
  succeededAt: "succeededAt",
  failedAt: "failedAt",
  canceledAt: "canceledAt",
  refundedAt: "refundedAt",
  disputedAt: "disputedAt",
  disputeStatus: "disputeStatus",
  amountLostToDisputes: "amountLostToDisputes",
  disputeLostAt: "disputeLostAt",
  webhookVerified: "webhookVerified",
  lastStripeEventId: "lastStripeEventId",
  lastStripeEventAt: "lastStripeEventAt",
  applicationFeeAmount: "applicationFeeAmount",
  destinationAccountId: "destinationAccountId",
  stripeTransferId: "stripeTransferId",
  transferReversedAmount: "transferReversedAmount",
  discountAmount: "discountAmount",
  promotionCode: "promotionCode",
  promotionCodeId: "promotionCodeId",
  free: "free",
  version: "version",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var RefundScalarFieldEnum = {
  id: "id",
  paymentId: "paymentId",
  stripeRefundId: "stripeRefundId",
  amount: "amount",
  currency: "currency",
  status: "status",
  reason: "reason",
  failureReason: "failureReason",
  requestedById: "requestedById",
  heldReversalAmount: "heldReversalAmount",
  heldReversalId: "heldReversalId",
  heldReversalError: "heldReversalError",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var DisputeScalarFieldEnum = {
  id: "id",
  paymentId: "paymentId",
  stripeDisputeId: "stripeDisputeId",
  amount: "amount",
  currency: "currency",
  status: "status",
  reason: "reason",
  fee: "fee",
  closedAt: "closedAt",
  evidenceDueBy: "evidenceDueBy",
  submissionCount: "submissionCount",
  evidence: "evidence",
  evidenceRevision: "evidenceRevision",
  evidenceSavedAt: "evidenceSavedAt",
  submittedAt: "submittedAt",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var WebhookEventScalarFieldEnum = {
  id: "id",
  type: "type",
  objectId: "objectId",
  payload: "payload",
  stripeCreatedAt: "stripeCreatedAt",
  status: "status",
  attempts: "attempts",
  lastError: "lastError",
  claimedUntil: "claimedUntil",
  receivedAt: "receivedAt",
  processedAt: "processedAt"
};
var IdempotencyRecordScalarFieldEnum = {
  id: "id",
  userId: "userId",
  key: "key",
  procedure: "procedure",
  requestHash: "requestHash",
  lockedAt: "lockedAt",
  responseStatus: "responseStatus",
  responseBody: "responseBody",
  createdAt: "createdAt",
  expiresAt: "expiresAt"
};
var AuditLogScalarFieldEnum = {
  id: "id",
  actorId: "actorId",
  actorRole: "actorRole",
  action: "action",
  paymentId: "paymentId",
  amount: "amount",
  currency: "currency",
  details: "details",
  createdAt: "createdAt"
};
var OutboxMessageScalarFieldEnum = {
  id: "id",
  kind: "kind",
  dedupeKey: "dedupeKey",
  recipient: "recipient",
  subject: "subject",
  payload: "payload",
  status: "status",
  attempts: "attempts",
  lastError: "lastError",
  availableAt: "availableAt",
  sentAt: "sentAt",
  createdAt: "createdAt"
};
var PaymentDailyStatScalarFieldEnum = {
  specialistId: "specialistId",
  offeringId: "offeringId",
  currency: "currency",
  day: "day",
  grossAmount: "grossAmount",
  refundedAmount: "refundedAmount",
  succeededCount: "succeededCount",
  failedCount: "failedCount",
  refundedCount: "refundedCount",
  disputedCount: "disputedCount",
  disputeLostAmount: "disputeLostAmount",
  discountAmount: "discountAmount",
  platformFeeAmount: "platformFeeAmount"
};
var RateLimitBucketScalarFieldEnum = {
  key: "key",
  points: "points",
  expire: "expire"
};
var ConnectedAccountScalarFieldEnum = {
  userId: "userId",
  stripeAccountId: "stripeAccountId",
  chargesEnabled: "chargesEnabled",
  payoutsEnabled: "payoutsEnabled",
  detailsSubmitted: "detailsSubmitted",
  currentlyDue: "currentlyDue",
  disabledReason: "disabledReason",
  feeBpsOverride: "feeBpsOverride",
  lastStripeEventAt: "lastStripeEventAt",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var PayoutScalarFieldEnum = {
  id: "id",
  stripePayoutId: "stripePayoutId",
  stripeAccountId: "stripeAccountId",
  amount: "amount",
  currency: "currency",
  status: "status",
  arrivalDate: "arrivalDate",
  automatic: "automatic",
  failureCode: "failureCode",
  failureMessage: "failureMessage",
  lastStripeEventAt: "lastStripeEventAt",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var PromotionCodeScalarFieldEnum = {
  id: "id",
  specialistId: "specialistId",
  code: "code",
  normalizedCode: "normalizedCode",
  kind: "kind",
  percentOff: "percentOff",
  amountOff: "amountOff",
  currency: "currency",
  offeringIds: "offeringIds",
  startsAt: "startsAt",
  endsAt: "endsAt",
  maxRedemptions: "maxRedemptions",
  oncePerLearner: "oncePerLearner",
  active: "active",
  heldCount: "heldCount",
  redeemedCount: "redeemedCount",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
var PromotionRedemptionScalarFieldEnum = {
  id: "id",
  promotionCodeId: "promotionCodeId",
  paymentId: "paymentId",
  learnerId: "learnerId",
  onceLearnerId: "onceLearnerId",
  discountAmount: "discountAmount",
  currency: "currency",
  status: "status",
  redeemedAt: "redeemedAt",
  createdAt: "createdAt"
};
var SortOrder = {
  asc: "asc",
  desc: "desc"
};
var JsonNullValueInput = {
  JsonNull: JsonNull2
};
var NullableJsonNullValueInput = {
  DbNull: DbNull2,
  JsonNull: JsonNull2
};
var QueryMode = {
  default: "default",
  insensitive: "insensitive"
};
var NullsOrder = {
  first: "first",
  last: "last"
};
var JsonNullValueFilter = {
  DbNull: DbNull2,
  JsonNull: JsonNull2,
  AnyNull: AnyNull2
};
var defineExtension = runtime2.Extensions.defineExtension;

// ../../packages/db/generated/prisma/client.ts
globalThis["__dirname"] = path.dirname(fileURLToPath(import.meta.url));
var PrismaClient = getPrismaClientClass();

// ../../packages/db/src/connection-waits.ts
var ConnectionWaits = class {
  /** Start time (performance.now()) of each outstanding ticket, at `ticket & mask`; NaN once ended. */
  #starts = new Float64Array(64);
  #mask = 63;
  /** The oldest ticket that may still be outstanding. */
  #head = 0;
  /** The next ticket to hand out. */
  #tail = 0;
  /** A connection is asked for now; returns the ticket to pass to `end`. */
  begin(now = performance.now()) {
    if (this.#tail - this.#head > this.#mask) this.#grow();
    const ticket = this.#tail++;
    this.#starts[ticket & this.#mask] = now;
    return ticket;
  }
  /** The request of `ticket` has a connection, or has failed: it no longer waits. */
  end(ticket) {
    if (ticket < this.#head || ticket >= this.#tail) return;
    this.#starts[ticket & this.#mask] = Number.NaN;
    while (this.#head < this.#tail && Number.isNaN(this.#starts[this.#head & this.#mask])) this.#head++;
  }
  /** Milliseconds the longest-waiting outstanding request has waited so far (0 when none waits). */
  oldestMs(now) {
    if (this.#head === this.#tail) return 0;
    const start = this.#starts[this.#head & this.#mask] ?? 0;
    return Math.max(0, (now ?? performance.now()) - start);
  }
  #grow() {
    const size = (this.#mask + 1) * 2;
    const starts = new Float64Array(size);
    for (let t = this.#head; t < this.#tail; t++) starts[t & size - 1] = this.#starts[t & this.#mask] ?? 0;
    this.#starts = starts;
    this.#mask = size - 1;
  }
};

// ../../packages/db/src/client.ts
var TimedPool = class extends pg.Pool {
  waits = new ConnectionWaits();
  connect(callback) {
    const ticket = this.waits.begin();
    if (callback) {
      super.connect((err, client, done) => {
        this.waits.end(ticket);
        callback(err, client, done);
      });
      return void 0;
    }
    return super.connect().then(
      (client) => {
        this.waits.end(ticket);
        return client;
      },
      (error) => {
        this.waits.end(ticket);
        throw error;
      }
    );
  }
};

// ../../packages/db/src/embedded.ts
import { execFile } from "node:child_process";
import { dirname as dirname2, join as join3, resolve } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { promisify } from "node:util";
var run = promisify(execFile);
var repoRoot = resolve(dirname2(fileURLToPath2(import.meta.url)), "../../..");
var defaultDataDir = join3(repoRoot, ".data", "postgres");

// ../../packages/db/src/prisma-cli.ts
import { createRequire } from "node:module";
import { join as join4 } from "node:path";
var require2 = createRequire(import.meta.url);
var prismaConfigPath = join4(repoRoot, "prisma.config.ts");
var schemaPath = join4(repoRoot, "prisma", "schema.prisma");
var migrationsPath = join4(repoRoot, "prisma", "migrations");
var schemaEnginePath = join4(repoRoot, "packages", "db", "bin", "schema-engine.mjs");

// ../../packages/db/src/resolve.ts
import pg2 from "pg";

// src/mail/outbox-queue.ts
import { randomUUID } from "node:crypto";

// src/payments/sql.ts
import pg3 from "pg";

// src/lib/utc-time.ts
var MAX_ENTRIES = 4096;
var isoByMs = /* @__PURE__ */ new Map();
function isoString(date) {
  const ms = date.getTime();
  const cached = isoByMs.get(ms);
  if (cached !== void 0) return cached;
  const iso = date.toISOString();
  if (isoByMs.size >= MAX_ENTRIES) isoByMs.clear();
  isoByMs.set(ms, iso);
  return iso;
}
function utcDay(date) {
  return isoString(date).slice(0, 10);
}

// src/mail/outbox-queue.ts
async function queueOutboxMany(sql3, items) {
  const wanted = items.filter((i) => i.drafts.length > 0);
  if (!wanted.length) return 0;
  const ids = [...new Set(wanted.map((i) => i.paymentId))];
  const found = await sql3.query(
    prismaNamespace_exports.sql`
    SELECT p."id" AS "paymentId", l."email" AS "learnerEmail", l."name" AS "learnerName",
           s."email" AS "specialistEmail", s."name" AS "specialistName", o."title" AS "offeringTitle"
    FROM "Payment" p
    JOIN "User" l ON l."id" = p."learnerId"
    JOIN "User" s ON s."id" = p."specialistId"
    JOIN "Offering" o ON o."id" = p."offeringId"
    WHERE p."id" = ANY(ARRAY(SELECT unnest(${ids}::text[])))`,
    "outbox.parties"
  );
  const partiesOf = new Map(found.map((row2) => [row2.paymentId, row2]));
  const admins = wanted.some((i) => i.drafts.some((d) => d.to === "admins")) ? await sql3.query(
    prismaNamespace_exports.sql`SELECT "email", "name" FROM "User" WHERE "role" = 'ADMIN' ORDER BY "id"`
  ) : [];
  const rows = /* @__PURE__ */ new Map();
  for (const { paymentId, drafts } of wanted) {
    const parties2 = partiesOf.get(paymentId);
    if (!parties2) throw new Error(`payment ${paymentId} vanished while queueing its mail`);
    const learner = { email: parties2.learnerEmail, name: parties2.learnerName };
    const specialist = { email: parties2.specialistEmail, name: parties2.specialistName };
    for (const draft of drafts) {
      const recipients = draft.to === "learner" ? [learner] : draft.to === "specialist" ? [specialist] : admins;
      for (const recipient of recipients) {
        const dedupeKey = draft.to === "admins" ? `${draft.dedupeKey}:${recipient.email}` : draft.dedupeKey;
        if (rows.has(dedupeKey)) continue;
        rows.set(dedupeKey, {
          id: "",
          kind: draft.kind,
          dedupeKey,
          recipient: recipient.email,
          subject: draft.subject,
          payload: {
            ...draft.payload,
            recipientName: recipient.name,
            offeringTitle: parties2.offeringTitle,
            learnerName: learner.name,
            specialistName: specialist.name
          },
          n: 0
        });
      }
    }
  }
  if (!rows.size) return 0;
  const now = (/* @__PURE__ */ new Date()).toISOString();
  const data = [];
  for (const key of [...rows.keys()].sort()) {
    const row2 = rows.get(key);
    if (!row2) continue;
    row2.id = randomUUID();
    row2.n = data.length;
    data.push(row2);
  }
  const inserted = await sql3.query(
    prismaNamespace_exports.sql`
    INSERT INTO "OutboxMessage" ("id", "kind", "dedupeKey", "recipient", "subject", "payload", "availableAt", "createdAt")
    SELECT v."id", v."kind", v."dedupeKey", v."recipient", v."subject", v."payload", ${now}::timestamp(3), ${now}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb)
      AS v("id" text, "kind" text, "dedupeKey" text, "recipient" text, "subject" text, "payload" jsonb, n int)
    ORDER BY v.n
    ON CONFLICT DO NOTHING
    RETURNING "id"`,
    "outbox.insert-many"
  );
  return inserted.length;
}

// src/mail/payment-mails.ts
function paymentMails(t, env) {
  const { before, after } = t;
  const paymentId = after.id;
  const drafts = [];
  const origin = env.WEB_ORIGIN.replace(/\/$/, "");
  for (const change of t.childChanges) {
    switch (change.kind) {
      case "attempt_failed":
        drafts.push({
          kind: "payment.failed",
          dedupeKey: `payment.failed:${paymentId}:${change.attemptId}`,
          to: "learner",
          subject: "Your payment did not go through",
          payload: {
            paymentId,
            offeringId: after.offeringId,
            amount: after.amount,
            currency: after.currency,
            reason: change.failureMessage,
            // The checkout route reopens this payment (an open payment is reused for the same offering).
            retryUrl: `${origin}/offerings/${encodeURIComponent(after.offeringId)}/checkout`
          }
        });
        break;
      case "refund": {
        const payload = {
          paymentId,
          refundId: change.refundId,
          amount: change.amount,
          currency: change.currency
        };
        if (change.after === "SUCCEEDED" && change.before !== "SUCCEEDED") {
          drafts.push({
            kind: "refund.processed",
            dedupeKey: `refund.processed:${change.refundId}`,
            to: "learner",
            subject: "Your refund is on its way",
            payload: { ...payload, fullRefund: after.status === "REFUNDED" }
          });
        }
        if (change.after === "FAILED" && change.before !== "FAILED") {
          drafts.push({
            kind: "refund.failed",
            dedupeKey: `refund.failed:${change.refundId}`,
            to: "specialist",
            subject: "A refund failed",
            payload: { ...payload, reason: change.failureReason ?? "unknown" }
          });
        }
        break;
      }
      case "dispute":
        if (change.before !== null) break;
        for (const to of ["specialist", "admins"]) {
          drafts.push({
            kind: "dispute.opened",
            dedupeKey: `dispute.opened:${change.stripeDisputeId}:${to}`,
            to,
            subject: "A payment is disputed",
            payload: {
              paymentId,
              amount: change.amount,
              currency: change.currency,
              reason: change.reason
            }
          });
        }
        break;
    }
  }
  if (!before.succeededAt && after.succeededAt) {
    const payload = {
      paymentId,
      amount: after.amountReceived || after.amount,
      currency: after.currency,
      ...after.promotionCode ? { promotionCode: after.promotionCode, discountAmount: after.discountAmount } : {}
    };
    drafts.push(
      {
        kind: "payment.receipt",
        dedupeKey: `payment.receipt:${paymentId}`,
        to: "learner",
        subject: "Your receipt from enrollpay",
        payload: after.free ? { ...payload, free: true } : payload
      },
      {
        kind: "enrollment.new",
        dedupeKey: `enrollment.new:${paymentId}`,
        to: "specialist",
        subject: "You have a new enrollment",
        payload
      }
    );
  }
  return drafts;
}

// src/promotions/redemptions.ts
async function redeemReservation(sql3, paymentId, at) {
  await sql3.query(prismaNamespace_exports.sql`
    WITH r AS (
      UPDATE "PromotionRedemption" SET "status" = 'REDEEMED', "redeemedAt" = ${at}
      WHERE "paymentId" = ${paymentId} AND "status" = 'RESERVED'
      RETURNING "promotionCodeId"
    )
    UPDATE "PromotionCode" c SET "redeemedCount" = c."redeemedCount" + 1, "updatedAt" = now()
    FROM r WHERE c."id" = r."promotionCodeId"`);
}
async function releaseReservationSql(sql3, paymentId) {
  await sql3.query(prismaNamespace_exports.sql`
    WITH r AS (
      DELETE FROM "PromotionRedemption" WHERE "paymentId" = ${paymentId} AND "status" = 'RESERVED'
      RETURNING "promotionCodeId"
    )
    UPDATE "PromotionCode" c SET "heldCount" = c."heldCount" - 1, "updatedAt" = now()
    FROM r WHERE c."id" = r."promotionCodeId"`);
}
async function settleRedemption(sql3, t) {
  if (!t.after.promotionCodeId) return;
  if (!t.before.succeededAt && t.after.succeededAt) {
    await redeemReservation(sql3, t.after.id, t.after.succeededAt);
  } else if (t.before.status !== "CANCELED" && t.after.status === "CANCELED") {
    await releaseReservationSql(sql3, t.after.id);
  }
}

// src/stats/rollup.ts
var ROLLUP_FACT_FIELDS = {
  status: true,
  succeededAt: true,
  failedAt: true,
  refundedAt: true,
  disputedAt: true,
  amountReceived: true,
  amountRefunded: true,
  amountLostToDisputes: true,
  disputeLostAt: true,
  discountAmount: true,
  applicationFeeAmount: true
};
var ROLLUP_FACT_COLUMNS = prismaNamespace_exports.raw(
  Object.keys(ROLLUP_FACT_FIELDS).map((f) => `"${f}"`).join(", ")
);
var empty3 = (day) => ({
  day,
  grossAmount: 0,
  refundedAmount: 0,
  succeededCount: 0,
  failedCount: 0,
  refundedCount: 0,
  disputedCount: 0,
  disputeLostAmount: 0,
  discountAmount: 0,
  platformFeeAmount: 0
});
function contributionsOf(p) {
  const days = [];
  if (p.succeededAt) {
    const c = dayOf(days, p.succeededAt);
    c.grossAmount += p.amountReceived;
    c.succeededCount += 1;
    c.discountAmount += p.discountAmount;
    if (p.status !== "REFUNDED") c.platformFeeAmount += p.applicationFeeAmount;
  }
  if (p.status === "FAILED" && p.failedAt) dayOf(days, p.failedAt).failedCount += 1;
  if (p.amountRefunded > 0 && p.refundedAt) {
    const c = dayOf(days, p.refundedAt);
    c.refundedAmount += p.amountRefunded;
    c.refundedCount += 1;
  }
  if (p.disputedAt) dayOf(days, p.disputedAt).disputedCount += 1;
  if (p.amountLostToDisputes > 0 && p.disputeLostAt) {
    dayOf(days, p.disputeLostAt).disputeLostAmount += p.amountLostToDisputes;
  }
  return days;
}
function dayOf(days, date) {
  const day = utcDay(date);
  for (const c of days) if (c.day === day) return c;
  const created = empty3(day);
  days.push(created);
  return created;
}
var MEASURES = {
  grossAmount: "bigint",
  refundedAmount: "bigint",
  succeededCount: "int",
  failedCount: "int",
  refundedCount: "int",
  disputedCount: "int",
  disputeLostAmount: "bigint",
  discountAmount: "bigint",
  platformFeeAmount: "bigint"
};
var MEASURE_NAMES = Object.keys(MEASURES);
var quoted = (name) => `"${name}"`;
var MEASURE_COLUMNS = prismaNamespace_exports.raw(MEASURE_NAMES.map(quoted).join(", "));
var MEASURE_VALUES = prismaNamespace_exports.raw(MEASURE_NAMES.map((m) => `v.${quoted(m)}`).join(", "));
var MEASURE_RECORD = prismaNamespace_exports.raw(MEASURE_NAMES.map((m) => `${quoted(m)} ${MEASURES[m]}`).join(", "));
var MEASURE_ADD = prismaNamespace_exports.raw(
  MEASURE_NAMES.map((m) => `${quoted(m)} = "PaymentDailyStat".${quoted(m)} + EXCLUDED.${quoted(m)}`).join(
    ", "
  )
);
function addDelta(deltas, row2, c, sign) {
  const key = `${row2.specialistId}\0${row2.offeringId}\0${row2.currency}\0${c.day}`;
  let d = deltas.get(key);
  if (!d) {
    d = {
      ...empty3(c.day),
      specialistId: row2.specialistId,
      offeringId: row2.offeringId,
      currency: row2.currency,
      n: 0
    };
    deltas.set(key, d);
  }
  for (const m of MEASURE_NAMES) d[m] += sign * c[m];
}
async function applyRollupDeltas(sql3, changes) {
  const deltas = /* @__PURE__ */ new Map();
  for (const { before, after } of changes) {
    for (const c of contributionsOf(before)) addDelta(deltas, after, c, -1);
    for (const c of contributionsOf(after)) addDelta(deltas, after, c, 1);
  }
  const keys = [...deltas.keys()].sort();
  const rows = [];
  for (const key of keys) {
    const d = deltas.get(key);
    if (!d || !MEASURE_NAMES.some((m) => d[m] !== 0)) continue;
    d.n = rows.length;
    rows.push(d);
  }
  if (!rows.length) return;
  await sql3.query(
    prismaNamespace_exports.sql`
    INSERT INTO "PaymentDailyStat" ("specialistId", "offeringId", "currency", "day", ${MEASURE_COLUMNS})
    SELECT v."specialistId", v."offeringId", v."currency", v."day"::date, ${MEASURE_VALUES}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v("specialistId" text,
      "offeringId" text, "currency" text, "day" text, ${MEASURE_RECORD}, n int)
    ORDER BY v.n
    ON CONFLICT ("specialistId", "day", "offeringId", "currency") DO UPDATE SET ${MEASURE_ADD}`,
    "rollup.apply-deltas"
  );
}

// src/payments/status-notify.ts
var PAYMENT_STATUS_CHANNEL = "payment_status";
async function notifyPaymentStatusSql(sql3, paymentIds) {
  const ids = [...new Set(paymentIds)];
  if (!ids.length) return;
  await sql3.query(
    prismaNamespace_exports.sql`
    SELECT count(pg_notify(${PAYMENT_STATUS_CHANNEL}, id))::int AS sent
    FROM unnest(${ids}::text[]) AS changed(id)`,
    "payments.notify-status"
  );
}

// ../../packages/schemas/src/admin.ts
import { z as z3 } from "zod";

// ../../packages/schemas/src/fields.ts
import { z } from "zod";
var contractFormats = z.registry();
function withFormat(schema, format) {
  contractFormats.add(schema, { format });
  return schema;
}
function typeError(field, expected) {
  return (iss) => iss.input === void 0 ? `${field} is required` : `${field} must be ${expected}`;
}
function countField(field) {
  return z.int({ error: typeError(field, "a whole number") }).min(0, { error: `${field} must not be negative` });
}
var ID_PATTERN = /^[A-Za-z0-9_-]*$/;
function idField(field) {
  const schema = z.string({ error: typeError(field, "a string id") }).min(1, { error: `${field} must not be empty` }).max(64, { error: `${field} must be at most 64 characters` }).regex(ID_PATTERN, { error: `${field} may contain only letters, digits, "_" and "-"` });
  return withFormat(schema, "id");
}
function stripeIdField(field, prefixes) {
  const pattern = new RegExp(`^(?:${prefixes.join("|")})[A-Za-z0-9_]+$`);
  const expected = prefixes.map((p) => `"${p}"`).join(" or ");
  const schema = z.string({ error: typeError(field, "a Stripe id string") }).max(255, { error: `${field} must be at most 255 characters` }).regex(pattern, { error: `${field} must be a Stripe id starting with ${expected}` });
  return withFormat(schema, "stripe-id");
}
function dateTimeField(field) {
  return z.iso.datetime({
    offset: true,
    error: typeError(field, "an ISO 8601 date-time string, e.g. 2025-01-31T12:00:00Z")
  });
}
function enumField(values, field) {
  return z.enum(values, { error: typeError(field, `one of ${values.join(", ")}`) });
}
function inputObject(name, shape) {
  return z.strictObject(shape, {
    error: (iss) => iss.code === "unrecognized_keys" ? `${name} has unknown field(s): ${iss.keys.join(", ")}` : `${name} input must be an object`
  });
}

// ../../packages/schemas/src/enums.ts
var RoleSchema = enumField(["LEARNER", "SPECIALIST", "ADMIN"], "role");
var OfferingKindSchema = enumField(["COURSE", "SERVICE"], "kind");
var EnrollmentStatusSchema = enumField(
  ["PENDING_PAYMENT", "ACTIVE", "SUSPENDED", "REFUNDED", "CANCELLED"],
  "enrollmentStatus"
);
var PAYMENT_STATUSES = [
  "PENDING",
  "REQUIRES_ACTION",
  "PROCESSING",
  "SUCCEEDED",
  "FAILED",
  "CANCELED",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
  "DISPUTED"
];
var PaymentStatusSchema = enumField(PAYMENT_STATUSES, "status");
var RefundStatusSchema = enumField(
  ["PENDING", "SUCCEEDED", "FAILED", "CANCELED", "REQUIRES_ACTION"],
  "refundStatus"
);
var RefundReasonSchema = enumField(
  ["REQUESTED_BY_CUSTOMER", "DUPLICATE", "FRAUDULENT", "OTHER"],
  "reason"
);
var DisputeStatusSchema = enumField(
  [
    "warning_needs_response",
    "warning_under_review",
    "warning_closed",
    "needs_response",
    "under_review",
    "won",
    "lost",
    "prevented"
  ],
  "disputeStatus"
);
var WebhookEventStatusSchema = enumField(
  ["RECEIVED", "PROCESSED", "FAILED", "ORPHANED", "IGNORED"],
  "status"
);
var OutboxStatusSchema = enumField(["PENDING", "SENT", "FAILED"], "status");
var GranularitySchema = enumField(["day", "week", "month"], "granularity");
var RefundBlockReasonSchema = enumField(
  ["NOT_SUCCEEDED", "WINDOW_PASSED", "DISPUTED", "ALREADY_REFUNDED", "NOT_ALLOWED"],
  "reason"
);

// ../../packages/schemas/src/ids.ts
import { z as z2 } from "zod";
var IdSchema = idField("id");
var UserIdSchema = idField("userId");
var OfferingIdSchema = idField("offeringId");
var PaymentIdSchema = idField("paymentId");
var RefundIdSchema = idField("refundId");
var EnrollmentIdSchema = idField("enrollmentId");
var StripePaymentIntentIdSchema = stripeIdField("paymentIntentId", ["pi_"]);
var StripeChargeIdSchema = stripeIdField("chargeId", ["ch_", "py_"]);
var StripeRefundIdSchema = stripeIdField("refundId", ["re_", "pyr_"]);
var StripeDisputeIdSchema = stripeIdField("disputeId", ["dp_", "du_"]);
var StripeEventIdSchema = stripeIdField("eventId", ["evt_"]);
var StripeCustomerIdSchema = stripeIdField("customerId", ["cus_"]);
var IdempotencyKeySchema = z2.string({ error: typeError("idempotencyKey", "a string") }).min(8, { error: "idempotencyKey must be at least 8 characters (a UUID is a good choice)" }).max(255, { error: "idempotencyKey must be at most 255 characters" }).regex(/^[\x20-\x7e]*$/, {
  error: "idempotencyKey may contain only printable ASCII characters (no control characters or emoji)"
}).meta({ description: "Client-chosen key; the same key with the same input returns the same response." });
var CursorSchema = z2.string({ error: typeError("cursor", "the nextCursor string from the previous page") }).min(1, { error: "cursor must not be empty (omit it to start from the first page)" }).max(512, { error: "cursor must be at most 512 characters" });
var DEFAULT_PAGE_SIZE = 20;
var MAX_PAGE_SIZE = 100;
var LimitSchema = z2.int({ error: typeError("limit", "a whole number") }).min(1, { error: "limit must be at least 1" }).max(MAX_PAGE_SIZE, { error: `limit must be at most ${MAX_PAGE_SIZE}` }).default(DEFAULT_PAGE_SIZE);
function CursorPageSchema(item) {
  return z2.object({
    items: z2.array(item),
    nextCursor: CursorSchema.nullable()
  });
}

// ../../packages/schemas/src/admin.ts
var WebhookEventTypes = [
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "payment_intent.canceled",
  "payment_intent.requires_action",
  "payment_intent.processing",
  "payment_intent.amount_capturable_updated",
  "charge.succeeded",
  "charge.refunded",
  "refund.created",
  "refund.updated",
  "refund.failed",
  "charge.dispute.created",
  "charge.dispute.updated",
  "charge.dispute.closed",
  // Stripe Connect: the specialist's account and payouts (Connect endpoint, with `account`), and the
  // platform's transfers to it.
  "account.updated",
  "payout.created",
  "payout.updated",
  "payout.paid",
  "payout.failed",
  "payout.canceled",
  "transfer.created",
  "transfer.reversed"
];
var WebhookEventTypeSchema = enumField(WebhookEventTypes, "type");
function isHandledWebhookEventType(type) {
  return WebhookEventTypes.includes(type);
}
var StripeEventTypeSchema = z3.string({ error: typeError("type", 'a Stripe event type such as "payment_intent.succeeded"') }).min(1, { error: "type must not be empty" }).max(100, { error: "type must be at most 100 characters" }).regex(/^[a-z0-9_.]+$/, {
  error: 'type must look like a Stripe event type, e.g. "payment_intent.succeeded"'
});
var WebhookEventsInputSchema = inputObject("admin.webhookEvents", {
  status: WebhookEventStatusSchema.optional(),
  type: StripeEventTypeSchema.optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema
  // Every field is optional: a call with no input at all is `{}`, as tRPC clients send it.
}).prefault({});
var WebhookEventSummarySchema = z3.object({
  id: z3.string().meta({ description: "Stripe's event id (evt_\u2026)." }),
  type: z3.string(),
  status: WebhookEventStatusSchema,
  attempts: countField("attempts"),
  lastError: z3.string().nullable(),
  receivedAt: dateTimeField("receivedAt"),
  processedAt: dateTimeField("processedAt").nullable()
});
var WebhookEventsOutputSchema = CursorPageSchema(WebhookEventSummarySchema);
var OutboxInputSchema = inputObject("admin.outbox", {
  status: OutboxStatusSchema.optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema
  // Every field is optional: a call with no input at all is `{}`, as tRPC clients send it.
}).prefault({});
var OutboxMessageSummarySchema = z3.object({
  id: z3.string(),
  kind: z3.string().meta({ description: 'What the message is, e.g. "email.payment_receipt".' }),
  status: OutboxStatusSchema,
  recipient: z3.string().nullable(),
  subject: z3.string().nullable(),
  attempts: countField("attempts"),
  lastError: z3.string().nullable(),
  createdAt: dateTimeField("createdAt"),
  sentAt: dateTimeField("sentAt").nullable()
});
var OutboxOutputSchema = CursorPageSchema(OutboxMessageSummarySchema);
var MAX_RECONCILE_HOURS = 24 * 90;
var ReconcileInputSchema = inputObject("admin.reconcile", {
  since: dateTimeField("since").optional(),
  sinceHours: z3.int({ error: typeError("sinceHours", "a whole number of hours") }).min(1, { error: "sinceHours must be at least 1" }).max(MAX_RECONCILE_HOURS, { error: `sinceHours must be at most ${MAX_RECONCILE_HOURS} (90 days)` }).optional()
}).superRefine((value, ctx) => {
  if (value.since === void 0 === (value.sinceHours === void 0)) {
    ctx.addIssue({
      code: "custom",
      path: ["since"],
      input: value,
      message: "give exactly one of since (an ISO date-time) or sinceHours"
    });
  }
});
var RepairKindSchema = enumField(["PAYMENT", "REFUND", "DISPUTE", "ENROLLMENT"], "kind");
var FieldValueSchema = z3.union([z3.string(), z3.number(), z3.boolean(), z3.null()]);
var ReconcileRepairSchema = z3.object({
  kind: RepairKindSchema,
  stripeId: z3.string().meta({ description: "The Stripe object the repair came from (pi_\u2026, re_\u2026, dp_\u2026)." }),
  paymentId: z3.string().nullable(),
  field: z3.string(),
  before: FieldValueSchema,
  after: FieldValueSchema
});
var ConnectDriftKindSchema = enumField(["TRANSFER", "APPLICATION_FEE", "PAYOUT", "ACCOUNT"], "kind");
var ConnectDriftSchema = z3.object({
  kind: ConnectDriftKindSchema,
  stripeId: z3.string().meta({ description: "The Stripe object (tr_\u2026, fee_\u2026, po_\u2026, acct_\u2026, or the ch_\u2026 it was read from)." }),
  paymentId: z3.string().nullable(),
  /** The connected account (acct_…) for payouts and accounts; null for the platform's own objects. */
  stripeAccountId: z3.string().nullable(),
  field: z3.string(),
  before: FieldValueSchema.meta({ description: "Our value" }),
  after: FieldValueSchema.meta({ description: "Stripe's value" }),
  repaired: z3.boolean().meta({
    description: "true: our row now agrees with Stripe; false: reported only (not safe to change by itself)"
  })
});
var ReconcileReportSchema = z3.object({
  since: dateTimeField("since"),
  startedAt: dateTimeField("startedAt"),
  finishedAt: dateTimeField("finishedAt"),
  checked: z3.object({
    paymentIntents: countField("paymentIntents"),
    refunds: countField("refunds"),
    disputes: countField("disputes")
  }),
  repaired: z3.array(ReconcileRepairSchema),
  errors: z3.array(z3.object({ stripeId: z3.string(), message: z3.string() })),
  /** Stripe Connect: transfers and application fees since `since`, and every connected account's payouts. */
  connect: z3.object({
    checked: z3.object({
      transfers: countField("transfers"),
      applicationFees: countField("applicationFees"),
      payouts: countField("payouts"),
      accounts: countField("accounts")
    }),
    drift: z3.array(ConnectDriftSchema)
  })
});
var MetricsSummaryOutputSchema = z3.object({
  generatedAt: dateTimeField("generatedAt"),
  paymentsByStatus: z3.record(PaymentStatusSchema, z3.int().min(0)),
  webhookEventsByStatus: z3.record(WebhookEventStatusSchema, z3.int().min(0)),
  oldestUnprocessedEventAgeSeconds: z3.number().min(0).nullable(),
  outbox: z3.object({ pending: countField("pending"), failed: countField("failed") }),
  queueDepth: countField("queueDepth"),
  refunds: z3.object({ pending: countField("pending"), failed: countField("failed") }),
  openDisputes: countField("openDisputes")
});

// src/payments/status.ts
function intentStatusOf(pi) {
  switch (pi.status) {
    case "requires_payment_method":
      return pi.last_payment_error ? "FAILED" : "PENDING";
    case "requires_confirmation":
      return "PENDING";
    case "requires_action":
      return "REQUIRES_ACTION";
    case "processing":
    case "requires_capture":
      return "PROCESSING";
    case "succeeded":
      return "SUCCEEDED";
    case "canceled":
      return "CANCELED";
    default:
      return "PENDING";
  }
}
var TERMINAL_INTENT = /* @__PURE__ */ new Set(["SUCCEEDED", "CANCELED"]);
function mergeIntentStatus(current, currentAt, incoming) {
  if (TERMINAL_INTENT.has(current)) return current;
  if (TERMINAL_INTENT.has(incoming.status)) return incoming.status;
  if (incoming.at === null || currentAt === null) return incoming.status;
  return incoming.at.getTime() >= currentAt.getTime() ? incoming.status : current;
}
var REFUND_RANK = {
  PENDING: 0,
  REQUIRES_ACTION: 1,
  SUCCEEDED: 2,
  FAILED: 3,
  CANCELED: 3
};
function refundStatusOf(status) {
  switch (status) {
    case "succeeded":
      return "SUCCEEDED";
    case "failed":
      return "FAILED";
    case "canceled":
      return "CANCELED";
    case "requires_action":
      return "REQUIRES_ACTION";
    default:
      return "PENDING";
  }
}
function mergeRefundStatus(current, incoming) {
  if (REFUND_RANK[current] === 3) return current;
  return REFUND_RANK[incoming] >= REFUND_RANK[current] ? incoming : current;
}
function refundCounts(status) {
  return status === "PENDING" || status === "REQUIRES_ACTION" || status === "SUCCEEDED";
}
var DISPUTE_RANK = {
  warning_needs_response: 0,
  needs_response: 0,
  warning_under_review: 1,
  under_review: 1,
  warning_closed: 2,
  won: 2,
  lost: 2,
  prevented: 2
};
function disputeIsOpen(status) {
  return (DISPUTE_RANK[status] ?? 0) < 2;
}
var OPEN_DISPUTE_STATUSES = DisputeStatusSchema.options.filter(disputeIsOpen);
function derivePaymentStatus(input) {
  if (input.intentStatus !== "SUCCEEDED") return input.intentStatus;
  if (input.disputeStatuses.some((s) => disputeIsOpen(s) || s === "lost")) return "DISPUTED";
  if (input.amountReceived > 0 && input.amountRefunded >= input.amountReceived) return "REFUNDED";
  if (input.amountRefunded > 0) return "PARTIALLY_REFUNDED";
  return "SUCCEEDED";
}
function deriveEnrollmentStatus(payment, disputeStatuses) {
  switch (payment) {
    case "PENDING":
    case "REQUIRES_ACTION":
    case "PROCESSING":
    case "FAILED":
      return "PENDING_PAYMENT";
    case "CANCELED":
      return "CANCELLED";
    case "SUCCEEDED":
    case "PARTIALLY_REFUNDED":
      return "ACTIVE";
    case "REFUNDED":
      return "REFUNDED";
    case "DISPUTED":
      return disputeStatuses.some((s) => disputeIsOpen(s)) ? "SUSPENDED" : "CANCELLED";
  }
}

// src/payments/transition.ts
var PAYMENT_SELECT = {
  id: true,
  learnerId: true,
  specialistId: true,
  offeringId: true,
  enrollmentId: true,
  stripePaymentIntentId: true,
  stripeChargeId: true,
  amount: true,
  amountReceived: true,
  amountRefunded: true,
  currency: true,
  status: true,
  stripeStatus: true,
  failureCode: true,
  declineCode: true,
  failureMessage: true,
  paymentMethodType: true,
  cardBrand: true,
  cardLast4: true,
  receiptUrl: true,
  succeededAt: true,
  failedAt: true,
  canceledAt: true,
  refundedAt: true,
  disputedAt: true,
  disputeStatus: true,
  amountLostToDisputes: true,
  disputeLostAt: true,
  applicationFeeAmount: true,
  webhookVerified: true,
  lastStripeEventId: true,
  lastStripeEventAt: true,
  // Set when the payment is opened (or its promotion code changed, payments/promotion-change.ts); no step
  // changes them. Effects read them (the redemption, the rollup's discounts, the receipt).
  discountAmount: true,
  promotionCode: true,
  promotionCodeId: true,
  free: true
};
var PAYMENT_COLUMNS = prismaNamespace_exports.raw(
  Object.keys(PAYMENT_SELECT).map((column) => `"${column}"`).join(", ")
);
var LockedPayments = class {
  /** The payments' current rows, in lock order. */
  rows;
  position = /* @__PURE__ */ new Map();
  byIntent = /* @__PURE__ */ new Map();
  byCharge = /* @__PURE__ */ new Map();
  constructor(locked) {
    this.rows = [...locked];
    this.rows.forEach((row2, i) => {
      this.position.set(row2.id, i);
      this.index(row2, i);
    });
  }
  /** The payment `keys` find (as `paymentMatches`, the first in lock order), or undefined. */
  find(keys) {
    let first = Number.POSITIVE_INFINITY;
    if (keys.paymentIntentId) first = Math.min(first, this.byIntent.get(keys.paymentIntentId)?.[0] ?? first);
    if (keys.chargeId) first = Math.min(first, this.byCharge.get(keys.chargeId)?.[0] ?? first);
    if (keys.metadataPaymentId && keys.paymentIntentId) {
      const i = this.position.get(keys.metadataPaymentId);
      if (i !== void 0 && this.rows[i]?.stripePaymentIntentId === null) first = Math.min(first, i);
    }
    return this.rows[first];
  }
  /** Replaces a payment's row with its state after a transition (the ids it is found by may change). */
  update(row2) {
    const i = this.position.get(row2.id);
    const old = i === void 0 ? void 0 : this.rows[i];
    if (i === void 0 || !old) throw new Error(`payment ${row2.id} is not locked by this batch`);
    if (old.stripePaymentIntentId !== row2.stripePaymentIntentId || old.stripeChargeId !== row2.stripeChargeId) {
      unindex(this.byIntent, old.stripePaymentIntentId, i);
      unindex(this.byCharge, old.stripeChargeId, i);
      this.index(row2, i);
    }
    this.rows[i] = row2;
  }
  index(row2, i) {
    addIndex(this.byIntent, row2.stripePaymentIntentId, i);
    addIndex(this.byCharge, row2.stripeChargeId, i);
  }
};
function addIndex(map, key, i) {
  if (!key) return;
  const positions = map.get(key);
  if (!positions) {
    map.set(key, [i]);
    return;
  }
  positions.push(i);
  positions.sort((a, b) => a - b);
}
function unindex(map, key, i) {
  if (!key) return;
  const positions = map.get(key);
  if (!positions) return;
  const at = positions.indexOf(i);
  if (at >= 0) positions.splice(at, 1);
  if (!positions.length) map.delete(key);
}
async function lockPayments(sql3, keysList) {
  const intents = /* @__PURE__ */ new Set();
  const charges = /* @__PURE__ */ new Set();
  const ids = /* @__PURE__ */ new Set();
  for (const keys of keysList) {
    if (keys.paymentIntentId) intents.add(keys.paymentIntentId);
    if (keys.chargeId) charges.add(keys.chargeId);
    if (keys.metadataPaymentId && keys.paymentIntentId) ids.add(keys.metadataPaymentId);
  }
  if (!intents.size && !charges.size) return [];
  return sql3.query(
    prismaNamespace_exports.sql`
    SELECT ${PAYMENT_COLUMNS} FROM "Payment"
    WHERE "stripePaymentIntentId" = ANY(ARRAY(SELECT unnest(${[...intents]}::text[])))
       OR "stripeChargeId" = ANY(ARRAY(SELECT unnest(${[...charges]}::text[])))
       OR ("id" = ANY(ARRAY(SELECT unnest(${[...ids]}::text[]))) AND "stripePaymentIntentId" IS NULL)
    ORDER BY "id" FOR UPDATE`,
    "payments.lock-batch"
  );
}
async function childTotals(sql3, paymentId) {
  const refunds = await sql3.query(prismaNamespace_exports.sql`
    SELECT "amount", "status"::text AS "status", "createdAt" FROM "Refund" WHERE "paymentId" = ${paymentId}`);
  const disputes = await sql3.query(prismaNamespace_exports.sql`
    SELECT "status", "amount", "fee", "createdAt", "closedAt" FROM "Dispute" WHERE "paymentId" = ${paymentId}
    ORDER BY "createdAt" ASC, "id" ASC`);
  const counting = refunds.filter((r) => refundCounts(r.status));
  const lost = disputes.filter((d) => d.status === "lost");
  const lostAt = lost.map((d) => (d.closedAt ?? d.createdAt).getTime());
  const totals = {
    amountRefunded: counting.reduce((sum, r) => sum + r.amount, 0),
    refundedAt: counting.length ? new Date(Math.max(...counting.map((r) => r.createdAt.getTime()))) : null,
    disputedAt: disputes[0]?.createdAt ?? null,
    disputeStatus: disputes.at(-1)?.status ?? null,
    amountLostToDisputes: lost.reduce((sum, d) => sum + d.amount + (d.fee ?? 0), 0),
    disputeLostAt: lostAt.length ? new Date(Math.max(...lostAt)) : null
  };
  return { totals, disputeStatuses: disputes.map((d) => d.status) };
}
function paymentChanged(t) {
  const { before, after } = t;
  for (const f of DIFF_FIELDS) if (!same(before[f], after[f])) return true;
  return false;
}
function enrollmentOf(t) {
  const { after } = t;
  return {
    status: deriveEnrollmentStatus(after.status, t.disputeStatuses),
    paymentStatus: after.status,
    paymentId: after.succeededAt ? after.id : null,
    paymentDate: after.succeededAt,
    webhookVerified: after.webhookVerified
  };
}
async function deriveTransition(sql3, before, { children }, { patch, childChanges, refused }) {
  const disputeStatusesBefore = before.disputeStatus ? [before.disputeStatus] : [];
  if (refused) {
    return {
      before,
      after: before,
      childChanges: [],
      changes: [],
      refused,
      disputeStatuses: disputeStatusesBefore
    };
  }
  let derived = {
    amountRefunded: before.amountRefunded,
    refundedAt: before.refundedAt,
    disputedAt: before.disputedAt,
    disputeStatus: before.disputeStatus,
    amountLostToDisputes: before.amountLostToDisputes,
    disputeLostAt: before.disputeLostAt
  };
  let disputeStatuses = disputeStatusesBefore;
  if (children || before.disputedAt) {
    const read = await childTotals(sql3, before.id);
    derived = read.totals;
    disputeStatuses = read.disputeStatuses;
  }
  const after = { ...before, ...patch, ...derived };
  after.status = derivePaymentStatus({
    intentStatus: currentIntentStatus(after),
    amountReceived: after.amountReceived,
    amountRefunded: after.amountRefunded,
    disputeStatuses
  });
  return {
    before,
    after,
    childChanges,
    changes: [...diff(before, after), ...childFieldChanges(childChanges)],
    refused: null,
    disputeStatuses
  };
}
async function writeTransitions(sql3, nets) {
  const changed = [];
  const differs = new Array(DIFF_FIELDS.length).fill(false);
  for (const n of nets) {
    if (n.changed <= 0) continue;
    const after = n.last.after;
    let any = false;
    for (const [i, f] of DIFF_FIELDS.entries()) {
      if (!same(n.first[f], after[f])) {
        differs[i] = true;
        any = true;
      }
    }
    if (any) changed.push(n);
  }
  if (!changed.length) return;
  const fields = DIFF_FIELDS.filter((_, i) => differs[i]);
  const payments = changed.map((n) => {
    const row2 = { id: n.first.id, version: n.changed };
    for (const f of fields) row2[f] = jsonTime(n.last.after[f]);
    return row2;
  });
  const enrollments = changed.map((n) => {
    const e = enrollmentOf(n.last);
    return {
      id: n.last.after.enrollmentId,
      status: e.status,
      paymentStatus: e.paymentStatus,
      paymentId: e.paymentId,
      paymentDate: e.paymentDate && isoString(e.paymentDate),
      webhookVerified: e.webhookVerified
    };
  });
  const assignments = prismaNamespace_exports.raw(fields.map((f) => `"${f}" = v."${f}"`).join(", "));
  await sql3.query(prismaNamespace_exports.sql`
    WITH "payments" AS (
      UPDATE "Payment" p SET ${assignments}, "version" = p."version" + v."version", "updatedAt" = now()
      FROM jsonb_populate_recordset(NULL::"Payment", ${JSON.stringify(payments)}::jsonb) AS v
      WHERE p."id" = ANY(ARRAY(SELECT unnest(${changed.map((n) => n.first.id)}::text[]))) AND p."id" = v."id"
    )
    UPDATE "Enrollment" e SET "status" = v."status", "paymentStatus" = v."paymentStatus",
      "paymentId" = v."paymentId", "paymentDate" = v."paymentDate", "webhookVerified" = v."webhookVerified",
      "updatedAt" = now()
    FROM jsonb_populate_recordset(NULL::"Enrollment", ${JSON.stringify(enrollments)}::jsonb) AS v
    WHERE e."id" = ANY(ARRAY(SELECT unnest(${enrollments.map((e) => e.id)}::text[]))) AND e."id" = v."id"`);
}
function currentIntentStatus(p) {
  if (!p.stripeStatus) return p.free && p.succeededAt ? "SUCCEEDED" : "PENDING";
  const failed = p.failureCode !== null || p.failureMessage !== null;
  return intentStatusOf({
    status: p.stripeStatus,
    last_payment_error: failed ? { type: "card_error" } : null
  });
}
function childFieldChanges(changes) {
  const fields = [];
  for (const c of changes) {
    if (c.kind === "attempt_failed") continue;
    const id = c.kind === "refund" ? c.stripeRefundId : c.stripeDisputeId;
    fields.push(
      c.before === null ? { field: `${c.kind}[${id}]`, before: null, after: c.after } : { field: `${c.kind}[${id}].status`, before: c.before, after: c.after }
    );
  }
  return fields;
}
var DIFF_FIELDS = Object.keys(PAYMENT_SELECT).filter((k) => k !== "id");
function same(a, b) {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
var jsonTime = (value) => value instanceof Date ? isoString(value) : value;
function diff(before, after) {
  const changes = [];
  for (const field of DIFF_FIELDS) {
    if (!same(before[field], after[field])) {
      changes.push({ field, before: before[field], after: after[field] });
    }
  }
  return changes;
}

// src/payments/steps.ts
function intentMismatch(payment, pi, livemode) {
  const fields = [
    ...pi.amount !== payment.amount ? ["amount"] : [],
    ...pi.currency !== payment.currency ? ["currency"] : [],
    ...pi.livemode !== livemode ? ["livemode"] : []
  ];
  if (!fields.length) return null;
  return {
    fields,
    message: `PaymentIntent ${pi.id} does not match its payment (${fields.join(", ")}): refused, nothing applied`,
    details: {
      paymentIntentId: pi.id,
      expectedAmount: payment.amount,
      amount: pi.amount,
      expectedCurrency: payment.currency,
      currency: pi.currency,
      expectedLivemode: livemode,
      livemode: pi.livemode
    }
  };
}
function intentStep(clock, payment, pi, source, livemode) {
  const refused = intentMismatch(payment, pi, livemode);
  if (refused) return { patch: {}, childChanges: [], refused };
  const at = source.kind === "webhook" ? source.eventCreated : null;
  const when = at ?? clock.now();
  const current = currentIntentStatus(payment);
  const incoming = intentStatusOf(pi);
  const merged = mergeIntentStatus(current, payment.lastStripeEventAt, { status: incoming, at });
  const patch = {};
  const childChanges = [];
  if (!payment.stripePaymentIntentId) patch.stripePaymentIntentId = pi.id;
  if (pi.amount_received > payment.amountReceived) patch.amountReceived = pi.amount_received;
  if (source.kind === "webhook" && (!payment.lastStripeEventAt || source.eventCreated >= payment.lastStripeEventAt)) {
    patch.lastStripeEventId = source.eventId;
    patch.lastStripeEventAt = source.eventCreated;
  }
  if (merged === incoming) {
    patch.stripeStatus = pi.status;
    const charge = typeof pi.latest_charge === "object" && pi.latest_charge ? pi.latest_charge : null;
    if (charge) Object.assign(patch, chargeDetails(payment, charge));
    if (incoming === "SUCCEEDED") {
      if (!payment.succeededAt) patch.succeededAt = when;
      patch.failureCode = null;
      patch.declineCode = null;
      patch.failureMessage = null;
      if (source.kind === "webhook") patch.webhookVerified = true;
      if (!payment.stripeChargeId && typeof pi.latest_charge === "string")
        patch.stripeChargeId = pi.latest_charge;
      const method = pi.payment_method;
      if (typeof method === "object" && method?.card && !payment.cardLast4) {
        patch.cardBrand = method.card.brand;
        patch.cardLast4 = method.card.last4;
        patch.paymentMethodType = method.type;
      }
    }
    if (incoming === "FAILED" && pi.last_payment_error) {
      const error = pi.last_payment_error;
      const failureMessage = error.message ?? "Your payment was not completed";
      patch.failureCode = error.code ?? null;
      patch.declineCode = error.decline_code ?? null;
      patch.failureMessage = failureMessage;
      const sameFailure = current === "FAILED" && payment.failureCode === (error.code ?? null);
      if (!sameFailure || !payment.failedAt) patch.failedAt = when;
      const attemptId = idOf(error.charge) ?? idOf(error.payment_method) ?? `${error.code}:${payment.failedAt?.getTime() ?? when.getTime()}`;
      childChanges.push({ kind: "attempt_failed", attemptId, failureMessage });
    }
    if (incoming === "CANCELED" && !payment.canceledAt) patch.canceledAt = when;
  }
  return { patch, childChanges };
}
function chargeDetails(payment, charge) {
  if (charge.status !== "succeeded") return {};
  if (payment.stripeChargeId && payment.stripeChargeId !== charge.id) return {};
  const card = charge.payment_method_details?.card;
  return {
    stripeChargeId: charge.id,
    receiptUrl: charge.receipt_url ?? payment.receiptUrl,
    paymentMethodType: charge.payment_method_details?.type ?? payment.paymentMethodType,
    cardBrand: card?.brand ?? payment.cardBrand,
    cardLast4: card?.last4 ?? payment.cardLast4
  };
}
async function refundStep(tx, payment, refund) {
  const incoming = refundStatusOf(refund.status);
  const ourId = refund.metadata?.refundId;
  const existing = await tx.refund.findFirst({
    where: {
      paymentId: payment.id,
      OR: [{ stripeRefundId: refund.id }, ...ourId ? [{ id: ourId, stripeRefundId: null }] : []]
    },
    select: { id: true, status: true, stripeRefundId: true, failureReason: true }
  });
  const change = {
    kind: "refund",
    stripeRefundId: refund.id,
    amount: refund.amount,
    currency: refund.currency
  };
  if (existing) {
    const after = mergeRefundStatus(existing.status, incoming);
    const failureReason2 = after === "FAILED" ? refund.failure_reason ?? existing.failureReason ?? "unknown" : null;
    if (after !== existing.status || existing.stripeRefundId !== refund.id || failureReason2 !== existing.failureReason) {
      await tx.refund.update({
        where: { id: existing.id },
        data: { status: after, stripeRefundId: refund.id, failureReason: failureReason2 }
      });
    }
    const changed = after !== existing.status;
    return {
      patch: {},
      childChanges: changed ? [{ ...change, refundId: existing.id, before: existing.status, after, failureReason: failureReason2 }] : []
    };
  }
  const failureReason = incoming === "FAILED" ? refund.failure_reason ?? "unknown" : null;
  const created = await tx.refund.create({
    data: {
      paymentId: payment.id,
      stripeRefundId: refund.id,
      amount: refund.amount,
      currency: refund.currency,
      status: incoming,
      reason: refundReasonOf(refund.reason),
      failureReason
    },
    select: { id: true }
  });
  return {
    patch: {},
    childChanges: [{ ...change, refundId: created.id, before: null, after: incoming, failureReason }]
  };
}
function idOf(value) {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}
function refundReasonOf(reason) {
  switch (reason) {
    case "requested_by_customer":
      return "REQUESTED_BY_CUSTOMER";
    case "duplicate":
      return "DUPLICATE";
    case "fraudulent":
      return "FRAUDULENT";
    default:
      return "OTHER";
  }
}

// src/payments/sync.ts
var rollupEffect = (sql3, applied) => applyRollupDeltas(
  sql3,
  applied.map(({ t }) => t)
);
var redemptionEffect = async (sql3, applied) => {
  for (const { t } of applied) await settleRedemption(sql3, t);
};
var outboxEffect = (sql3, applied, deps2) => queueOutboxMany(
  sql3,
  applied.map(({ t }) => ({ paymentId: t.after.id, drafts: paymentMails(t, deps2.env) }))
);
var auditEffect = (sql3, applied) => insertAuditRows(
  sql3,
  applied.flatMap(({ t, source }) => statusChangeEntry(t, source) ?? [])
);
var notifyEffect = (sql3, applied) => notifyPaymentStatusSql(
  sql3,
  applied.flatMap(({ t }) => t.changes.length ? [t.after.id] : [])
);
var EFFECTS = [rollupEffect, redemptionEffect, outboxEffect, auditEffect, notifyEffect];
async function runEffects(sql3, applied, deps2) {
  if (!applied.length) return;
  for (const effect of EFFECTS) await effect(sql3, applied, deps2);
}
async function insertAuditRows(sql3, entries) {
  if (!entries.length) return;
  const now = (/* @__PURE__ */ new Date()).toISOString();
  const rows = entries.map(({ action, paymentId, amount, currency, details }) => ({
    id: randomUUID2(),
    action,
    paymentId,
    amount,
    currency,
    details
  }));
  await sql3.query(
    prismaNamespace_exports.sql`
    INSERT INTO "AuditLog" ("id", "actorId", "actorRole", "action", "paymentId", "amount", "currency", "details", "createdAt")
    SELECT v."id", NULL, NULL, v."action", v."paymentId", v."amount", v."currency", v."details", ${now}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS v("id" text, "action" text, "paymentId" text, "amount" int, "currency" text, "details" jsonb)`,
    "audit.insert-many"
  );
}
async function recordRefusal(sql3, t, deps2, source, refusal) {
  await insertAuditRows(sql3, [
    {
      action: "payment.intent_mismatch",
      paymentId: t.before.id,
      amount: t.before.amount,
      currency: t.before.currency,
      details: { ...refusal.details, fields: refusal.fields, source: source.kind }
    }
  ]);
  for (const field of refusal.fields) deps2.metrics.paymentIntentMismatches.inc({ field });
}
function statusChangeEntry(t, source) {
  if (t.before.status === t.after.status) return null;
  return {
    action: "payment.status_changed",
    paymentId: t.after.id,
    amount: t.after.amountReceived || t.after.amount,
    currency: t.after.currency,
    details: {
      from: t.before.status,
      to: t.after.status,
      source: source.kind,
      ...source.kind === "webhook" ? { stripeEventId: source.eventId } : {}
    }
  };
}
function planPaymentIntent(deps2, pi, source) {
  const pure = (payment) => intentStep(deps2.clock, payment, pi, source, deps2.env.STRIPE_SECRET_KEY.includes("_live_"));
  return {
    keys: { paymentIntentId: pi.id, metadataPaymentId: pi.metadata?.paymentId },
    children: false,
    source,
    step: async (_tx, payment) => pure(payment),
    pure
  };
}
function chargeIsSelfContained(charge) {
  return Boolean(charge.refunds?.data) || charge.amount_refunded <= 0;
}
function planCharge(charge, refunds, source) {
  return {
    keys: {
      chargeId: charge.id,
      paymentIntentId: idOf(charge.payment_intent),
      metadataPaymentId: charge.metadata?.paymentId
    },
    children: (refunds?.length ?? 0) > 0,
    source,
    ...refunds?.length ? {} : {
      pure: (payment) => ({
        patch: chargeDetails(payment, charge),
        childChanges: []
      })
    },
    step: async (tx, payment) => {
      const result = { patch: chargeDetails(payment, charge), childChanges: [] };
      for (const refund of refunds ?? []) {
        const step = await refundStep(tx, payment, refund);
        Object.assign(result.patch, step.patch);
        result.childChanges.push(...step.childChanges);
      }
      return result;
    }
  };
}
function resultOf(t) {
  return {
    outcome: t.changes.length || t.childChanges.length ? "applied" : "unchanged",
    paymentId: t.after.id,
    changes: t.changes
  };
}
function refusedResult(t, refusal) {
  return { outcome: "refused", paymentId: t.after.id, changes: [], problem: refusal.message };
}
async function applyPlans(sql3, deps2, plans) {
  const locked = await lockPayments(
    sql3,
    plans.map((p) => p.keys)
  );
  const current = new LockedPayments(locked);
  const nets = /* @__PURE__ */ new Map();
  const applied = [];
  const results = [];
  for (const plan of plans) {
    const payment = current.find(plan.keys);
    if (!payment) {
      results.push({ outcome: "orphaned", paymentId: null, changes: [] });
      continue;
    }
    const t = await deriveTransition(sql3, payment, { children: plan.children }, plan.pure(payment));
    if (t.refused) {
      await recordRefusal(sql3, t, deps2, plan.source, t.refused);
      results.push(refusedResult(t, t.refused));
      continue;
    }
    current.update(t.after);
    const net = nets.get(payment.id) ?? { first: payment, last: t, changed: 0 };
    net.last = t;
    if (paymentChanged(t)) net.changed += 1;
    nets.set(payment.id, net);
    applied.push({ t, source: plan.source });
    results.push(resultOf(t));
  }
  await writeTransitions(sql3, [...nets.values()]);
  await runEffects(sql3, applied, deps2);
  return results;
}

// src/disputes/service.ts
import Stripe2 from "stripe";

// src/errors.ts
var DomainError = class extends Error {
  constructor(code, message, details = {}) {
    super(message);
    this.code = code;
    this.details = details;
    this.name = new.target.name;
  }
  code;
  details;
};
var BadRequestError = class extends DomainError {
  constructor(message, details = {}) {
    super("BAD_REQUEST", message, details);
  }
};

// src/payments/stripe-errors.ts
import Stripe from "stripe";

// src/disputes/service.ts
var REMINDER_BEFORE_MS = 3 * 864e5;

// src/lib/cursor.ts
function encodeCursor(row2) {
  return Buffer.from(JSON.stringify([row2.at.toISOString(), row2.id]), "utf8").toString("base64url");
}
function decodeCursor(cursor) {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2) {
      const [time, id] = value;
      const at = typeof time === "string" ? new Date(time) : null;
      if (at && !Number.isNaN(at.getTime()) && typeof id === "string" && id.length > 0) {
        return { at, id };
      }
    }
  } catch {
  }
  throw new BadRequestError("cursor is not valid: pass back the nextCursor of the previous page unchanged");
}
function on(column, value) {
  return { [column]: value };
}
function keyset(column) {
  return {
    /** The Prisma `orderBy` for the order pages are cut in. */
    orderBy: [on(column, "desc"), { id: "desc" }],
    /** The Prisma `where` for "rows after this cursor" (nothing without a cursor). */
    after(cursor) {
      if (!cursor) return {};
      const { at, id } = decodeCursor(cursor);
      return { OR: [on(column, { lt: at }), { ...on(column, at), id: { lt: id } }] };
    },
    /** Fetch limit + 1 rows; this trims the extra one and says where the next page starts. */
    page(rows, limit, map) {
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(map),
        nextCursor: rows.length > limit && last ? encodeCursor({ at: last[column], id: last.id }) : null
      };
    }
  };
}
var byCreatedAt = keyset("createdAt");

// src/payouts/service.ts
var byArrival = keyset("arrivalDate");

// src/webhooks/handlers.ts
var UnexpectedEventObjectError = class extends Error {
  constructor(event, expected) {
    super(`${event.type} ${event.id} carries a "${event.data.object.object}" object, expected "${expected}"`);
    this.name = "UnexpectedEventObjectError";
  }
};
function paymentIntentOf(event) {
  const object = event.data.object;
  if (object.object === "payment_intent") return object;
  throw new UnexpectedEventObjectError(event, "payment_intent");
}
function chargeOf(event) {
  const object = event.data.object;
  if (object.object === "charge") return object;
  throw new UnexpectedEventObjectError(event, "charge");
}
function batchPlanFor(deps2, event, source) {
  if (!isHandledWebhookEventType(event.type)) return null;
  switch (event.type) {
    case "payment_intent.succeeded":
    case "payment_intent.payment_failed":
    case "payment_intent.canceled":
    case "payment_intent.requires_action":
    case "payment_intent.processing":
    case "payment_intent.amount_capturable_updated":
      return planPaymentIntent(deps2, paymentIntentOf(event), source);
    case "charge.succeeded":
    case "charge.refunded": {
      const charge = chargeOf(event);
      if (!chargeIsSelfContained(charge)) return null;
      const plan = planCharge(charge, charge.refunds?.data ?? null, source);
      return plan.pure ? { ...plan, pure: plan.pure } : null;
    }
    default:
      return null;
  }
}

// src/webhooks/verify.ts
import Stripe3 from "stripe";
var MAX_CREATED_SECONDS = 253402300799;
var EVENT_ID = /^evt_[A-Za-z0-9_]+$/;
function isStripeEvent(value) {
  if (typeof value !== "object" || value === null) return false;
  if (!("id" in value) || typeof value.id !== "string" || !EVENT_ID.test(value.id) || value.id.length > 255)
    return false;
  if (!("type" in value) || typeof value.type !== "string" || value.type.length === 0 || value.type.length > 100)
    return false;
  if (!("created" in value) || typeof value.created !== "number" || !Number.isSafeInteger(value.created) || value.created < 0 || value.created > MAX_CREATED_SECONDS)
    return false;
  if (!("data" in value) || typeof value.data !== "object" || value.data === null) return false;
  return "object" in value.data && typeof value.data.object === "object" && value.data.object !== null;
}

// ../../bench/src/tmp/micro.ts
import { readFileSync } from "node:fs";
var N = 100;
var template = JSON.parse(readFileSync("/tmp/procjs-tools/event.json", "utf8"));
var payloadTexts = Array.from({ length: N }, (_, k) => JSON.stringify({ ...template, id: `evt_${k}`, data: { object: { ...template.data.object, id: `pi_bc${k}`, latest_charge: `ch_bc${k}`, metadata: { paymentId: `bcp_${k}` } } } }));
var row = (k) => ({
  id: `bcp_${k}`,
  learnerId: `bcl_${Math.floor(k / 100)}`,
  specialistId: "bcs",
  offeringId: `bco_${k % 100}`,
  enrollmentId: `bce_${k}`,
  stripePaymentIntentId: `pi_bc${k}`,
  stripeChargeId: null,
  amount: 4900,
  amountReceived: 0,
  amountRefunded: 0,
  currency: "usd",
  status: "PENDING",
  stripeStatus: null,
  failureCode: null,
  declineCode: null,
  failureMessage: null,
  paymentMethodType: null,
  cardBrand: null,
  cardLast4: null,
  receiptUrl: null,
  succeededAt: null,
  failedAt: null,
  canceledAt: null,
  refundedAt: null,
  disputedAt: null,
  disputeStatus: null,
  amountLostToDisputes: 0,
  disputeLostAt: null,
  applicationFeeAmount: 0,
  webhookVerified: false,
  lastStripeEventId: null,
  lastStripeEventAt: null,
  discountAmount: 0,
  promotionCode: null,
  promotionCodeId: null,
  free: false
});
var parties = Array.from({ length: N }, (_, k) => ({ paymentId: `bcp_${k}`, learnerEmail: `bclearner${k}@bench.test`, learnerName: `Bench Learner ${k}`, specialistEmail: "bcspecialist@bench.test", specialistName: "Bench Specialist", offeringTitle: `Bench course ${k}` }));
var outboxIds = Array.from({ length: 2 * N }, (_, k) => ({ id: `x${k}` }));
var byName = /* @__PURE__ */ new Map();
var bytes = 0;
var sql2 = {
  async query(statement, name) {
    for (const v of statement.values) {
      if (typeof v === "string") bytes += Buffer.byteLength(v);
      else if (Array.isArray(v)) bytes += Buffer.byteLength(`{${v.map((x) => JSON.stringify(x)).join(",")}}`);
    }
    const key = name ?? statement.text.slice(0, 40);
    byName.set(key, (byName.get(key) ?? 0) + 1);
    if (name === "payments.lock-batch") return Array.from({ length: N }, (_, k) => row(k));
    if (name === "outbox.parties") return parties;
    if (name === "outbox.insert-many") return outboxIds;
    return [];
  }
};
var deps = { db: null, stripe: null, clock: { now: () => /* @__PURE__ */ new Date() }, env: { WEB_ORIGIN: "http://localhost:5173", STRIPE_SECRET_KEY: "sk_test_x" }, metrics: { paymentIntentMismatches: { inc() {
} } } };
async function once(parse) {
  const events = parse ? payloadTexts.map((t) => JSON.parse(t)) : null;
  const plans = [];
  for (let k = 0; k < N; k++) {
    const e = events ? events[k] : null;
    const event = isStripeEvent(e) ? e : null;
    if (!event) throw new Error("bad");
    const plan = batchPlanFor(deps, event, { kind: "webhook", eventId: `evt_${k}`, eventCreated: /* @__PURE__ */ new Date(17645472e5) });
    if (plan) plans.push(plan);
  }
  const results = await applyPlans(sql2, deps, plans);
  const updates = results.map((r, k) => ({ id: `evt_${k}`, status: "PROCESSED", attempts: 1, lastError: null, processedAt: (/* @__PURE__ */ new Date()).toISOString() }));
  bytes += JSON.stringify(updates).length;
}
var rounds = Number(process.env.MICRO_ROUNDS ?? 400);
for (let i = 0; i < 100; i++) await once(true);
for (const parse of [true]) {
  const t0 = process.cpuUsage();
  for (let i = 0; i < rounds; i++) await once(parse);
  const t = process.cpuUsage(t0);
  console.log(`parse=${parse}: ${((t.user + t.system) / 1e3 / rounds / N * 1e3).toFixed(1)} \xB5s per event; param bytes per event ${(bytes / (rounds + 100) / N).toFixed(0)}`);
}
console.log([...byName.entries()].map(([k, v]) => `${k}:${v / (rounds + 100)}`).join(" | "));
