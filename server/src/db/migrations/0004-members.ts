import { type Kysely, sql } from 'kysely';

const statuses = ['not_member', 'probationary', 'full', 'in_transit', 'transferred_outside', 'removed', 'expelled', 'deceased'];
const eventKinds = [
  'admitted',
  'record_opened',
  'recognised',
  'recognition_postponed',
  'not_recognised',
  'transfer_out',
  'transfer_in',
  'temporary_transfer_out',
  'temporary_return',
  'exempted',
  'exemption_ended',
  'discipline',
  'removed',
  'expelled',
  'died',
];

/**
 * The member registry: one record per member (the fields of the phiếu đảng viên, Mẫu
 * 2-HSĐV, plus the state derived from the history), the lifecycle events in order, and the
 * periods during which the member was counted in a cell (derived, for "as of" statistics).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statusList = sql.join(statuses.map((s) => sql.lit(s)));
  const kindList = sql.join(eventKinds.map((k) => sql.lit(k)));
  await sql`
    create table party_member (
      id uuid primary key,
      full_name text not null check (length(trim(full_name)) > 0),
      other_names text,
      sex text not null check (sex in ('male', 'female')),
      birth_date date not null,
      birth_place text,
      home_town text,
      residence text,
      ethnicity text not null,
      religion text,
      citizen_id text unique check (citizen_id ~ '^[0-9]{12}$'),
      education_general text,
      education_professional text,
      political_theory text,
      occupation text,
      card_number text unique check (card_number ~ '^[0-9]{8}$'),
      history_number text,
      positions text,
      awards text,
      discipline_note text,
      admission_date date not null,
      admission_cell_id uuid references org_unit(id),
      full_member_date date,
      -- Derived from the history (rewritten with every event, in the same transaction):
      status text not null check (status in (${statusList})),
      cell_id uuid references org_unit(id),
      home_cell_id uuid not null references org_unit(id),
      transit_to_cell_id uuid references org_unit(id),
      temporary_cell_id uuid references org_unit(id),
      exempted boolean not null default false,
      probation_ends_on date,
      recognition_due_on date,
      transit_since date,
      search_text text not null,
      sort_key text not null collate "C",
      row_version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (admission_date > birth_date),
      check (full_member_date is null or full_member_date >= admission_date)
    )`.execute(db);
  await sql`create index party_member_home on party_member (home_cell_id, status)`.execute(db);
  await sql`create index party_member_transit on party_member (transit_to_cell_id) where transit_to_cell_id is not null`.execute(db);
  await sql`create index party_member_temporary on party_member (temporary_cell_id) where temporary_cell_id is not null`.execute(db);
  await sql`create index party_member_search on party_member using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index party_member_sort on party_member (sort_key, id)`.execute(db);
  await sql`create index party_member_identity on party_member (search_text, birth_date)`.execute(db);

  await sql`
    create table party_member_event (
      id uuid primary key,
      member_id uuid not null references party_member(id),
      seq integer not null,
      kind text not null check (kind in (${kindList})),
      effective_date date not null,
      -- The cell the event brings the member to (admission, arrival) or sends them to (transfer):
      cell_id uuid references org_unit(id),
      -- The cell the member belonged to when the event happened (for period figures):
      from_cell_id uuid references org_unit(id),
      destination text,
      document_number text,
      detail jsonb not null default '{}',
      note text,
      entered_by uuid references app_user(id),
      entered_at timestamptz not null default now(),
      unique (member_id, seq)
    )`.execute(db);
  await sql`create index party_member_event_date on party_member_event (effective_date, kind)`.execute(db);
  // The history is append-only: corrections are new events, never edits.
  await sql`
    create function party_member_event_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'party_member_event is append-only (% refused)', tg_op using errcode = 'P0001';
    end $$`.execute(db);
  await sql`
    create trigger party_member_event_append_only before update or delete on party_member_event
    for each row execute function party_member_event_refuse_change()`.execute(db);

  await sql`
    create table party_member_period (
      member_id uuid not null references party_member(id),
      cell_id uuid not null references org_unit(id),
      status text not null check (status in ('probationary', 'full')),
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to > valid_from),
      primary key (member_id, valid_from)
    )`.execute(db);
  await sql`create index party_member_period_cell on party_member_period (cell_id, valid_from)`.execute(db);

  // Imports run in the background; any app process can answer a poll from this row.
  await sql`
    create table member_import_job (
      id uuid primary key,
      status text not null check (status in ('running', 'done', 'failed')),
      phase text not null check (phase in ('reading', 'checking', 'writing', 'finished')),
      dry_run boolean not null,
      file_name text not null,
      format text not null check (format in ('xlsx', 'csv')),
      rows_read integer not null default 0,
      result jsonb,
      failure text,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await tallyTable(db);
}

/**
 * Counts of current members per organisation directly under the Centre (the second label
 * of the cell's path), status, sex and birth year, kept by statement-level triggers so that
 * every write (one event or a million-row import) keeps it right. Reorganisations that move
 * cells between those organisations rebuild the labels they touch (members' reorg hook).
 */
async function tallyTable(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table member_tally (
      top_label text not null,
      status text not null check (status in ('probationary', 'full')),
      sex text not null,
      birth_year integer not null,
      n integer not null,
      primary key (top_label, status, sex, birth_year)
    )`.execute(db);
  await sql`
    create table member_tally_attr (
      top_label text not null,
      status text not null check (status in ('probationary', 'full')),
      attribute text not null check (attribute in ('ethnicity', 'religion', 'education', 'political_theory')),
      value text not null,
      n integer not null,
      primary key (top_label, status, attribute, value)
    )`.execute(db);
  const add = (rows: string, sign: string) => sql.raw(`
      insert into member_tally (top_label, status, sex, birth_year, n)
      select subpath(u.path, 1, 1)::text, r.status, r.sex, extract(year from r.birth_date)::int, ${sign}count(*)
      from ${rows} r join org_unit u on u.id = r.cell_id
      where r.status in ('probationary', 'full') and nlevel(u.path) > 1
      group by 1, 2, 3, 4
      on conflict (top_label, status, sex, birth_year) do update set n = member_tally.n + excluded.n;
      insert into member_tally_attr (top_label, status, attribute, value, n)
      select subpath(u.path, 1, 1)::text, r.status, a.attribute, a.value, ${sign}count(*)
      from ${rows} r join org_unit u on u.id = r.cell_id
      cross join lateral (values ('ethnicity', r.ethnicity), ('religion', coalesce(r.religion, '')),
        ('education', coalesce(r.education_general, '')), ('political_theory', coalesce(r.political_theory, ''))) as a(attribute, value)
      where r.status in ('probationary', 'full') and nlevel(u.path) > 1
      group by 1, 2, 3, 4
      on conflict (top_label, status, attribute, value) do update set n = member_tally_attr.n + excluded.n;`);
  await sql`
    create function member_tally_apply() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then ${add('old_rows', '-')} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${add('new_rows', '')} end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger member_tally_insert after insert on party_member referencing new table as new_rows for each statement execute function member_tally_apply()`.execute(db);
  await sql`create trigger member_tally_update after update on party_member referencing old table as old_rows new table as new_rows for each statement execute function member_tally_apply()`.execute(db);
  await sql`create trigger member_tally_delete after delete on party_member referencing old table as old_rows for each statement execute function member_tally_apply()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
