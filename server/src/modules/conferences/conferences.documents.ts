import type { ConferenceKind, ConferenceView } from '@tcxd/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Block, buildPartyDocument, type PartyDocumentInput } from '../../documents/party-document.ts';
import type { Context } from '../../platform/context.ts';
import { committeeOf } from '../reports/reports.documents.ts';
import { vnDateOf, vnTimeText } from '../reports/reports.presenter.ts';
import { getConference } from './conferences.service.ts';

export type ConferenceDocumentKind = 'invitation' | 'minutes' | 'notice';

const kindNames: Readonly<Record<ConferenceKind, string>> = {
  monthly_briefing: 'hội nghị giao ban',
  quarterly_review: 'hội nghị sơ kết quý',
  half_year_review: 'hội nghị sơ kết 6 tháng',
  annual_review: 'hội nghị tổng kết năm',
  thematic: 'hội nghị chuyên đề',
  emulation_cluster: 'hội nghị cụm thi đua',
};

const modeNames = { online: 'trực tuyến', in_person: 'trực tiếp', hybrid: 'trực tiếp kết hợp trực tuyến' } as const;

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** The board issuing the conference's papers: "BAN TỔ CHỨC TRUNG ƯƠNG" for the Centre, the committee's board below. */
function issuer(view: ConferenceView, isRoot: boolean): Pick<PartyDocumentInput, 'parentBody' | 'issuingBody'> {
  return isRoot ? { parentBody: 'BAN CHẤP HÀNH TRUNG ƯƠNG', issuingBody: 'BAN TỔ CHỨC TRUNG ƯƠNG' } : { parentBody: committeeOf(view.hostUnitName, false), issuingBody: 'BAN TỔ CHỨC' };
}

function agendaBlocks(view: ConferenceView): Block[] {
  if (view.agenda.length === 0) return [];
  return [
    {
      kind: 'list',
      items: view.agenda.map((a, i) => {
        const who = a.unitName ? ` (${a.unitName}${a.speaker ? `, ${a.speaker}` : ''})` : a.speaker ? ` (${a.speaker})` : '';
        const doc = a.documentNumber ? ` — ${a.documentNumber}: ${a.documentSubject ?? ''}` : '';
        return `${i + 1}. ${a.title}${doc}${who}`;
      }),
    },
  ];
}

function conclusionBlocks(view: ConferenceView): Block[] {
  return [
    ...(view.conclusionSummary ? [{ kind: 'paragraph' as const, text: view.conclusionSummary }] : []),
    {
      kind: 'table',
      columns: [{ title: 'TT', width: 0.6, align: 'center' }, { title: 'Nội dung', width: 5 }, { title: 'Đơn vị chủ trì', width: 2.4 }, { title: 'Thời hạn', width: 1.4, align: 'center' }],
      rows: view.conclusions.map((c, i) => [i + 1, c.text, c.leadUnitName, dmy(c.dueOn)]),
    },
  ];
}

