import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';

type Db = Kysely<DB> | Transaction<DB>;

const voteColumns = [
  'v.id', 'v.unit_id', 'v.title', 'v.held_on', 'v.convened', 'v.present', 'v.head_user_id', 'v.rules_version', 'v.issued', 'v.returned', 'v.not_returned',
  'v.status', 'v.final_tally', 'v.chain_head', 'v.finalised_at', 'v.finalised_by',
] as const;

/** One confidence vote with its unit, if its unit lies in one of the scope paths. */
export async function voteInScope(db: Db, scope: readonly string[], id: string) {
  return db
    .selectFrom('confidence_vote as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select([...voteColumns, 'u.name as unit_name', 'u.path as unit_path'])
    .where('v.id', '=', id)
    .where((eb) => inScope(eb.ref('u.path'), scope))
    .executeTakeFirst();
}
export type VoteRow = NonNullable<Awaited<ReturnType<typeof voteInScope>>>;

/** A vote by id regardless of scope (the CLI acts as the system). */
export async function voteById(db: Db, id: string) {
  return voteInScope(db, [''], id);
}

/** Votes whose unit lies in the scope (optionally of one unit), latest first. */
export async function votesInScope(db: Db, scope: readonly string[], unitId: string | undefined) {
  let query = db
    .selectFrom('confidence_vote as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select(['v.id', 'v.unit_id', 'u.name as unit_name', 'v.title', 'v.held_on', 'v.convened', 'v.status'])
    .where((eb) => inScope(eb.ref('u.path'), scope));
  if (unitId !== undefined) query = query.where('v.unit_id', '=', unitId);
  return query.orderBy('v.held_on', 'desc').orderBy('v.id').limit(500).execute();
}

/** The setup rows of a vote: persons in ballot order, committee, operators. */
export async function setupOf(db: Db, id: string) {
  const [persons, committee, operators] = await Promise.all([
    db.selectFrom('confidence_person').select(['position', 'full_name', 'post']).where('vote_id', '=', id).orderBy('position').execute(),
    db.selectFrom('confidence_committee_member').select(['full_name', 'role']).where('vote_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('confidence_operator').select('user_id').where('vote_id', '=', id).orderBy('user_id').execute(),
  ]);
  return { persons, committee, operators: operators.map((o) => o.user_id) };
}
export type SetupRows = Awaited<ReturnType<typeof setupOf>>;

export interface NewVote {
  readonly id: string;
  readonly unitId: string;
  readonly title: string;
  readonly heldOn: string;
  readonly convened: number;
  readonly present: number;
  readonly headUserId: string;
  readonly rulesVersion: string;
  readonly persons: readonly { fullName: string; post: string }[];
  readonly committee: readonly { fullName: string; role: string }[];
  readonly operatorIds: readonly string[];
}

/** Inserts a vote with its whole setup. */
export async function insertVote(trx: Transaction<DB>, v: NewVote): Promise<void> {
  await trx
    .insertInto('confidence_vote')
    .values({
      id: v.id, unit_id: v.unitId, title: v.title, held_on: v.heldOn, convened: v.convened, present: v.present, head_user_id: v.headUserId, rules_version: v.rulesVersion,
      issued: null, returned: null, not_returned: null, final_tally: null, chain_head: null, finalised_at: null, finalised_by: null,
    })
    .execute();
  await trx.insertInto('confidence_person').values(v.persons.map((p, position) => ({ vote_id: v.id, position, full_name: p.fullName, post: p.post }))).execute();
  await trx.insertInto('confidence_committee_member').values(v.committee.map((c, seq) => ({ vote_id: v.id, seq, full_name: c.fullName, role: c.role }))).execute();
  await trx.insertInto('confidence_operator').values(v.operatorIds.map((userId) => ({ vote_id: v.id, user_id: userId }))).execute();
}

/** Locks the vote row: entries of one vote are appended one at a time, so each links to the last. */
export async function lockVote(trx: Transaction<DB>, id: string): Promise<void> {
  await sql`select id from confidence_vote where id = ${id} for update`.execute(trx);
}

const entryColumns = ['vote_id', 'seq', 'id', 'ballot_number', 'kind', 'operator_id', 'ballot', 'note', 'at', 'prev_hash', 'hash'] as const;

/** The last entry of a vote's chain. */
export async function lastEntry(db: Db, voteId: string) {
  return db.selectFrom('confidence_ballot_entry').select(['seq', 'hash']).where('vote_id', '=', voteId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** The entries of one ballot number. */
export async function entriesOfBallot(db: Db, voteId: string, ballotNumber: number) {
  return db.selectFrom('confidence_ballot_entry').select(entryColumns).where('vote_id', '=', voteId).where('ballot_number', '=', ballotNumber).orderBy('seq').execute();
}

/** Every entry of a vote in chain order. */
export async function entriesOf(db: Db, voteId: string) {
  return db.selectFrom('confidence_ballot_entry').select(entryColumns).where('vote_id', '=', voteId).orderBy('seq').execute();
}
export type EntryRow = Awaited<ReturnType<typeof entriesOf>>[number];

/** Appends one chained entry. */
export async function insertEntry(trx: Transaction<DB>, row: Omit<EntryRow, 'ballot'> & { ballot: string }): Promise<void> {
  await trx.insertInto('confidence_ballot_entry').values(row).execute();
}

/** Records the counting committee's ballot figures. */
export async function saveFigures(trx: Transaction<DB>, id: string, f: { issued: number; returned: number; notReturned: number }): Promise<void> {
  await trx.updateTable('confidence_vote').set({ issued: f.issued, returned: f.returned, not_returned: f.notReturned }).where('id', '=', id).execute();
}

/** Locks the results: the final tally and the chain head it was computed from. */
export async function saveFinal(trx: Transaction<DB>, id: string, tally: string, chainHead: string, by: string | null): Promise<void> {
  await trx.updateTable('confidence_vote').set({ status: 'finalised', final_tally: tally, chain_head: chainHead, finalised_at: new Date(), finalised_by: by }).where('id', '=', id).execute();
}
