-- Invariants Prisma's schema language cannot express (CHECK constraints are invisible to
-- `prisma migrate diff`, so they do not disturb the migrations-match-schema check).
-- Money is an integer amount in the currency's smallest unit next to a lowercase ISO-4217 code.

ALTER TABLE "Offering"
  ADD CONSTRAINT "Offering_priceAmount_nonnegative" CHECK ("priceAmount" >= 0),
  ADD CONSTRAINT "Offering_refundWindowDays_nonnegative" CHECK ("refundWindowDays" >= 0),
  ADD CONSTRAINT "Offering_currency_iso4217" CHECK ("currency" ~ '^[a-z]{3}$');

ALTER TABLE "Payment"
  ADD CONSTRAINT "Payment_amount_nonnegative" CHECK ("amount" >= 0),
  ADD CONSTRAINT "Payment_amountReceived_nonnegative" CHECK ("amountReceived" >= 0),
  ADD CONSTRAINT "Payment_amountRefunded_nonnegative" CHECK ("amountRefunded" >= 0),
  ADD CONSTRAINT "Payment_amountRefunded_within_amount" CHECK ("amountRefunded" <= "amount"),
  ADD CONSTRAINT "Payment_currency_iso4217" CHECK ("currency" ~ '^[a-z]{3}$'),
  ADD CONSTRAINT "Payment_version_nonnegative" CHECK ("version" >= 0);

ALTER TABLE "Refund"
  ADD CONSTRAINT "Refund_amount_positive" CHECK ("amount" > 0),
  ADD CONSTRAINT "Refund_currency_iso4217" CHECK ("currency" ~ '^[a-z]{3}$');

ALTER TABLE "Dispute"
  ADD CONSTRAINT "Dispute_amount_nonnegative" CHECK ("amount" >= 0),
  ADD CONSTRAINT "Dispute_currency_iso4217" CHECK ("currency" ~ '^[a-z]{3}$');
