import type { BallotContent, ElectionResultsView, Locale, RuleMessageView } from '@tcxd/contract';
import type { BallotEntry } from '../../rules/elections/qd-190-2024.ts';
import type { ElectionRules } from '../../rules/elections/index.ts';
import type { RuleMessage } from '../../rules/rule-outcome.ts';
import { groupBallots, type KeyedEntry } from './elections.count.ts';

/** What the tally needs of an election. */
export interface TallySetup {
  readonly id: string;
  /** The rules in force on the day of the congress. */
  readonly rules: ElectionRules;
  readonly status: 'open' | 'finalised';
  readonly seats: number;
  readonly base: number;
  readonly tiePolicy: 'further_round' | 'congress_decides';
  readonly candidateNames: readonly string[];
  readonly figures: { readonly issued: number; readonly returned: number; readonly notReturned: number } | null;
}

/** A rule message in the reader's language. */
export function messageView(message: RuleMessage, locale: Locale): RuleMessageView {
  return { code: message.code, severity: message.severity, message: locale === 'en' ? message.en : message.vi };
}

function toRuleBallot(ballot: BallotContent): BallotEntry {
  return ballot.kind === 'marked' ? { kind: 'marked', struck: ballot.struck } : { kind: 'invalid', reason: ballot.reason };
}

const pendingMessage = (single: number, discrepancies: number, locale: Locale): RuleMessageView => ({
  code: 'ballots_pending',
  severity: 'error',
  message:
    locale === 'en'
      ? `${single} ballot(s) keyed only once and ${discrepancies} unresolved discrepancy(ies): every ballot must be keyed twice and agree, or be resolved`
      : `Còn ${single} phiếu mới nhập một lần và ${discrepancies} phiếu chênh lệch chưa xử lý: mỗi phiếu phải được nhập hai lần khớp nhau hoặc được Trưởng ban kiểm phiếu quyết định`,
});

const noFiguresMessage = (locale: Locale): RuleMessageView => ({
  code: 'figures_missing',
  severity: 'error',
  message: locale === 'en' ? 'The ballots issued, returned and not returned have not been entered' : 'Chưa nhập số phiếu phát ra, thu vào và không thu về',
});

/**
 * The count and the result from the keyed entries, by the election rules: double-entry
 * groups, reconciliation of the figures, votes per candidate with % of the base and of
 * the valid ballots, elected, ties and the next round. Pure.
 */
export function computeResults(setup: TallySetup, entries: readonly KeyedEntry[], chainHead: string, locale: Locale): ElectionResultsView {
  const groups = groupBallots(entries);
  const counted: BallotEntry[] = [];
  let single = 0;
  let discrepancies = 0;
  for (const group of groups) {
    if (group.counted) counted.push(toRuleBallot(group.counted));
    else if (group.state === 'single') single += 1;
    else discrepancies += 1;
  }
  const { rules } = setup;
  const tally = rules.tallyElection({ seats: setup.seats, base: setup.base, candidates: setup.candidateNames.length, ballots: counted, tiePolicy: setup.tiePolicy });
  const problems: RuleMessageView[] = [];
  if (single + discrepancies > 0) problems.push(pendingMessage(single, discrepancies, locale));
  if (!tally.ok) problems.push(...tally.errors.map((m) => messageView(m, locale)));

  const count = tally.ok ? tally.value.count : null;
  const valid = count?.validCount ?? 0;
  const invalid = count?.invalidCount ?? 0;
  const reconciliationMessages: RuleMessageView[] = [];
  let finalisable = false;
  if (setup.figures) {
    const check = rules.reconcileBallots({ ...setup.figures, valid, invalid, counted: counted.length });
    reconciliationMessages.push(...check.discrepancies.map((m) => messageView(m, locale)));
    finalisable = check.finalisable;
  } else {
    reconciliationMessages.push(noFiguresMessage(locale));
  }

  const result = tally.ok ? tally.value.result : null;
  const outcome = result?.outcome;
  return {
    electionId: setup.id,
    status: setup.status,
    figures: setup.figures,
    ballots: { keyed: groups.length, counted: counted.length, single, discrepancies, valid, invalid, invalidByReason: { ...(count?.invalidByReason ?? {}) } },
    reconciliation: { finalisable, discrepancies: reconciliationMessages },
    base: setup.base,
    votesNeeded: Math.floor(setup.base / 2) + 1,
    candidates: (result?.candidates ?? []).map((c) => ({
      position: c.index,
      fullName: setup.candidateNames[c.index] ?? '',
      votes: c.votes,
      ofBase: c.ofBase,
      ofValid: c.ofValid,
      overHalf: c.overHalf,
      standing: c.standing,
      rank: c.rank,
    })),
    elected: result ? [...result.elected] : [],
    outcome: outcome
      ? {
          status: outcome.status,
          tied: outcome.status === 'tie' ? [...outcome.tied] : [],
          nextRound: outcome.status === 'complete' || outcome.nextRound === null ? null : { ...outcome.nextRound, candidates: [...outcome.nextRound.candidates] },
        }
      : null,
    message: result ? messageView(result.message, locale).message : null,
    problems,
    chainHead,
    entries: entries.length,
  };
}
