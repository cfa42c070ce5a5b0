import type { ReorgPreview } from '@tcxd/contract';
import { Alert, Card, Checkbox, Col, Flex, List, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Props {
  readonly preview: ReorgPreview;
  /** Whether the operation is resent with confirmBackdated. */
  readonly confirmBackdated: boolean;
  readonly onConfirmBackdated: (confirmed: boolean) => void;
  readonly busy: boolean;
}

/** What a reorganisation will do (nothing is changed yet), or why it is refused. */
export function ReorgPreviewView({ preview, confirmBackdated, onConfirmBackdated, busy }: Props) {
  const { t } = useI18n();
  const backdated = confirmBackdated || preview.refusals.some((r) => r.code === 'backdated');

  return (
    <Flex vertical gap={16} data-testid="reorg-preview">
      {preview.refusals.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('reorg.refused')}
          description={
            <ul className="tcxd-plain-list">
              {preview.refusals.map((r, i) => (
                <li key={`${r.code}-${i}`}>{r.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {backdated ? (
        <Checkbox checked={confirmBackdated} disabled={busy} onChange={(e) => onConfirmBackdated(e.target.checked)}>
          {t('reorg.confirmBackdated')}
        </Checkbox>
      ) : null}
      {preview.summary.length > 0 ? (
        <Alert
          type={preview.ok ? 'info' : 'warning'}
          showIcon
          title={t('reorg.summary')}
          description={
            <ul className="tcxd-plain-list">
              {preview.summary.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {preview.ok ? <PreviewEffects preview={preview} /> : null}
      {preview.ok && preview.dependents.length > 0 ? (
        <div>
          <Typography.Title level={5}>{t('reorg.dependents')}</Typography.Title>
          <List
            size="small"
            bordered
            dataSource={preview.dependents}
            renderItem={(d) => (
              <List.Item key={d.kind} extra={<Tag color="orange">{d.count}</Tag>}>
                <List.Item.Meta title={d.label} description={d.examples.length > 0 ? d.examples.join('; ') : null} />
              </List.Item>
            )}
          />
        </div>
      ) : null}
    </Flex>
  );
}

/** Counts, ended and founded units, and the subordinate units that move. */
function PreviewEffects({ preview }: { readonly preview: ReorgPreview }) {
  const { t } = useI18n();
  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('reorg.descendantsAffected')} value={preview.descendantsAffected} groupSeparator="." />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('reorg.endedUnits')} value={preview.endedUnits.length} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('reorg.createdUnits')} value={preview.createdUnits.length} />
          </Card>
        </Col>
      </Row>
      {preview.endedUnits.length > 0 || preview.createdUnits.length > 0 ? (
        <Flex vertical gap={6}>
          {preview.endedUnits.length > 0 ? (
            <div>
              <Typography.Text type="secondary">{t('reorg.endedList')} </Typography.Text>
              {preview.endedUnits.map((u) => (
                <Tag key={u.id} color="default">
                  {u.name}
                </Tag>
              ))}
            </div>
          ) : null}
          {preview.createdUnits.length > 0 ? (
            <div>
              <Typography.Text type="secondary">{t('reorg.createdList')} </Typography.Text>
              {preview.createdUnits.map((u) => (
                <Tag key={u.code} color="green">
                  {u.name} ({u.code})
                </Tag>
              ))}
            </div>
          ) : null}
        </Flex>
      ) : null}
      <div>
        <Typography.Title level={5}>{t('reorg.movedChildren', { count: preview.movedChildren.length })}</Typography.Title>
        {preview.movedChildren.length === 0 ? (
          <Typography.Text type="secondary">{t('reorg.noMovedChildren')}</Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey="id"
            dataSource={preview.movedChildren}
            pagination={preview.movedChildren.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: t('reorg.child'), dataIndex: 'name', key: 'name' },
              { title: t('reorg.from'), dataIndex: 'from', key: 'from' },
              { title: t('reorg.to'), dataIndex: 'to', key: 'to' },
            ]}
          />
        )}
      </div>
    </>
  );
}
