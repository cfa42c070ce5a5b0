import { SearchOutlined } from '@ant-design/icons';
import { type UnitKind, unitKinds } from '@tcxd/contract';
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Empty, Flex, Input, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useErrorText } from '../../app/error-text.ts';
import { formatDate } from '../../app/format.ts';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { UnitKindTag } from './unit-kind-tag.tsx';
import { UnitValidity } from './unit-validity.tsx';
import { unitSearchQuery } from './units-api.ts';
import { unitPath } from './use-as-of.ts';

const resultLimit = 50;

/** Finds units by name or code (accents optional), of a kind, at any time or on the viewed date. */
export function UnitSearchPanel({ asOf }: { readonly asOf: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<UnitKind | null>(null);
  const [onDateOnly, setOnDateOnly] = useState(false);
  const q = useDebouncedValue(text.trim(), 300);
  const active = q.length > 0 || kind !== null;
  const results = useQuery({
    ...unitSearchQuery({ q, kind, asOf: onDateOnly ? asOf : null, limit: resultLimit }),
    enabled: active,
  });

  const rows = active ? (results.data ?? []) : [];
  return (
    <Flex vertical gap={12}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('units.searchPlaceholder')}
        aria-label={t('units.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Flex gap={12} wrap align="center">
        <Select<UnitKind>
          allowClear
          placeholder={t('units.anyKind')}
          aria-label={t('units.kind')}
          value={kind}
          onChange={(value) => setKind(value ?? null)}
          options={unitKinds.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          style={{ minWidth: 240, flex: 1 }}
          popupMatchSelectWidth={false}
        />
        <Checkbox checked={onDateOnly} onChange={(e) => setOnDateOnly(e.target.checked)}>
          {t('units.onDateOnly', { date: formatDate(asOf) })}
        </Checkbox>
      </Flex>
      {!active ? (
        <Typography.Text type="secondary">{t('units.searchHint')}</Typography.Text>
      ) : results.isError ? (
        <Typography.Text type="danger">{errorText(results.error)}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={results.isFetching}
          dataSource={rows}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noResults')} /> }}
          footer={rows.length >= resultLimit ? <Typography.Text type="secondary">{t('units.firstResults', { count: resultLimit })}</Typography.Text> : null}
          renderItem={(unit) => (
            <List.Item key={unit.id} className="tcxd-search-result">
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={8} align="center" wrap>
                  <Link to={unitPath(unit.id, asOf)}>{unit.name}</Link>
                  <Typography.Text type="secondary" code>
                    {unit.code}
                  </Typography.Text>
                </Flex>
                <Flex gap={8} align="center" wrap>
                  <UnitKindTag kind={unit.kind} />
                  <UnitValidity unit={unit} />
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
