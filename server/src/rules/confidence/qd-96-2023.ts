/**
 * Confidence-vote rules of Quy định 96-QĐ/TW (2 Feb 2023) on taking confidence votes
 * for leadership and management posts in the political system, as pure functions.
 * Thresholds are compared in integers (3·low ≥ 2·total), never in floating point.
 */
import { isCount, ratioOf, refuse, renderMessage, succeed } from '../rule-outcome.ts';
import type { MessageCatalog, MessageParams, Ratio, RuleMessage, RuleResult, RulesVersion, Terms } from '../rule-outcome.ts';

export const rulesVersion: RulesVersion = {
  id: 'qd-96-2023',
  title:
    'Quy định 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị về lấy phiếu tín nhiệm đối với chức danh, chức vụ lãnh đạo, quản lý trong hệ thống chính trị',
  titleEn:
    'Regulation 96-QĐ/TW of 2 February 2023 of the Politburo on confidence votes for leadership and management posts in the political system',
  effectiveFrom: '2023-02-02',
};

/** A person takes a confidence vote in at most this many places. */
export const MAX_RATING_PLACES = 2;

export type ConfidenceLevel = 'high' | 'normal' | 'low';

export type ConfidenceConsequence = 'none' | 'remove_from_planning_consider_reassignment' | 'consider_dismissal';

/**
 * What the low-confidence thresholds are measured against. 'participants' (default) is
 * every ballot returned, invalid ones included, so an invalid ballot never counts as
 * low confidence; 'convened' measures against everyone summoned.
 */
export type ThresholdBase = 'participants' | 'convened';

export type ConfidenceMessageCode =
  | 'not_a_count'
  | 'must_be_positive'
  | 'participants_exceed_convened'
  | 'ratings_do_not_add_up'
  | 'quorum_not_met'
  | 'consequence_none'
  | 'low_over_half'
  | 'low_two_thirds_or_more';

const CATALOG: MessageCatalog<ConfidenceMessageCode> = {
  not_a_count: {
    severity: 'error',
    vi: '{field} phải là số nguyên không âm (nhận được {value})',
    en: '{field} must be a whole number, zero or more (got {value})',
  },
  must_be_positive: { severity: 'error', vi: '{field} phải lớn hơn 0', en: '{field} must be greater than zero' },
  participants_exceed_convened: {
    severity: 'error',
    vi: 'Số người tham gia ({participants}) lớn hơn số được triệu tập ({convened})',
    en: 'Participants ({participants}) exceed those convened ({convened})',
  },
  ratings_do_not_add_up: {
    severity: 'error',
    vi: 'Tín nhiệm cao + tín nhiệm + tín nhiệm thấp + không hợp lệ ({sum}) khác số người tham gia ({participants})',
    en: 'High + normal + low + invalid ({sum}) differ from the participants ({participants})',
  },
  quorum_not_met: {
    severity: 'error',
    vi: 'Chỉ có {participants}/{convened} người tham gia ({percent}%), chưa đủ 2/3 số được triệu tập: kết quả không có giá trị',
    en: 'Only {participants} of {convened} took part ({percent}%), less than 2/3 of those convened: the vote is void',
  },
  consequence_none: {
    severity: 'info',
    vi: 'Tín nhiệm thấp {low}/{total} ({percent}%): không quá 1/2',
    en: 'Low confidence {low} of {total} ({percent}%): not more than 1/2',
  },
  low_over_half: {
    severity: 'warning',
    vi: 'Tín nhiệm thấp {low}/{total} ({percent}%), trên 1/2 đến dưới 2/3: đưa ra khỏi quy hoạch chức vụ cao hơn; xem xét cho thôi giữ chức vụ, bố trí công tác khác hoặc cho từ chức',
    en: 'Low confidence {low} of {total} ({percent}%), more than 1/2 but under 2/3: removed from planning for higher posts; consider reassignment or resignation',
  },
  low_two_thirds_or_more: {
    severity: 'warning',
    vi: 'Tín nhiệm thấp {low}/{total} ({percent}%), từ 2/3 trở lên: xem xét miễn nhiệm',
    en: 'Low confidence {low} of {total} ({percent}%), 2/3 or more: consider dismissal',
  },
};

const TERMS: Terms = {
  vi: {
    convened: 'Số được triệu tập',
    participants: 'Số người tham gia',
    high: 'Số phiếu tín nhiệm cao',
    normal: 'Số phiếu tín nhiệm',
    low: 'Số phiếu tín nhiệm thấp',
    invalid: 'Số phiếu không hợp lệ',
  },
  en: {
    convened: 'Convened',
    participants: 'Participants',
    high: 'High-confidence votes',
    normal: 'Confidence votes',
    low: 'Low-confidence votes',
    invalid: 'Invalid ballots',
  },
};

