import { isCount, renderMessage } from '../../rule-outcome.ts';
import type { MessageCatalog, MessageParams, RuleMessage, Terms } from '../../rule-outcome.ts';

/** Every message code the election rules (QĐ 190-QĐ/TW) can produce. */
export type ElectionMessageCode =
  | 'not_a_count'
  | 'must_be_positive'
  | 'fewer_candidates_than_seats'
  | 'fewer_candidates_than_seats_allowed'
  | 'surplus_required'
  | 'surplus_over_limit'
  | 'surplus_over_limit_small_body'
  | 'surplus_below_recommended'
  | 'surplus_within_limit'
  | 'no_surplus'
  | 'agreeing_exceeds_present'
  | 'floor_nomination_admitted'
  | 'floor_nomination_rejected'
  | 'exclusion_reason_missing'
  | 'exclusion_duplicate_person'
  | 'exclusions_exceed_convened'
  | 'voters_present_exceed_base'
  | 'candidate_index_out_of_range'
  | 'candidate_index_duplicated'
  | 'ballot_no_seal'
  | 'ballot_other'
  | 'ballot_more_names_than_seats'
  | 'ballot_nobody_left_with_surplus'
  | 'issued_mismatch'
  | 'valid_invalid_mismatch'
  | 'counted_mismatch'
  | 'no_candidates'
  | 'votes_exceed_valid'
  | 'votes_exceed_capacity'
  | 'valid_exceeds_base'
  | 'all_seats_filled'
  | 'tie_at_last_seat'
  | 'too_few_elected';

