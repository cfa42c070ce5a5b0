import type { TemplateDefinition } from '@tcxd/contract';

/** Narrative sections of the monthly report of the organisation-building sector. */
const sections: TemplateDefinition['sections'] = [
  { key: 'results', title: 'Kết quả chủ yếu', required: true },
  { key: 'limits', title: 'Hạn chế, nguyên nhân', required: false },
  { key: 'next_tasks', title: 'Nhiệm vụ trọng tâm tháng tới', required: true },
  { key: 'proposals', title: 'Đề xuất, kiến nghị', required: false },
];

const indicators = (withReviews: boolean): TemplateDefinition['indicators'] => [
  { code: 'members_at_end', label: 'Tổng số đảng viên cuối kỳ', type: 'integer', group: 'Công tác đảng viên', unit: 'người', breakdown: [], formula: null, source: 'members_at_end', required: false, aggregate: 'sum' },
  {
    code: 'admitted',
    label: 'Kết nạp đảng viên mới',
    type: 'integer',
    group: 'Công tác đảng viên',
    unit: 'người',
    breakdown: [
      { key: 'commune', label: 'Xã, phường, thị trấn' },
      { key: 'enterprise', label: 'Doanh nghiệp' },
      { key: 'other', label: 'Cơ quan, đơn vị sự nghiệp, khác' },
    ],
    formula: null,
    source: null,
    required: true,
    aggregate: 'sum',
  },
  { code: 'admitted_private', label: 'Trong đó: kết nạp trong doanh nghiệp tư nhân', type: 'integer', group: 'Công tác đảng viên', unit: 'người', breakdown: [], formula: null, source: null, required: false, aggregate: 'sum' },
  { code: 'admission_rate', label: 'Tỷ lệ kết nạp so với tổng số đảng viên', type: 'percentage', group: 'Công tác đảng viên', unit: '%', breakdown: [], formula: 'round(admitted / members_at_end * 100, 3)', source: null, required: false, aggregate: 'sum' },
  { code: 'removed', label: 'Xóa tên, cho ra khỏi Đảng', type: 'integer', group: 'Công tác đảng viên', unit: 'người', breakdown: [], formula: null, source: null, required: true, aggregate: 'sum' },
  { code: 'cards_issued', label: 'Thẻ đảng viên đã trao', type: 'integer', group: 'Công tác đảng viên', unit: 'thẻ', breakdown: [], formula: null, source: null, required: false, aggregate: 'sum' },
  { code: 'orgs_consolidated', label: 'Tổ chức cơ sở đảng được củng cố, kiện toàn', type: 'integer', group: 'Công tác tổ chức', unit: 'tổ chức', breakdown: [], formula: null, source: null, required: false, aggregate: 'sum' },
  { code: 'cadres_appointed', label: 'Cán bộ được bổ nhiệm, giới thiệu ứng cử', type: 'integer', group: 'Công tác cán bộ', unit: 'người', breakdown: [], formula: null, source: null, required: false, aggregate: 'sum' },
  ...(withReviews
    ? [{ code: 'reviews_done', label: 'Hoàn thành kiểm điểm tập thể, cá nhân Ban Thường vụ năm trước (1 = đã hoàn thành)', type: 'integer' as const, group: 'Kiểm điểm, đánh giá', unit: 'đơn vị', breakdown: [], formula: null, source: null, required: false, aggregate: 'sum' as const }]
    : []),
  { code: 'rollout_rate', label: 'Tỷ lệ chi bộ đã quán triệt văn bản mới', type: 'percentage', group: 'Quán triệt, triển khai văn bản', unit: '%', breakdown: [], formula: null, source: null, required: false, aggregate: 'mean' },
];

const rules: TemplateDefinition['rules'] = [
  { code: 'private_within_enterprise', check: 'admitted.enterprise >= admitted_private', message: 'Số kết nạp trong doanh nghiệp tư nhân không được lớn hơn số kết nạp trong doanh nghiệp' },
];

/** The monthly report of the sector from 2021 (version 1, with the annual review indicator). */
export const monthlyDefinitionV1: TemplateDefinition = { sections, indicators: indicators(true), rules };

/** From the 1-7-2025 merger (version 2): the review question moves to the annual report. */
export const monthlyDefinitionV2: TemplateDefinition = { sections, indicators: indicators(false), rules };
