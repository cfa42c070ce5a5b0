import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../app/page-header.tsx';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ReorgActionsMenu } from '../reorg/reorg-actions-menu.tsx';
import { type ReorgStart, ReorgWizardModal } from '../reorg/reorg-wizard-modal.tsx';
import { AsOfDatePicker } from './as-of-date-picker.tsx';
import { StructureExportButtons } from './structure-export-buttons.tsx';
import { StructureImportModal } from './structure-import-modal.tsx';
import { UnitOrgTree } from './unit-org-tree.tsx';
import { UnitSearchPanel } from './unit-search-panel.tsx';
import { childUnitsQuery } from './units-api.ts';
import { useAsOf } from './use-as-of.ts';

/** "Tổ chức đảng": the structure on a chosen date, search, export/import and reorganisation. */
export function UnitsPage() {
  const { t } = useI18n();
  const session = useCurrentSession();
  const writer = can(session, 'structure.write');
  const [asOf, setAsOf] = useAsOf();
  const roots = useQuery(childUnitsQuery(null, asOf));
  const [exportRoot, setExportRoot] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [wizard, setWizard] = useState<ReorgStart | null>(null);

  const rootList = roots.data ?? [];
  const rootId = rootList.some((u) => u.id === exportRoot) ? exportRoot : (rootList[0]?.id ?? null);

  return (
    <>
      <PageHeader
        title={t('units.title')}
        subtitle={t('units.note')}
        extra={
          <Space wrap>
            {rootList.length > 1 ? (
              <Select
                aria-label={t('units.exportRoot')}
                value={rootId}
                onChange={setExportRoot}
                options={rootList.map((u) => ({ value: u.id, label: u.name }))}
                style={{ width: 240 }}
                popupMatchSelectWidth={false}
              />
            ) : null}
            <StructureExportButtons rootId={rootId} asOf={asOf} />
            {writer ? (
              <>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  {t('units.import')}
                </Button>
                <ReorgActionsMenu primary onPick={(type) => setWizard({ type })} />
              </>
            ) : null}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            title={t('units.structure')}
            extra={<AsOfDatePicker value={asOf} onChange={setAsOf} />}
          >
            <UnitOrgTree key={asOf} asOf={asOf} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('units.search')}>
            <UnitSearchPanel asOf={asOf} />
          </Card>
        </Col>
      </Row>
      {writer ? <StructureImportModal open={importing} onClose={() => setImporting(false)} /> : null}
      {writer ? <ReorgWizardModal open={wizard !== null} start={wizard ?? {}} onClose={() => setWizard(null)} /> : null}
    </>
  );
}
