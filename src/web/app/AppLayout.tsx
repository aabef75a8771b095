import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../api/hooks';
import { DemoBadge } from '../components/DemoBadge';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { mayRead, NAV_ITEMS, navItemFor } from './nav-items';
import { NotificationBell } from './NotificationBell';

const { Header, Sider, Content } = Layout;

// The menu stays in view while a long page scrolls.
const SIDER_STYLE = { position: 'sticky', top: 0, height: '100vh', overflow: 'auto' } as const;

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const current = navItemFor(location.pathname);

  const pageName = current ? t(`nav.${current.key}`) : t('common.notFound');
  useEffect(() => {
    document.title = `${pageName} - ${t('app.shortName')}`;
  }, [pageName, t]);

  const user = me.data?.user;
  const roleLabel = user ? (i18n.language === 'en' ? user.roleLabel.en : user.roleLabel.zh) : '';

  const onLogout = () =>
    logout.mutate(undefined, {
      onError: (err) => void message.error(`${t('header.logoutFailed')}: ${err.message}`),
      onSettled: () => void navigate('/login', { replace: true }),
    });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={216} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" theme="dark" style={SIDER_STYLE}>
        <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#fff', fontWeight: 600, fontSize: collapsed ? 14 : 18 }}>
          {collapsed ? 'SEI' : t('app.shortName')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={current ? [current.key] : []}
          items={NAV_ITEMS.filter((item) => mayRead(item, me.data?.permissions)).map((item) => ({
            key: item.key,
            icon: item.icon,
            label: <Link to={item.path}>{t(`nav.${item.key}`)}</Link>,
          }))}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }} ellipsis>
            {t('app.name')}
          </Typography.Text>
          <Space size="middle" wrap={false}>
            {me.data?.demo && <DemoBadge />}
            {user && <NotificationBell />}
            {user && (
              <Space size={4} data-testid="current-user">
                <UserOutlined />
                <Typography.Text>{user.displayName}</Typography.Text>
                <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                  {roleLabel}
                </Tag>
              </Space>
            )}
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending}>
              {t('header.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
