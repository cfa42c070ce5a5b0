import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope } from '../../platform/access.ts';

type Db = Kysely<DB> | Transaction<DB>;

const electionColumns = [
  'e.id', 'e.unit_id', 'e.kind', 'e.title', 'e.body', 'e.held_on', 'e.round', 'e.previous_id', 'e.seats', 'e.convened', 'e.voters_present',
  'e.tie_policy', 'e.head_user_id', 'e.rules_version', 'e.issued', 'e.returned', 'e.not_returned', 'e.status', 'e.final_tally', 'e.chain_head',
  'e.finalised_at', 'e.finalised_by',
] as const;

/** One election with its unit, if its unit lies in one of the scope paths. */
export async function electionInScope(db: Db, scope: readonly string[], id: string) {
  return db
    .selectFrom('election as e')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .select([...electionColumns, 'u.name as unit_name', 'u.path as unit_path'])
    .where('e.id', '=', id)
    .where((eb) => inScope(eb.ref('u.path'), scope))
    .executeTakeFirst();
}
export type ElectionRow = NonNullable<Awaited<ReturnType<typeof electionInScope>>>;

/** Elections whose unit lies in the scope (optionally of one unit), latest first. */
export async function electionsInScope(db: Db, scope: readonly string[], unitId: string | undefined) {
  let query = db
    .selectFrom('election as e')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .select(['e.id', 'e.unit_id', 'u.name as unit_name', 'e.title', 'e.body', 'e.held_on', 'e.round', 'e.seats', 'e.status'])
    .where((eb) => inScope(eb.ref('u.path'), scope));
  if (unitId !== undefined) query = query.where('e.unit_id', '=', unitId);
  return query.orderBy('e.held_on', 'desc').orderBy('e.round').orderBy('e.id').limit(500).execute();
}

