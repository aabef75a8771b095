// The header's bell: the unread count, and a drawer with the user's notifications (newest first);
// opening one marks it read and goes to the page it is about.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type NotificationItem, useMarkRead, useNotifications, useUnreadCount } from '../api/notifications';

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications(open);
  const mark = useMarkRead();
  const en = i18n.language === 'en';
  const count = unread.data ?? 0;

  const openItem = (n: NotificationItem) => {
    if (!n.readAt) mark.mutate(n.id);
    if (n.link) {
      setOpen(false);
      void navigate(n.link);
    }
  };

  return (
    <>
      <Badge count={count} size="small" offset={[-4, 4]} data-testid="notification-count">
        <Button type="text" icon={<BellOutlined />} aria-label={t('notifications.bell', { count })} onClick={() => setOpen(true)} data-testid="notification-bell" />
      </Badge>
      <Drawer
        title={t('notifications.title')} open={open} onClose={() => setOpen(false)} width={420} data-testid="notification-drawer"
        extra={<Button size="small" disabled={!count} onClick={() => mark.mutate('all')}>{t('notifications.markAllRead')}</Button>}
      >
        <List<NotificationItem>
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('notifications.empty') }}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: n.link ? 'pointer' : undefined, opacity: n.readAt ? 0.65 : 1 }} onClick={() => openItem(n)}
              data-testid="notification-item"
            >
              <List.Item.Meta
                title={<Space>{!n.readAt && <Tag color="red">{t('notifications.unread')}</Tag>}<Typography.Text strong={!n.readAt}>{en ? n.titleEn : n.title}</Typography.Text></Space>}
                description={
                  <>
                    <div>{en ? n.bodyEn : n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{new Date(n.createdAt).toLocaleString()}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