function bodyOf(kind: ConferenceDocumentKind, view: ConferenceView): Block[] {
  const when = vnTimeText(view.startsAt);
  const how = `${kindNames[view.kind]} ${modeNames[view.mode]}`;
  switch (kind) {
    case 'invitation':
      return [
        { kind: 'paragraph', text: `${view.hostUnitName} trân trọng kính mời lãnh đạo cấp ủy, ban tổ chức các đơn vị dự ${how}: ${view.title}.` },
        { kind: 'paragraph', text: `Thời gian: ${when}. Địa điểm: điểm cầu chính tại ${view.hostPoint} và ${view.points} điểm cầu của các đơn vị.` },
        ...(view.videoLink ? [{ kind: 'paragraph' as const, text: `Đường dẫn họp trực tuyến: ${view.videoLink}` }] : []),
        { kind: 'heading', text: 'NỘI DUNG', level: 1 },
        ...agendaBlocks(view),
        {
          kind: 'paragraph',
          text: `Đề nghị các đơn vị bố trí điểm cầu, cử đồng chí chủ trì và xác nhận số người dự, người liên hệ${view.confirmBy ? ` trước ngày ${dmy(view.confirmBy)}` : ''} trên Hệ thống thông tin ngành Tổ chức xây dựng Đảng.`,
        },
      ];
    case 'minutes': {
      const connected = view.pointList.filter((p) => p.connectedAt !== null);
      return [
        { kind: 'paragraph', text: `Hồi ${when}, tại ${view.hostPoint}, ${view.hostUnitName} tổ chức ${how}: ${view.title}.` },
        { kind: 'paragraph', text: `Chủ trì: ${view.chairName ?? '—'}${view.chairTitle ? `, ${view.chairTitle}` : ''}. Số điểm cầu đã kết nối: ${view.connected}/${view.points}.` },
        {
          kind: 'table',
          caption: 'Các điểm cầu đã kết nối',
          columns: [{ title: 'TT', width: 0.6, align: 'center' }, { title: 'Điểm cầu', width: 4 }, { title: 'Chủ trì điểm cầu', width: 2.5 }, { title: 'Số người dự', width: 1.2 }],
          rows: connected.map((p, i) => [i + 1, p.unitName, p.chair, p.attendees]),
        },
        { kind: 'heading', text: 'I- NỘI DUNG HỘI NGHỊ', level: 1 },
        ...agendaBlocks(view),
        { kind: 'heading', text: 'II- KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ', level: 1 },
        ...conclusionBlocks(view),
      ];
    }
    case 'notice':
      return [
        { kind: 'paragraph', text: `Ngày ${dmy(vnDateOf(view.startsAt))}, ${view.hostUnitName} tổ chức ${how}: ${view.title}, kết nối ${view.connected}/${view.points} điểm cầu. Sau khi nghe báo cáo và ý kiến tham luận, đồng chí ${view.chairName ?? 'chủ trì'} kết luận như sau:` },
        { kind: 'heading', text: 'NHIỆM VỤ TRỌNG TÂM', level: 1 },
        ...conclusionBlocks(view),
        { kind: 'paragraph', text: 'Đề nghị các đơn vị được giao chủ trì khẩn trương triển khai thực hiện, báo cáo kết quả đúng thời hạn.' },
      ];
  }
}

const fileNames: Readonly<Record<ConferenceDocumentKind, string>> = { invitation: 'giay-moi', minutes: 'bien-ban', notice: 'thong-bao-ket-luan' };

/** The invitation (giấy mời), minutes (biên bản) or conclusion notice (thông báo kết luận) of a conference, in the Party format. */
export async function conferenceDocument(db: Kysely<DB>, ctx: Context, id: string, kind: ConferenceDocumentKind): Promise<{ fileName: string; buffer: Buffer }> {
  const view = await getConference(db, ctx, id);
  const host = await db.selectFrom('org_unit').select(['parent_id']).where('id', '=', view.hostUnitId).executeTakeFirstOrThrow();
  const day = vnDateOf(view.startsAt);
  const isRoot = host.parent_id === null;
  const input: PartyDocumentInput = {
    ...issuer(view, isRoot),
    place: isRoot ? 'Hà Nội' : view.hostUnitName.replace(/^Đảng bộ\s+(tỉnh|thành phố)?\s*/u, ''),
    date: kind === 'invitation' ? vnDateOf(new Date()) : day,
    typeName: kind === 'invitation' ? 'GIẤY MỜI' : kind === 'minutes' ? 'BIÊN BẢN' : 'THÔNG BÁO',
    subject: kind === 'notice' ? `Kết luận tại ${view.title}` : kind === 'minutes' ? view.title : `Dự ${view.title}`,
    body: bodyOf(kind, view),
    signature: kind === 'minutes' ? { title: 'THƯ KÝ HỘI NGHỊ', name: '(ký, ghi rõ họ tên)' } : { authority: 'T/M BAN TỔ CHỨC', title: view.chairTitle?.toLocaleUpperCase('vi') ?? 'TRƯỞNG BAN', name: view.chairName ?? '(ký, ghi rõ họ tên)' },
    recipients: kind === 'minutes' ? ['Lưu hồ sơ hội nghị'] : ['Các điểm cầu dự hội nghị', 'Lưu Văn phòng'],
  };
  return { fileName: `${fileNames[kind]}-${day}.docx`, buffer: await buildPartyDocument(input) };
}
