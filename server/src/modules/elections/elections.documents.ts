import type { BallotFiguresInput, ElectionResultsView, ElectionView } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Block, buildPartyDocument, type PartyDocumentInput } from '../../documents/party-document.ts';
import type { Context } from '../../platform/context.ts';
import { electionResults } from './elections.ballots.service.ts';
import { getElection } from './elections.service.ts';

const bodyNames: Readonly<Record<ElectionView['body'], string>> = {
  committee: 'Ban Chấp hành',
  standing_committee: 'Ban Thường vụ',
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  inspection_committee: 'Ủy ban Kiểm tra',
  inspection_chair: 'Chủ nhiệm Ủy ban Kiểm tra',
  inspection_deputy_chair: 'Phó Chủ nhiệm Ủy ban Kiểm tra',
  delegates: 'đại biểu dự Đại hội cấp trên',
};

const standingNames = { elected: 'Trúng cử', tied: 'Bằng phiếu ở ghế cuối', not_elected: 'Không trúng cử' } as const;

/** A percentage the Vietnamese way with two decimals ("—" without a base). */
export const percent = (value: number | null): string => (value === null ? '—' : `${value.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`);

type FigureRow = readonly [string, number | null];

/** The "I- SỐ LIỆU" heading and table of the minutes: attendance rows, then the ballot figures and validity, then closing rows. */
export function figuresTableBlocks(
  attendance: readonly FigureRow[],
  figures: BallotFiguresInput | null,
  ballots: { readonly valid: number; readonly invalid: number },
  closing: readonly FigureRow[],
): Block[] {
  return [
    { kind: 'heading', text: 'I- SỐ LIỆU', level: 1 },
    {
      kind: 'table',
      columns: [{ title: 'Nội dung', width: 4 }, { title: 'Số lượng', width: 1 }],
      rows: [
        ...attendance,
        ['Số phiếu phát ra', figures?.issued ?? null],
        ['Số phiếu thu vào', figures?.returned ?? null],
        ['Số phiếu không thu về', figures?.notReturned ?? null],
        ['Số phiếu hợp lệ', ballots.valid],
        ['Số phiếu không hợp lệ', ballots.invalid],
        ...closing,
      ],
    },
  ];
}

function figuresBlocks(election: ElectionView, results: ElectionResultsView): Block[] {
  return [
    ...figuresTableBlocks(
      [
        ['Số được triệu tập', election.base.convened],
        ['Số không tính vào cơ sở (có lý do)', election.base.excluded],
        ['Cơ sở tính tỷ lệ trúng cử', results.base],
        ['Số có mặt bỏ phiếu', election.base.votersPresent],
      ],
      results.figures,
      results.ballots,
      [['Số phiếu đã kiểm (nhập hai lần, khớp hoặc đã quyết định)', results.ballots.counted]],
    ),
    ...(election.base.exclusions.length > 0
      ? [{ kind: 'list' as const, items: election.base.exclusions.map((x) => `${x.person}: ${x.reason}`) }]
      : []),
    {
      kind: 'paragraph',
      text: results.reconciliation.finalisable
        ? 'Đối chiếu: số phiếu phát ra bằng số thu vào cộng số không thu về; số hợp lệ cộng không hợp lệ bằng số thu vào.'
        : `Đối chiếu chưa khớp: ${results.reconciliation.discrepancies.map((d) => d.message).join('; ')}`,
    },
  ];
}

function resultsTable(results: ElectionResultsView, onlyElected: boolean): Block {
  const rows = results.candidates
    .filter((c) => !onlyElected || c.standing === 'elected')
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map((c, i) => [i + 1, c.fullName, c.votes, percent(c.ofBase.percent), percent(c.ofValid.percent), standingNames[c.standing]]);
  return {
    kind: 'table',
    columns: [
      { title: 'TT', width: 0.6, align: 'center' },
      { title: 'Họ và tên', width: 4 },
      { title: 'Số phiếu', width: 1.2 },
      { title: '% so với cơ sở', width: 1.4, align: 'right' },
      { title: '% so với phiếu hợp lệ', width: 1.4, align: 'right' },
      { title: 'Kết quả', width: 1.8 },
    ],
    rows,
  };
}

