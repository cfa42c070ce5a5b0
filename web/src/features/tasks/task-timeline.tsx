import type { TaskSummary } from '@tcxd/contract';
import { theme } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { formatDate, todayIso } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { timelineLayout } from './timeline-layout.ts';

const rowHeight = 28;
const labelWidth = 280;
const chartWidth = 760;
const axisHeight = 28;

/** Gantt-style view drawn in SVG: one bar per task from start to due, filled to its progress, the overdue in red, a line for today. */
export function TaskTimeline({ tasks }: { readonly tasks: readonly TaskSummary[] }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const layout = timelineLayout(tasks, todayIso(), chartWidth);
  if (layout.bars.length === 0) return null;
  const height = axisHeight + layout.bars.length * rowHeight + 8;
  return (
    <div style={{ overflowX: 'auto' }}>
      <svg role="img" aria-label={t('work.tasks.timeline')} data-testid="task-timeline" width={labelWidth + chartWidth + 16} height={height} style={{ fontFamily: 'inherit', fontSize: 12 }}>
        {layout.ticks.map((tick) => (
          <g key={tick.date}>
            <line x1={labelWidth + tick.x} x2={labelWidth + tick.x} y1={axisHeight - 6} y2={height} stroke={token.colorBorderSecondary} />
            <text x={labelWidth + tick.x + 3} y={axisHeight - 10} fill={token.colorTextSecondary}>{dayjs(tick.date).format('MM/YYYY')}</text>
          </g>
        ))}
        {layout.bars.map((bar, i) => {
          const y = axisHeight + i * rowHeight;
          const color = bar.task.overdue ? token.colorError : bar.task.status === 'done' ? token.colorSuccess : token.colorPrimary;
          return (
            <g key={bar.task.id} data-testid="timeline-bar" data-title={bar.task.title} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/tasks/${bar.task.id}`)}>
              <title>{`${bar.task.title}: ${formatDate(bar.task.startsOn)} – ${formatDate(bar.task.dueOn)}, ${bar.task.progress}%`}</title>
              <text x={4} y={y + 18} fill={token.colorText}>{bar.task.title.length > 40 ? `${bar.task.title.slice(0, 39)}…` : bar.task.title}</text>
              <rect x={labelWidth + bar.x} y={y + 6} width={bar.width} height={16} rx={3} fill={color} opacity={0.25} />
              <rect x={labelWidth + bar.x} y={y + 6} width={(bar.width * bar.task.progress) / 100} height={16} rx={3} fill={color} />
              <text x={labelWidth + bar.x + bar.width + 4} y={y + 18} fill={token.colorTextSecondary}>{`${bar.task.progress}%`}</text>
            </g>
          );
        })}
        {layout.todayX !== null ? <line x1={labelWidth + layout.todayX} x2={labelWidth + layout.todayX} y1={axisHeight - 6} y2={height} stroke={token.colorError} strokeDasharray="4 3" /> : null}
      </svg>
    </div>
  );
}