const CATALOG: MessageCatalog<ElectionMessageCode> = {
  not_a_count: {
    severity: 'error',
    vi: '{field} phải là số nguyên không âm (nhận được {value})',
    en: '{field} must be a whole number, zero or more (got {value})',
  },
  must_be_positive: { severity: 'error', vi: '{field} phải lớn hơn 0', en: '{field} must be greater than zero' },
  fewer_candidates_than_seats: {
    severity: 'error',
    vi: 'Danh sách bầu cử có {candidates} người, ít hơn số lượng cần bầu ({seats})',
    en: 'The list has {candidates} candidates, fewer than the {seats} seats',
  },
  fewer_candidates_than_seats_allowed: {
    severity: 'warning',
    vi: 'Danh sách bầu cử có {candidates} người, ít hơn số lượng cần bầu ({seats}) theo quyết định của đại hội; không thể bầu đủ số lượng',
    en: 'The list has {candidates} candidates, fewer than the {seats} seats, as the congress decided; not every seat can be filled',
  },
  surplus_required: {
    severity: 'error',
    vi: 'Danh sách bầu {body} phải có số người nhiều hơn số lượng cần bầu ({seats})',
    en: 'The list for the {body} must have more candidates than seats ({seats})',
  },
  surplus_over_limit: {
    severity: 'error',
    vi: 'Số dư {surplus} người vượt quá 30% số lượng cần bầu ({seats}); tối đa {maxSurplus} người',
    en: 'A surplus of {surplus} exceeds 30% of the {seats} seats; at most {maxSurplus}',
  },
  surplus_over_limit_small_body: {
    severity: 'error',
    vi: 'Số lượng cần bầu từ 3 đến 5 người ({seats}) chỉ được dư tối đa 1 người; danh sách dư {surplus} người',
    en: 'For 3 to 5 seats ({seats}) the surplus is at most 1; the list has {surplus} extra',
  },
  surplus_below_recommended: {
    severity: 'warning',
    vi: 'Số dư {surplus} người ({percent}%) thấp hơn 10% số lượng cần bầu; cấp ủy triệu tập chuẩn bị số dư từ 10% đến 15%',
    en: 'A surplus of {surplus} ({percent}%) is below 10% of the seats; the convening committee prepares 10% to 15%',
  },
  surplus_within_limit: {
    severity: 'info',
    vi: 'Số dư {surplus} người ({percent}%), trong giới hạn tối đa {maxSurplus} người',
    en: 'Surplus of {surplus} ({percent}%), within the maximum of {maxSurplus}',
  },
  no_surplus: {
    severity: 'info',
    vi: 'Danh sách không có số dư: số người bằng số lượng cần bầu ({seats})',
    en: 'The list has no surplus: as many candidates as seats ({seats})',
  },
  agreeing_exceeds_present: {
    severity: 'error',
    vi: 'Số đồng ý ({agreeing}) lớn hơn số đại biểu có mặt ({present})',
    en: 'Agreeing delegates ({agreeing}) exceed those present ({present})',
  },
  floor_nomination_admitted: {
    severity: 'info',
    vi: '{agreeing}/{present} đại biểu đồng ý ({percent}%), hơn 30%: được đưa vào danh sách để đại hội xem xét',
    en: '{agreeing} of {present} delegates agree ({percent}%), more than 30%: entered on the list for the congress to decide',
  },
  floor_nomination_rejected: {
    severity: 'info',
    vi: '{agreeing}/{present} đại biểu đồng ý ({percent}%), không hơn 30%: không được đưa vào danh sách',
    en: '{agreeing} of {present} delegates agree ({percent}%), not more than 30%: not entered on the list',
  },
  exclusion_reason_missing: {
    severity: 'error',
    vi: 'Trường hợp loại trừ thứ {position} ({kind}) chưa ghi lý do',
    en: 'Exclusion {position} ({kind}) has no reason recorded',
  },
  exclusion_duplicate_person: {
    severity: 'error',
    vi: '"{person}" bị ghi loại trừ nhiều lần',
    en: '"{person}" is excluded more than once',
  },
  exclusions_exceed_convened: {
    severity: 'error',
    vi: 'Số trường hợp loại trừ ({excluded}) lớn hơn số được triệu tập ({convened})',
    en: 'Exclusions ({excluded}) exceed those convened ({convened})',
  },
  voters_present_exceed_base: {
    severity: 'error',
    vi: 'Số cử tri có mặt ({present}) lớn hơn số làm căn cứ tính kết quả ({base})',
    en: 'Voters present ({present}) exceed the base for the majority ({base})',
  },
  candidate_index_out_of_range: {
    severity: 'error',
    vi: 'Phiếu {ballot}: không có ứng cử viên số {position} trong danh sách {candidates} người',
    en: 'Ballot {ballot}: there is no candidate {position} on a list of {candidates}',
  },
  candidate_index_duplicated: {
    severity: 'error',
    vi: 'Phiếu {ballot}: ứng cử viên số {position} bị gạch hai lần',
    en: 'Ballot {ballot}: candidate {position} is struck twice',
  },
  ballot_no_seal: {
    severity: 'warning',
    vi: 'Phiếu không hợp lệ: không do ban kiểm phiếu phát ra (không có dấu)',
    en: 'Invalid ballot: not issued by the counting committee (no seal)',
  },
  ballot_other: {
    severity: 'warning',
    vi: 'Phiếu không hợp lệ theo kết luận của ban kiểm phiếu',
    en: 'Invalid ballot as ruled by the counting committee',
  },
  ballot_more_names_than_seats: {
    severity: 'warning',
    vi: 'Phiếu không hợp lệ: để lại {left} người, nhiều hơn số lượng cần bầu ({seats})',
    en: 'Invalid ballot: leaves {left} names, more than the {seats} seats',
  },
  ballot_nobody_left_with_surplus: {
    severity: 'warning',
    vi: 'Phiếu không hợp lệ: danh sách có số dư nhưng phiếu gạch tên tất cả',
    en: 'Invalid ballot: the list has a surplus but every name is struck',
  },
  issued_mismatch: {
    severity: 'error',
    vi: 'Số phiếu phát ra ({issued}) khác số phiếu thu vào cộng số phiếu không thu về ({returned} + {notReturned} = {sum})',
    en: 'Ballots issued ({issued}) differ from returned plus not returned ({returned} + {notReturned} = {sum})',
  },
  valid_invalid_mismatch: {
    severity: 'error',
    vi: 'Số phiếu hợp lệ cộng không hợp lệ ({valid} + {invalid} = {sum}) khác số phiếu thu vào ({returned})',
    en: 'Valid plus invalid ballots ({valid} + {invalid} = {sum}) differ from ballots returned ({returned})',
  },
  counted_mismatch: {
    severity: 'error',
    vi: 'Số phiếu đã kiểm ({counted}) khác số phiếu thu vào ({returned})',
    en: 'Ballots counted ({counted}) differ from ballots returned ({returned})',
  },
  no_candidates: { severity: 'error', vi: 'Danh sách bầu cử trống', en: 'The list has no candidates' },
  votes_exceed_valid: {
    severity: 'error',
    vi: 'Ứng cử viên số {position} có {votes} phiếu, nhiều hơn số phiếu hợp lệ ({validCount})',
    en: 'Candidate {position} has {votes} votes, more than the valid ballots ({validCount})',
  },
  votes_exceed_capacity: {
    severity: 'error',
    vi: 'Tổng số phiếu bầu ({total}) vượt quá số phiếu hợp lệ nhân số lượng cần bầu ({capacity})',
    en: 'Total votes ({total}) exceed valid ballots times seats ({capacity})',
  },
  valid_exceeds_base: {
    severity: 'error',
    vi: 'Số phiếu hợp lệ ({validCount}) lớn hơn số làm căn cứ tính kết quả ({base})',
    en: 'Valid ballots ({validCount}) exceed the base for the majority ({base})',
  },
  all_seats_filled: {
    severity: 'info',
    vi: 'Đã bầu đủ {seats} người, mỗi người trúng cử được quá một nửa so với {base}',
    en: 'All {seats} seats filled, each by more than half of the base of {base}',
  },
  tie_at_last_seat: {
    severity: 'warning',
    vi: 'Các ứng cử viên số {tied} cùng được {votes} phiếu cho {seatsLeft} chỗ còn lại; đại hội phải bầu tiếp hoặc quyết định',
    en: 'Candidates {tied} tie at {votes} votes for the last {seatsLeft} seat(s); the congress must vote again or decide',
  },
  too_few_elected: {
    severity: 'warning',
    vi: 'Mới bầu được {elected}/{seats} người; còn {remaining} chỗ, đại hội quyết định có bầu tiếp hay không',
    en: 'Only {elected} of {seats} seats filled; {remaining} remain, the congress decides whether to vote again',
  },
};

