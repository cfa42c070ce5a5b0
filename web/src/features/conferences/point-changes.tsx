import type { ConferenceView } from '@tcxd/contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { UnitChoice } from '../units/unit-choice.ts';
import { UnitsSearchSelect } from '../units/unit-search-select.tsx';
import { conferencesApi, refreshConference } from './conferences-api.ts';

/** Whether the host may still add or remove points: until the conclusion is recorded. */
export function pointsChangeable(view: ConferenceView): boolean {
  return view.manages && view.conclusionSummary === null && view.conclusions.length === 0;
}

/** The host adds units of its subtree as connection points after creating the conference. */
export function PointAdder({ view }: { readonly view: ConferenceView }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [units, setUnits] = useState<UnitChoice[]>([]);
  const add = useMutation({
    mutationFn: () => conferencesApi.changePoints(view.id, { add: units.map((u) => u.value), remove: [] }),
    onSuccess: async () => {
      setUnits([]);
      await refreshConference(view.id);
    },
  });
  return (
    <div style={{ marginBottom: 16 }}>
      <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
        <div style={{ flex: 1 }}><UnitsSearchSelect value={units} onChange={setUnits} exclude={view.pointList.map((p) => p.unitId)} placeholder={t('conferences.addPointsPick')} /></div>
        <Button disabled={units.length === 0} loading={add.isPending} onClick={() => add.mutate()}>{t('conferences.addPoints')}</Button>
      </Space.Compact>
      {add.isError ? <Alert type="error" showIcon title={errorText(add.error)} style={{ marginTop: 8 }} /> : null}
    </div>
  );
}
