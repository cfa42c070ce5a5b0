import { type Kysely, sql } from 'kysely';

/** Platform tables: extensions, organisation units (minimal), users, sessions, audit. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const ext of ['ltree', 'pg_trgm', 'unaccent', 'pgcrypto', 'btree_gist']) {
    await sql`create extension if not exists ${sql.raw(ext)}`.execute(db);
  }

  await sql`
    create table org_unit (
      id uuid primary key,
      code text not null unique,
      name text not null check (length(trim(name)) > 0),
      kind text not null,
      parent_id uuid references org_unit(id),
      path ltree not null,
      valid_from date not null,
      valid_to date,
      search_text text not null,
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to > valid_from),
      check (parent_id is null or parent_id <> id)
    )`.execute(db);
  await sql`create index org_unit_path_gist on org_unit using gist (path)`.execute(db);
  await sql`create index org_unit_parent on org_unit (parent_id)`.execute(db);
  await sql`create index org_unit_search_trgm on org_unit using gin (search_text gin_trgm_ops)`.execute(db);

  await sql`
    create table app_user (
      id uuid primary key,
      username text not null unique check (username = lower(username)),
      full_name text not null,
      email text,
      locale text not null default 'vi' check (locale in ('vi', 'en')),
      password_hash text not null,
      must_change_password boolean not null default false,
      disabled_at timestamptz,
      failed_login_count integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      password_changed_at timestamptz not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table user_grant (
      id uuid primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      role text not null check (role in ('admin', 'staff', 'leader', 'clerk', 'viewer')),
      unit_id uuid not null references org_unit(id),
      created_at timestamptz not null default now(),
      unique (user_id, role, unit_id)
    )`.execute(db);
  await sql`create index user_grant_unit on user_grant (unit_id)`.execute(db);

  await sql`
    create table user_session (
      id text primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      csrf_token text not null,
      active_grant_id uuid references user_grant(id) on delete set null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index user_session_user on user_session (user_id)`.execute(db);

  await sql`
    create table login_attempt (
      id bigint generated always as identity primary key,
      ip text not null,
      username text not null,
      success boolean not null,
      at timestamptz not null
    )`.execute(db);
  await sql`create index login_attempt_ip_at on login_attempt (ip, at)`.execute(db);

  await sql`
    create table audit_log (
      seq bigint generated always as identity primary key,
      id uuid not null unique,
      at timestamptz not null,
      actor_id uuid,
      actor_name text not null,
      action text not null,
      entity_type text not null,
      entity_id text,
      unit_id uuid,
      before jsonb,
      after jsonb,
      request_id text,
      ip text,
      prev_hash text not null,
      hash text not null unique
    )`.execute(db);
  await sql`create index audit_log_entity on audit_log (entity_type, entity_id)`.execute(db);
  await sql`create index audit_log_at on audit_log (at)`.execute(db);
  await sql`create index audit_log_actor on audit_log (actor_id)`.execute(db);

  // Audit rows are append-only: the database itself refuses to change or remove them.
  await sql`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'P0001';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function audit_log_refuse_change()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
