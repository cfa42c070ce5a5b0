import { Flex, Radio, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { type OperationType, operationTypes } from './reorg-form.ts';

interface Props {
  readonly value: OperationType | null;
  readonly onChange: (type: OperationType) => void;
}

/** The first step: which reorganisation, each with a line on what it does. */
export function ReorgTypeChoice({ value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Radio.Group value={value} onChange={(e) => {
        const chosen = operationTypes.find((type) => type === e.target.value);
        if (chosen) onChange(chosen);
      }} style={{ width: '100%' }}>
      <Flex vertical gap={12}>
        {operationTypes.map((type) => (
          <Radio key={type} value={type}>
            <Typography.Text strong>{t(`reorg.op.${type}`)}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t(`reorg.opHelp.${type}`)}</Typography.Text>
          </Radio>
        ))}
      </Flex>
    </Radio.Group>
  );
}
