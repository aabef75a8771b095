// The header's bell: the unread count; a click opens the drawer of notifications (NotificationDrawer.tsx,
// loaded on the first click so that Drawer and List stay out of the first page's JS).
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../api/notifications';

const NotificationDrawer = lazy(async () => ({ default: (await import('./NotificationDrawer')).NotificationDrawer }));

export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false); // once opened, the drawer stays mounted (its closing animation)
  const unread = useUnreadCount();
  const count = unread.data ?? 0;

  return (
    <>
      <Badge count={count} size="small" offset={[-4, 4]} data-testid="notification-count">
        <Button
          type="text" icon={<BellOutlined />} aria-label={t('notifications.bell', { count })} data-testid="notification-bell"
          onClick={() => { setOpen(true); setOpened(true); }}
        />
      </Badge>
      {opened && (
        <Suspense fallback={null}>
          <NotificationDrawer open={open} count={count} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
