/**
 * The database factory: PostgreSQL through `pg` when DATABASE_URL is set, otherwise PGlite in the
 * data directory (ADR 0002). Both speak to Kysely with PostgreSQL's compiler: one SQL dialect.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import { isConnectionLost } from './connection-loss.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { prepareMarkedQueries } from './prepared-statements.ts';
import { watchReadReplica, type ReadReplica, type ReplicaState } from './read-replica.ts';
import type { DB } from './schema.ts';

export type Backend = 'pglite' | 'postgres';

export interface Database {
  readonly db: Kysely<DB>;
  readonly backend: Backend;
  /** Closes every connection; for PGlite, flushes and closes the data directory cleanly. */
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a gzipped tarball (test templates, backups). */
  dumpDataDir?: () => Promise<Blob>;
  /** PostgreSQL with DATABASE_READ_URL: the streaming replica reads that write nothing may use (ADR 0015). */
  reads?: ReadReplica;
}

// Counts and sums come back as numbers on both backends (int8 and numeric are strings by default in pg).
const INT8_OID = 20;
const INT8_ARRAY_OID = 1016;
const NUMERIC_OID = 1700;
const toNumber = (value: string) => Number(value);
const parsePgInt8Array = (value: string) =>
  (
    pg.types.getTypeParser(INT8_ARRAY_OID as Parameters<typeof pg.types.getTypeParser>[0], 'text') as (
      v: string,
    ) => (string | null)[]
  )(value).map((v) => (v === null ? null : Number(v)));

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; undefined keeps PGlite in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
  /** A PGlite data directory tarball to start from (tests clone a migrated template). */
  loadDataDir?: Blob | undefined;
  /** A streaming replica of databaseUrl for reads (PostgreSQL only), and how far behind it may be. */
  readUrl?: string | undefined;
  maxReadLagSeconds?: number;
  onReplicaChange?: (state: ReplicaState, error?: unknown) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const primary = openPostgres(options.databaseUrl, options.poolSize ?? 10);
    if (!options.readUrl) return primary;
    const reads = watchReadReplica(primary.db, openPostgres(options.readUrl, options.poolSize ?? 10), {
      maxLagSeconds: options.maxReadLagSeconds ?? 5,
      ...(options.onReplicaChange ? { onChange: options.onReplicaChange } : {}),
    });
    return {
      ...primary,
      reads,
      close: async () => {
        await reads.close();
        await primary.close();
      },
    };
  }
  if (options.readUrl)
    throw new Error('DATABASE_READ_URL needs DATABASE_URL: the embedded database has no replica.');
  return openPGlite(options.dataDir, options.loadDataDir);
}

function openPostgres(connectionString: string, max: number): Database {
  const pool = new pg.Pool({
    connectionString,
    max,
    // No JIT compilation: the platform's heaviest queries (filtered figures over hundreds of thousands of records)
    // take a few hundred milliseconds, and compiling them cost 15 to 40 ms more than it saved (1M-record bench).
    options: '-c jit=off',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown => {
        if (oid === INT8_OID || oid === NUMERIC_OID) return toNumber;
        if (oid === INT8_ARRAY_OID) return parsePgInt8Array;
        return pg.types.getTypeParser(oid, format ?? 'text') as unknown;
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A connection that PostgreSQL closes (restart, failover, pg_terminate_backend) must not crash the process.
  // The pool listens for errors on idle connections only; a connection checked out by a request (between two
  // queries of its transaction) emits its 'error' with no listener, which Node turns into an uncaught exception.
  // Every connection therefore gets its own listener for its whole life: the request's next query fails (and is
  // answered 503), the pool discards the broken connection on release and opens a new one for the next request.
  const reportLoss = (error: Error) => process.stderr.write(`database connection lost: ${error.message}\n`);
  pool.on('error', reportLoss);
  pool.on('connect', (client) => {
    client.on('error', reportLoss);
    prepareMarkedQueries(client);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, backend: 'postgres', close: () => db.destroy() };
}

async function openPGlite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  let releaseLock = () => {};
  let pgDataDir: string | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // PGlite is one process's database: a second process on the same folder would corrupt it.
    releaseLock = acquireDataDirLock(dataDir);
    pgDataDir = path.join(dataDir, 'pgdata');
  }
  try {
    const pglite = await PGlite.create({
      ...(pgDataDir ? { dataDir: pgDataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: { [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber },
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      backend: 'pglite',
      dumpDataDir: () => pglite.dumpDataDir('gzip'),
      close: async () => {
        try {
          await db.destroy();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * A round-trip that proves the database answers (used by /readyz). A pooled connection the database ended a
 * moment ago (a restart, a failover) can still be handed out before the pool has seen its end; such a failure says
 * nothing about whether the database answers now, so the ping tries again on other connections a few times.
 */
export async function pingDatabase(db: Kysely<DB>, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(db);
      return;
    } catch (error) {
      if (attempt >= attempts || !isConnectionLost(error)) throw error;
    }
  }
}
