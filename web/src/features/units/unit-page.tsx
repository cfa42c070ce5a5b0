import { HomeOutlined } from '@ant-design/icons';
import type { UnitDetail } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Flex, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { NotFoundPage, PageError, PageSpinner } from '../../app/page-states.tsx';
import { ApiError } from '../../app/api-client.ts';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { OperationType } from '../reorg/reorg-form.ts';
import { ReorgActionsMenu } from '../reorg/reorg-actions-menu.tsx';
import { type ReorgStart, ReorgWizardModal } from '../reorg/reorg-wizard-modal.tsx';
import { AsOfDatePicker } from './as-of-date-picker.tsx';
import { unitChoiceOf } from './unit-choice.ts';
import { UnitChildrenTable } from './unit-children-table.tsx';
import { UnitContactCard } from './unit-contact-card.tsx';
import { UnitEndedBanner } from './unit-ended-banner.tsx';
import { UnitKindTag } from './unit-kind-tag.tsx';
import { UnitTimeline } from './unit-timeline.tsx';
import { UnitValidity } from './unit-validity.tsx';
import { unitDetailQuery } from './units-api.ts';
import { unitPath, unitsPath, useAsOf } from './use-as-of.ts';

/** Operations offered on a unit: none once it has ended; only founding below the root. */
function hiddenOperations(unit: UnitDetail): readonly OperationType[] {
  if (unit.parentId === null) return ['rename', 'move', 'merge', 'split', 'dissolve'];
  return [];
}

function UnitBreadcrumb({ unit }: { readonly unit: UnitDetail }) {
  const { t } = useI18n();
  const items = [
    { key: 'units', title: <Link to={unitsPath(unit.asOf)}><HomeOutlined /> {t('units.title')}</Link> },
    ...unit.ancestors.map((a) => ({ key: a.id, title: <Link to={unitPath(a.id, unit.asOf)}>{a.name}</Link> })),
    { key: unit.id, title: unit.name },
  ];
  return <Breadcrumb items={items} style={{ marginBottom: 8 }} />;
}

/** A unit as it was on a date: where it sat, what was below it, its board's contact and its history. */
export function UnitPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const session = useCurrentSession();
  const writer = can(session, 'structure.write');
  const [asOf, setAsOf] = useAsOf();
  const detail = useQuery(unitDetailQuery(id, asOf));
  const [wizard, setWizard] = useState<ReorgStart | null>(null);

  if (detail.isPending) return <PageSpinner />;
  if (detail.isError) {
    if (detail.error instanceof ApiError && (detail.error.code === 'not_found' || detail.error.code === 'validation')) return <NotFoundPage />;
    return <PageError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const unit = detail.data;
  const parent = unit.ancestors.at(-1);
  const open = (type: OperationType) =>
    setWizard({ type, unit: unitChoiceOf(unit), name: unit.name, kind: unit.kind, ...(parent ? { parent: unitChoiceOf(parent) } : {}) });

  return (
    <>
      <UnitBreadcrumb unit={unit} />
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <Flex vertical gap={6}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {unit.name}
          </Typography.Title>
          <Space size={8} wrap>
            <Typography.Text code>{unit.code}</Typography.Text>
            <UnitKindTag kind={unit.kind} />
            <UnitValidity unit={unit} />
          </Space>
        </Flex>
        <Space wrap>
          <AsOfDatePicker value={asOf} onChange={setAsOf} />
          {writer && unit.validTo === null ? <ReorgActionsMenu onPick={open} hidden={hiddenOperations(unit)} /> : null}
        </Space>
      </Flex>
      <Flex vertical gap={16}>
        <UnitEndedBanner unit={unit} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Flex vertical gap={16}>
              <Card title={unit.existsAsOf ? t('unitPage.children', { count: unit.children.length }) : t('reorg.child')}>
                {unit.existsAsOf ? (
                  <UnitChildrenTable units={unit.children} asOf={asOf} />
                ) : (
                  <Typography.Text type="secondary">{t('unitPage.notOnDate')}</Typography.Text>
                )}
              </Card>
              <UnitContactCard unit={unit} editable={writer && unit.validTo === null} />
            </Flex>
          </Col>
          <Col xs={24} xl={9}>
            <Card title={t('unitPage.history')}>
              <UnitTimeline events={unit.timeline} asOf={asOf} />
            </Card>
          </Col>
        </Row>
      </Flex>
      {writer ? <ReorgWizardModal open={wizard !== null} start={wizard ?? {}} onClose={() => setWizard(null)} /> : null}
    </>
  );
}
