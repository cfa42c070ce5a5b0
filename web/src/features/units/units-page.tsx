import { LoadingOutlined, MinusSquareOutlined, PlusSquareOutlined } from '@ant-design/icons';
import type { UnitSummary } from '@tcxd/contract';
import { App, Card, Table, type TableColumnsType, Tag } from 'antd';
import { useErrorText } from '../../app/error-text.ts';
import { formatDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useUnitTree } from './use-unit-tree.ts';

interface UnitRow extends UnitSummary {
  readonly children?: UnitRow[];
}

/** Read-only tree of the party organisations in scope, opened level by level. */
export function UnitsPage() {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { roots, children, loading, load } = useUnitTree();

  const toRow = (unit: UnitSummary): UnitRow => {
    if (unit.childCount === 0) return unit;
    return { ...unit, children: (children.get(unit.id) ?? []).map(toRow) };
  };

  const columns: TableColumnsType<UnitRow> = [
    { title: t('units.name'), dataIndex: 'name', key: 'name' },
    { title: t('units.code'), dataIndex: 'code', key: 'code', width: 120 },
    { title: t('units.kind'), key: 'kind', width: 250, render: (_, u) => <Tag>{tOr(`unitKind.${u.kind}`, u.kind)}</Tag> },
    { title: t('units.validFrom'), key: 'validFrom', width: 120, render: (_, u) => formatDate(u.validFrom) },
    {
      title: t('units.validTo'),
      key: 'validTo',
      width: 140,
      render: (_, u) => (u.validTo ? formatDate(u.validTo) : <Tag color="green">{t('units.open')}</Tag>),
    },
    { title: t('units.children'), dataIndex: 'childCount', key: 'childCount', width: 120, align: 'right' },
  ];

  if (roots.isError) return <PageError error={roots.error} onRetry={() => void roots.refetch()} />;

  return (
    <>
      <PageHeader title={t('units.title')} subtitle={t('units.note')} />
      <Card>
        <Table<UnitRow>
          rowKey="id"
          size="middle"
          tableLayout="fixed"
          columns={columns}
          dataSource={(roots.data ?? []).map(toRow)}
          loading={roots.isPending}
          pagination={false}
          expandable={{
            onExpand: (expanded, unit) => {
              if (expanded && !children.has(unit.id)) load(unit.id).catch((e: unknown) => void message.error(errorText(e)));
            },
            expandIcon: ({ expanded, onExpand, record, expandable }) => {
              if (!expandable) return <span style={{ display: 'inline-block', width: 22 }} />;
              if (loading.has(record.id)) return <LoadingOutlined style={{ marginInlineEnd: 8 }} />;
              const Icon = expanded ? MinusSquareOutlined : PlusSquareOutlined;
              return <Icon style={{ marginInlineEnd: 8, cursor: 'pointer' }} onClick={(e) => onExpand(record, e)} />;
            },
          }}
        />
      </Card>
    </>
  );
}