function chainBlock(results: ElectionResultsView): Block {
  return { kind: 'paragraph', italic: true, text: `Đầu chuỗi băm của ${results.entries} lượt nhập phiếu (kiểm tra bằng lệnh tcxd election verify): ${results.chainHead}` };
}

function outcomeText(results: ElectionResultsView): string {
  const names = (positions: readonly number[]) => positions.map((p) => results.candidates.find((c) => c.position === p)?.fullName ?? String(p + 1)).join(', ');
  if (!results.outcome) return results.message ?? '';
  switch (results.outcome.status) {
    case 'complete':
      return `Bầu đủ số lượng: ${names(results.elected)}.`;
    case 'tie':
      return `Bằng phiếu ở ghế cuối giữa: ${names(results.outcome.tied)}; Đại hội quyết định bầu tiếp.`;
    case 'short':
      return `Chưa bầu đủ số lượng (còn ${results.outcome.nextRound?.seats ?? 0}); Đại hội quyết định có bầu tiếp hay không.`;
  }
}

/** The counting minutes or the results announcement of an election, as a Word document in the Party format. */
export async function electionDocument(db: Kysely<DB>, ctx: Context, id: string, kind: 'minutes' | 'announcement'): Promise<{ fileName: string; buffer: Buffer }> {
  const election = await getElection(db, ctx, id);
  const results = await electionResults(db, ctx, id);
  const what = `bầu ${bodyNames[election.body]}${election.round > 1 ? ` (lần ${election.round})` : ''}`;
  const draft = results.status === 'finalised' ? '' : ' (DỰ THẢO — CHƯA CHỐT)';
  const head = election.committee.find((c) => c.role === 'head')?.fullName ?? '—';
  const common = { parentBody: `ĐẠI HỘI ${election.unitName.toUpperCase()}`, place: election.unitName, date: election.heldOn, recipients: ['Đoàn Chủ tịch Đại hội', 'Lưu hồ sơ Đại hội'] };
  const body: Block[] =
    kind === 'minutes'
      ? [
          { kind: 'paragraph', text: `${election.title}. Số lượng bầu: ${election.seats}; số người trong danh sách bầu cử: ${election.candidates.length}. Quy định áp dụng: ${election.rulesVersion}.` },
          { kind: 'paragraph', text: `Ban kiểm phiếu gồm: ${election.committee.map((c) => `${c.fullName} (${c.role === 'head' ? 'Trưởng ban' : c.role === 'deputy' ? 'Phó Trưởng ban' : 'Ủy viên'})`).join(', ')}.` },
          ...figuresBlocks(election, results),
          { kind: 'heading', text: 'II- KẾT QUẢ KIỂM PHIẾU', level: 1 },
          resultsTable(results, false),
          { kind: 'paragraph', text: outcomeText(results) },
          chainBlock(results),
        ]
      : [
          { kind: 'paragraph', text: `${election.title}: số lượng bầu ${election.seats}, cơ sở tính tỷ lệ ${results.base}, số phiếu hợp lệ ${results.ballots.valid}.` },
          { kind: 'heading', text: 'DANH SÁCH TRÚNG CỬ', level: 1 },
          resultsTable(results, true),
          { kind: 'paragraph', text: outcomeText(results) },
          chainBlock(results),
        ];
  const input: PartyDocumentInput = {
    ...common,
    issuingBody: kind === 'minutes' ? 'BAN KIỂM PHIẾU' : 'ĐOÀN CHỦ TỊCH',
    typeName: kind === 'minutes' ? 'BIÊN BẢN' : 'THÔNG BÁO',
    subject: `${kind === 'minutes' ? 'Kiểm phiếu' : 'Kết quả'} ${what}${draft}`,
    body,
    signature: kind === 'minutes' ? { authority: 'T/M BAN KIỂM PHIẾU', title: 'TRƯỞNG BAN', name: head } : { authority: 'T/M ĐOÀN CHỦ TỊCH', title: 'CHỦ TỌA', name: '(ký, ghi rõ họ tên)' },
  };
  const buffer = await buildPartyDocument(input);
  return { fileName: `${kind === 'minutes' ? 'bien-ban-kiem-phieu' : 'thong-bao-ket-qua'}-vong-${election.round}.docx`, buffer };
}
