import type { UnitDetail } from '@tcxd/contract';
import { Alert } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate, toIsoDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { unitPath } from './use-as-of.ts';

const endings = new Set(['merged_into', 'split_into', 'dissolved']);

/** Why a unit does not exist on the chosen date: not founded yet, merged, split or dissolved. */
export function UnitEndedBanner({ unit }: { readonly unit: UnitDetail }) {
  const { t, tRich } = useI18n();
  if (unit.existsAsOf) return null;

  if (unit.asOf < unit.validFrom) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('unitPage.notYet', { date: formatDate(unit.validFrom) })}
        action={<Link to={unitPath(unit.id, unit.validFrom)}>{t('unitPage.viewOn', { date: formatDate(unit.validFrom) })}</Link>}
      />
    );
  }

  const ended = unit.validTo ?? unit.asOf;
  const ending = unit.timeline.find((e) => e.date === ended && endings.has(e.event));
  const date = formatDate(ended);
  const link = (target: { readonly id: string; readonly name: string }) => (
    <Link key={target.id} to={unitPath(target.id, unit.asOf)}>
      {target.name}
    </Link>
  );
  let title: ReactNode;
  if (ending?.event === 'merged_into' && unit.successor) title = tRich('unitPage.mergedInto', { unit: link(unit.successor), date });
  else if (ending?.event === 'split_into' && ending.relatedUnits.length > 0) {
    const parts = ending.relatedUnits.flatMap((u, i) => (i === 0 ? [link(u)] : [', ', link(u)]));
    title = tRich('unitPage.splitInto', { units: <>{parts}</>, date });
  } else if (ending?.event === 'dissolved') title = t('unitPage.dissolved', { date });
  else title = t('unitPage.ended', { date });

  const lastDay = toIsoDate(dayjs(ended).subtract(1, 'day'));
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="unit-ended-banner"
      title={title}
      description={ending?.documentNumber ? t('unitPage.byDocument', { document: ending.documentNumber }) : null}
      action={<Link to={unitPath(unit.id, lastDay)}>{t('unitPage.viewOn', { date: formatDate(lastDay) })}</Link>}
    />
  );
}
