// Administration (users, audit log) and the notification list — English.
import type { zhAuditLog, zhNotifications, zhUserAdmin } from './zh-admin';

export const enUserAdmin: typeof zhUserAdmin = {
  tabs: { users: 'Users', audit: 'Audit log', organizations: 'Organisations' },
  username: 'User name',
  displayName: 'Display name',
  role: 'Role',
  org: 'Organisation',
  email: 'E-mail',
  state: 'State',
  active: 'Active',
  disabled: 'Disabled',
  sessions: 'Sessions',
  actions: 'Actions',
  add: 'Add user',
  edit: 'Edit',
  save: 'Save',
  password: 'Initial password',
  passwordHelp: 'At least 8 characters',
  disable: 'Disable',
  enable: 'Enable',
  disableConfirm: 'Disable {{name}}? All their sessions end now and they can no longer log in.',
  resetPassword: 'Reset password',
  resetConfirm: 'Make a new password for {{name}}? All their sessions end.',
  newPassword: 'New password of {{name}} (shown once): {{password}}',
  endSessions: 'End sessions',
  endSessionsConfirm: 'End all sessions of {{name}} (log them out everywhere)?',
  sessionsEnded: '{{count}} sessions ended',
  saved: 'Saved',
  orgNeeded: 'Department, county and enterprise users need an organisation',
  search: 'Search user name or display name',
};

export const enAuditLog: typeof zhAuditLog = {
  at: 'Time',
  actor: 'Actor',
  action: 'Action',
  entity: 'Entity',
  entityId: 'Entity id',
  dates: 'Dates',
  before: 'Before',
  after: 'After',
  filter: 'Search',
  reset: 'Clear',
  total: '{{count}} entries',
  noChange: '(nothing)',
};

export const enNotifications: typeof zhNotifications = {
  title: 'Notifications',
  bell: 'Notifications ({{count}} unread)',
  empty: 'No notifications',
  markAllRead: 'Mark all read',
  open: 'Open',
  unread: 'Unread',
  remindConfirmTitle: 'Remind all non-reporters?',
  remindConfirm: 'Send a reminder to {{count}} units that have not reported ({{dataset}} {{period}})? Their users get a notification in the app, and an e-mail where an address is on file.',
};
