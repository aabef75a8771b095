// Every part of the product, in navigation order. A part without a page in `routes.tsx` shows
// NotYetAvailable; the label is `nav.<key>` in the i18n resources. A part names the policy resources
// it is about: the menu shows it to a role that may read at least one of them (any scope), and its
// URL answers 403 to the others; the overview names none and is always shown.
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
import type { Resource } from '../../shared/roles';
import type { Permissions } from '../api/types';
import type { Messages } from '../i18n/zh';

export type NavKey = keyof Messages['nav'];

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Shown to roles that may read any of these; parts not built yet name the nearest resource. */
  resources?: Resource[];
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'overview', path: '/', icon: <DashboardOutlined /> },
  { key: 'plan', path: '/plan', icon: <FileTextOutlined />, resources: ['plan'] },
  { key: 'targets', path: '/targets', icon: <AimOutlined />, resources: ['target'] },
  { key: 'tasks', path: '/tasks', icon: <ProfileOutlined />, resources: ['plan'] },
  { key: 'supervision', path: '/supervision', icon: <ScheduleOutlined />, resources: ['supervision_task'] },
  { key: 'statistics', path: '/statistics', icon: <BarChartOutlined />, resources: ['datavalue'] },
  { key: 'enterprises', path: '/enterprises', icon: <BankOutlined />, resources: ['enterprise'] },
  { key: 'platforms', path: '/platforms', icon: <BulbOutlined />, resources: ['platform'] },
  { key: 'parks', path: '/parks', icon: <ClusterOutlined />, resources: ['park'] },
  { key: 'projects', path: '/projects', icon: <FundProjectionScreenOutlined />, resources: ['project'] },
  { key: 'reviews', path: '/reviews', icon: <AuditOutlined />, resources: ['review_item'] },
  { key: 'evaluation', path: '/evaluation', icon: <TrophyOutlined />, resources: ['evaluation'] },
  { key: 'planParser', path: '/plan-parser', icon: <FileSearchOutlined />, resources: ['plan'] },
  { key: 'reports', path: '/reports', icon: <FileDoneOutlined />, resources: ['progress'] },
  // 系统管理: users, settings and the audit log (DESIGN.md: the administrator's part; the coordinator and
  // the leading group read the audit log).
  { key: 'admin', path: '/admin', icon: <SettingOutlined />, resources: ['user', 'settings', 'audit'] },
];

/** Whether a role with these permissions (from /api/me) may see the part. */
export function mayRead(item: NavItem, permissions: Permissions | undefined): boolean {
  return !item.resources || item.resources.some((r) => !!permissions?.[r]?.read);
}

/** The nav item whose page is showing (the longest path that prefixes the location). */
export function navItemFor(pathname: string): NavItem | undefined {
  return NAV_ITEMS.filter((i) => (i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
