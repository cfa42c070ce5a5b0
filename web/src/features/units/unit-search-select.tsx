import type { UnitKind } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { type UnitChoice, unitChoiceOf } from './unit-choice.ts';
import { unitSearchQuery } from './units-api.ts';

interface SearchOptions {
  /** Only units existing on this date (yyyy-mm-dd), by their name then. */
  readonly asOf?: string | null;
  readonly kind?: UnitKind | null;
  /** Units that may not be chosen (for example the unit itself). */
  readonly exclude?: readonly string[];
}

function useUnitOptions({ asOf = null, kind = null, exclude = [] }: SearchOptions) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const found = useQuery({ ...unitSearchQuery({ q, asOf, kind, limit: 20 }), enabled: q.length > 0 });
  const options = q.length > 0 ? (found.data ?? []).filter((u) => !exclude.includes(u.id)).map(unitChoiceOf) : [];
  return { options, onSearch: setText, loading: found.isFetching, searched: q.length > 0 };
}

interface SingleProps extends SearchOptions {
  readonly id?: string;
  readonly value?: UnitChoice | null;
  readonly onChange?: (value: UnitChoice | null) => void;
  readonly placeholder?: string;
  readonly disabled?: boolean;
}

/** Picks one unit by typing part of its name or code (accents optional). */
export function UnitSearchSelect({ id, value, onChange, placeholder, disabled, ...search }: SingleProps) {
  const { t } = useI18n();
  const { options, onSearch, loading, searched } = useUnitOptions(search);
  return (
    <Select<UnitChoice>
      id={id}
      labelInValue
      allowClear
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch }}
      value={value ?? null}
      options={options}
      loading={loading}
      placeholder={placeholder ?? t('units.searchPick')}
      notFoundContent={searched ? t('units.noResults') : t('units.typeToSearch')}
      onChange={(choice) => onChange?.(choice ? { value: choice.value, label: String(choice.label) } : null)}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}

interface MultipleProps extends SearchOptions {
  readonly id?: string;
  readonly value?: readonly UnitChoice[];
  readonly onChange?: (value: UnitChoice[]) => void;
  readonly placeholder?: string;
}

/** Picks several units by typing part of their names or codes. */
export function UnitsSearchSelect({ id, value, onChange, placeholder, ...search }: MultipleProps) {
  const { t } = useI18n();
  const { options, onSearch, loading, searched } = useUnitOptions(search);
  return (
    <Select<UnitChoice[]>
      id={id}
      mode="multiple"
      labelInValue
      allowClear
      showSearch={{ filterOption: false, onSearch }}
      value={value ? [...value] : []}
      options={options}
      loading={loading}
      placeholder={placeholder ?? t('units.searchPick')}
      notFoundContent={searched ? t('units.noResults') : t('units.typeToSearch')}
      onChange={(choices) => onChange?.(choices.map((c) => ({ value: c.value, label: String(c.label) })))}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
