import type { ConfidenceBallot, ConfidencePersonResult, ConfidenceResultsView, Locale, RuleMessageView } from '@tcxd/contract';
import { ratioOf } from '../../rules/rule-outcome.ts';
import type { ConfidenceRules } from '../../rules/confidence/index.ts';
import { groupDoubleEntries, type DoubleKeyed } from '../elections/ballot-double-entry.ts';
import { messageView } from '../elections/elections.results.ts';

/** The same ballot read the same way: the same level for every person, or the same invalid ruling (notes aside). */
export function sameConfidenceBallot(a: ConfidenceBallot, b: ConfidenceBallot): boolean {
  if (a.kind === 'invalid' || b.kind === 'invalid') return a.kind === 'invalid' && b.kind === 'invalid' && a.reason === b.reason;
  return a.levels.length === b.levels.length && a.levels.every((level, i) => level === b.levels[i]);
}

/** Positions read differently by two entries (every position when one rules the ballot invalid). */
export function differingLevels(a: ConfidenceBallot, b: ConfidenceBallot, persons: number): number[] {
  if (a.kind === 'invalid' || b.kind === 'invalid') return sameConfidenceBallot(a, b) ? [] : Array.from({ length: persons }, (_, i) => i);
  return Array.from({ length: persons }, (_, i) => i).filter((i) => (a.levels[i] ?? null) !== (b.levels[i] ?? null));
}

/** Groups a vote's entries by ballot number (double entry as for elections). */
export function groupConfidenceEntries<E extends DoubleKeyed<ConfidenceBallot>>(entries: readonly E[]) {
  return groupDoubleEntries(entries, sameConfidenceBallot);
}

export interface ConfidenceTallySetup {
  readonly voteId: string;
  readonly rules: ConfidenceRules;
  readonly status: 'open' | 'finalised';
  readonly convened: number;
  readonly present: number;
  readonly persons: readonly { readonly fullName: string; readonly post: string }[];
  readonly figures: { readonly issued: number; readonly returned: number; readonly notReturned: number } | null;
}

const problem = (code: string, vi: string, en: string, locale: Locale): RuleMessageView => ({ code, severity: 'error', message: locale === 'en' ? en : vi });

/** Why the figures do not reconcile with the ballots counted (empty when they do). */
function reconciliation(setup: ConfidenceTallySetup, counted: number, single: number, discrepancies: number, locale: Locale): RuleMessageView[] {
  const out: RuleMessageView[] = [];
  if (single > 0 || discrepancies > 0) {
    out.push(problem('ballots_pending', `Còn ${single} phiếu mới nhập một lần và ${discrepancies} phiếu chênh lệch chưa xử lý: mỗi phiếu phải được nhập hai lần khớp nhau hoặc được Trưởng ban kiểm phiếu quyết định`, `${single} ballot(s) keyed only once and ${discrepancies} unresolved discrepancy(ies): every ballot must be keyed twice and agree, or be resolved`, locale));
  }
  const f = setup.figures;
  if (f === null) {
    out.push(problem('figures_missing', 'Chưa nhập số phiếu phát ra, thu vào và không thu về', 'The ballots issued, returned and not returned have not been entered', locale));
    return out;
  }
  if (f.issued !== f.returned + f.notReturned) out.push(problem('issued_mismatch', `Số phiếu phát ra (${f.issued}) khác số thu vào (${f.returned}) cộng số không thu về (${f.notReturned})`, `Ballots issued (${f.issued}) differ from returned (${f.returned}) plus not returned (${f.notReturned})`, locale));
  if (f.returned > setup.present) out.push(problem('returned_exceeds_present', `Số phiếu thu vào (${f.returned}) lớn hơn số có mặt (${setup.present})`, `Ballots returned (${f.returned}) exceed those present (${setup.present})`, locale));
  if (counted !== f.returned) out.push(problem('counted_mismatch', `Số phiếu đã kiểm (${counted}: hợp lệ cộng không hợp lệ) khác số phiếu thu vào (${f.returned})`, `Ballots counted (${counted}: valid plus invalid) differ from those returned (${f.returned})`, locale));
  return out;
}

