// Review, approve and return buttons of one report (used in the entry form and the review list).
// A return asks for the reason; the server's message is shown when an action is refused.
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportAction } from '../../api/statistics';

export interface ReportTarget {
  dataset: string;
  org: string;
  period: string;
  rowVersion: number;
}

export function ReportActions({ target, can, size }: { target: ReportTarget; can: { review: boolean; approve: boolean; return: boolean }; size?: 'small' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useReportAction();
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const run = async (action: 'review' | 'approve' | 'return', reason?: string) => {
    try {
      await act.mutateAsync({ action, ...target, reason });
      void message.success(t('statistics.actionDone', { action: t(`statistics.${action}`) }));
      return true;
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
      return false;
    }
  };
  const busy = (a: string) => act.isPending && act.variables?.action === a;
  if (!can.review && !can.approve && !can.return) return null;
  return (
    <Space size={4} wrap>
      {can.review && <Button size={size} type="primary" onClick={() => void run('review')} loading={busy('review')} data-testid="report-review">{t('statistics.review')}</Button>}
      {can.approve && <Button size={size} type="primary" onClick={() => void run('approve')} loading={busy('approve')} data-testid="report-approve">{t('statistics.approve')}</Button>}
      {can.return && <Button size={size} danger onClick={() => setReturning(true)} data-testid="report-return">{t('statistics.return')}</Button>}
      <Modal
        open={returning}
        title={`${t('statistics.return')} · ${target.period}`}
        okText={t('statistics.return')}
        okButtonProps={{ danger: true, loading: busy('return'), 'data-testid': 'return-confirm' } as { danger: boolean; loading: boolean }}
        onCancel={() => setReturning(false)}
        destroyOnHidden
        onOk={async () => {
          const values = await form.validateFields().catch(() => null);
          if (values && (await run('return', values.reason))) setReturning(false);
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('statistics.returnReason')} rules={[{ required: true, whitespace: true, message: t('statistics.returnReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="return-reason" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
