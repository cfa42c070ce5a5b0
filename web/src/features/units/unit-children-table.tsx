import type { UnitNode } from '@tcxd/contract';
import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { UnitKindTag } from './unit-kind-tag.tsx';
import { unitPath } from './use-as-of.ts';

/** The units directly below a unit on the viewed date. */
export function UnitChildrenTable({ units, asOf }: { readonly units: readonly UnitNode[]; readonly asOf: string }) {
  const { t } = useI18n();
  return (
    <Table<UnitNode>
      size="small"
      rowKey="id"
      dataSource={[...units]}
      pagination={units.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('unitPage.noChildren') }}
      columns={[
        {
          title: t('units.name'),
          key: 'name',
          render: (_, u) => (
            <>
              <Link to={unitPath(u.id, asOf)}>{u.name}</Link>{' '}
              <Typography.Text type="secondary" code>
                {u.code}
              </Typography.Text>
            </>
          ),
        },
        { title: t('units.kind'), key: 'kind', render: (_, u) => <UnitKindTag kind={u.kind} /> },
        { title: t('units.children'), dataIndex: 'childCount', key: 'childCount', align: 'right' },
        { title: t('units.validFrom'), key: 'validFrom', render: (_, u) => formatDate(u.validFrom) },
      ]}
    />
  );
}
