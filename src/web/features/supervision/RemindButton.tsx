// One-click 催办 from any list: sends the task's unit (the assigned unit, else the lead unit) a reminder
// with a standard message; only the coordinator sees it.
import { BellOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgRef } from '../../../shared/supervision';
import { useSendReminder } from '../../api/supervision';
import { useRunAction, useSupervisionAccess } from './common';

export function RemindButton({ task, size = 'small' }: { task: { id: string; code: string; title: string; dueOn: string; lead: OrgRef | null; assignment: { org: OrgRef } | null; status: string }; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const access = useSupervisionAccess();
  const send = useSendReminder();
  const run = useRunAction();
  const org = task.assignment?.org ?? task.lead;
  if (!access.remind || !org || task.status === 'closed') return null;
  const message = t('supervision.remindMessage', { code: task.code, title: task.title, due: task.dueOn });
  return (
    <Tooltip title={t('supervision.remindTo', { org: org.name })}>
      <Button
        size={size}
        icon={<BellOutlined />}
        loading={send.isPending && send.variables?.taskId === task.id}
        data-testid="remind"
        onClick={(e) => {
          e.stopPropagation();
          void run(() => send.mutateAsync({ taskId: task.id, orgId: org.id, message }), t('supervision.reminded', { org: org.name }));
        }}
      >
        {t('supervision.actions.remind')}
      </Button>
    </Tooltip>
  );
}
