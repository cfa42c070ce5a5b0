import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connectDatabase } from './connect.ts';

describe('the embedded database', () => {
  it('starts PGlite with 64 MB per sort or hash (the registry merge at national scale needs it)', async () => {
    const database = await connectDatabase({ kind: 'pglite-memory' });
    try {
      const row = await sql<{ work_mem: string }>`show work_mem`.execute(database.db);
      expect(row.rows[0]?.work_mem).toBe('64MB');
      const search = await sql<{ search_path: string }>`show search_path`.execute(database.db);
      expect(search.rows[0]?.search_path).toBe('public');
    } finally {
      await database.close();
    }
  });
});