/** The setup rows of an election: ballot list, floor nominations, exclusions, committee, operators. */
export async function setupOf(db: Db, id: string) {
  const [candidates, nominations, exclusions, committee, operators] = await Promise.all([
    db.selectFrom('election_candidate').select(['position', 'full_name', 'member_id', 'source']).where('election_id', '=', id).orderBy('position').execute(),
    db.selectFrom('election_nomination').select(['full_name', 'agreeing', 'present', 'admitted']).where('election_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('election_exclusion').select(['kind', 'person', 'reason']).where('election_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('election_committee_member').select(['full_name', 'member_id', 'role']).where('election_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('election_operator').select('user_id').where('election_id', '=', id).orderBy('user_id').execute(),
  ]);
  return { candidates, nominations, exclusions, committee, operators: operators.map((o) => o.user_id) };
}
export type SetupRows = Awaited<ReturnType<typeof setupOf>>;

/**
 * What keying one ballot needs, in one statement: the number of candidates, the operators,
 * the entries already keyed for that ballot number (seq, operator, marks) and the chain's last link.
 */
export async function entrySetupOf(db: Db, id: string, ballotNumber: number) {
  const result = await sql<{ candidates: number; operators: string[] | null; keyed: { seq: number; operator_id: string; marks: string }[] | null; last_seq: number | null; last_hash: string | null }>`
    select
      (select count(*)::int from election_candidate where election_id = ${id}) as candidates,
      (select array_agg(user_id::text) from election_operator where election_id = ${id}) as operators,
      (select json_agg(json_build_object('seq', seq, 'operator_id', operator_id, 'marks', marks) order by seq)
        from election_ballot_entry where election_id = ${id} and ballot_number = ${ballotNumber} and kind = 'entry') as keyed,
      (select seq from election_ballot_entry where election_id = ${id} order by seq desc limit 1) as last_seq,
      (select hash from election_ballot_entry where election_id = ${id} order by seq desc limit 1) as last_hash`.execute(db);
  const row = result.rows[0];
  const last = row && row.last_seq !== null && row.last_hash !== null ? { seq: row.last_seq, hash: row.last_hash } : undefined;
  return { candidates: row?.candidates ?? 0, operators: row?.operators ?? [], keyed: row?.keyed ?? [], last };
}

export interface NewElection {
  readonly id: string;
  readonly unitId: string;
  readonly title: string;
  readonly body: string;
  readonly heldOn: string;
  readonly round: number;
  readonly previousId: string | null;
  readonly seats: number;
  readonly convened: number;
  readonly votersPresent: number;
  readonly tiePolicy: string;
  readonly headUserId: string;
  readonly rulesVersion: string;
  readonly candidates: readonly { fullName: string; memberId: string | null; source: 'list' | 'floor' }[];
  readonly nominations: readonly { fullName: string; agreeing: number; present: number; admitted: boolean }[];
  readonly exclusions: readonly { kind: string; person: string; reason: string }[];
  readonly committee: readonly { fullName: string; memberId: string | null; role: string }[];
  readonly operatorIds: readonly string[];
}

/** Inserts an election with its whole setup. */
export async function insertElection(trx: Transaction<DB>, e: NewElection): Promise<void> {
  await trx
    .insertInto('election')
    .values({
      id: e.id, unit_id: e.unitId, title: e.title, body: e.body, held_on: e.heldOn, round: e.round, previous_id: e.previousId, seats: e.seats,
      convened: e.convened, voters_present: e.votersPresent, tie_policy: e.tiePolicy, head_user_id: e.headUserId, rules_version: e.rulesVersion,
      issued: null, returned: null, not_returned: null, final_tally: null, chain_head: null, finalised_at: null, finalised_by: null,
    })
    .execute();
  await insertSetupRows(trx, e);
}

/** The candidate list, nominations, exclusions, committee and operators of an election. */
async function insertSetupRows(trx: Transaction<DB>, e: Pick<NewElection, 'id' | 'candidates' | 'nominations' | 'exclusions' | 'committee' | 'operatorIds'>): Promise<void> {
  await trx.insertInto('election_candidate').values(e.candidates.map((c, position) => ({ election_id: e.id, position, full_name: c.fullName, member_id: c.memberId, source: c.source }))).execute();
  if (e.nominations.length > 0) {
    await trx.insertInto('election_nomination').values(e.nominations.map((n, seq) => ({ election_id: e.id, seq, full_name: n.fullName, agreeing: n.agreeing, present: n.present, admitted: n.admitted }))).execute();
  }
  if (e.exclusions.length > 0) {
    await trx.insertInto('election_exclusion').values(e.exclusions.map((x, seq) => ({ election_id: e.id, seq, kind: x.kind, person: x.person, reason: x.reason }))).execute();
  }
  await trx.insertInto('election_committee_member').values(e.committee.map((c, seq) => ({ election_id: e.id, seq, full_name: c.fullName, member_id: c.memberId, role: c.role }))).execute();
  await trx.insertInto('election_operator').values(e.operatorIds.map((userId) => ({ election_id: e.id, user_id: userId }))).execute();
}

/**
 * Replaces the setup of an election (before any ballot is keyed): its row's fields and
 * every list, deleted and inserted again in the caller's transaction.
 */
export async function replaceSetup(trx: Transaction<DB>, e: Omit<NewElection, 'unitId' | 'round' | 'previousId'>): Promise<void> {
  await trx
    .updateTable('election')
    .set({ title: e.title, body: e.body, held_on: e.heldOn, seats: e.seats, convened: e.convened, voters_present: e.votersPresent, tie_policy: e.tiePolicy, head_user_id: e.headUserId, rules_version: e.rulesVersion })
    .where('id', '=', e.id)
    .execute();
  for (const table of ['election_candidate', 'election_nomination', 'election_exclusion', 'election_committee_member', 'election_operator'] as const) {
    await trx.deleteFrom(table).where('election_id', '=', e.id).execute();
  }
  await insertSetupRows(trx, e);
}

/** Accounts (active) with the paths of the units they hold a grant on, for the given roles. */
export async function usersWithGrantPaths(db: Db, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('app_user as a')
    .leftJoin('user_grant as g', 'g.user_id', 'a.id')
    .leftJoin('org_unit as u', 'u.id', 'g.unit_id')
    .select(['a.id', 'a.full_name', 'g.role', 'u.path'])
    .where('a.id', 'in', userIds)
    .where('a.disabled_at', 'is', null)
    .execute();
}

/** Active accounts holding any grant on the path or one of its ancestors (ancestors first filtered by the caller's role check). */
export async function accountsGrantedOver(db: Db, unitPath: string) {
  return db
    .selectFrom('app_user as a')
    .innerJoin('user_grant as g', 'g.user_id', 'a.id')
    .innerJoin('org_unit as u', 'u.id', 'g.unit_id')
    .select(['a.id', 'a.username', 'a.full_name', 'g.role'])
    .where('a.disabled_at', 'is', null)
    .where(sql<boolean>`u.path @> ${unitPath}::ltree`)
    .orderBy('a.full_name')
    .orderBy('a.id')
    .limit(2000)
    .execute();
}

/** Locks the election row: entries of one election are appended one at a time, so each links to the last. */
export async function lockElection(trx: Transaction<DB>, id: string): Promise<void> {
  await sql`select id from election where id = ${id} for update`.execute(trx);
}

/** The last entry of an election's chain. */
export async function lastEntry(db: Db, electionId: string) {
  return db.selectFrom('election_ballot_entry').select(['seq', 'hash']).where('election_id', '=', electionId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** The entries of one ballot number. */
export async function entriesOfBallot(db: Db, electionId: string, ballotNumber: number) {
  return db.selectFrom('election_ballot_entry').select(entryColumns).where('election_id', '=', electionId).where('ballot_number', '=', ballotNumber).orderBy('seq').execute();
}

const entryColumns = ['election_id', 'seq', 'id', 'ballot_number', 'kind', 'operator_id', 'ballot', 'marks', 'note', 'at', 'prev_hash', 'hash'] as const;

/** Every entry of an election in chain order. */
export async function entriesOf(db: Db, electionId: string) {
  return db.selectFrom('election_ballot_entry').select(entryColumns).where('election_id', '=', electionId).orderBy('seq').execute();
}
export type EntryRow = Awaited<ReturnType<typeof entriesOf>>[number];

/**
 * What the count needs, read in one statement (one snapshot): every entry's ballot number,
 * kind and marks in chain order as one text ("number kind marks", comma-separated), the
 * chain head, the number of exclusions from the base and the candidate names in ballot
 * order. One aggregated row instead of thousands: decoding rows dominates the read on PGlite.
 */
export async function countingInputOf(db: Db, electionId: string) {
  const result = await sql<{ entries: string | null; head: string | null; excluded: number; names: string[] | null }>`
    select
      (select string_agg(ballot_number::text || ' ' || kind || ' ' || marks, ',' order by seq) from election_ballot_entry where election_id = ${electionId}) as entries,
      (select hash from election_ballot_entry where election_id = ${electionId} order by seq desc limit 1) as head,
      (select count(*)::int from election_exclusion where election_id = ${electionId}) as excluded,
      (select json_agg(full_name order by position) from election_candidate where election_id = ${electionId}) as names`.execute(db);
  const row = result.rows[0];
  return { entries: row?.entries ?? '', head: row?.head ?? null, excluded: row?.excluded ?? 0, names: row?.names ?? [] };
}

/** Appends one chained entry. */
export async function insertEntry(trx: Transaction<DB>, row: Omit<EntryRow, 'ballot'> & { ballot: string }): Promise<void> {
  await trx.insertInto('election_ballot_entry').values(row).execute();
}

/** Records the counting committee's ballot figures. */
export async function saveFigures(trx: Transaction<DB>, id: string, f: { issued: number; returned: number; notReturned: number }): Promise<void> {
  await trx.updateTable('election').set({ issued: f.issued, returned: f.returned, not_returned: f.notReturned }).where('id', '=', id).execute();
}

/** Locks the results: the final tally and the chain head it was computed from. */
export async function saveFinal(trx: Transaction<DB>, id: string, tally: string, chainHead: string, by: string | null): Promise<void> {
  await trx.updateTable('election').set({ status: 'finalised', final_tally: tally, chain_head: chainHead, finalised_at: new Date(), finalised_by: by }).where('id', '=', id).execute();
}

/** An election by id regardless of scope (the CLI acts as the system). */
export async function electionById(db: Db, id: string) {
  return electionInScope(db, [''], id);
}
