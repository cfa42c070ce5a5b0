import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { moveBy, removeAt } from './template-draft.ts';

interface Props<T> {
  readonly list: readonly T[];
  readonly index: number;
  readonly onChange: (list: T[]) => void;
  /** Names the item for screen readers and tests, e.g. "chỉ tiêu 3". */
  readonly name: string;
}

/** Move up, move down and remove buttons of one item of an edited list. */
export function TemplateItemActions<T>({ list, index, onChange, name }: Props<T>) {
  const { t } = useI18n();
  const up = `${t('reports.tpl.moveUp')} ${name}`;
  const down = `${t('reports.tpl.moveDown')} ${name}`;
  const remove = `${t('reports.tpl.remove')} ${name}`;
  return (
    <Space.Compact size="small">
      <Tooltip title={t('reports.tpl.moveUp')}>
        <Button aria-label={up} icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onChange(moveBy(list, index, -1))} />
      </Tooltip>
      <Tooltip title={t('reports.tpl.moveDown')}>
        <Button aria-label={down} icon={<ArrowDownOutlined />} disabled={index === list.length - 1} onClick={() => onChange(moveBy(list, index, 1))} />
      </Tooltip>
      <Tooltip title={t('reports.tpl.remove')}>
        <Button aria-label={remove} danger icon={<DeleteOutlined />} onClick={() => onChange(removeAt(list, index))} />
      </Tooltip>
    </Space.Compact>
  );
}
