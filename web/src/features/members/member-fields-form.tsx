import { politicalTheory } from '@tcxd/contract';
import { AutoComplete, Col, DatePicker, Divider, Form, type FormRule, Input, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { dateFormat, today } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ethnicityOptions } from './ethnicities.ts';
import { type MemberFieldName, memberFieldError } from './member-form.ts';

/** The contract's rule for one field, run as the clerk types (the same message as the server). */
function contractRule(name: MemberFieldName): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const message = memberFieldError(name, { [name]: value });
      if (message) throw new Error(message);
    },
  };
}

function TextItem({ name, max, area = false }: { readonly name: MemberFieldName; readonly max: number; readonly area?: boolean }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={t(`memberField.${name}`)} rules={[contractRule(name)]}>
      {area ? <Input.TextArea rows={2} maxLength={max} /> : <Input maxLength={max} />}
    </Form.Item>
  );
}

function EthnicityItem() {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  return (
    <Form.Item name="ethnicity" label={t('memberField.ethnicity')} rules={[contractRule('ethnicity')]}>
      <AutoComplete options={ethnicityOptions(typed)} onSearch={setTyped} maxLength={60} />
    </Form.Item>
  );
}

/** The fields of the phiếu đảng viên (Mẫu 2-HSĐV), grouped as on the paper form. */
export function MemberFieldsForm() {
  const { t } = useI18n();
  const col = { xs: 24, md: 12, xl: 8 };
  return (
    <>
      <Divider titlePlacement="start">{t('memberPage.groupPersonal')}</Divider>
      <Row gutter={16}>
        <Col {...col}>
          <TextItem name="fullName" max={120} />
        </Col>
        <Col {...col}>
          <TextItem name="otherNames" max={120} />
        </Col>
        <Col {...col}>
          <Form.Item name="sex" label={t('memberField.sex')} rules={[{ required: true, message: t('memberForm.sexRequired') }]}>
            <Radio.Group options={(['male', 'female'] as const).map((s) => ({ value: s, label: t(`sex.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="birthDate" label={t('memberField.birthDate')} rules={[{ required: true, message: t('memberForm.birthDateRequired') }]}>
            <DatePicker format={dateFormat} disabledDate={(d) => d.isAfter(today(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <TextItem name="birthPlace" max={300} />
        </Col>
        <Col {...col}>
          <TextItem name="homeTown" max={300} />
        </Col>
        <Col {...col}>
          <TextItem name="residence" max={300} />
        </Col>
        <Col {...col}>
          <EthnicityItem />
        </Col>
        <Col {...col}>
          <TextItem name="religion" max={60} />
        </Col>
        <Col {...col}>
          <TextItem name="citizenId" max={12} />
        </Col>
        <Col {...col}>
          <TextItem name="occupation" max={200} />
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('memberPage.groupEducation')}</Divider>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="educationGeneral" label={t('memberField.educationGeneral')} extra={t('memberForm.educationGeneralHelp')} rules={[contractRule('educationGeneral')]}>
            <Input maxLength={20} placeholder="12/12" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <TextItem name="educationProfessional" max={200} />
        </Col>
        <Col {...col}>
          <Form.Item name="politicalTheory" label={t('memberField.politicalTheory')}>
            <Select allowClear options={politicalTheory.options.map((v) => ({ value: v, label: t(`politicalTheory.${v}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('memberPage.groupParty')}</Divider>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="cardNumber" label={t('memberField.cardNumber')} extra={t('memberForm.cardNumberHelp')} rules={[contractRule('cardNumber')]}>
            <Input maxLength={8} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="historyNumber" label={t('memberField.historyNumber')} extra={t('memberForm.historyNumberHelp')} rules={[contractRule('historyNumber')]}>
            <Input maxLength={20} placeholder="012345-TU" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('memberPage.groupPositions')}</Divider>
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <TextItem name="positions" max={500} area />
        </Col>
        <Col xs={24} xl={8}>
          <TextItem name="awards" max={1000} area />
        </Col>
        <Col xs={24} xl={8}>
          <TextItem name="disciplineNote" max={1000} area />
        </Col>
      </Row>
    </>
  );
}
