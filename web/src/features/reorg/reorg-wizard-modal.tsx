import type { ReorgOperation, ReorgPreview, UnitKind } from '@tcxd/contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Modal, Spin, Steps } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api-client.ts';
import { useErrorText } from '../../app/error-text.ts';
import { today, todayIso, toIsoDate } from '../../app/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { UnitChoice } from '../units/unit-choice.ts';
import { refreshStructure, childUnitsQuery, unitsApi } from '../units/units-api.ts';
import { IncompleteFormError, type OperationType, operationOf, type ReorgForm } from './reorg-form.ts';
import { ReorgFields } from './reorg-fields.tsx';
import { ReorgPreviewView } from './reorg-preview-view.tsx';
import { ReorgTypeChoice } from './reorg-type-choice.tsx';

/** What the wizard starts with (from a unit page: the operation and the unit). */
export interface ReorgStart {
  readonly type?: OperationType;
  readonly unit?: UnitChoice;
  /** The unit's current name (offered for a rename). */
  readonly name?: string;
  /** The unit's parent (offered as parent of new successors). */
  readonly parent?: UnitChoice;
  /** The unit's kind (offered as kind of new successors). */
  readonly kind?: UnitKind;
}

interface Props {
  readonly open: boolean;
  readonly start: ReorgStart;
  readonly onClose: () => void;
}

/** The reorganisation wizard: choose the operation, fill it in, preview, carry it out. */
export function ReorgWizardModal({ open, start, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('reorg.title')} onCancel={onClose} footer={null} width={920} destroyOnHidden maskClosable={false}>
      <ReorgWizard start={start} onClose={onClose} />
    </Modal>
  );
}

function initialValues(start: ReorgStart): Partial<ReorgForm> {
  const successor = { mode: 'create' as const, parent: start.parent ?? null, ...(start.kind ? { kind: start.kind } : {}) };
  return {
    effectiveDate: today(),
    documentNumber: '',
    unit: start.unit ?? null,
    parent: start.type === 'create' ? (start.unit ?? null) : null,
    ...(start.name ? { name: start.name } : {}),
    sources: start.unit ? [start.unit] : [],
    target: { mode: 'existing', parent: start.parent ?? null, ...(start.kind ? { kind: start.kind } : {}) },
    successors: [successor, successor],
    mainSuccessor: 0,
  };
}

function ReorgWizard({ start, onClose }: { readonly start: ReorgStart; readonly onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ReorgForm>();
  const [type, setType] = useState<OperationType | null>(start.type ?? null);
  const [step, setStep] = useState(start.type ? 1 : 0);
  const [operation, setOperation] = useState<ReorgOperation | null>(null);
  const [preview, setPreview] = useState<ReorgPreview | null>(null);
  const [confirmBackdated, setConfirmBackdated] = useState(false);

  const effectiveDate = Form.useWatch('effectiveDate', { form, preserve: true });
  const asOf = effectiveDate ? toIsoDate(effectiveDate) : todayIso();
  const unit = Form.useWatch('unit', { form, preserve: true });
  const splitting = type === 'split' && Boolean(unit);
  const splitChildren = useQuery({ ...childUnitsQuery(unit?.value ?? null, asOf), enabled: splitting });

  const previewing = useMutation({
    mutationFn: unitsApi.preview,
    onMutate: () => setPreview(null),
    onSuccess: setPreview,
  });
  const committing = useMutation({
    mutationFn: unitsApi.commit,
    onSuccess: async (result) => {
      void message.success(result.preview.summary[0] ? t('reorg.doneWith', { summary: result.preview.summary[0] }) : t('reorg.done'));
      onClose();
      await refreshStructure();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'refused' && error.issues.length > 0 && preview) {
        setPreview({ ...preview, ok: false, refusals: error.issues.map((i) => ({ code: i.path, message: i.message, unitId: null })) });
      } else void message.error(errorText(error));
    },
  });

  const runPreview = (next: ReorgOperation) => {
    setOperation(next);
    previewing.mutate(next);
  };

  const toPreview = async () => {
    if (!type) return;
    try {
      await form.validateFields();
      const values: ReorgForm = { ...form.getFieldsValue(true), type };
      const childIds = type === 'split' ? (splitChildren.data ?? []).map((c) => c.id) : undefined;
      const next = operationOf(values, { confirmBackdated, ...(childIds ? { childIds } : {}) });
      setStep(2);
      runPreview(next);
    } catch (error) {
      if (error instanceof IncompleteFormError) void message.error(t('reorg.incomplete'));
      // Otherwise the form shows what is missing next to each field.
    }
  };

  const toggleBackdated = (confirmed: boolean) => {
    setConfirmBackdated(confirmed);
    if (operation) runPreview({ ...operation, confirmBackdated: confirmed });
  };

  const failure = previewing.error;
  const canCommit = step === 2 && preview !== null && preview.refusals.length === 0 && !previewing.isPending && operation !== null;

  return (
    <Flex vertical gap={20}>
      <Steps
        size="small"
        current={step}
        onChange={(target) => {
          if (target < step) setStep(target);
        }}
        items={[{ title: t('reorg.stepType') }, { title: t('reorg.stepDetails') }, { title: t('reorg.stepPreview') }]}
      />
      {step === 0 ? <ReorgTypeChoice value={type} onChange={setType} /> : null}
      {/* The form stays mounted on every step, so that going back keeps what was typed. */}
      <div style={step === 1 ? undefined : { display: 'none' }}>
      <Form<ReorgForm> form={form} layout="vertical" initialValues={initialValues(start)} scrollToFirstError disabled={committing.isPending}>
        {type ? (
          <ReorgFields
            form={form}
            type={type}
            asOf={asOf}
            unitId={unit?.value ?? null}
            splitChildren={splitting ? (splitChildren.data ?? null) : null}
            splitChildrenLoading={splitChildren.isFetching}
          />
        ) : null}
      </Form>
      </div>
      {step === 2 ? (
        <div style={{ minHeight: 160 }}>
          {previewing.isPending ? <Spin description={t('reorg.previewing')} style={{ display: 'block', padding: 48 }} /> : null}
          {failure ? (
            <Alert
              type="error"
              showIcon
              title={errorText(failure)}
              description={
                failure instanceof ApiError && failure.issues.length > 0 ? (
                  <ul className="tcxd-plain-list">
                    {failure.issues.map((i) => (
                      <li key={`${i.path}-${i.message}`}>{i.message}</li>
                    ))}
                  </ul>
                ) : null
              }
            />
          ) : null}
          {preview ? <ReorgPreviewView preview={preview} confirmBackdated={confirmBackdated} onConfirmBackdated={toggleBackdated} busy={previewing.isPending} /> : null}
        </div>
      ) : null}
      <Flex justify="flex-end" gap={8}>
        {step === 0 ? (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!type} onClick={() => setStep(1)}>
              {t('reorg.next')}
            </Button>
          </>
        ) : null}
        {step === 1 ? (
          <>
            <Button onClick={() => setStep(0)}>{t('reorg.back')}</Button>
            <Button type="primary" onClick={() => void toPreview()}>
              {t('reorg.preview')}
            </Button>
          </>
        ) : null}
        {step === 2 ? (
          <>
            <Button onClick={() => setStep(1)} disabled={committing.isPending}>
              {t('reorg.back')}
            </Button>
            <Button type="primary" danger={type === 'dissolve'} disabled={!canCommit} loading={committing.isPending} onClick={() => operation && committing.mutate(operation)}>
              {t('reorg.commit')}
            </Button>
          </>
        ) : null}
      </Flex>
    </Flex>
  );
}
