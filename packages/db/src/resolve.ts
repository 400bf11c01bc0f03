import pg from 'pg';
import { defaultDataDir, defaultDevPort, embeddedUrl, startEmbeddedPostgres } from './embedded.js';

export interface ResolvedDatabase {
  url: string;
  /** True when this call started an embedded PostgreSQL (which `stop` then stops). */
  started: boolean;
  stop(): Promise<void>;
}

export interface ResolveDatabaseOptions {
  /** Defaults to process.env.DATABASE_URL. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  port?: number;
  database?: string;
  onLog?: (line: string) => void;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates database `name` on the server at `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((error: unknown) => {
        // 42P04: somebody else created it in the meantime.
        if ((error as { code?: string }).code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/**
 * The database for `pnpm dev` and other long-running processes: DATABASE_URL when it is set
 * (nothing is started), otherwise the embedded PostgreSQL with its data in <repo>/.data/postgres
 * (started now, or reused when one is already running on its port).
 */
export async function resolveDatabase(options: ResolveDatabaseOptions = {}): Promise<ResolvedDatabase> {
  const configured = 'databaseUrl' in options ? options.databaseUrl : process.env.DATABASE_URL;
  if (configured) return { url: configured, started: false, stop: async () => {} };

  const port = options.port ?? defaultDevPort;
  const database = options.database ?? 'enrollpay';
  const url = embeddedUrl(port, database);
  const adminUrl = embeddedUrl(port);

  if (await canConnect(adminUrl)) {
    await ensureDatabase(adminUrl, database);
    return { url, started: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: options.dataDir ?? defaultDataDir,
    port,
    ...(options.onLog ? { onLog: options.onLog } : {}),
  });
  await ensureDatabase(server.url, database);
  return { url, started: true, stop: () => server.stop() };
}
