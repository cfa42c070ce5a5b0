import { type Kysely, sql } from 'kysely';

const kinds = ['root', 'central_committee', 'province', 'upper_grassroots', 'grassroots_committee', 'grassroots_cell', 'sub_committee', 'cell'];

/**
 * Effective-dated structure: each unit's name, kind and parent over time (versions that
 * never overlap), the reorganisation operations that changed them, and a per-unit timeline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const kindList = sql.join(kinds.map((k) => sql.lit(k)));
  await sql`
    alter table org_unit
      add column successor_id uuid references org_unit(id),
      add column contact_phone text,
      add column contact_email text,
      add column contact_address text,
      add constraint org_unit_kind check (kind in (${kindList}))`.execute(db);

  await sql`
    create table org_change (
      id uuid primary key,
      type text not null check (type in ('create', 'rename', 'move', 'merge', 'split', 'dissolve', 'import')),
      effective_date date not null,
      document_number text not null,
      note text,
      operation jsonb not null,
      actor_id uuid references app_user(id),
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table org_unit_version (
      id uuid primary key,
      unit_id uuid not null references org_unit(id),
      name text not null check (length(trim(name)) > 0),
      kind text not null check (kind in (${kindList})),
      parent_id uuid references org_unit(id),
      valid_from date not null,
      valid_to date,
      change_id uuid references org_change(id),
      check (valid_to is null or valid_to > valid_from),
      check (parent_id is null or parent_id <> unit_id),
      constraint org_unit_version_no_overlap exclude using gist (
        unit_id with =, daterange(valid_from, valid_to) with &&
      ) deferrable initially deferred
    )`.execute(db);
  await sql`create index org_unit_version_parent on org_unit_version (parent_id, valid_from)`.execute(db);
  await sql`create index org_unit_version_unit on org_unit_version (unit_id, valid_from)`.execute(db);

  await sql`
    create table org_unit_event (
      id uuid primary key,
      change_id uuid not null references org_change(id),
      unit_id uuid not null references org_unit(id),
      event text not null check (event in ('created', 'renamed', 'kind_changed', 'moved', 'merged_into', 'absorbed', 'split_into', 'split_from', 'dissolved')),
      effective_date date not null,
      related_unit_ids uuid[] not null default '{}',
      detail jsonb not null default '{}'
    )`.execute(db);
  await sql`create index org_unit_event_unit on org_unit_event (unit_id, effective_date)`.execute(db);

  // Units created before this migration get one version spanning their life.
  await sql`
    insert into org_unit_version (id, unit_id, name, kind, parent_id, valid_from, valid_to)
    select gen_random_uuid(), id, name, kind, parent_id, valid_from, valid_to from org_unit`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
