import type { AuditEntryView } from '@tcxd/contract';
import { Col, Descriptions, Row, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';

function Json({ value, empty }: { readonly value: unknown; readonly empty: string }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return <pre className="tcxd-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** The expanded audit row: request details and the before/after states. */
export function AuditEntryDetail({ entry }: { readonly entry: AuditEntryView }) {
  const { t } = useI18n();
  const empty = t('audit.noValue');
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'request', label: t('audit.requestId'), children: entry.requestId ?? empty },
          { key: 'ip', label: t('audit.ip'), children: entry.ip ?? empty },
          { key: 'hash', label: t('audit.hash'), children: <Typography.Text code copyable>{entry.hash.slice(0, 16)}</Typography.Text> },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {t('audit.before')}
          </Typography.Paragraph>
          <Json value={entry.before} empty={empty} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {t('audit.after')}
          </Typography.Paragraph>
          <Json value={entry.after} empty={empty} />
        </Col>
      </Row>
    </>
  );
}
