import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { ageBands, type AgeBand, type Sex } from '@tcxd/contract';
import { AutoComplete, Button, Col, Input, Row, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { UnitSearchSelect } from '../units/unit-search-select.tsx';
import { ethnicityOptions } from './ethnicities.ts';
import { type MemberFilters, noMemberFilters, type StatusFilter, statusFilters } from './member-filters.ts';
import { useUnitChoice } from './use-unit-choice.ts';

interface Props {
  readonly filters: MemberFilters;
  readonly onChange: (change: Partial<MemberFilters>) => void;
}

/** Search box (accents optional; name, card number or citizen id) and the filters of the members list. */
export function MemberFiltersBar({ filters, onChange }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(filters.q);
  const q = useDebouncedValue(text.trim(), 350);
  const sent = useRef(q);
  useEffect(() => {
    // Only a change of the typed text searches (not a reset of the filters).
    if (sent.current === q) return;
    sent.current = q;
    onChange({ q });
  }, [q, onChange]);
  const [unit, setUnit] = useUnitChoice(filters.unitId);
  const [ethnicity, setEthnicity] = useState(filters.ethnicity);

  const reset = () => {
    setText('');
    sent.current = '';
    setEthnicity('');
    setUnit(null);
    onChange({ ...noMemberFilters, pageSize: filters.pageSize });
  };

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={10}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('members.searchPlaceholder')}
          aria-label={t('members.search')}
          value={text}
          maxLength={120}
          onChange={(e) => setText(e.target.value)}
        />
      </Col>
      <Col xs={24} md={12} xl={8}>
        <UnitSearchSelect
          value={unit}
          placeholder={t('members.unitFilter')}
          onChange={(choice) => {
            setUnit(choice);
            onChange({ unitId: choice?.value ?? null });
          }}
        />
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Select<StatusFilter>
          aria-label={t('members.status')}
          value={filters.status}
          onChange={(status) => onChange({ status })}
          options={statusFilters.map((s) => ({ value: s, label: t(`memberStatus.${s}`) }))}
          popupMatchSelectWidth={false}
          style={{ width: '100%' }}
        />
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Select<Sex>
          allowClear
          aria-label={t('memberField.sex')}
          placeholder={t('members.anySex')}
          value={filters.sex ?? undefined}
          onChange={(sex) => onChange({ sex: sex ?? null })}
          options={(['male', 'female'] as const).map((s) => ({ value: s, label: t(`sex.${s}`) }))}
          style={{ width: '100%' }}
        />
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Select<AgeBand>
          allowClear
          aria-label={t('members.ageBand')}
          placeholder={t('members.anyAge')}
          value={filters.ageBand ?? undefined}
          onChange={(ageBand) => onChange({ ageBand: ageBand ?? null })}
          options={ageBands.map((b) => ({ value: b, label: t(`ageBand.${b}`) }))}
          style={{ width: '100%' }}
        />
      </Col>
      <Col xs={16} md={8} xl={5}>
        <AutoComplete
          value={ethnicity}
          options={ethnicityOptions(ethnicity)}
          onChange={(value: string) => {
            setEthnicity(value);
            if (value === '' && filters.ethnicity !== '') onChange({ ethnicity: '' });
          }}
          onSelect={(value: string) => onChange({ ethnicity: value })}
          onBlur={() => {
            if (ethnicity.trim() !== filters.ethnicity) onChange({ ethnicity: ethnicity.trim() });
          }}
          style={{ width: '100%' }}
        >
          <Input
            allowClear
            aria-label={t('memberField.ethnicity')}
            placeholder={t('members.anyEthnicity')}
            maxLength={60}
            onPressEnter={() => onChange({ ethnicity: ethnicity.trim() })}
          />
        </AutoComplete>
      </Col>
      <Col xs={8} md={4} xl={3}>
        <Button icon={<ClearOutlined />} onClick={reset} block>
          {t('members.resetFilters')}
        </Button>
      </Col>
    </Row>
  );
}
