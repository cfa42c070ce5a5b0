import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Flex, Row, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { UnitSearchSelect } from '../units/unit-search-select.tsx';
import { DueProbationTable } from './due-probation-table.tsx';
import { dayChoices, daysOf } from './due-remaining.ts';
import { DueTransfersTable } from './due-transfers-table.tsx';
import { memberFiltersOf } from './member-filters.ts';
import { dueListsQuery } from './members-api.ts';
import { useUnitChoice } from './use-unit-choice.ts';

/** "Đến hạn xử lý": probation reaching 12 months within N days, and transfers not arrived within 30 working days. */
export function MemberDuePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  // The unit is read like the members list reads it (a valid id or nothing).
  const unitId = memberFiltersOf(params).unitId;
  const days = daysOf(params.get('days'));
  const [unit, setUnit] = useUnitChoice(unitId);
  const due = useQuery(dueListsQuery(unitId, days));

  const change = (key: 'unitId' | 'days', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const count = (rows: readonly { readonly overdue: boolean }[] | undefined) => (
    <Space size={8}>
      <Badge count={rows?.length ?? 0} showZero color="blue" overflowCount={9999} />
      {rows?.some((r) => r.overdue) ? <Badge count={rows.filter((r) => r.overdue).length} overflowCount={9999} title={t('memberDue.overdue')} /> : null}
    </Space>
  );

  return (
    <>
      <PageHeader title={t('memberDue.title')} subtitle={t('memberDue.note')} />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={14} xl={10}>
            <UnitSearchSelect
              value={unit}
              placeholder={t('members.unitFilter')}
              onChange={(choice) => {
                setUnit(choice);
                change('unitId', choice?.value ?? null);
              }}
            />
          </Col>
          <Col xs={24} md={10} xl={8}>
            <Flex gap={8} align="center">
              <Typography.Text type="secondary">{t('memberDue.within')}</Typography.Text>
              <Select<number>
                aria-label={t('memberDue.within')}
                value={days}
                onChange={(value) => change('days', value === 30 ? null : String(value))}
                options={dayChoices(days).map((d) => ({ value: d, label: t('memberDue.days', { count: d }) }))}
                style={{ width: 160 }}
              />
            </Flex>
          </Col>
        </Row>
      </Card>
      {due.isError && !due.data ? (
        <PageError error={due.error} onRetry={() => void due.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Card title={t('memberDue.probationTitle', { count: days })} extra={count(due.data?.probation)}>
            <DueProbationTable rows={due.data?.probation ?? []} loading={due.isFetching} />
          </Card>
          <Card title={t('memberDue.transfersTitle')} extra={count(due.data?.transfers)}>
            <DueTransfersTable rows={due.data?.transfers ?? []} loading={due.isFetching} />
          </Card>
        </Flex>
      )}
    </>
  );
}
