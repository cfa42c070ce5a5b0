import type { IndicatorDef, SubmissionVersionView } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { versionsQuery } from './reports-api.ts';

interface Line {
  readonly key: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** Every figure and narrative key of a definition, parts included, in the template's order. */
function linesOf(indicators: readonly IndicatorDef[], sections: readonly { key: string; title: string }[]): { key: string; label: string; narrative: boolean }[] {
  return [
    ...indicators.flatMap((i) => [{ key: i.code, label: i.label, narrative: false }, ...i.breakdown.map((b) => ({ key: `${i.code}.${b.key}`, label: `${i.label} — ${b.label}`, narrative: false }))]),
    ...sections.map((s) => ({ key: s.key, label: s.title, narrative: true })),
  ];
}

/** "Các phiên bản đã gửi": each sent, returned, resent and accepted version; two of them side by side with the differences marked. */
export function ReportVersionsCard({ submissionId, indicators, sections }: { readonly submissionId: string; readonly indicators: readonly IndicatorDef[]; readonly sections: readonly { key: string; title: string }[] }) {
  const { t, locale } = useI18n();
  const versions = useQuery(versionsQuery(submissionId));
  const list = versions.data ?? [];
  const [pick, setPick] = useState<{ a: number | null; b: number | null }>({ a: null, b: null });
  if (list.length === 0) return null;
  const eventText = (v: SubmissionVersionView) => t(({ submitted: 'reports.ver.submitted', resubmitted: 'reports.ver.resubmitted', returned: 'reports.ver.returned', accepted: 'reports.ver.accepted' } as const)[v.event]);
  const label = (v: SubmissionVersionView) => `${v.seq}. ${eventText(v)} — ${v.actorName}, ${formatDateTime(v.at)}`;
  const sent = list.filter((v) => v.event === 'submitted' || v.event === 'resubmitted');
  const a = list.find((v) => v.seq === pick.a) ?? sent[sent.length - 2] ?? list[0];
  const b = list.find((v) => v.seq === pick.b) ?? sent[sent.length - 1] ?? list[list.length - 1];
  if (!a || !b) return null;
  const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v, locale));
  const lines: Line[] = linesOf(indicators, sections).map((l) => ({
    key: l.key,
    label: l.label,
    before: l.narrative ? (a.narrative[l.key] ?? '') : num(a.values[l.key]),
    after: l.narrative ? (b.narrative[l.key] ?? '') : num(b.values[l.key]),
  }));
  const options = list.map((v) => ({ value: v.seq, label: label(v) }));
  return (
    <Card title={t('reports.ver.title')} size="small" style={{ marginTop: 16 }} data-testid="report-versions">
      <ol>
        {list.map((v) => <li key={v.seq}>{label(v)}{v.comment ? ` — ${t('reports.ver.comment')}: ${v.comment}` : ''}</li>)}
      </ol>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select style={{ minWidth: 320 }} aria-label={t('reports.ver.left')} value={a.seq} options={options} onChange={(v: number) => setPick({ ...pick, a: v })} />
        <Select style={{ minWidth: 320 }} aria-label={t('reports.ver.right')} value={b.seq} options={options} onChange={(v: number) => setPick({ ...pick, b: v })} />
        <Typography.Text type="secondary">{t('reports.ver.changed', { n: lines.filter((l) => l.before !== l.after).length })}</Typography.Text>
      </Space>
      <Table<Line>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={lines}
        rowClassName={(l) => (l.before !== l.after ? 'report-version-changed' : '')}
        onRow={(l) => ({ style: l.before !== l.after ? { background: '#fff7e6' } : undefined, 'data-changed': l.before !== l.after ? 'true' : 'false' })}
        columns={[
          { title: t('reports.indicators'), dataIndex: 'label' },
          { title: `${a.seq}. ${eventText(a)}`, dataIndex: 'before' },
          { title: `${b.seq}. ${eventText(b)}`, dataIndex: 'after', render: (value: string, l) => (l.before !== l.after ? <Typography.Text strong>{value}</Typography.Text> : value) },
        ]}
      />
    </Card>
  );
}
