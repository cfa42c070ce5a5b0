import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { StartupError } from '../platform/startup-error.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { DB } from './schema.ts';

// Dates stay 'yyyy-mm-dd' strings (no time-zone shifts); counts come back as numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the typed query builder plus what is needed to close it. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Kysely<DB>;
  readonly pool: pg.Pool;
  /** The embedded engine, when running on PGlite (for dumps and LISTEN). */
  readonly lite: PGlite | null;
  close(): Promise<void>;
}

export const pgliteExtensions = { ltree, pg_trgm, unaccent, pgcrypto, btree_gist };

/**
 * PGlite's start parameters: its defaults, with 64 MB of memory per sort or hash instead of 4 MB
 * (PostgreSQL's default). PGlite is one session, so this is taken once at a time and only while a
 * query needs it. Measured on the national demo data: the merge of two provinces with 9,361
 * descendants took 17.5 s with 4 MB and 7.2 s with 64 MB (bench/results/org-registry.json).
 */
export const pgliteStartParams: readonly string[] = [...PGlite.defaultStartParams, '-c', 'work_mem=64MB'];

export type ConnectOptions =
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number }
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'pglite-memory'; readonly loadDataDir?: Blob };

/** Opens PostgreSQL (server) or PGlite (embedded, in a data directory or in memory). */
export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  switch (options.kind) {
    case 'postgres':
      return connectPostgres(options.url, options.poolSize ?? 10);
    case 'pglite': {
      ensureWritableDir(options.dataDir);
      const lock = acquireDataDirLock(options.dataDir);
      try {
        return await openPglite(new PGlite(path.join(options.dataDir, 'pg'), { extensions: pgliteExtensions, startParams: [...pgliteStartParams] }), lock);
      } catch (error) {
        lock.release();
        throw error;
      }
    }
    case 'pglite-memory':
      return openPglite(new PGlite({ extensions: pgliteExtensions, loadDataDir: options.loadDataDir, startParams: [...pgliteStartParams] }), null);
  }
}

async function connectPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `Không kết nối được PostgreSQL qua DATABASE_URL (${reason})`,
      `Cannot connect to PostgreSQL via DATABASE_URL (${reason})`,
    );
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    pool,
    lite: null,
    close: async () => {
      await db.destroy();
    },
  };
}

async function openPglite(lite: PGlite, lock: DataDirLock | null): Promise<Database> {
  await lite.waitReady;
  const pool = new pg.Pool(createPgConfig(lite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'pglite',
    db,
    pool,
    lite,
    close: async () => {
      await db.destroy();
      await lite.close();
      lock?.release();
    },
  };
}

function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new StartupError(
      `Không ghi được vào thư mục dữ liệu ${dir}`,
      `The data directory ${dir} is not writable`,
    );
  }
}
