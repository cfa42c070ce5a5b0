import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Flex, Row, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api-client.ts';
import { NotFoundPage, PageError, PageSpinner } from '../../app/page-states.tsx';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { MemberEditModal } from './member-edit-modal.tsx';
import type { RecordableEvent } from './member-event-form.ts';
import { MemberEventMenu } from './member-event-menu.tsx';
import { MemberEventModal } from './member-event-modal.tsx';
import { MemberHistory } from './member-history.tsx';
import { MemberRecord } from './member-record.tsx';
import { MemberStatusTag } from './member-status-tag.tsx';
import { MemberSummaryCard } from './member-summary-card.tsx';
import { memberQuery } from './members-api.ts';

/** A member's record (phiếu đảng viên), where they stand, their history, and (for writers) edit and events. */
export function MemberPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const writer = can(useCurrentSession(), 'records.write');
  const detail = useQuery(memberQuery(id));
  const [editing, setEditing] = useState(false);
  const [event, setEvent] = useState<RecordableEvent | null>(null);

  if (detail.isPending) return <PageSpinner />;
  if (detail.isError) {
    if (detail.error instanceof ApiError && (detail.error.code === 'not_found' || detail.error.code === 'validation')) return <NotFoundPage />;
    return <PageError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const member = detail.data;
  const masked = member.masked.length > 0;
  const editButton = (
    <Button icon={<EditOutlined />} disabled={masked} onClick={() => setEditing(true)}>
      {t('memberPage.edit')}
    </Button>
  );

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: 'members', title: <Link to="/members"><TeamOutlined /> {t('members.title')}</Link> },
          { key: member.id, title: member.fields.fullName },
        ]}
      />
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <Flex vertical gap={6}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {member.fields.fullName}
          </Typography.Title>
          <Space size={8} wrap>
            <MemberStatusTag status={member.status} exempted={member.exempted} />
            {member.fields.cardNumber ? <Typography.Text type="secondary">{t('memberPage.cardLine', { card: member.fields.cardNumber })}</Typography.Text> : null}
          </Space>
        </Flex>
        {writer ? (
          <Space wrap>
            {masked ? <Tooltip title={t('memberPage.editMasked')}>{editButton}</Tooltip> : editButton}
            <MemberEventMenu allowed={member.allowedEvents} onPick={setEvent} />
          </Space>
        ) : null}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <MemberRecord member={member} />
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <MemberSummaryCard member={member} />
            <Card title={t('memberPage.history')}>
              <MemberHistory events={member.events} />
            </Card>
          </Flex>
        </Col>
      </Row>
      {writer ? (
        <>
          <MemberEditModal member={member} open={editing} onClose={() => setEditing(false)} />
          <MemberEventModal member={member} kind={event} onClose={() => setEvent(null)} />
        </>
      ) : null}
    </>
  );
}
