-- rate-limiter-flexible's Postgres store (apps/server/src/trpc/rate-limit.ts). IF NOT EXISTS: earlier
-- builds created this table at run time.
CREATE TABLE IF NOT EXISTS "rate_limit_money" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_money_pkey" PRIMARY KEY ("key")
);
