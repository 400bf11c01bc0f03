import { makeWorkerUtils, type TaskSpec, type WorkerUtils } from 'graphile-worker';
import pg from 'pg';

/** The graphile-worker task identifiers this server defines (see worker.ts); crontab allows no dots. */
export const TASKS = {
  processWebhookEvent: 'webhook_process',
  sweepWebhookEvents: 'webhook_sweep',
  drainOutbox: 'outbox_drain',
  reconcile: 'reconcile_run',
  settleRefunds: 'refund_settle',
  remindDisputeEvidence: 'dispute_remind',
  releaseStaleHolds: 'promotion_release_stale',
} as const;
export type TaskName = (typeof TASKS)[keyof typeof TASKS];

const MIGRATE_LOCK = 'enrollpay:graphile-worker-migrate';

export type JobOptions = Pick<TaskSpec, 'jobKey' | 'jobKeyMode' | 'runAt' | 'maxAttempts' | 'queueName'>;

/**
 * The Postgres-backed job queue (graphile-worker) and the small pg pool it runs on, created lazily so
 * an app that never enqueues (most tests) never connects. Jobs survive restarts and are shared by every
 * server instance on the same database; a `jobKey` makes a job unique while it waits.
 */
export interface JobQueue {
  add(task: TaskName, payload: Record<string, unknown>, options?: JobOptions): Promise<void>;
  /** The pg pool (created on first use); the worker runs on it too. */
  pool(): pg.Pool;
  /**
   * Installs or upgrades graphile-worker's schema, once per process and one process at a time:
   * instances starting together on a fresh database would otherwise race on CREATE SCHEMA.
   */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export class JobQueueUnavailableError extends Error {
  constructor() {
    super('The job queue needs a database URL (DATABASE_URL, or createDeps(..., { databaseUrl }))');
    this.name = 'JobQueueUnavailableError';
  }
}

export function createJobQueue(databaseUrl: string | undefined, { maxConnections = 4 } = {}): JobQueue {
  let pool: pg.Pool | undefined;
  let utils: Promise<WorkerUtils> | undefined;
  let closed = false;

  const getPool = () => {
    if (!databaseUrl) throw new JobQueueUnavailableError();
    if (closed) throw new Error('The job queue is closed');
    if (!pool) {
      pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections });
      // An idle connection the server ends (a restart, a failover, a dropped test database) makes the pool
      // emit 'error'; pg-pool has already discarded that client and the next checkout opens a new one.
      // graphile-worker listens only while its utils are alive, so without this listener the error would
      // be unhandled and end the process (seen when a test dropped its database right after close():
      // pool.end() resolves before its clients' sockets have closed).
      pool.on('error', () => undefined);
    }
    return pool;
  };
  let migrated: Promise<void> | undefined;
  const migrate = () => {
    migrated ??= (async () => {
      const lockClient = await getPool().connect();
      try {
        await lockClient.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [MIGRATE_LOCK]);
        const migrator = await makeWorkerUtils({ pgPool: getPool() });
        try {
          await migrator.migrate();
        } finally {
          await migrator.release();
          await lockClient.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [MIGRATE_LOCK]);
        }
      } finally {
        lockClient.release();
      }
    })();
    migrated.catch(() => {
      migrated = undefined;
    });
    return migrated;
  };
  const getUtils = () => {
    utils ??= (async () => {
      await migrate();
      return makeWorkerUtils({ pgPool: getPool() });
    })();
    utils.catch(() => {
      utils = undefined;
    });
    return utils;
  };

  return {
    async add(task, payload, options = {}) {
      const workerUtils = await getUtils();
      await workerUtils.addJob(task, payload, options);
    },
    pool: getPool,
    migrate,
    async close() {
      if (closed) return;
      closed = true;
      const pending = utils;
      utils = undefined;
      if (pending) await pending.then((u) => u.release()).catch(() => undefined);
      await pool?.end();
    },
  };
}
