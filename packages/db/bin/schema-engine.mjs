#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, which Prisma downloads from the internet
// (these machines cannot). Prisma's CLI runs it when PRISMA_SCHEMA_ENGINE_BINARY points here
// (prisma.config.ts does that). It speaks the same protocol as the native binary:
//
//   schema-engine --version                                  -> "schema-engine-cli <engine hash>"
//   schema-engine --datasource '{"url":…}' cli <command>     -> can-connect-to-database | create-database |
//                                                               drop-database, answered here with `pg`
//   schema-engine [--datamodels <file>]… [--datasource '{…}'] -> JSON-RPC 2.0, one message per line on
//                                                               stdin/stdout, JSON log lines on stderr
//
// The JSON-RPC methods are executed by Prisma's published WebAssembly schema engine
// (@prisma/schema-engine-wasm, pinned to the engine commit that `prisma` expects) running over
// @prisma/adapter-pg, with three defects of that pair worked around (see README.md):
//   1. adapter-pg maps no column type for Postgres "char" (OID 18, used all over pg_catalog, e.g.
//      pg_constraint.contype): we report it as a Character column.
//   2. adapter-pg's connectToShadowDb ignores the database name when configured with a connection
//      string, so the "shadow" database would be the main one: we create and drop a real temporary
//      database ourselves.
//   3. the WASM engine has no shadow-database factory for evaluateDataLoss: when it fails we answer
//      from a diff of the migrations (replayed in a shadow database) to the schema.
// adapter-pg's executeScript also splits scripts on every ";" (breaking `DO $$ … $$` blocks and
// string literals); we send the whole script in one simple-protocol query, as the native engine does.

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const PG_CHAR_OID = 18;

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = { datamodels: [], datasource: null, version: false, cliCommand: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--version' || arg === '-V') args.version = true;
    else if (arg === '--datamodels' || arg === '-d') args.datamodels.push(argv[++i]);
    else if (arg === '--datasource') args.datasource = JSON.parse(argv[++i] ?? 'null');
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
    else if (arg === 'cli') {
      args.cliCommand = argv[i + 1] ?? '';
      break;
    }
  }
  return args;
}

