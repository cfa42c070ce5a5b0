import type { UnitEvent } from '@tcxd/contract';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { unitPath } from './use-as-of.ts';

const eventColors: Readonly<Record<UnitEvent['event'], string>> = {
  created: 'green',
  renamed: 'blue',
  kind_changed: 'blue',
  moved: 'blue',
  absorbed: 'green',
  split_from: 'green',
  merged_into: 'red',
  split_into: 'red',
  dissolved: 'gray',
};

/** The history of a unit: date, what happened (a sentence), the deciding document and the units involved. */
export function UnitTimeline({ events, asOf }: { readonly events: readonly UnitEvent[]; readonly asOf: string }) {
  const { t } = useI18n();
  if (events.length === 0) return <Empty description={t('unitPage.noHistory')} />;
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: eventColors[e.event],
        content: (
          <Flex vertical gap={4} className="tcxd-timeline-event">
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{formatDate(e.date)}</Typography.Text>
              {e.documentNumber ? <Tag color="geekblue">{e.documentNumber}</Tag> : null}
            </Flex>
            <Typography.Text>{e.detail}</Typography.Text>
            {e.relatedUnits.length > 0 ? (
              <Typography.Text type="secondary">
                {t('unitPage.related')}{' '}
                {e.relatedUnits.map((u, i) => (
                  <span key={u.id}>
                    {i > 0 ? ', ' : null}
                    <Link to={unitPath(u.id, asOf)}>{u.name}</Link>
                  </span>
                ))}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
      }))}
    />
  );
}
