// Every part of the product, in navigation order. A part without a page in `routes.tsx` shows
// NotYetAvailable; the label is `nav.<key>` in the i18n resources.
import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BulbOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  AimOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Messages } from '../i18n/zh';

export type NavKey = keyof Messages['nav'];

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'overview', path: '/', icon: <DashboardOutlined /> },
  { key: 'plan', path: '/plan', icon: <FileTextOutlined /> },
  { key: 'targets', path: '/targets', icon: <AimOutlined /> },
  { key: 'tasks', path: '/tasks', icon: <ProfileOutlined /> },
  { key: 'supervision', path: '/supervision', icon: <ScheduleOutlined /> },
  { key: 'statistics', path: '/statistics', icon: <BarChartOutlined /> },
  { key: 'enterprises', path: '/enterprises', icon: <BankOutlined /> },
  { key: 'platforms', path: '/platforms', icon: <BulbOutlined /> },
  { key: 'parks', path: '/parks', icon: <ClusterOutlined /> },
  { key: 'projects', path: '/projects', icon: <FundProjectionScreenOutlined /> },
  { key: 'reviews', path: '/reviews', icon: <AuditOutlined /> },
  { key: 'evaluation', path: '/evaluation', icon: <TrophyOutlined /> },
  { key: 'planParser', path: '/plan-parser', icon: <FileSearchOutlined /> },
  { key: 'reports', path: '/reports', icon: <FileDoneOutlined /> },
  { key: 'admin', path: '/admin', icon: <SettingOutlined /> },
];

/** The nav item whose page is showing (the longest path that prefixes the location). */
export function navItemFor(pathname: string): NavItem | undefined {
  return NAV_ITEMS.filter((i) => (i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
