// The bell's drawer: the user's notifications (newest first); opening one marks it read and goes to the page
// it is about. Its own chunk, loaded when the bell is first clicked (Drawer and List are not first-page JS).
import { Button, Drawer, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type NotificationItem, useMarkRead, useNotifications } from '../api/notifications';

export function NotificationDrawer({ open, count, onClose }: { open: boolean; count: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useNotifications(open);
  const mark = useMarkRead();
  const en = i18n.language === 'en';

  const openItem = (n: NotificationItem) => {
    if (!n.readAt) mark.mutate(n.id);
    if (n.link) {
      onClose();
      void navigate(n.link);
    }
  };

  return (
    <Drawer
      title={t('notifications.title')} open={open} onClose={onClose} width={420} data-testid="notification-drawer"
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
  );
}
