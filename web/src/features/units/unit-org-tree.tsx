import type { UnitNode } from '@tcxd/contract';
import { App, Empty, Flex, Spin, Tree, type TreeDataNode, Typography } from 'antd';
import { Link } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { PageError } from '../../app/page-states.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { UnitKindTag } from './unit-kind-tag.tsx';
import { unitPath } from './use-as-of.ts';
import { useUnitTree } from './use-unit-tree.ts';

interface UnitTreeNode extends TreeDataNode {
  readonly unit: UnitNode;
}

function UnitTitle({ unit, asOf }: { readonly unit: UnitNode; readonly asOf: string }) {
  return (
    <Flex component="span" gap={8} align="center" wrap className="tcxd-unit-title">
      <Link to={unitPath(unit.id, asOf)}>{unit.name}</Link>
      {unit.childCount > 0 ? <Typography.Text type="secondary">({unit.childCount})</Typography.Text> : null}
      <Typography.Text type="secondary" code>
        {unit.code}
      </Typography.Text>
      <UnitKindTag kind={unit.kind} />
    </Flex>
  );
}

/**
 * The structure on a date as a tree opened level by level (the scope's top units start
 * open). Mount it with key={asOf}: a new date starts a fresh tree.
 */
export function UnitOrgTree({ asOf }: { readonly asOf: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { roots, children, load } = useUnitTree(asOf);

  if (roots.isPending) return <Spin description={t('common.loading')} style={{ display: 'block', padding: 48 }} />;
  if (roots.isError) return <PageError error={roots.error} onRetry={() => void roots.refetch()} />;
  if (roots.data.length === 0) return <Empty description={t('units.noneOnDate')} />;

  const toNode = (unit: UnitNode): UnitTreeNode => {
    const loaded = children.get(unit.id);
    return {
      key: unit.id,
      unit,
      isLeaf: unit.childCount === 0,
      ...(loaded ? { children: loaded.map(toNode) } : {}),
    };
  };

  return (
    <Tree<UnitTreeNode>
      treeData={roots.data.map(toNode)}
      defaultExpandedKeys={roots.data.map((u) => u.id)}
      selectable={false}
      blockNode
      showLine
      titleRender={(node) => <UnitTitle unit={node.unit} asOf={asOf} />}
      loadData={async (node) => {
        if (!children.has(node.unit.id)) await load(node.unit.id).catch((e: unknown) => void message.error(errorText(e)));
      }}
    />
  );
}