function message(code: ConfidenceMessageCode, params: MessageParams = {}): RuleMessage<ConfidenceMessageCode> {
  return renderMessage(CATALOG, code, params, TERMS);
}

/** Quorum: at least 2/3 of those convened take part, i.e. 3·participants ≥ 2·convened. */
export function quorumMet(convened: number, participants: number): boolean {
  return 3 * participants >= 2 * convened;
}

/**
 * Consequence of `low` low-confidence votes out of `total`: more than 1/2 (2·low > total)
 * but under 2/3 → removal from planning, consider reassignment; 2/3 or more
 * (3·low ≥ 2·total) → consider dismissal; otherwise none.
 */
export function consequenceOf(low: number, total: number): ConfidenceConsequence {
  // Nobody voted: there is no majority of anything to act on.
  if (total === 0) return 'none';
  if (3 * low >= 2 * total) return 'consider_dismissal';
  if (2 * low > total) return 'remove_from_planning_consider_reassignment';
  return 'none';
}

/** The ballots of one person's confidence vote. */
export interface ConfidenceVoteInput {
  readonly convened: number;
  /** Those who took part (ballots returned). */
  readonly participants: number;
  readonly high: number;
  readonly normal: number;
  readonly low: number;
  /** Ballots returned that do not rate this person validly (blank, several levels). */
  readonly invalid: number;
  readonly thresholdBase?: ThresholdBase;
}

export interface ConfidenceShares {
  readonly high: Ratio;
  readonly normal: Ratio;
  readonly low: Ratio;
  readonly invalid: Ratio;
}

export type ConfidenceOutcome =
  | {
      readonly status: 'no_quorum';
      readonly participation: Ratio;
      readonly message: RuleMessage<ConfidenceMessageCode>;
    }
  | {
      readonly status: 'valid';
      readonly participation: Ratio;
      readonly thresholdBase: ThresholdBase;
      /** Shares of the threshold base (participants or convened). */
      readonly shares: ConfidenceShares;
      readonly consequence: ConfidenceConsequence;
      readonly message: RuleMessage<ConfidenceMessageCode>;
    };

const COUNT_FIELDS: readonly (keyof Omit<ConfidenceVoteInput, 'thresholdBase'>)[] = [
  'convened',
  'participants',
  'high',
  'normal',
  'low',
  'invalid',
];

const CONSEQUENCE_CODE: Readonly<Record<ConfidenceConsequence, ConfidenceMessageCode>> = {
  none: 'consequence_none',
  remove_from_planning_consider_reassignment: 'low_over_half',
  consider_dismissal: 'low_two_thirds_or_more',
};

/**
 * Judges one person's confidence vote: void without the 2/3 quorum, otherwise the
 * shares of each level and the consequence of the low votes. Refuses malformed counts,
 * more participants than convened, and ratings that do not add up to the participants.
 */
export function judgeConfidenceVote(
  input: ConfidenceVoteInput,
): RuleResult<ConfidenceOutcome, ConfidenceMessageCode> {
  const malformed = COUNT_FIELDS.flatMap((field) =>
    isCount(input[field]) ? [] : [message('not_a_count', { field, value: input[field] })],
  );
  if (malformed.length > 0) return refuse(malformed);
  const { convened, participants, high, normal, low, invalid } = input;
  if (convened === 0) return refuse([message('must_be_positive', { field: 'convened' })]);
  if (participants > convened) return refuse([message('participants_exceed_convened', { participants, convened })]);
  const sum = high + normal + low + invalid;
  if (sum !== participants) return refuse([message('ratings_do_not_add_up', { sum, participants })]);

  const participation = ratioOf(participants, convened);
  if (!quorumMet(convened, participants)) {
    const params = { participants, convened, percent: participation.percent ?? 0 };
    return succeed({ status: 'no_quorum', participation, message: message('quorum_not_met', params) });
  }

  const thresholdBase = input.thresholdBase ?? 'participants';
  const total = thresholdBase === 'participants' ? participants : convened;
  const shares = {
    high: ratioOf(high, total),
    normal: ratioOf(normal, total),
    low: ratioOf(low, total),
    invalid: ratioOf(invalid, total),
  };
  const consequence = consequenceOf(low, total);
  const params = { low, total, percent: shares.low.percent ?? 0 };
  return succeed({
    status: 'valid',
    participation,
    thresholdBase,
    shares,
    consequence,
    message: message(CONSEQUENCE_CODE[consequence], params),
  });
}

/** The whole rule set as one value, so callers can pick a version by date. */
export const qd96Rules = Object.freeze({
  version: rulesVersion,
  quorumMet,
  consequenceOf,
  judgeConfidenceVote,
});
