import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space } from 'antd';
import { useParams } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { PageHeader } from '../../app/page-header.tsx';
import { PageError } from '../../app/page-states.tsx';
import { can } from '../../app/permissions.ts';
import { useCurrentSession } from '../../app/session-hooks.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { AgendaCard } from './agenda-card.tsx';
import { ConclusionCard } from './conclusion-card.tsx';
import { conferenceQuery, conferencesApi, refreshConference, useLiveBoard } from './conferences-api.ts';
import { PointBoard } from './point-board.tsx';

/** A conference: its details, invitations, the live check-in board, the agenda, the conclusion and its papers. */
export function ConferencePage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const id = useParams().id ?? '';
  const conference = useQuery(conferenceQuery(id));
  const live = useLiveBoard(id);
  const writer = can(useCurrentSession(), 'records.write');
  const invite = useMutation({ mutationFn: () => conferencesApi.invite(id), onSuccess: () => void refreshConference(id) });
  const download = useMutation({ mutationFn: (kind: 'invitation' | 'minutes' | 'conclusion-notice') => conferencesApi.download(id, kind) });
  if (conference.isError) return <PageError error={conference.error} onRetry={() => void conference.refetch()} />;
  const view = conference.data;
  if (!view) return null;
  return (
    <>
      <PageHeader
        title={view.title}
        extra={
          <Space wrap>
            {view.manages ? <Button onClick={() => invite.mutate()} loading={invite.isPending}>{view.invitationsSent ? t('conferences.inviteAgain') : t('conferences.invite')}</Button> : null}
            <Button onClick={() => download.mutate('invitation')}>{t('conferences.downloadInvitation')}</Button>
            <Button onClick={() => download.mutate('minutes')}>{t('conferences.downloadMinutes')}</Button>
            <Button onClick={() => download.mutate('conclusion-notice')}>{t('conferences.downloadNotice')}</Button>
          </Space>
        }
      />
      {invite.isError || download.isError ? <Alert type="error" showIcon title={errorText(invite.error ?? download.error)} style={{ marginBottom: 16 }} /> : null}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Descriptions size="small" column={2} items={[
            { key: 'kind', label: t('conferences.kind'), children: t(`conferences.kinds.${view.kind}`) },
            { key: 'startsAt', label: t('conferences.startsAt'), children: formatDateTime(view.startsAt) },
            { key: 'host', label: t('conferences.host'), children: view.hostUnitName },
            { key: 'hostPoint', label: t('conferences.hostPoint'), children: view.hostPoint },
            { key: 'mode', label: t('conferences.mode'), children: t(`conferences.modes.${view.mode}`) },
            { key: 'video', label: t('conferences.videoLink'), children: view.videoLink ? <a href={view.videoLink} target="_blank" rel="noreferrer">{view.videoLink}</a> : '—' },
            { key: 'confirmBy', label: t('conferences.confirmBy'), children: view.confirmBy ? formatDate(view.confirmBy) : '—' },
            { key: 'chair', label: t('conferences.chairName'), children: [view.chairName, view.chairTitle].filter(Boolean).join(', ') || '—' },
          ]} />
        </Card>
        <PointBoard view={view} live={live} writer={writer} />
        <AgendaCard view={view} />
        <ConclusionCard view={view} />
      </Space>
    </>
  );
}
