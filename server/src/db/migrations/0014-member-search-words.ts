import { type Kysely, sql } from 'kysely';

/**
 * The words of each member's accent-free name (full name and other names), one row a
 * distinct word, in Vietnamese name order within a word, carrying what a search filters on
 * (the whole name text and the status). A national name search walks the rows of its rarest
 * word in name order, index only, and keeps those whose name holds every word typed; the
 * trigram index cannot do that at 5.6 million members (it reads and sorts every match).
 * Triggers keep the rows: inserts by statement (imports insert thousands at once), changes
 * of name, sort key or status by row, deletes by statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table member_search_word (
      word text collate "C" not null,
      sort_key text collate "C" not null,
      member_id uuid not null,
      search_text text not null,
      status text not null,
      primary key (word, sort_key, member_id) include (search_text, status)
    )`.execute(db);
  const wordsOf = (rows: string) =>
    sql.raw(`
      select distinct w, m.sort_key, m.id, m.search_text, m.status
      from ${rows} m cross join lateral unnest(string_to_array(m.search_text, ' ')) as w
      where w <> ''`);
  await sql`
    create function member_search_words_insert() returns trigger language plpgsql as $$
    begin
      insert into member_search_word (word, sort_key, member_id, search_text, status) ${wordsOf('new_rows')};
      return null;
    end $$`.execute(db);
  await sql`
    create function member_search_words_delete() returns trigger language plpgsql as $$
    begin
      delete from member_search_word s
      using (select distinct w, o.sort_key, o.id from old_rows o cross join lateral unnest(string_to_array(o.search_text, ' ')) as w) d
      where s.word = d.w and s.sort_key = d.sort_key and s.member_id = d.id;
      return null;
    end $$`.execute(db);
  await sql`
    create function member_search_words_update() returns trigger language plpgsql as $$
    begin
      delete from member_search_word s
      where s.word = any(string_to_array(old.search_text, ' ')) and s.sort_key = old.sort_key and s.member_id = old.id;
      insert into member_search_word (word, sort_key, member_id, search_text, status)
      select distinct w, new.sort_key, new.id, new.search_text, new.status
      from unnest(string_to_array(new.search_text, ' ')) as w
      where w <> '';
      return null;
    end $$`.execute(db);
  await sql`create trigger party_member_search_words_insert after insert on party_member referencing new table as new_rows for each statement execute function member_search_words_insert()`.execute(db);
  await sql`create trigger party_member_search_words_delete after delete on party_member referencing old table as old_rows for each statement execute function member_search_words_delete()`.execute(db);
  await sql`
    create trigger party_member_search_words_update after update of search_text, sort_key, status on party_member
    for each row when ((old.search_text, old.sort_key, old.status) is distinct from (new.search_text, new.sort_key, new.status))
    execute function member_search_words_update()`.execute(db);
  await sql`insert into member_search_word (word, sort_key, member_id, search_text, status) ${wordsOf('party_member')}`.execute(db);
  await sql`analyze member_search_word`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
