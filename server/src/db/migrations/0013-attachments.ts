import { type Kysely, sql } from 'kysely';

/**
 * Files attached to work-programme records: a registered Party document, or one update of a
 * task. Each row carries the unit whose scope guards it, so a download checks scope without
 * walking back to the owner. Also the indexes the task list and rollout views need at scale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table work_attachment (
      id uuid primary key,
      document_id uuid references party_document(id),
      task_update_id uuid references work_task_update(id),
      unit_id uuid not null references org_unit(id),
      file_name text not null check (length(trim(file_name)) > 0),
      content_type text not null,
      size integer not null check (size > 0),
      content bytea not null,
      uploaded_by uuid references app_user(id),
      uploaded_at timestamptz not null default now(),
      check ((document_id is null) <> (task_update_id is null))
    )`.execute(db);
  await sql`create index work_attachment_document on work_attachment (document_id) where document_id is not null`.execute(db);
  await sql`create index work_attachment_task_update on work_attachment (task_update_id) where task_update_id is not null`.execute(db);
  // "Mine" looks tasks up by a coordinating unit; the rollout view counts a task's units by status.
  await sql`create index work_task_coordinator_unit on work_task_coordinator (unit_id)`.execute(db);
  // The list is read in due-date order and stops at its limit: walking this index finds the
  // first hundred visible tasks of a province without sorting the ten thousand.
  await sql`create index work_task_due on work_task (due_on, id)`.execute(db);
  await sql`create index work_task_assignment_task_status on work_task_assignment (task_id, status, progress)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
