import type { UnitNode } from '@tcxd/contract';
import { App, TreeSelect } from 'antd';
import type { ReactNode } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { UnitChoice } from './unit-choice.ts';
import { useUnitTree } from './use-unit-tree.ts';

interface Props {
  readonly value?: UnitChoice | null;
  readonly onChange?: (value: UnitChoice) => void;
  readonly id?: string;
}

/** Picks one party organisation of the current scope from the lazily loaded unit tree. */
export function UnitTreeSelect({ value, onChange, id }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { roots, children, load } = useUnitTree();

  const node = (unit: UnitNode, parent: string | null) => ({
    id: unit.id,
    pId: parent,
    value: unit.id,
    title: `${unit.name} (${unit.code})`,
    isLeaf: unit.childCount === 0,
  });
  const treeData = (roots.data ?? []).map((u) => node(u, null));
  for (const [parentId, rows] of children) treeData.push(...rows.map((u) => node(u, parentId)));

  return (
    <TreeSelect
      id={id}
      labelInValue
      showSearch
      treeNodeFilterProp="title"
      treeDataSimpleMode
      treeData={treeData}
      loading={roots.isPending}
      placeholder={t('units.pick')}
      value={value ?? undefined}
      onChange={(choice: { value: string; label: ReactNode }) => onChange?.({ value: choice.value, label: String(choice.label) })}
      loadData={async (node) => {
        const unitId = typeof node.value === 'string' ? node.value : String(node.value);
        if (!children.has(unitId)) await load(unitId).catch((e: unknown) => void message.error(errorText(e)));
      }}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
