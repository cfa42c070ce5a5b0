import type { MemberView } from '@tcxd/contract';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

type MemberEvent = MemberView['events'][number];

const eventColors: Readonly<Record<MemberEvent['kind'], string>> = {
  admitted: 'green',
  record_opened: 'green',
  recognised: 'green',
  recognition_postponed: 'orange',
  not_recognised: 'red',
  transfer_out: 'blue',
  transfer_in: 'blue',
  temporary_transfer_out: 'blue',
  temporary_return: 'blue',
  exempted: 'purple',
  exemption_ended: 'purple',
  discipline: 'red',
  removed: 'gray',
  expelled: 'red',
  died: 'gray',
};

/** The member's history: date, what happened (a sentence), the deciding document and who entered it. */
export function MemberHistory({ events }: { readonly events: readonly MemberEvent[] }) {
  const { t } = useI18n();
  if (events.length === 0) return <Empty description={t('memberPage.noHistory')} />;
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: eventColors[e.kind],
        content: (
          <Flex vertical gap={4} className="tcxd-timeline-event" data-testid="member-event">
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{formatDate(e.date)}</Typography.Text>
              {e.documentNumber ? <Tag color="geekblue">{e.documentNumber}</Tag> : null}
            </Flex>
            <Typography.Text>{e.sentence}</Typography.Text>
            {e.note ? <Typography.Text type="secondary">{e.note}</Typography.Text> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('memberPage.enteredBy', { name: e.enteredBy ?? t('memberPage.enteredBySystem'), time: formatDateTime(e.enteredAt) })}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
