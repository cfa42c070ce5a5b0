import { Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import type dayjs from 'dayjs';
import { dateFormat, today } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { UnitSearchSelect } from '../units/unit-search-select.tsx';
import type { OpeningFormValues } from './member-form.ts';

const notFuture = (d: dayjs.Dayjs) => d.isAfter(today(), 'day');

/**
 * How the record enters the registry: "Kết nạp mới" (date, cell, the cell's resolution,
 * the decision) or "Nhập hồ sơ đảng viên đang sinh hoạt" (cell, admission and full-membership dates).
 */
export function MemberOpeningFields() {
  const { t } = useI18n();
  const kind: OpeningFormValues['kind'] | undefined = Form.useWatch(['opening', 'kind']);
  const required = (message: string) => [{ required: true, message }];
  const col = { xs: 24, md: 12, xl: 8 };
  const cell = (
    <Col {...col}>
      <Form.Item name={['opening', 'cell']} label={t('memberForm.cell')} rules={required(t('memberForm.cellRequired'))}>
        <UnitSearchSelect />
      </Form.Item>
    </Col>
  );
  const note = (
    <Col xs={24}>
      <Form.Item name={['opening', 'note']} label={t('memberEvent.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <Form.Item name={['opening', 'kind']}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'admitted', label: t('memberForm.openingAdmitted') },
            { value: 'record_opened', label: t('memberForm.openingRecord') },
          ]}
        />
      </Form.Item>
      {kind === 'record_opened' ? (
        <Row gutter={16}>
          {cell}
          <Col {...col}>
            <Form.Item name={['opening', 'admittedOn']} label={t('memberField.admissionDate')} rules={required(t('memberForm.admittedOnRequired'))}>
              <DatePicker format={dateFormat} disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name={['opening', 'fullMemberSince']} label={t('memberField.fullMemberDate')} extra={t('memberForm.fullMemberSinceHelp')}>
              <DatePicker format={dateFormat} disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name={['opening', 'date']} label={t('memberForm.recordDate')} extra={t('memberForm.recordDateHelp')} rules={required(t('memberEvent.dateRequired'))}>
              <DatePicker format={dateFormat} disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name={['opening', 'documentNumber']} label={t('memberEvent.documentNumber')}>
              <Input maxLength={60} placeholder="15-QĐ/ĐU" />
            </Form.Item>
          </Col>
          {note}
        </Row>
      ) : (
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item name={['opening', 'date']} label={t('memberForm.admissionDate')} extra={t('memberForm.admissionDateHelp')} rules={required(t('memberEvent.dateRequired'))}>
              <DatePicker format={dateFormat} disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {cell}
          <Col {...col}>
            <Form.Item name={['opening', 'resolutionDate']} label={t('memberForm.resolutionDate')}>
              <DatePicker format={dateFormat} disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name={['opening', 'documentNumber']}
              label={t('memberForm.admissionDecision')}
              rules={[{ required: true, whitespace: true, message: t('memberEvent.documentRequired') }]}
            >
              <Input maxLength={60} placeholder="125-QĐ/ĐU" />
            </Form.Item>
          </Col>
          {note}
        </Row>
      )}
    </>
  );
}