/** Words used inside the messages, per language. */
const TERMS: Terms = {
  vi: {
    seats: 'Số lượng cần bầu',
    candidates: 'Số người trong danh sách',
    agreeing: 'Số đồng ý',
    present: 'Số có mặt',
    convened: 'Số được triệu tập',
    votersPresent: 'Số cử tri có mặt',
    issued: 'Số phiếu phát ra',
    returned: 'Số phiếu thu vào',
    notReturned: 'Số phiếu không thu về',
    valid: 'Số phiếu hợp lệ',
    invalid: 'Số phiếu không hợp lệ',
    counted: 'Số phiếu đã kiểm',
    base: 'Số làm căn cứ tính kết quả',
    validCount: 'Số phiếu hợp lệ',
    votes: 'Số phiếu bầu',
    committee: 'cấp ủy',
    standing_committee: 'ban thường vụ',
    secretary: 'bí thư',
    deputy_secretary: 'phó bí thư',
    inspection_committee: 'ủy ban kiểm tra',
    inspection_chair: 'chủ nhiệm ủy ban kiểm tra',
    inspection_deputy_chair: 'phó chủ nhiệm ủy ban kiểm tra',
    delegates: 'đại biểu dự đại hội cấp trên',
    temporary_transfer_elsewhere: 'chuyển sinh hoạt tạm thời đi nơi khác',
    exempted_absent: 'miễn công tác và sinh hoạt đảng, vắng mặt',
    suspended: 'đình chỉ sinh hoạt đảng',
    detained: 'đang bị tạm giữ, tạm giam',
    absent_with_approved_reason: 'vắng mặt suốt thời gian có lý do được chấp thuận',
  },
  en: {
    seats: 'Seats',
    candidates: 'Candidates',
    agreeing: 'Agreeing delegates',
    present: 'Delegates present',
    convened: 'Convened',
    votersPresent: 'Voters present',
    issued: 'Ballots issued',
    returned: 'Ballots returned',
    notReturned: 'Ballots not returned',
    valid: 'Valid ballots',
    invalid: 'Invalid ballots',
    counted: 'Ballots counted',
    base: 'Base for the majority',
    validCount: 'Valid ballots',
    votes: 'Votes',
    committee: 'party committee',
    standing_committee: 'standing committee',
    secretary: 'secretary',
    deputy_secretary: 'deputy secretaries',
    inspection_committee: 'inspection committee',
    inspection_chair: 'inspection committee chair',
    inspection_deputy_chair: 'inspection committee deputy chairs',
    delegates: 'delegates to the higher congress',
    temporary_transfer_elsewhere: 'on temporary transfer elsewhere',
    exempted_absent: 'exempted from party work and absent',
    suspended: 'suspended from party activities',
    detained: 'detained',
    absent_with_approved_reason: 'absent throughout with an approved reason',
  },
};

/** Renders one election message in Vietnamese and English. */
export function electionMessage(code: ElectionMessageCode, params: MessageParams = {}): RuleMessage<ElectionMessageCode> {
  return renderMessage(CATALOG, code, params, TERMS);
}

/** Translated label of a term (field name, body, exclusion kind) for breakdowns. */
export function electionTerm(key: string): { readonly vi: string; readonly en: string } {
  return { vi: TERMS.vi[key] ?? key, en: TERMS.en[key] ?? key };
}

/** Refusal message unless `value` is a count; `minimum` 1 also refuses zero. */
export function countProblem(
  field: string,
  value: number,
  minimum: 0 | 1 = 0,
): RuleMessage<ElectionMessageCode> | undefined {
  if (!isCount(value)) return electionMessage('not_a_count', { field, value });
  if (minimum === 1 && value === 0) return electionMessage('must_be_positive', { field });
  return undefined;
}
