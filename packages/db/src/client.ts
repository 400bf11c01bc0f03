import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export interface CreateDbOptions {
  /** A PostgreSQL connection string, e.g. postgresql://user:pass@127.0.0.1:5432/enrollpay */
  url: string;
  /** Most connections the pool opens (default: pg's 10). */
  maxConnections?: number;
}

/** The Prisma client type every service receives as its `db` dependency. */
export type Db = PrismaClient;

/**
 * A Prisma client on `@prisma/adapter-pg` (Prisma 7 talks to the database through a driver
 * adapter; there is no native query engine). Call `db.$disconnect()` when done.
 */
export function createDb({ url, maxConnections }: CreateDbOptions): Db {
  const adapter = new PrismaPg({
    connectionString: url,
    ...(maxConnections === undefined ? {} : { max: maxConnections }),
  });
  return new PrismaClient({ adapter });
}
