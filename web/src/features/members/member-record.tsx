import type { MemberView } from '@tcxd/contract';
import { Card, Descriptions, type DescriptionsProps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { MaskedValue } from './masked-value.tsx';

type Fields = MemberView['fields'];
type FieldName = keyof Fields;

/** The phiếu đảng viên (Mẫu 2-HSĐV) as four groups: sơ yếu, trình độ, đảng tịch, chức vụ/khen thưởng/kỷ luật. */
export function MemberRecord({ member }: { readonly member: MemberView }) {
  const { t } = useI18n();
  const f = member.fields;
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const masked = new Set<string>(member.masked);

  const show = (name: FieldName, value: ReactNode = f[name]): NonNullable<DescriptionsProps['items']>[number] => ({
    key: name,
    label: t(`memberField.${name}`),
    children: masked.has(name) ? <MaskedValue /> : value === null || value === '' ? none : value,
  });
  const item = (key: string, label: string, value: ReactNode) => ({ key, label, children: value ?? none });
  const long = (name: FieldName) => show(name, f[name] ? <span style={{ whiteSpace: 'pre-wrap' }}>{f[name]}</span> : null);
  const column = { xs: 1, md: 2, xl: 2, xxl: 3 };

  return (
    <Card title={t('memberPage.recordTitle')}>
      <Descriptions
        title={t('memberPage.groupPersonal')}
        size="small"
        bordered
        column={column}
        items={[
          show('fullName'),
          show('otherNames'),
          show('sex', t(`sex.${f.sex}`)),
          show('birthDate', formatDate(f.birthDate)),
          show('birthPlace'),
          show('homeTown'),
          show('residence'),
          show('ethnicity'),
          show('religion'),
          show('citizenId'),
          show('occupation'),
        ]}
      />
      <Descriptions
        title={t('memberPage.groupEducation')}
        size="small"
        bordered
        column={column}
        style={{ marginTop: 16 }}
        items={[show('educationGeneral'), show('educationProfessional'), show('politicalTheory', f.politicalTheory ? t(`politicalTheory.${f.politicalTheory}`) : null)]}
      />
      <Descriptions
        title={t('memberPage.groupParty')}
        size="small"
        bordered
        column={column}
        style={{ marginTop: 16 }}
        items={[
          item('admissionDate', t('memberField.admissionDate'), formatDate(member.admissionDate)),
          item('fullMemberDate', t('memberField.fullMemberDate'), member.fullMemberDate ? formatDate(member.fullMemberDate) : null),
          show('cardNumber', f.cardNumber ? <Typography.Text code>{f.cardNumber}</Typography.Text> : null),
          show('historyNumber'),
        ]}
      />
      <Descriptions
        title={t('memberPage.groupPositions')}
        size="small"
        bordered
        column={1}
        style={{ marginTop: 16 }}
        items={[long('positions'), long('awards'), long('disciplineNote')]}
      />
    </Card>
  );
}
