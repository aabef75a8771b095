// The edit dialog of a registry record: the form items come from the page; server-side field errors
// land on their fields; a CONFLICT (someone else saved first) says so.
import { App, Form, Modal, type FormInstance } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryKind } from '../../../shared/registries';
import { ApiError } from '../../api/client';
import { useSaveRecord } from '../../api/targets';

export interface EditState<T> {
  record: (T & { id: string; rowVersion: number }) | null;
  open: boolean;
}

export function RegistryFormModal<T extends object>({
  kind, state, onClose, toForm, toBody, children, width = 720,
}: {
  kind: RegistryKind;
  state: EditState<T>;
  onClose: () => void;
  toForm: (r: T | null) => Record<string, unknown>;
  toBody: (v: Record<string, unknown>) => Record<string, unknown>;
  children: (form: FormInstance) => ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = useSaveRecord(kind);
  useEffect(() => {
    if (state.open) form.setFieldsValue(toForm(state.record));
  }, [state, form, toForm]);
  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = (await form.validateFields()) as Record<string, unknown>;
    } catch {
      return; // the form shows the field errors
    }
    const body = toBody(values);
    try {
      await save.mutateAsync({ id: state.record?.id ?? null, body: state.record ? { ...body, rowVersion: state.record.rowVersion } : body });
      void message.success(t('registry.saved'));
      onClose();
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = err.issues.filter((i) => i.path && !i.path.includes('.')).map((i) => ({ name: i.path, errors: [i.message] }));
        if (fields.length) form.setFields(fields);
        void message.error(err.code === 'CONFLICT' ? t('registry.conflict') : err.message);
      } else void message.error(String(err));
    }
  };
  return (
    <Modal
      open={state.open} width={width} destroyOnHidden title={state.record ? t('registry.edit') : t('registry.add')}
      okText={t('registry.save')} cancelText={t('registry.cancel')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending}
    >
      <Form form={form} layout="vertical" data-testid="registry-form" preserve={false}>
        {children(form)}
      </Form>
    </Modal>
  );
}
