// Add a user, or edit one (display name, role, organisation, e-mail). Edits send the row version read;
// a stale one comes back as the server's 409 message.
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles';
import { ROLES_NEEDING_ORG } from '../../../shared/users';
import { type AdminUser, useAddUser, useEditUser } from '../../api/admin';
import { ApiError } from '../../api/client';
import { useOrganizations } from '../../api/hooks';

interface Values {
  username: string;
  displayName?: string;
  role: Role;
  orgCode?: string | null;
  email?: string;
  password?: string;
}

export function UserFormModal({ open, record, onClose }: { open: boolean; record: AdminUser | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const orgs = useOrganizations();
  const add = useAddUser();
  const edit = useEditUser();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const role = Form.useWatch('role', form);
  const needsOrg = (ROLES_NEEDING_ORG as readonly string[]).includes(role ?? '');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (record) form.setFieldsValue({ username: record.username, displayName: record.displayName, role: record.role, orgCode: record.org?.code ?? null, email: record.email ?? '' });
  }, [open, record, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      if (record) {
        await edit.mutateAsync({ id: record.id, edit: { rowVersion: record.rowVersion, displayName: v.displayName, role: v.role, orgCode: v.orgCode ?? null, email: v.email?.trim() || null } });
      } else {
        await add.mutateAsync({ username: v.username.trim(), password: v.password ?? '', role: v.role, orgCode: v.orgCode ?? null, displayName: v.displayName?.trim() || undefined, email: v.email?.trim() || null });
      }
      void message.success(t('userAdmin.saved'));
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        form.setFields(err.issues.filter((i) => ['username', 'password', 'role', 'orgCode', 'email', 'displayName'].includes(i.path)).map((i) => ({ name: i.path as keyof Values, errors: [i.message] })));
      }
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Modal open={open} title={record ? `${t('userAdmin.edit')} ${record.username}` : t('userAdmin.add')} onCancel={onClose} onOk={() => void submit()}
      okText={t('userAdmin.save')} confirmLoading={add.isPending || edit.isPending} destroyOnHidden data-testid="user-form">
      <Form<Values> form={form} layout="vertical" initialValues={{ role: 'enterprise' }}>
        <Form.Item name="username" label={t('userAdmin.username')} rules={[{ required: true }]}>
          <Input disabled={!!record} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('userAdmin.displayName')}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('userAdmin.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))} data-testid="user-role" />
        </Form.Item>
        <Form.Item name="orgCode" label={t('userAdmin.org')} rules={[{ required: needsOrg, message: t('userAdmin.orgNeeded') }]}>
          <Select allowClear showSearch optionFilterProp="label" loading={orgs.isPending}
            options={(orgs.data ?? []).map((o) => ({ value: o.code, label: `${lang === 'en' && o.nameEn ? o.nameEn : o.name} (${o.code})` }))} />
        </Form.Item>
        <Form.Item name="email" label={t('userAdmin.email')} rules={[{ type: 'email' }]}>
          <Input type="email" autoComplete="off" data-testid="user-email" />
        </Form.Item>
        {!record && (
          <Form.Item name="password" label={t('userAdmin.password')} extra={t('userAdmin.passwordHelp')} rules={[{ required: true, min: 8 }]}>
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
