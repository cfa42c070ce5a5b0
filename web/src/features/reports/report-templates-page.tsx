import { PlusOutlined } from '@ant-design/icons';
import type { TemplateView } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table } from 'antd';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { templatesQuery } from './reports-api.ts';
import { TemplateCreateForm } from './template-create-form.tsx';
import { TemplateVersionEditor } from './template-version-editor.tsx';

/** The versions of a template: number, in force from, how many sections and indicators. */
function TemplateVersionsCard({ template }: { readonly template: TemplateView }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={`${t('reports.tpl.versions')} — ${template.code}: ${template.name} (${template.owner.name})`} style={{ marginBottom: 16 }} data-testid="template-versions">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...template.versions].sort((a, b) => b.version - a.version)}
        columns={[
          { title: t('reports.tpl.version'), dataIndex: 'version' },
          { title: t('reports.tpl.validFrom'), render: (_, v) => formatDate(v.validFrom) },
          { title: t('reports.tpl.sections'), render: (_, v) => v.definition.sections.length },
          { title: t('reports.indicators'), render: (_, v) => v.definition.indicators.length },
        ]}
      />
    </Card>
  );
}

/** "Biểu mẫu báo cáo": a template's versions and a new version edited with live checks; or a new template created. */
export function ReportTemplatesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const templates = useQuery(templatesQuery());
  if (templates.error) return <PageError error={templates.error} />;
  const managed = (templates.data ?? []).filter((x) => x.manages);
  const template = managed.find((x) => x.id === params.get('template')) ?? managed[0];
  const creating = params.get('new') === '1';
  return (
    <>
      <PageHeader
        title={t('reports.tpl.title')}
        extra={
          <Space wrap>
            <Select style={{ minWidth: 320 }} aria-label={t('reports.tpl.template')} value={template?.id} disabled={creating} onChange={(v: string) => setParams({ template: v })} options={managed.map((x) => ({ value: x.id, label: `${x.code} — ${x.name}` }))} />
            <Button icon={<PlusOutlined />} disabled={creating} onClick={() => setParams({ new: '1' })}>{t('reports.tpl.create')}</Button>
          </Space>
        }
      />
      {creating ? (
        <TemplateCreateForm onCreated={(created) => setParams({ template: created.id })} onCancel={() => setParams(template ? { template: template.id } : {})} />
      ) : (
        template && (
          <>
            <TemplateVersionsCard template={template} />
            <TemplateVersionEditor key={template.id} template={template} />
          </>
        )
      )}
    </>
  );
}
