import { type Kysely, sql } from 'kysely';

/**
 * Lifecycle events counted per kind and effective date, for the whole country's figures of a
 * period (admissions, recognitions, transfers, removals, expulsions, deaths) without reading
 * every event of the period: at national scale a year holds some 300,000 of them. Events are
 * append-only, so an insert trigger keeps the counts; the structure does not enter into it
 * (every cell lies under the Centre, whatever reorganisation moved it).
 * An event is counted when it has the cell the period figures count it by: its own cell for
 * admissions and arrivals, the cell it left for the others (as periodCounts joins them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table member_event_tally (
      kind text not null,
      effective_date date not null,
      n integer not null,
      primary key (effective_date, kind)
    )`.execute(db);
  const counted = (rows: string) =>
    sql.raw(`
      select kind, effective_date, count(*)::int from ${rows}
      where case when kind in ('admitted', 'transfer_in') then cell_id else from_cell_id end is not null
      group by 1, 2`);
  await sql`
    create function member_event_tally_apply() returns trigger language plpgsql as $$
    begin
      insert into member_event_tally (kind, effective_date, n) ${counted('new_rows')}
      on conflict (effective_date, kind) do update set n = member_event_tally.n + excluded.n;
      return null;
    end $$`.execute(db);
  await sql`create trigger member_event_tally_insert after insert on party_member_event referencing new table as new_rows for each statement execute function member_event_tally_apply()`.execute(db);
  await sql`insert into member_event_tally (kind, effective_date, n) ${counted('party_member_event')}`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
