import { type Kysely, sql } from 'kysely';

/**
 * Confidence votes (lấy phiếu tín nhiệm, QĐ 96-QĐ/TW) of a unit: the persons assessed in
 * ballot order, convened and present, the counting committee and operators, the ballot
 * figures, and the keyed ballots — append-only and hash-chained per vote like elections.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table confidence_vote (
      id uuid primary key,
      unit_id uuid not null references org_unit(id),
      title text not null check (length(trim(title)) > 0),
      held_on date not null,
      convened integer not null check (convened >= 1),
      present integer not null check (present >= 0 and present <= convened),
      head_user_id uuid not null references app_user(id),
      rules_version text not null,
      issued integer check (issued >= 0),
      returned integer check (returned >= 0),
      not_returned integer check (not_returned >= 0),
      status text not null default 'open' check (status in ('open', 'finalised')),
      final_tally jsonb,
      chain_head text,
      finalised_at timestamptz,
      finalised_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      check ((status = 'finalised') = (final_tally is not null and chain_head is not null))
    )`.execute(db);
  await sql`create index confidence_vote_unit on confidence_vote (unit_id)`.execute(db);
  await sql`
    create table confidence_person (
      vote_id uuid not null references confidence_vote(id),
      position integer not null check (position >= 0),
      full_name text not null check (length(trim(full_name)) > 0),
      post text not null,
      primary key (vote_id, position)
    )`.execute(db);
  await sql`
    create table confidence_committee_member (
      vote_id uuid not null references confidence_vote(id),
      seq integer not null,
      full_name text not null check (length(trim(full_name)) > 0),
      role text not null check (role in ('head', 'deputy', 'member')),
      primary key (vote_id, seq)
    )`.execute(db);
  await sql`
    create table confidence_operator (
      vote_id uuid not null references confidence_vote(id),
      user_id uuid not null references app_user(id),
      primary key (vote_id, user_id)
    )`.execute(db);
  await sql`
    create table confidence_ballot_entry (
      vote_id uuid not null references confidence_vote(id),
      seq integer not null check (seq >= 1),
      id uuid not null unique,
      ballot_number integer not null check (ballot_number >= 1),
      kind text not null check (kind in ('entry', 'resolution')),
      operator_id uuid not null references app_user(id),
      ballot jsonb not null,
      note text,
      at timestamptz not null,
      prev_hash text not null,
      hash text not null unique,
      primary key (vote_id, seq)
    )`.execute(db);
  // Each operator keys a ballot once; a ballot gets one resolution.
  await sql`create unique index confidence_entry_once on confidence_ballot_entry (vote_id, ballot_number, operator_id) where kind = 'entry'`.execute(db);
  await sql`create unique index confidence_resolution_once on confidence_ballot_entry (vote_id, ballot_number) where kind = 'resolution'`.execute(db);
  // Append-only like the election entries and the audit log: the database refuses to change them.
  await sql`
    create function confidence_entry_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'confidence_ballot_entry is append-only (% refused)', tg_op using errcode = 'P0001';
    end $$`.execute(db);
  await sql`
    create trigger confidence_entry_no_update_delete before update or delete on confidence_ballot_entry
    for each row execute function confidence_entry_refuse_change()`.execute(db);
  await sql`
    create trigger confidence_entry_no_truncate before truncate on confidence_ballot_entry
    for each statement execute function confidence_entry_refuse_change()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
