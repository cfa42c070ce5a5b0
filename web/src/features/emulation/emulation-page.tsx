import { PlusOutlined } from '@ant-design/icons';
import type { EmulationGroupView } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, DatePicker, Empty, Row, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { emulationGroupsQuery } from './emulation-api.ts';
import { EmulationElectionModal } from './emulation-election-modal.tsx';
import { EmulationGroupCard } from './emulation-group-card.tsx';
import { EmulationGroupModal } from './emulation-group-modal.tsx';

/** The year in the address (?year=), this year by default. */
function useYear(): readonly [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('year'));
  const year = Number.isInteger(raw) && raw >= 1990 && raw <= 2100 ? raw : dayjs().year();
  const setYear = (next: number) => setParams(next === dayjs().year() ? {} : { year: String(next) }, { replace: true });
  return [year, setYear] as const;
}

type Editing = { readonly group: EmulationGroupView | null } | null;

/** "Cụm, khối thi đua": the groups of a year with their heads, deputies and members. */
export function EmulationPage() {
  const { t } = useI18n();
  const session = useCurrentSession();
  const writer = can(session, 'structure.write');
  const [year, setYear] = useYear();
  const groups = useQuery(emulationGroupsQuery(year));
  const [editing, setEditing] = useState<Editing>(null);
  const [electing, setElecting] = useState<EmulationGroupView | null>(null);

  const header = (
    <PageHeader
      title={t('emulation.title')}
      subtitle={t('emulation.note')}
      extra={
        <Space wrap>
          <Typography.Text type="secondary">{t('emulation.year')}</Typography.Text>
          <DatePicker
            picker="year"
            aria-label={t('emulation.year')}
            value={dayjs(`${year}-01-01`)}
            format="YYYY"
            allowClear={false}
            onChange={(value) => {
              if (value) setYear(value.year());
            }}
            style={{ width: 110 }}
          />
          {writer ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ group: null })}>
              {t('emulation.create')}
            </Button>
          ) : null}
        </Space>
      }
    />
  );

  let body: ReactNode;
  if (groups.isPending) body = <Spin description={t('common.loading')} style={{ display: 'block', padding: 48 }} />;
  else if (groups.isError) body = <PageError error={groups.error} onRetry={() => void groups.refetch()} />;
  else if (groups.data.length === 0) body = <Empty description={t('emulation.none', { year })} />;
  else
    body = (
      <Row gutter={[16, 16]}>
        {groups.data.map((group) => (
          <Col key={group.id} xs={24} xxl={12}>
            <EmulationGroupCard
              group={group}
              {...(writer ? { onEdit: () => setEditing({ group }), onElect: () => setElecting(group) } : {})}
            />
          </Col>
        ))}
      </Row>
    );

  return (
    <>
      {header}
      {body}
      {writer ? (
        <>
          <EmulationGroupModal
            open={editing !== null}
            group={editing?.group ?? null}
            year={year}
            onClose={() => setEditing(null)}
            onSaved={(saved) => setYear(saved.year)}
          />
          <EmulationElectionModal group={electing} onClose={() => setElecting(null)} onElected={(next) => setYear(next.year)} />
        </>
      ) : null}
    </>
  );
}
