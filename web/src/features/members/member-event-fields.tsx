import type { MemberView } from '@tcxd/contract';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type dayjs from 'dayjs';
import { dateFormat, formatDate, today } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { UnitSearchSelect } from '../units/unit-search-select.tsx';
import { disciplineForms, eventExtra, type EventFormValues, type RecordableEvent } from './member-event-form.ts';

const notFuture = (d: dayjs.Dayjs) => d.isAfter(today(), 'day');

function TargetFields({ member, temporary }: { readonly member: MemberView; readonly temporary: boolean }) {
  const { t } = useI18n();
  const targetKind: EventFormValues['targetKind'] = Form.useWatch('targetKind');
  const exclude = member.cell ? [member.cell.id] : [];
  return (
    <>
      <Form.Item name="targetKind" label={temporary ? t('memberEvent.hostKind') : t('memberEvent.targetKind')}>
        <Radio.Group
          options={[
            { value: 'cell', label: t('memberEvent.targetCell') },
            { value: 'outside', label: t('memberEvent.targetOutside') },
          ]}
        />
      </Form.Item>
      {targetKind === 'outside' ? (
        <Form.Item
          name="destination"
          label={temporary ? t('memberEvent.hostDestination') : t('memberEvent.destination')}
          rules={[{ required: true, whitespace: true, message: t('memberEvent.destinationRequired') }]}
        >
          <Input maxLength={300} placeholder={t('memberEvent.destinationPlaceholder')} />
        </Form.Item>
      ) : (
        <Form.Item name="cell" label={temporary ? t('memberEvent.hostCell') : t('memberEvent.toCell')} rules={[{ required: true, message: t('memberForm.cellRequired') }]}>
          <UnitSearchSelect exclude={exclude} />
        </Form.Item>
      )}
    </>
  );
}

/** The fields of one kind of event beyond date, document and note. */
function ExtraFields({ kind, member }: { readonly kind: RecordableEvent; readonly member: MemberView }) {
  const { t } = useI18n();
  const extra = eventExtra(kind);
  switch (extra) {
    case null:
      return null;
    case 'fullMemberSince':
      return (
        <Form.Item
          name="fullMemberSince"
          label={t('memberEvent.fullMemberSince')}
          extra={member.probationEndsOn ? t('memberEvent.fullMemberSinceHelp', { date: formatDate(member.probationEndsOn) }) : undefined}
        >
          <DatePicker format={dateFormat} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'newDueDate':
      return (
        <Form.Item name="newDueDate" label={t('memberEvent.newDueDate')} rules={[{ required: true, message: t('memberEvent.newDueDateRequired') }]}>
          <DatePicker format={dateFormat} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'transferTarget':
      return <TargetFields member={member} temporary={false} />;
    case 'host':
      return <TargetFields member={member} temporary />;
    case 'arrivalCell':
      return (
        <Form.Item name="cell" label={t('memberEvent.arrivalCell')} rules={[{ required: true, message: t('memberForm.cellRequired') }]}>
          <UnitSearchSelect />
        </Form.Item>
      );
    case 'reason':
      return (
        <Form.Item name="reason" label={t('memberEvent.reason')} extra={t('memberEvent.reasonHelp')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      );
    case 'disciplineForm':
      return (
        <Form.Item name="form" label={t('memberEvent.disciplineForm')} extra={t('memberEvent.disciplineHelp')} rules={[{ required: true, message: t('memberEvent.disciplineRequired') }]}>
          <Select options={disciplineForms.map((f) => ({ value: f, label: t(`disciplineForm.${f}`) }))} />
        </Form.Item>
      );
  }
}

/** The event dialog's fields: the date, the kind's own fields, the deciding document and a note. */
export function MemberEventFields({ kind, member }: { readonly kind: RecordableEvent; readonly member: MemberView }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="date" label={t('memberEvent.date')} rules={[{ required: true, message: t('memberEvent.dateRequired') }]}>
        <DatePicker format={dateFormat} disabledDate={notFuture} style={{ width: '100%' }} />
      </Form.Item>
      <ExtraFields kind={kind} member={member} />
      <Form.Item name="documentNumber" label={t('memberEvent.documentNumber')} extra={t('memberEvent.documentHelp')}>
        <Input maxLength={60} placeholder="45-QĐ/ĐU" />
      </Form.Item>
      <Form.Item name="note" label={t('memberEvent.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </>
  );
}
