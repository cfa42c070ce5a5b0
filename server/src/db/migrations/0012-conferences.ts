import { type Kysely, sql } from 'kysely';

/**
 * Briefing conferences (giao ban, sơ kết, tổng kết): the conference, its connection points
 * (one per participating unit, with invitation, confirmation and live check-in), the agenda
 * (consolidated report, documents to disseminate, contributions) and the conclusion items that
 * become tasks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table conference (
      id uuid primary key,
      host_unit_id uuid not null references org_unit(id),
      kind text not null check (kind in ('monthly_briefing', 'quarterly_review', 'half_year_review', 'annual_review', 'thematic', 'emulation_cluster')),
      title text not null check (length(trim(title)) > 0),
      starts_at timestamptz not null,
      host_point text not null check (length(trim(host_point)) > 0),
      mode text not null check (mode in ('online', 'in_person', 'hybrid')),
      video_link text,
      report_period_id uuid references report_period(id),
      confirm_by date,
      chair_name text,
      chair_title text,
      conclusion_summary text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index conference_host on conference (host_unit_id, starts_at desc)`.execute(db);
  await sql`
    create table conference_point (
      conference_id uuid not null references conference(id),
      unit_id uuid not null references org_unit(id),
      chair text,
      attendees integer check (attendees > 0),
      contact text,
      invited_at timestamptz,
      confirmed_at timestamptz,
      connected_at timestamptz,
      primary key (conference_id, unit_id)
    )`.execute(db);
  await sql`create index conference_point_unit on conference_point (unit_id)`.execute(db);
  await sql`
    create table conference_agenda_item (
      id uuid primary key,
      conference_id uuid not null references conference(id),
      position integer not null,
      kind text not null check (kind in ('report', 'document', 'contribution', 'conclusion', 'other')),
      title text not null,
      document_id uuid references party_document(id),
      unit_id uuid references org_unit(id),
      speaker text,
      unique (conference_id, position)
    )`.execute(db);
  await sql`
    create table conference_conclusion (
      id uuid primary key,
      conference_id uuid not null references conference(id),
      position integer not null,
      text text not null check (length(trim(text)) > 0),
      lead_unit_id uuid not null references org_unit(id),
      due_on date not null,
      task_id uuid references work_task(id),
      unique (conference_id, position)
    )`.execute(db);
  await sql`create index work_task_conclusion on work_task (source_conclusion_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
