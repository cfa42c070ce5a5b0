import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { escapedQueryWords, wordStartsPattern } from '../../platform/search-text.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Up to this many rows a word's count is exact; above it the planner's statistics estimate it. */
const rareWordCap = 5_000;
/** A prefix covering more distinct words than this is read as one range and sorted. */
const mergeWordsMax = 64;

/** The name search's typed words; the one whose rows are walked, and the whole name condition each row must meet. */
export interface NameQuery {
  readonly words: readonly string[];
  readonly wordStarts: string;
}

export function nameQueryOf(text: string): NameQuery {
  return { words: escapedQueryWords(text), wordStarts: wordStartsPattern(text) };
}

/** How many name words start with a typed word, counted up to the cap. */
async function cappedCount(db: Db, prefix: string): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from (select 1 from member_search_word where word like ${`${prefix}%`} limit ${rareWordCap}) as w`.execute(db);
  return row.rows[0]?.n ?? 0;
}

/** The planner's statistics of the name words: the most common ones with their share of all rows (empty before any ANALYZE). */
async function commonWords(db: Db): Promise<{ words: string[]; shares: number[]; rows: number }> {
  const stats = await sql<{ words: string[] | null; shares: number[] | null; rows: number }>`
    select s.most_common_vals::text::text[] as words, s.most_common_freqs as shares, c.reltuples::float8 as rows
    from pg_stats s join pg_class c on c.relname = s.tablename
    where s.tablename = 'member_search_word' and s.attname = 'word'`.execute(db);
  const row = stats.rows[0];
  return { words: row?.words ?? [], shares: row?.shares ?? [], rows: Math.max(0, row?.rows ?? 0) };
}

/**
 * The rarest typed word: a word with fewer than the cap's rows by its count; the common ones
 * by the statistics' share of the words they start; among words the statistics cannot tell
 * apart, the last typed (in a Vietnamese name usually the given name).
 */
async function leadingWord(db: Db, words: readonly string[]): Promise<string> {
  const common = await commonWords(db);
  const estimate = async (word: string) => {
    const counted = await cappedCount(db, word);
    if (counted < rareWordCap) return counted;
    const share = common.words.reduce((sum, w, i) => (w.startsWith(word) ? sum + (common.shares[i] ?? 0) : sum), 0);
    return Math.max(rareWordCap, share * common.rows);
  };
  let best = words.at(-1) ?? '';
  let bestEstimate = Number.POSITIVE_INFINITY;
  for (const word of [...words].reverse()) {
    const n = await estimate(word);
    if (n < bestEstimate) [best, bestEstimate] = [word, n];
  }
  return best;
}

/** The distinct name words starting with a prefix, by a skip scan of the index (null when there are too many to merge). */
async function wordsStartingWith(db: Db, prefix: string): Promise<string[] | null> {
  const like = `${prefix}%`;
  const rows = await sql<{ word: string }>`
    with recursive found(word) as (
      (select word from member_search_word where word like ${like} order by word limit 1)
      union all
      select (select s.word from member_search_word s where s.word like ${like} and s.word > found.word order by s.word limit 1)
      from found where found.word is not null
    )
    select word from found where word is not null limit ${mergeWordsMax + 1}`.execute(db);
  return rows.rows.length > mergeWordsMax ? null : rows.rows.map((r) => r.word);
}

/** The rows of one word (or the whole prefix range) meeting the name and status conditions, in name order, up to a limit. */
function branch(word: string, range: boolean, q: NameQuery, statuses: readonly string[], limit: number): RawBuilder<unknown> {
  const which = range ? sql`word like ${`${word}%`}` : sql`word = ${word}`;
  // One word typed: its own rows are the matches (and the planner, knowing so, keeps the walk in name order).
  const name = q.words.length === 1 ? sql`` : sql`and (' ' || search_text) like ${q.wordStarts}`;
  return sql`(select sort_key, member_id from member_search_word
    where ${which} ${name} and status = any(${sql.val(statuses)}::text[])
    order by sort_key, member_id limit ${limit})`;
}

/**
 * Runs the page's query without parallel workers: the walk in name order stops after a page,
 * but the planner, unable to tell how many names match, may plan the whole word read by
 * workers and sorted (≈ 25 ms of start-up and reading at national scale, against < 1 ms).
 */
async function serially<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  const inside = async (trx: Transaction<DB>) => {
    await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
    return work(trx);
  };
  return db.isTransaction ? work(db) : db.transaction().execute(inside);
}

/**
 * A name search over the whole country: one page of member ids in Vietnamese name order and
 * the number of matches counted up to countLimit + 1. Walks, index only, the rows of the
 * rarest typed word (every name word it starts, merged in name order) and keeps the names
 * holding every typed word at a word start, in order. The page and the count come from one
 * walk: for a rare full name both would otherwise read every row of its word (≈ 50 ms each on
 * PGlite for a word of 190,000 rows).
 */
export async function nationalNameSearch(db: Db, q: NameQuery, statuses: readonly string[], page: { offset: number; size: number }, countLimit: number): Promise<{ ids: string[]; counted: number }> {
  const lead = await leadingWord(db, q.words);
  const words = await wordsStartingWith(db, lead);
  if (words !== null && words.length === 0) return { ids: [], counted: 0 };
  const branches = (limit: number) => (words === null ? [branch(lead, true, q, statuses, limit)] : words.map((w) => branch(w, false, q, statuses, limit)));
  // A member holds each name word once, so one word's rows need no de-duplication.
  const hits = (limit: number) => {
    const union = sql.join(branches(limit), sql` union all `);
    return words?.length === 1 ? sql`select sort_key, member_id from (${union}) as hits` : sql`select distinct sort_key, member_id from (${union}) as hits`;
  };
  const counted = countLimit + 1;
  const pageEnd = page.offset + page.size;
  if (pageEnd <= counted) {
    const rows = await serially(db, (inner) => sql<{ member_id: string; n: number }>`
      select member_id, count(*) over ()::int as n from (${hits(counted)}) as found
      order by sort_key, member_id limit ${page.size} offset ${page.offset}`.execute(inner));
    const first = rows.rows[0];
    if (first !== undefined || page.offset === 0) return { ids: rows.rows.map((r) => r.member_id), counted: first?.n ?? 0 };
  }
  // A page beyond the counted matches: walked to its end, and counted apart.
  const pageRows = await serially(db, (inner) => sql<{ member_id: string }>`
    select member_id from (${hits(pageEnd)}) as found order by sort_key, member_id limit ${page.size} offset ${page.offset}`.execute(inner));
  const count = await sql<{ n: number }>`select count(*)::int as n from (${hits(counted)}) as found`.execute(db);
  return { ids: pageRows.rows.map((r) => r.member_id), counted: count.rows[0]?.n ?? 0 };
}
