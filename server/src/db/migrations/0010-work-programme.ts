import { type Kysely, sql } from 'kysely';

/**
 * Work programme: the register of Party documents with their relations and per-unit
 * dissemination, and tasks (from hand, a document or a conclusion) with sub-tasks,
 * coordinating units, per-unit tracking and updates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table party_document (
      id uuid primary key,
      owner_unit_id uuid not null references org_unit(id),
      number_text text not null,
      number integer not null check (number > 0),
      doc_type text not null,
      issuer text not null,
      issued_on date not null,
      subject text not null check (length(trim(subject)) > 0),
      summary text,
      search_text text not null,
      created_at timestamptz not null default now(),
      unique (number_text, issued_on)
    )`.execute(db);
  await sql`create index party_document_owner on party_document (owner_unit_id, issued_on desc)`.execute(db);
  await sql`
    create table party_document_relation (
      from_id uuid not null references party_document(id),
      to_id uuid not null references party_document(id),
      kind text not null check (kind in ('replaces', 'guides', 'implements', 'amends')),
      created_at timestamptz not null default now(),
      primary key (from_id, to_id, kind),
      check (from_id <> to_id)
    )`.execute(db);
  await sql`create index party_document_relation_to on party_document_relation (to_id)`.execute(db);
  await sql`
    create table document_dissemination (
      id uuid primary key,
      document_id uuid not null references party_document(id),
      from_unit_id uuid not null references org_unit(id),
      as_of date not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index document_dissemination_document on document_dissemination (document_id)`.execute(db);
  await sql`
    create table dissemination_unit (
      dissemination_id uuid not null references document_dissemination(id),
      unit_id uuid not null references org_unit(id),
      disseminated_on date,
      implementing_number text,
      primary key (dissemination_id, unit_id)
    )`.execute(db);
  await sql`create index dissemination_unit_unit on dissemination_unit (unit_id)`.execute(db);
  await sql`
    create table work_task (
      id uuid primary key,
      parent_id uuid references work_task(id),
      owner_unit_id uuid not null references org_unit(id),
      title text not null check (length(trim(title)) > 0),
      description text,
      source_kind text not null check (source_kind in ('manual', 'document', 'conclusion')),
      source_document_id uuid references party_document(id),
      source_conclusion_id uuid,
      lead_unit_id uuid not null references org_unit(id),
      lead_person text,
      starts_on date,
      due_on date not null,
      status text not null check (status in ('not_started', 'in_progress', 'done', 'cancelled')),
      progress integer not null default 0 check (progress between 0 and 100),
      completed_on date,
      search_text text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index work_task_owner on work_task (owner_unit_id, due_on)`.execute(db);
  await sql`create index work_task_lead on work_task (lead_unit_id, due_on)`.execute(db);
  await sql`create index work_task_parent on work_task (parent_id)`.execute(db);
  await sql`create index work_task_document on work_task (source_document_id)`.execute(db);
  await sql`
    create table work_task_coordinator (
      task_id uuid not null references work_task(id),
      unit_id uuid not null references org_unit(id),
      primary key (task_id, unit_id)
    )`.execute(db);
  await sql`
    create table work_task_assignment (
      task_id uuid not null references work_task(id),
      unit_id uuid not null references org_unit(id),
      status text not null check (status in ('not_started', 'in_progress', 'done', 'cancelled')),
      progress integer not null default 0 check (progress between 0 and 100),
      completed_on date,
      primary key (task_id, unit_id)
    )`.execute(db);
  await sql`create index work_task_assignment_unit on work_task_assignment (unit_id)`.execute(db);
  await sql`
    create table work_task_update (
      id uuid primary key,
      task_id uuid not null references work_task(id),
      unit_id uuid references org_unit(id),
      kind text not null check (kind in ('progress', 'comment')),
      status text,
      progress integer check (progress between 0 and 100),
      note text,
      author_id uuid references app_user(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index work_task_update_task on work_task_update (task_id, created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
