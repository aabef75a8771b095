// 督查督办: one tab per sub-route (/supervision/inbox, /board, /gantt, /units, /bulletin) and the task
// drawer over any of them (?task=<id>), so a row anywhere opens the same task.
import { Button, Card, DatePicker, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../api/hooks';
import { BoardTab } from './BoardTab';
import { BulletinTab } from './BulletinTab';
import { useSupervisionAccess } from './common';
import { GanttTab } from './GanttTab';
import { InboxTab } from './InboxTab';
import { TaskDrawer } from './TaskDrawer';
import { UnitsTab } from './UnitsTab';

/** The last day of the demo's supervision history (src/db/seed/demo-supervision.ts). */
export const DEMO_AS_OF = '2020-12-31';

export const SUPERVISION_TABS = ['inbox', 'board', 'gantt', 'units', 'bulletin'] as const;
export type SupervisionTab = (typeof SUPERVISION_TABS)[number];

/** The as-of date of every view (?asOf=); none means the server's today. */
export function useAsOf(): [string | undefined, (d: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = (d: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (d) next.set('asOf', d);
      else next.delete('asOf');
      return next;
    });
  return [params.get('asOf') ?? undefined, set];
}

export function SupervisionPage() {
  const { t } = useTranslation();
  const access = useSupervisionAccess();
  const navigate = useNavigate();
  const location = useLocation();
  const { tab } = useParams<{ tab?: string }>();
  const [asOf, setAsOf] = useAsOf();
  const demo = useMe().data?.demo ?? false;
  const active: SupervisionTab = (SUPERVISION_TABS as readonly string[]).includes(tab ?? '') ? (tab as SupervisionTab) : 'inbox';
  const content: Record<SupervisionTab, () => ReactNode> = {
    inbox: () => <InboxTab asOf={asOf} />,
    board: () => <BoardTab asOf={asOf} />,
    gantt: () => <GanttTab asOf={asOf} />,
    units: () => <UnitsTab asOf={asOf} />,
    bulletin: () => <BulletinTab asOf={asOf} />,
  };
  if (!access.ready) return null;
  // Switching tabs keeps the as-of date but not the open task.
  const search = (() => {
    const p = new URLSearchParams(location.search);
    p.delete('task');
    const s = p.toString();
    return s ? `?${s}` : '';
  })();
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('supervision.title')}</Typography.Title>}
      extra={
        <Space>
          {/* The demo's history ends with the plan; today every unfinished demo task is simply overdue. */}
          {demo && asOf !== DEMO_AS_OF && (
            <Button type="link" size="small" onClick={() => setAsOf(DEMO_AS_OF)} data-testid="demo-asof">{t('supervision.demoAsOf', { date: DEMO_AS_OF })}</Button>
          )}
          <Typography.Text type="secondary">{t('supervision.asOf')}</Typography.Text>
          <DatePicker
            value={asOf ? dayjs(asOf) : null}
            placeholder={t('supervision.today')}
            onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
            data-testid="supervision-asof"
          />
        </Space>
      }
      styles={{ body: { paddingTop: 0 } }}
    >
      <Tabs
        activeKey={active}
        data-testid="supervision-tabs"
        destroyOnHidden
        onChange={(key) => void navigate(`/supervision/${key}${search}`)}
        items={SUPERVISION_TABS.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`supervision.tabs.${key}`)}</span>, children: content[key]() }))}
      />
      <TaskDrawer asOf={asOf} />
    </Card>
  );
}

/** /supervision/tasks/:taskId (the link in notifications and e-mails) opens the task over the board. */
export function SupervisionTaskRedirect() {
  const { taskId } = useParams<{ taskId: string }>();
  return <Navigate to={`/supervision/board?task=${encodeURIComponent(taskId ?? '')}`} replace />;
}
