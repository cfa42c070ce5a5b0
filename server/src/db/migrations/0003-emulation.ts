import { type Kysely, sql } from 'kysely';

/** Emulation clusters and blocs (cụm, khối thi đua) of peer units, per year, with head and deputies. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table emulation_group (
      id uuid primary key,
      kind text not null check (kind in ('cluster', 'bloc')),
      name text not null check (length(trim(name)) > 0),
      year integer not null check (year between 1990 and 2100),
      note text,
      created_at timestamptz not null default now(),
      unique (kind, name, year)
    )`.execute(db);
  await sql`
    create table emulation_group_member (
      group_id uuid not null references emulation_group(id) on delete cascade,
      unit_id uuid not null references org_unit(id),
      role text not null check (role in ('member', 'head', 'deputy')),
      primary key (group_id, unit_id)
    )`.execute(db);
  await sql`create unique index emulation_group_one_head on emulation_group_member (group_id) where role = 'head'`.execute(db);
  await sql`create index emulation_group_member_unit on emulation_group_member (unit_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
