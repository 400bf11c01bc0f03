import type { PrismaClient } from '../generated/prisma/client.js';

/** The password of every demo account. Public on purpose: it is printed at start and in the README. */
export const DEMO_PASSWORD = 'enrollpay-demo';

type DemoRole = 'LEARNER' | 'SPECIALIST' | 'ADMIN';

export const DEMO_ACCOUNTS = [
  { key: 'learner', email: 'learner@demo.test', name: 'Lena Learner', role: 'LEARNER' },
  { key: 'learner2', email: 'learner2@demo.test', name: 'Leo Learner', role: 'LEARNER' },
  { key: 'specialist', email: 'specialist@demo.test', name: 'Sofia Specialist', role: 'SPECIALIST' },
  { key: 'specialist2', email: 'specialist2@demo.test', name: 'Sam Specialist', role: 'SPECIALIST' },
  { key: 'admin', email: 'admin@demo.test', name: 'Ada Admin', role: 'ADMIN' },
] as const satisfies ReadonlyArray<{ key: string; email: string; name: string; role: DemoRole }>;

export type DemoAccountKey = (typeof DEMO_ACCOUNTS)[number]['key'];

interface DemoOffering {
  specialist: 'specialist' | 'specialist2';
  title: string;
  description: string;
  kind: 'COURSE' | 'SERVICE';
  priceAmount: number;
  currency: string;
  refundWindowDays: number;
  active?: boolean;
}

/** Prices are minor units: 4900 usd is $49.00, 5000 jpy is ¥5,000 (zero-decimal). */
export const DEMO_OFFERINGS: readonly DemoOffering[] = [
  {
    specialist: 'specialist',
    title: 'TypeScript from Zero',
    description: 'A six-week course: types, generics, narrowing and a real project at the end.',
    kind: 'COURSE',
    priceAmount: 4900,
    currency: 'usd',
    refundWindowDays: 14,
  },
  {
    specialist: 'specialist',
    title: 'One-hour code review',
    description: 'Send a pull request; get a recorded review and a written summary within two days.',
    kind: 'SERVICE',
    priceAmount: 7500,
    currency: 'usd',
    refundWindowDays: 7,
  },
  {
    specialist: 'specialist',
    title: 'はじめてのプログラミング (Programming basics, in Japanese)',
    description: 'An introductory course taught in Japanese.',
    kind: 'COURSE',
    priceAmount: 5000,
    currency: 'jpy',
    refundWindowDays: 14,
  },
  {
    specialist: 'specialist',
    title: 'Career mentoring session',
    description: 'Forty-five minutes on CVs, interviews and your next step.',
    kind: 'SERVICE',
    priceAmount: 8000,
    currency: 'jpy',
    refundWindowDays: 3,
  },
  {
    specialist: 'specialist2',
    title: 'Data Analysis with SQL',
    description: 'Window functions, CTEs and query plans, with exercises on a real dataset.',
    kind: 'COURSE',
    priceAmount: 3900,
    currency: 'eur',
    refundWindowDays: 14,
  },
  {
    specialist: 'specialist2',
    title: 'Database health check',
    description: 'A remote review of your PostgreSQL setup with a written report.',
    kind: 'SERVICE',
    priceAmount: 12000,
    currency: 'eur',
    refundWindowDays: 0,
  },
  {
    specialist: 'specialist2',
    title: 'Statistics for product teams',
    description: 'A/B tests, confidence intervals and the mistakes everyone makes.',
    kind: 'COURSE',
    priceAmount: 12000,
    currency: 'jpy',
    refundWindowDays: 30,
  },
  {
    specialist: 'specialist2',
    title: 'Spreadsheet basics (retired)',
    description: 'No longer offered; kept so old payments still point at it.',
    kind: 'COURSE',
    priceAmount: 1500,
    currency: 'gbp',
    refundWindowDays: 14,
    active: false,
  },
];

export interface SeedOptions {
  /** argon2id hashing (the server's `hashPassword`); the CLI passes @node-rs/argon2 with the same parameters. */
  hashPassword: (password: string) => Promise<string>;
  /** Defaults to process.env.NODE_ENV. Seeding is refused when it is "production". */
  nodeEnv?: string | undefined;
}

