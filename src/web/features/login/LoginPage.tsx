import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Space, Typography, type InputRef } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAppInfo, useLogin } from '../../api/hooks';
import type { Credentials } from '../../api/types';
import { DemoBadge } from '../../components/DemoBadge';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** Only same-site paths are followed after login, never an absolute URL from the query string. */
function safeRedirect(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const appInfo = useAppInfo();
  const login = useLogin();
  const demo = appInfo.data?.demo === true;
  const [form] = Form.useForm<Credentials>();
  const passwordRef = useRef<InputRef>(null);
  // After a failed attempt the form is enabled again: put the cursor back in the (cleared) password field.
  const failed = login.isError && !login.isPending;
  useEffect(() => {
    if (!failed) return;
    form.setFieldValue('password', '');
    passwordRef.current?.focus();
  }, [failed, login.failureCount, login.submittedAt, form]);

  const onFinish = (values: Credentials) =>
    login.mutate(values, { onSuccess: () => void navigate(safeRedirect(params.get('from')), { replace: true }) });

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24, background: 'linear-gradient(180deg, #e8f0fe 0%, #f5f7fa 100%)' }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 460 }} styles={{ body: { padding: 32 } }}>
        <Space direction="vertical" size={4} style={{ width: '100%', textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.shortName')}</Typography.Text>
          {demo && (
            <div style={{ marginTop: 8 }}>
              <DemoBadge />
            </div>
          )}
        </Space>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        {login.isError && (
          <Alert type="error" showIcon message={t('login.failed')} description={login.error.message} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<Credentials> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password ref={passwordRef} prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        {demo && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
            {t('app.demoHint')}
          </Typography.Paragraph>
        )}
      </Card>
    </Flex>
  );
}