function engineModuleDir() {
  return dirname(fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg')));
}

function engineHash() {
  const pkg = JSON.parse(readFileSync(join(engineModuleDir(), 'package.json'), 'utf8'));
  // "7.10.0-4.0edf323efd1d98336f3f0a68684b56f689b900d3" -> the engine commit after the last "."
  return String(pkg.version).split('.').pop();
}

// ---------------------------------------------------------------------------------------------
// Logging in the native engine's format: one JSON object per stderr line. Prisma's CLI reads the
// ERROR lines (fields.error_code, fields.message) to explain a failure.

function log(level, message, extra = {}) {
  const line = {
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extra },
    target: 'schema_engine::logger',
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

/** The WASM engine logs JSON lines in the native format already; pass those through unchanged. */
function logEngineLine(raw) {
  const message = raw.trimEnd();
  if (message === '') return;
  if (message.startsWith('{')) {
    try {
      if (JSON.parse(message)?.fields) {
        process.stderr.write(`${message}\n`);
        return;
      }
    } catch {
      // not JSON: wrap it below
    }
  }
  log('INFO', message);
}

// ---------------------------------------------------------------------------------------------
// Connection strings and error codes

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function databaseName(url) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return name === '' ? 'postgres' : name;
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Maps a pg / network error to the Prisma error code the CLI understands (P1000-P1013). */
function prismaCodeFor(error, url) {
  const u = url ? new URL(url) : null;
  const where = u ? `${u.hostname}:${u.port || 5432}` : 'the database server';
  switch (error?.code) {
    case '3D000':
      return { code: 'P1003', message: `Database \`${databaseName(url)}\` does not exist on ${where}` };
    case '28P01':
    case '28000':
      return {
        code: 'P1000',
        message: `Authentication failed against database server at ${where}, the provided database credentials for \`${decodeURIComponent(u?.username ?? '')}\` are not valid.`,
      };
    case '42501':
      return { code: 'P1010', message: `User was denied access on the database \`${databaseName(url)}\`` };
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return { code: 'P1001', message: `Can't reach database server at \`${where}\`` };
    default:
      return { code: null, message: error instanceof Error ? error.message : String(error) };
  }
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs `fn` on a connection to the server's maintenance database (postgres, else template1). */
async function withAdminClient(url, fn) {
  try {
    return await withClient(withDatabase(url, 'postgres'), fn);
  } catch (error) {
    if (error?.code !== '3D000') throw error;
    return await withClient(withDatabase(url, 'template1'), fn);
  }
}

// ---------------------------------------------------------------------------------------------
// `cli` commands, answered without the WASM engine

async function runCliCommand(command, datasource) {
  // Prisma's CLI skips the first stderr line of a `cli` run (the native engine's start-up line), then
  // reads every following line as JSON.
  log('INFO', 'Starting schema engine CLI', { command });
  const url = datasource?.url;
  if (!url) {
    log('ERROR', 'No datasource url was given (--datasource \'{"url":"…"}\').');
    return 1;
  }
  try {
    switch (command) {
      case 'can-connect-to-database':
        await withClient(url, (client) => client.query('SELECT 1'));
        return 0;
      case 'create-database': {
        const name = databaseName(url);
        await withAdminClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
        process.stdout.write(`Database '${name}' was successfully created.\n`);
        return 0;
      }
      case 'drop-database': {
        const name = databaseName(url);
        await withAdminClient(url, (client) =>
          client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
        );
        process.stdout.write(`The database '${name}' was successfully dropped.\n`);
        return 0;
      }
      default:
        log('ERROR', `Unknown cli command: ${command}`);
        return 1;
    }
  } catch (error) {
    const { code, message } = prismaCodeFor(error, url);
    log('ERROR', message, code ? { error_code: code } : {});
    return 1;
  }
}

// ---------------------------------------------------------------------------------------------
// The driver adapter handed to the WASM engine

/** Wraps an adapter-pg queryable (adapter or transaction) with our fixes. */
function patchQueryable(queryable) {
  const originalQueryRaw = queryable.queryRaw;
  const originalStartTransaction = queryable.startTransaction;
  const patched = Object.create(queryable);

  // Defect 1: "char" (OID 18) has no column type in adapter-pg. Present it to adapter-pg as text for
  // the conversion, then report it as Character.
  patched.queryRaw = async function queryRaw(query) {
    const charColumns = [];
    const view = Object.create(queryable);
    view.performIO = async (q) => {
      const result = await queryable.performIO(q);
      result.fields.forEach((field, index) => {
        if (field.dataTypeID === PG_CHAR_OID) {
          charColumns.push(index);
          field.dataTypeID = pg.types.builtins.TEXT;
        }
      });
      return result;
    };
    const resultSet = await originalQueryRaw.call(view, query);
    for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };

  if ('executeScript' in queryable) {
    patched.executeScript = async function executeScript(script) {
      try {
        await queryable.client.query(script);
      } catch (error) {
        queryable.onError(error);
      }
    };
  }

  if (typeof originalStartTransaction === 'function') {
    patched.startTransaction = async (...args) =>
      patchQueryable(await originalStartTransaction.apply(queryable, args));
  }
  return patched;
}

const shadowDatabases = new Set();

async function dropShadowDatabase(mainUrl, name) {
  await withClient(mainUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  ).catch((error) => log('WARN', `Could not drop shadow database ${name}: ${error.message}`));
  shadowDatabases.delete(name);
}

function createAdapterFactory(datasource) {
  const mainUrl = datasource?.url;
  const shadowUrl = datasource?.shadowDatabaseUrl;
  const base = new PrismaPg({ connectionString: mainUrl ?? 'postgresql://localhost/postgres' });
  const factory = {
    provider: base.provider,
    adapterName: base.adapterName,
    async connect() {
      if (!mainUrl) throw new Error('No datasource url was configured for this command.');
      return patchQueryable(await base.connect());
    },
    // Defect 2: a real, uniquely named temporary database on the main server (unless the config names
    // a shadow database), dropped again when the engine disposes of it.
    async connectToShadowDb() {
      if (shadowUrl) return patchQueryable(await new PrismaPg({ connectionString: shadowUrl }).connect());
      if (!mainUrl) throw new Error('A shadow database needs a datasource url.');
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await withClient(mainUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
      shadowDatabases.add(name);
      const adapter = await new PrismaPg({ connectionString: withDatabase(mainUrl, name) }).connect();
      const patched = patchQueryable(adapter);
      patched.dispose = async () => {
        await adapter.dispose();
        await dropShadowDatabase(mainUrl, name);
      };
      return patched;
    },
  };
  return { factory, mainUrl };
}

// ---------------------------------------------------------------------------------------------
// The WASM engine

async function loadWasmEngine() {
  const glueUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue = await import(glueUrl);
  const bytes = readFileSync(join(dirname(fileURLToPath(glueUrl)), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

/** Turns whatever the WASM engine (or our own code) threw into a JSON-RPC error object. */
function toRpcError(error) {
  const message = error instanceof Error ? error.message : String(error);
  const isPanic = error?.name === 'RuntimeError';
  const errorCode = typeof error?.code === 'string' && /^P\d{4}$/.test(error.code) ? error.code : undefined;
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: {
      is_panic: isPanic,
      message,
      ...(errorCode ? { error_code: errorCode, meta: error.meta ?? {} } : {}),
      ...(isPanic ? { error: { message } } : {}),
    },
  };
}

async function runRpcServer(args) {
  const glue = await loadWasmEngine();
  const { factory } = createAdapterFactory(args.datasource);
  const boundFactory = bindMigrationAwareSqlAdapterFactory(factory);

  const datamodels = args.datamodels.map((path) => [path, readFileSync(resolve(path), 'utf8')]);
  const engine = await glue.SchemaEngine.new(
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    (message) => logEngineLine(String(message)),
    boundFactory,
  );

  // Requests the engine sends *to* the CLI ("print"), with their pending replies.
  let nextOutgoingId = 1;
  const pendingPrints = new Map();
  function printThroughCli(content) {
    const id = `print-${nextOutgoingId++}`;
    return new Promise((resolvePrint) => {
      pendingPrints.set(id, resolvePrint);
      send({ jsonrpc: '2.0', id, method: 'print', params: { content } });
    });
  }

  function send(message) {
    process.stdout.write(`${JSON.stringify(message)}\n`);
  }

  // Defect 3: evaluateDataLoss needs a shadow database the WASM engine cannot create. The CLI
  // only uses it to warn before `migrate dev` creates a migration; the migration step count comes
  // from a diff of the migrations to the schema. Data-loss warnings are not computed in that case.
  async function evaluateDataLoss(params) {
    try {
      return await engine.evaluateDataLoss(params);
    } catch (error) {
      log('WARN', `evaluateDataLoss failed in the WASM engine (${error?.message}); using a diff instead`);
      const diff = await engine.diff({
        from: { tag: 'migrations', ...params.migrationsList },
        to: { tag: 'schemaDatamodel', ...params.schema },
        script: false,
        exitCode: true,
        filters: params.filters,
      });
      return { migrationSteps: diff.exitCode === 2 ? 1 : 0, unexecutableSteps: [], warnings: [] };
    }
  }

  const handlers = {
    applyMigrations: (p) => engine.applyMigrations(p),
    createMigration: (p) => engine.createMigration(p),
    dbExecute: async (p) => {
      await engine.dbExecute(p);
      return null;
    },
    devDiagnostic: (p) => engine.devDiagnostic(p),
    diagnoseMigrationHistory: (p) => engine.diagnoseMigrationHistory(p),
    diff: async (p) => {
      const { stdout, ...rest } = await engine.diff(p);
      if (stdout) await printThroughCli(stdout.replace(/\n$/, ''));
      return { ...rest, stdout: null };
    },
    ensureConnectionValidity: async (p) => {
      await engine.ensureConnectionValidity(p);
      return {};
    },
    evaluateDataLoss,
    getDatabaseVersion: (p) => engine.version(p ?? null),
    version: (p) => engine.version(p ?? null),
    introspect: (p) => engine.introspect(p),
    introspectSql: (p) => engine.introspectSql(p),
    markMigrationApplied: (p) => engine.markMigrationApplied(p),
    markMigrationRolledBack: (p) => engine.markMigrationRolledBack(p),
    reset: async (p) => {
      await engine.reset(p);
      return null;
    },
    schemaPush: (p) => engine.schemaPush(p),
    createDatabase: async (p) => {
      const url = p?.datasource?.url ?? args.datasource?.url;
      if (!url) throw new Error('createDatabase needs a connection string');
      const name = databaseName(url);
      await withAdminClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
      return { databaseName: name };
    },
    debugPanic: () => engine.debugPanic(),
  };

  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      log('ERROR', `Could not parse JSON-RPC message: ${line.slice(0, 200)}`);
      return;
    }
    // A reply from the CLI to one of our "print" requests.
    if (message.method === undefined && pendingPrints.has(message.id)) {
      pendingPrints.get(message.id)();
      pendingPrints.delete(message.id);
      return;
    }
    // The native engine handles one request at a time; so do we. Replies to "print" requests must
    // not wait behind that queue, hence the early return above.
    queue = queue.then(async () => {
      const handler = handlers[message.method];
      try {
        if (!handler) throw new Error(`Unknown JSON-RPC method: ${message.method}`);
        const result = await handler(message.params ?? {});
        send({ jsonrpc: '2.0', id: message.id, result: result ?? null });
      } catch (error) {
        log('ERROR', error instanceof Error ? error.message : String(error));
        send({ jsonrpc: '2.0', id: message.id, error: toRpcError(error) });
      }
    });
  });

  await new Promise((resolveClosed) => lines.on('close', resolveClosed));
  await queue;
  try {
    engine.free();
  } catch {
    // already freed
  }
  const mainUrl = args.datasource?.url;
  if (mainUrl) for (const name of [...shadowDatabases]) await dropShadowDatabase(mainUrl, name);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${engineHash()}\n`);
    return 0;
  }
  if (args.cliCommand !== null) return runCliCommand(args.cliCommand, args.datasource);
  await runRpcServer(args);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log('ERROR', error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