export interface SeededUser {
  id: string;
  email: string;
  name: string;
  role: DemoRole;
  key: DemoAccountKey;
}

export interface SeededOffering {
  id: string;
  specialistId: string;
  title: string;
  kind: 'COURSE' | 'SERVICE';
  priceAmount: number;
  currency: string;
  active: boolean;
}

export type SeedResult =
  | { created: true; password: string; users: SeededUser[]; offerings: SeededOffering[] }
  | { created: false; reason: 'not-empty'; users: []; offerings: [] };

export class SeedRefusedError extends Error {
  constructor() {
    super('Refusing to create demo accounts with NODE_ENV=production (they have a published password)');
    this.name = 'SeedRefusedError';
  }
}

// Any constant works; it only has to be the same for every process that seeds this database.
const SEED_LOCK_KEY = 0x656e726f6c6c; // "enroll"

type SeedDb = Pick<PrismaClient, '$transaction'>;

/**
 * Creates the demo accounts and offerings when the users table is empty; otherwise does nothing.
 * Two processes seeding the same empty database at once are serialised by an advisory lock, so
 * exactly one of them creates the data.
 */
export async function seedDemoData(db: SeedDb, options: SeedOptions): Promise<SeedResult> {
  const nodeEnv = options.nodeEnv ?? process.env.NODE_ENV;
  if (nodeEnv === 'production') throw new SeedRefusedError();

  // Hash outside the transaction: argon2id takes tens of milliseconds per call.
  // One hash for all accounts: they share a published password, so per-account salts protect nothing.
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);

  return db.$transaction(
    async (tx): Promise<SeedResult> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
      if ((await tx.user.count()) > 0)
        return { created: false, reason: 'not-empty', users: [], offerings: [] };

      const users: SeededUser[] = [];
      for (const account of DEMO_ACCOUNTS) {
        const user = await tx.user.create({
          data: { email: account.email, name: account.name, role: account.role, passwordHash },
          select: { id: true, email: true, name: true, role: true },
        });
        users.push({ ...user, key: account.key });
      }
      const idOf = (key: DemoAccountKey) => users.find((u) => u.key === key)?.id ?? '';

      const offerings: SeededOffering[] = [];
      for (const offering of DEMO_OFFERINGS) {
        offerings.push(
          await tx.offering.create({
            data: {
              specialistId: idOf(offering.specialist),
              title: offering.title,
              description: offering.description,
              kind: offering.kind,
              priceAmount: offering.priceAmount,
              currency: offering.currency,
              refundWindowDays: offering.refundWindowDays,
              active: offering.active ?? true,
            },
            select: {
              id: true,
              specialistId: true,
              title: true,
              kind: true,
              priceAmount: true,
              currency: true,
              active: true,
            },
          }),
        );
      }
      return { created: true, password: DEMO_PASSWORD, users, offerings };
    },
    { timeout: 30_000 },
  );
}

/**
 * Empties every table of the application (all of schema `public` but Prisma's migration history), for
 * `pnpm db:seed --fresh`. Refused with NODE_ENV=production like the seed itself.
 */
export async function clearAllData(
  db: Pick<PrismaClient, '$transaction'>,
  options: { nodeEnv?: string | undefined } = {},
): Promise<string[]> {
  if ((options.nodeEnv ?? process.env.NODE_ENV) === 'production') throw new SeedRefusedError();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
    const tables = await tx.$queryRaw<{ name: string }[]>`
      SELECT tablename AS name FROM pg_tables
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
    if (tables.length) {
      const list = tables.map((t) => `"public"."${t.name.replaceAll('"', '""')}"`).join(', ');
      await tx.$executeRawUnsafe(`TRUNCATE TABLE ${list} RESTART IDENTITY CASCADE`);
    }
    return tables.map((t) => t.name);
  });
}

/** The lines printed at start and by `pnpm db:seed`: who you can sign in as. */
export function describeDemoLogins(): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  return [
    `Demo accounts (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.role.toLowerCase()}`),
  ].join('\n');
}
