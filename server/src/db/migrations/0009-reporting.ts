import { type Kysely, sql } from 'kysely';

/**
 * Periodic reporting: versioned templates assigned to units, periods with their calendar,
 * per-unit unlocks, submissions (current state plus every sent version), attachments,
 * reminders sent; and in-app notifications (the platform had none).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_template (
      id uuid primary key,
      owner_unit_id uuid not null references org_unit(id),
      code text not null unique check (length(trim(code)) > 0),
      name text not null check (length(trim(name)) > 0),
      frequency text not null check (frequency in ('month', 'quarter', 'half_year', 'year', 'ad_hoc')),
      assignment jsonb not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index report_template_owner on report_template (owner_unit_id)`.execute(db);
  await sql`
    create table report_template_version (
      id uuid primary key,
      template_id uuid not null references report_template(id),
      version integer not null check (version >= 1),
      valid_from date not null,
      definition jsonb not null,
      created_at timestamptz not null default now(),
      unique (template_id, version),
      unique (template_id, valid_from)
    )`.execute(db);
  await sql`
    create table report_period (
      id uuid primary key,
      template_id uuid not null references report_template(id),
      template_version_id uuid not null references report_template_version(id),
      kind text not null check (kind in ('month', 'quarter', 'half_year', 'year', 'ad_hoc')),
      label text not null check (length(trim(label)) > 0),
      starts_on date not null,
      ends_on date not null,
      opens_on date not null,
      due_on date not null,
      locks_on date not null,
      created_at timestamptz not null default now(),
      check (starts_on <= ends_on and opens_on <= due_on and due_on < locks_on)
    )`.execute(db);
  // One month (quarter, ...) of a template once; ad hoc periods may share dates.
  await sql`create unique index report_period_once on report_period (template_id, kind, starts_on) where kind <> 'ad_hoc'`.execute(db);
  await sql`create index report_period_template on report_period (template_id, starts_on)`.execute(db);
  await sql`
    create table report_unlock (
      period_id uuid not null references report_period(id),
      unit_id uuid not null references org_unit(id),
      until date not null,
      reason text not null,
      granted_by uuid references app_user(id),
      granted_at timestamptz not null default now(),
      primary key (period_id, unit_id)
    )`.execute(db);
  await sql`
    create table report_submission (
      id uuid primary key,
      period_id uuid not null references report_period(id),
      unit_id uuid not null references org_unit(id),
      status text not null check (status in ('draft', 'submitted', 'returned', 'accepted')),
      version integer not null default 1 check (version >= 1),
      "values" jsonb not null default '{}',
      narrative jsonb not null default '{}',
      first_submitted_at timestamptz,
      submitted_at timestamptz,
      returned_comment text,
      accepted_at timestamptz,
      updated_by uuid references app_user(id),
      updated_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      unique (period_id, unit_id),
      check ((status = 'draft') or first_submitted_at is not null)
    )`.execute(db);
  await sql`create index report_submission_unit on report_submission (unit_id)`.execute(db);
  await sql`
    create table report_submission_version (
      submission_id uuid not null references report_submission(id),
      seq integer not null check (seq >= 1),
      event text not null check (event in ('submitted', 'resubmitted', 'returned', 'accepted')),
      "values" jsonb not null,
      narrative jsonb not null,
      comment text,
      actor_id uuid references app_user(id),
      actor_name text not null,
      at timestamptz not null default now(),
      primary key (submission_id, seq)
    )`.execute(db);
  await sql`
    create table report_attachment (
      id uuid primary key,
      submission_id uuid not null references report_submission(id),
      file_name text not null check (length(trim(file_name)) > 0),
      content_type text not null,
      size integer not null check (size > 0),
      content bytea not null,
      uploaded_by uuid references app_user(id),
      uploaded_at timestamptz not null default now(),
      deleted_at timestamptz
    )`.execute(db);
  await sql`create index report_attachment_submission on report_attachment (submission_id)`.execute(db);
  await sql`
    create table report_reminder (
      id uuid primary key,
      period_id uuid not null references report_period(id),
      unit_id uuid not null references org_unit(id),
      kind text not null check (kind in ('before_due', 'overdue', 'manual')),
      notified integer not null default 0,
      emailed integer not null default 0,
      sent_by uuid references app_user(id),
      sent_at timestamptz not null default now()
    )`.execute(db);
  // Automatic reminders go once per unit and kind; manual ones as often as the centre asks.
  await sql`create unique index report_reminder_once on report_reminder (period_id, unit_id, kind) where kind <> 'manual'`.execute(db);
  await sql`
    create table notification (
      id uuid primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      kind text not null,
      title text not null,
      body text not null,
      link text,
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
  await sql`create index notification_user on notification (user_id, created_at desc)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
