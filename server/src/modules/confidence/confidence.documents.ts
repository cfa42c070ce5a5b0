import type { ConfidenceResultsView, ConfidenceVoteView } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Block, buildPartyDocument } from '../../documents/party-document.ts';
import type { Context } from '../../platform/context.ts';
import { figuresTableBlocks, percent } from '../elections/elections.documents.ts';
import { confidenceResults } from './confidence.ballots.service.ts';
import { getVote } from './confidence.service.ts';

const consequenceNames = {
  none: 'Không quá 1/2 tín nhiệm thấp',
  remove_from_planning_consider_reassignment: 'Trên 1/2 đến dưới 2/3 tín nhiệm thấp: đưa ra khỏi quy hoạch chức vụ cao hơn; xem xét bố trí công tác khác hoặc cho từ chức',
  consider_dismissal: 'Từ 2/3 trở lên tín nhiệm thấp: xem xét miễn nhiệm',
} as const;

const roleNames = { head: 'Trưởng ban', deputy: 'Phó Trưởng ban', member: 'Ủy viên' } as const;

function figuresBlocks(vote: ConfidenceVoteView, results: ConfidenceResultsView): Block[] {
  return [
    ...figuresTableBlocks(
      [['Số được triệu tập', vote.convened], ['Số có mặt', vote.present]],
      results.figures,
      results.ballots,
      [['Số người tham gia (phiếu đã kiểm)', results.participants]],
    ),
    {
      kind: 'paragraph',
      text: results.quorumMet
        ? `Số người tham gia ${results.participants}/${results.convened} (${percent(results.participation.percent)}), đạt ít nhất 2/3 số được triệu tập theo Quy định 96-QĐ/TW.`
        : `Số người tham gia ${results.participants}/${results.convened} (${percent(results.participation.percent)}), chưa đạt 2/3 số được triệu tập: kết quả không có giá trị.`,
    },
    {
      kind: 'paragraph',
      text: results.finalisable || results.status === 'finalised'
        ? 'Đối chiếu: số phiếu phát ra bằng số thu vào cộng số không thu về; số hợp lệ cộng không hợp lệ bằng số thu vào.'
        : `Đối chiếu chưa khớp: ${results.problems.map((p) => p.message).join('; ')}`,
    },
  ];
}

function resultsTable(results: ConfidenceResultsView): Block {
  const cell = (count: number, share: { percent: number | null }) => `${count} (${percent(share.percent)})`;
  return {
    kind: 'table',
    columns: [
      { title: 'TT', width: 0.5, align: 'center' },
      { title: 'Họ và tên, chức vụ', width: 3 },
      { title: 'Tín nhiệm cao', width: 1.3, align: 'right' },
      { title: 'Tín nhiệm', width: 1.3, align: 'right' },
      { title: 'Tín nhiệm thấp', width: 1.3, align: 'right' },
      { title: 'Không đánh giá / không hợp lệ', width: 1.3, align: 'right' },
    ],
    rows: results.persons.map((p) => [p.position + 1, p.post ? `${p.fullName}, ${p.post}` : p.fullName, cell(p.high, p.shares.high), cell(p.normal, p.shares.normal), cell(p.low, p.shares.low), cell(p.notRated, p.shares.notRated)]),
  };
}

/** The counting minutes (biên bản kiểm phiếu) of a confidence vote, as a Word document in the Party format. */
export async function confidenceMinutes(db: Kysely<DB>, ctx: Context, id: string): Promise<{ fileName: string; buffer: Buffer }> {
  const vote = await getVote(db, ctx, id);
  const results = await confidenceResults(db, ctx, id);
  const draft = results.status === 'finalised' ? '' : ' (DỰ THẢO — CHƯA CHỐT)';
  const head = vote.committee.find((c) => c.role === 'head')?.fullName ?? '—';
  const flagged = results.persons.filter((p) => p.consequence !== 'none');
  const body: Block[] = [
    { kind: 'paragraph', text: `${vote.title}. Số người được lấy phiếu: ${vote.persons.length}. Quy định áp dụng: ${vote.rulesVersion}.` },
    { kind: 'paragraph', text: `Ban kiểm phiếu gồm: ${vote.committee.map((c) => `${c.fullName} (${roleNames[c.role]})`).join(', ')}.` },
    ...figuresBlocks(vote, results),
    { kind: 'heading', text: 'II- KẾT QUẢ KIỂM PHIẾU', level: 1 },
    resultsTable(results),
    { kind: 'heading', text: 'III- ĐỐI CHIẾU NGƯỠNG TÍN NHIỆM THẤP', level: 1 },
    flagged.length === 0
      ? { kind: 'paragraph', text: 'Không có người nào có trên 1/2 số phiếu tín nhiệm thấp.' }
      : { kind: 'list', items: flagged.map((p) => `${p.fullName}: ${consequenceNames[p.consequence]} (${p.low}/${results.participants} phiếu tín nhiệm thấp, ${percent(p.shares.low.percent)}).`) },
    { kind: 'paragraph', italic: true, text: `Đầu chuỗi băm của ${results.entries} lượt nhập phiếu (kiểm tra bằng lệnh tcxd election verify): ${results.chainHead}` },
  ];
  const buffer = await buildPartyDocument({
    parentBody: vote.unitName.toUpperCase(),
    issuingBody: 'BAN KIỂM PHIẾU',
    place: vote.unitName,
    date: vote.heldOn,
    typeName: 'BIÊN BẢN',
    subject: `Kiểm phiếu lấy phiếu tín nhiệm${draft}`,
    body,
    signature: { authority: 'T/M BAN KIỂM PHIẾU', title: 'TRƯỞNG BAN', name: head },
    recipients: ['Cấp ủy có thẩm quyền', 'Lưu hồ sơ'],
  });
  return { fileName: 'bien-ban-kiem-phieu-tin-nhiem.docx', buffer };
}