/**
 * The count and the result of a confidence vote from its keyed entries, by QĐ 96-QĐ/TW:
 * double-entry groups, reconciliation of the figures, the 2/3 quorum, and per person the
 * three levels (a blank or an invalid ballot counts as not rated) with the thresholds of
 * the low votes. Pure.
 */
export function computeConfidenceResults(setup: ConfidenceTallySetup, entries: readonly DoubleKeyed<ConfidenceBallot>[], chainHead: string, locale: Locale): ConfidenceResultsView {
  const n = setup.persons.length;
  const high = new Array<number>(n).fill(0);
  const normal = new Array<number>(n).fill(0);
  const low = new Array<number>(n).fill(0);
  const notRated = new Array<number>(n).fill(0);
  let single = 0;
  let discrepancies = 0;
  let valid = 0;
  let invalid = 0;
  for (const group of groupConfidenceEntries(entries)) {
    const ballot = group.counted;
    if (ballot === null) {
      if (group.state === 'single') single += 1;
      else discrepancies += 1;
      continue;
    }
    if (ballot.kind === 'invalid') {
      invalid += 1;
      for (let i = 0; i < n; i += 1) notRated[i] = (notRated[i] ?? 0) + 1;
      continue;
    }
    valid += 1;
    for (let i = 0; i < n; i += 1) {
      const level = ballot.levels[i] ?? null;
      const tally = level === 'high' ? high : level === 'normal' ? normal : level === 'low' ? low : notRated;
      tally[i] = (tally[i] ?? 0) + 1;
    }
  }
  const participants = valid + invalid;
  const problems = reconciliation(setup, participants, single, discrepancies, locale);
  const quorumMet = setup.rules.quorumMet(setup.convened, participants);
  const persons: ConfidencePersonResult[] = setup.persons.map((person, position) => {
    const counts = { high: high[position] ?? 0, normal: normal[position] ?? 0, low: low[position] ?? 0, notRated: notRated[position] ?? 0 };
    const judged = setup.rules.judgeConfidenceVote({ convened: setup.convened, participants, high: counts.high, normal: counts.normal, low: counts.low, invalid: counts.notRated });
    const shares = { high: ratioOf(counts.high, participants), normal: ratioOf(counts.normal, participants), low: ratioOf(counts.low, participants), notRated: ratioOf(counts.notRated, participants) };
    if (!judged.ok) {
      for (const m of judged.errors) problems.push(messageView(m, locale));
      return { position, fullName: person.fullName, post: person.post, ...counts, shares, consequence: 'none', message: judged.errors.map((m) => messageView(m, locale).message).join('; ') };
    }
    const outcome = judged.value;
    const consequence = outcome.status === 'valid' ? outcome.consequence : 'none';
    return { position, fullName: person.fullName, post: person.post, ...counts, shares, consequence, message: messageView(outcome.message, locale).message };
  });
  if (!quorumMet) {
    const percent = ratioOf(participants, setup.convened).percent ?? 0;
    problems.push(problem('quorum_not_met', `Chỉ có ${participants}/${setup.convened} người tham gia (${percent}%), chưa đủ 2/3 số được triệu tập (Quy định 96-QĐ/TW): kết quả không có giá trị`, `Only ${participants} of ${setup.convened} took part (${percent}%), less than 2/3 of those convened (Regulation 96-QĐ/TW): the vote is void`, locale));
  }
  // One rule refusal per person would repeat the same text n times.
  const unique = problems.filter((p, i) => problems.findIndex((q) => q.message === p.message) === i);
  return {
    voteId: setup.voteId,
    status: setup.status,
    figures: setup.figures,
    ballots: { keyed: entries.filter((e) => e.kind === 'entry').length, counted: participants, single, discrepancies, valid, invalid },
    convened: setup.convened,
    participants,
    participation: ratioOf(participants, setup.convened),
    quorumMet,
    persons,
    problems: unique,
    finalisable: unique.length === 0,
    chainHead,
    entries: entries.length,
  };
}
