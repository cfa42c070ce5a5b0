import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { todayIso } from '../../app/format.ts';
import { type UnitChoice, unitChoiceOf } from '../units/unit-choice.ts';
import { unitDetailQuery } from '../units/units-api.ts';

/**
 * The picker value of a unit kept in the address by its id only: the label chosen in this
 * visit, or the unit's name loaded from the registry (after a reload or from a link).
 */
export function useUnitChoice(unitId: string | null): readonly [UnitChoice | null, (choice: UnitChoice | null) => void] {
  const [picked, setPicked] = useState<UnitChoice | null>(null);
  const known = picked !== null && picked.value === unitId;
  const detail = useQuery({ ...unitDetailQuery(unitId ?? '', todayIso()), enabled: unitId !== null && !known });
  if (unitId === null) return [null, setPicked] as const;
  if (known) return [picked, setPicked] as const;
  const loaded = detail.data?.id === unitId ? unitChoiceOf(detail.data) : { value: unitId, label: '…' };
  return [loaded, setPicked] as const;
}
