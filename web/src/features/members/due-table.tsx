import { Table, type TableColumnsType } from 'antd';

interface DueRow {
  readonly member: { readonly id: string };
  readonly overdue: boolean;
}

interface Props<R extends DueRow> {
  readonly rows: readonly R[];
  readonly columns: TableColumnsType<R>;
  readonly loading: boolean;
  readonly emptyText: string;
}

/** The table of a due list: one row per member, overdue rows highlighted, paged past 50. */
export function DueTable<R extends DueRow>({ rows, columns, loading, emptyText }: Props<R>) {
  return (
    <Table<R>
      rowKey={(r) => r.member.id}
      size="middle"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      rowClassName={(r) => (r.overdue ? 'tcxd-row-overdue' : '')}
      locale={{ emptyText }}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 900 }}
    />
  );
}
