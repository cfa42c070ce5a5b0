import { type Kysely, sql } from 'kysely';

/**
 * Elections (bầu cử) of a unit's congress or conference: the setup (body, seats, ballot
 * list, floor nominations, exclusions from the base, counting committee, operators), the
 * ballot figures, and the keyed ballot entries — append-only and hash-chained per election.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table election (
      id uuid primary key,
      unit_id uuid not null references org_unit(id),
      kind text not null default 'election' check (kind in ('election', 'confidence')),
      title text not null check (length(trim(title)) > 0),
      body text not null,
      held_on date not null,
      round integer not null default 1 check (round >= 1),
      previous_id uuid references election(id),
      seats integer not null check (seats >= 1),
      convened integer not null check (convened >= 1),
      voters_present integer not null check (voters_present >= 0),
      tie_policy text not null check (tie_policy in ('further_round', 'congress_decides')),
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
  await sql`create index election_unit on election (unit_id)`.execute(db);
  await sql`
    create table election_candidate (
      election_id uuid not null references election(id),
      position integer not null check (position >= 0),
      full_name text not null check (length(trim(full_name)) > 0),
      member_id uuid references party_member(id),
      source text not null check (source in ('list', 'floor')),
      primary key (election_id, position)
    )`.execute(db);
  await sql`
    create table election_nomination (
      election_id uuid not null references election(id),
      seq integer not null,
      full_name text not null check (length(trim(full_name)) > 0),
      agreeing integer not null check (agreeing >= 0),
      present integer not null check (present >= 1),
      admitted boolean not null,
      primary key (election_id, seq)
    )`.execute(db);
  await sql`
    create table election_exclusion (
      election_id uuid not null references election(id),
      seq integer not null,
      kind text not null,
      person text not null,
      reason text not null check (length(trim(reason)) > 0),
      primary key (election_id, seq)
    )`.execute(db);
  await sql`
    create table election_committee_member (
      election_id uuid not null references election(id),
      seq integer not null,
      full_name text not null check (length(trim(full_name)) > 0),
      member_id uuid references party_member(id),
      role text not null check (role in ('head', 'deputy', 'member')),
      primary key (election_id, seq)
    )`.execute(db);
  await sql`
    create table election_operator (
      election_id uuid not null references election(id),
      user_id uuid not null references app_user(id),
      primary key (election_id, user_id)
    )`.execute(db);
  await sql`
    create table election_ballot_entry (
      election_id uuid not null references election(id),
      seq integer not null check (seq >= 1),
      id uuid not null unique,
      ballot_number integer not null check (ballot_number >= 1),
      kind text not null check (kind in ('entry', 'resolution')),
      operator_id uuid not null references app_user(id),
      ballot jsonb not null,
      -- The ballot in compact form for counting ('m' + hex bitmap of struck positions, or 'i' + reason); verify checks it against ballot.
      marks text not null,
      note text,
      at timestamptz not null,
      prev_hash text not null,
      hash text not null unique,
      primary key (election_id, seq)
    )`.execute(db);
  await sql`create index election_ballot_entry_number on election_ballot_entry (election_id, ballot_number)`.execute(db);
  // Each operator keys a ballot once; a ballot gets one resolution.
  await sql`create unique index election_ballot_entry_once on election_ballot_entry (election_id, ballot_number, operator_id) where kind = 'entry'`.execute(db);
  await sql`create unique index election_ballot_resolution_once on election_ballot_entry (election_id, ballot_number) where kind = 'resolution'`.execute(db);

  // Ballot entries are append-only like the audit log: the database refuses to change them.
  await sql`
    create function election_entry_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'election_ballot_entry is append-only (% refused)', tg_op using errcode = 'P0001';
    end $$`.execute(db);
  await sql`
    create trigger election_entry_no_update_delete before update or delete on election_ballot_entry
    for each row execute function election_entry_refuse_change()`.execute(db);
  await sql`
    create trigger election_entry_no_truncate before truncate on election_ballot_entry
    for each statement execute function election_entry_refuse_change()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
