import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { withDatabaseName } from './database.ts';

/** Migrates once into a template (PGlite dump or PostgreSQL template database) that each test file copies. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `tcxd_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const database = await connectDatabase({ kind: 'postgres', url: withDatabaseName(url, name), poolSize: 2 });
    await migrateToLatest(database.db);
    await database.close();
    project.provide('pgTemplate', name);
    project.provide('pgliteTemplate', null);
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const database = await connectDatabase({ kind: 'pglite-memory' });
  await migrateToLatest(database.db);
  const lite = database.lite;
  if (!lite) throw new Error('expected PGlite');
  const dump = await lite.dumpDataDir('none');
  await database.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcxd-test-'));
  const file = path.join(dir, 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', null);
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
