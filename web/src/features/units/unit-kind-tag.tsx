import type { UnitKind } from '@tcxd/contract';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';

const kindColors: Readonly<Record<UnitKind, string>> = {
  root: 'red',
  central_committee: 'volcano',
  province: 'orange',
  upper_grassroots: 'gold',
  grassroots_committee: 'blue',
  grassroots_cell: 'cyan',
  sub_committee: 'geekblue',
  cell: 'default',
};

/** The kind of a party organisation as a coloured tag. */
export function UnitKindTag({ kind }: { readonly kind: UnitKind }) {
  const { t } = useI18n();
  return (
    <Tag color={kindColors[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`unitKind.${kind}`)}
    </Tag>
  );
}
