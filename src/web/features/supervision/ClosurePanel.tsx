// 销号: the unit asks for closure with a note and evidence; the coordinator closes it or returns it with a
// reason; a closed task is read-only until the coordinator reopens it with a reason. Every request and
// decision stays listed.
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, List, Modal, Space, Tag, Typography, Upload } from 'antd';
import type { ButtonProps } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosureRequest, ClosureStatus } from '../../../shared/supervision';
import { evidenceUrl, useClosureEvidence, useDecideClosure, useReopen, useRequestClosure, type TaskDetail } from '../../api/supervision';
import { fileToBase64 } from '../../components/ImportPreview';
import { QueryResult } from '../../components/QueryResult';
import { useRunAction, useSupervisionAccess } from './common';

const STATUS_COLORS: Record<ClosureStatus, string> = { requested: 'processing', closed: 'default', returned: 'error', reopened: 'warning' };
const when = (s: string | null) => (s ? s.slice(0, 16).replace('T', ' ') : '');

export function ClosurePanel({ task, closures }: { task: TaskDetail; closures: UseQueryResult<ClosureRequest[]> }) {
  const { t } = useTranslation();
  const access = useSupervisionAccess();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<null | { kind: 'return'; closure: ClosureRequest } | { kind: 'reopen' }>(null);
  const decide = useDecideClosure();
  const reopen = useReopen();
  const run = useRunAction();
  const [form] = Form.useForm<{ reason: string }>();
  const closed = task.status === 'closed';
  return (
    <QueryResult query={closures}>
      {(list) => {
        const pending = list.some((c) => c.status === 'requested');
        return (
          <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="closures">
            <Space>
              {access.requestClosure && !closed && !pending && !asking && (
                <Button type="primary" onClick={() => setAsking(true)} data-testid="closure-request">{t('supervision.closure.request')}</Button>
              )}
              {access.reopen && closed && (
                <Button onClick={() => setReason({ kind: 'reopen' })} data-testid="closure-reopen">{t('supervision.actions.reopen')}</Button>
              )}
            </Space>
            {asking && <ClosureForm task={task} onDone={() => setAsking(false)} />}
            {list.length === 0 ? (
              <Empty description={t('supervision.closure.empty')} />
            ) : (
              <List<ClosureRequest>
                dataSource={[...list].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))}
                rowKey="id"
                renderItem={(c) => (
                  <List.Item data-testid="closure-item" data-status={c.status}>
                    <Space direction="vertical" size={4} style={{ width: '100%' }}>
                      <Space wrap>
                        <Tag color={STATUS_COLORS[c.status]} data-testid="closure-status">{t(`supervision.closureStatuses.${c.status}`)}</Tag>
                        <Typography.Text type="secondary">{t('supervision.closure.requestedBy', { who: c.requestedBy, at: when(c.requestedAt) })}</Typography.Text>
                        {c.decidedAt && <Typography.Text type="secondary">{t('supervision.closure.decidedBy', { who: c.decidedBy, at: when(c.decidedAt) })}</Typography.Text>}
                      </Space>
                      <Typography.Paragraph style={{ margin: 0 }}>{c.note}</Typography.Paragraph>
                      {c.reason && <Typography.Text type={c.status === 'returned' ? 'danger' : 'warning'}>{t('supervision.reason')}：{c.reason}</Typography.Text>}
                      {c.evidence.length > 0 && (
                        <Space wrap>
                          {c.evidence.map((e) => <a key={e.id} href={evidenceUrl(e.id)}><PaperClipOutlined /> {e.fileName}</a>)}
                        </Space>
                      )}
                      {access.decideClosure && c.status === 'requested' && (
                        <Space>
                          <Button type="primary" size="small" data-testid="closure-close" loading={decide.isPending}
                            onClick={() => void run(() => decide.mutateAsync({ id: c.id, body: { rowVersion: task.rowVersion, decision: 'close' } }), t('supervision.closure.closed'))}>
                            {t('supervision.actions.close')}
                          </Button>
                          <Button danger size="small" onClick={() => setReason({ kind: 'return', closure: c })} data-testid="closure-return">{t('supervision.actions.return')}</Button>
                        </Space>
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            )}
            <Modal
              open={!!reason}
              title={reason?.kind === 'reopen' ? t('supervision.actions.reopen') : t('supervision.actions.return')}
              onCancel={() => setReason(null)}
              destroyOnHidden
              okButtonProps={{ loading: decide.isPending || reopen.isPending, 'data-testid': 'reason-confirm' } as ButtonProps}
              onOk={async () => {
                const v = await form.validateFields().catch(() => null);
                if (!v || !reason) return;
                const ok = reason.kind === 'reopen'
                  ? await run(() => reopen.mutateAsync({ taskId: task.id, body: { rowVersion: task.rowVersion, reason: v.reason } }), t('supervision.closure.reopened'))
                  : await run(() => decide.mutateAsync({ id: reason.closure.id, body: { rowVersion: task.rowVersion, decision: 'return', reason: v.reason } }), t('supervision.closure.returned'));
                if (ok) setReason(null);
              }}
            >
              <Form form={form} layout="vertical" preserve={false}>
                <Form.Item name="reason" label={t('supervision.reason')} rules={[{ required: true, whitespace: true, message: t('supervision.reasonRequired') }]}>
                  <Input.TextArea rows={3} maxLength={1000} data-testid="reason-input" />
                </Form.Item>
              </Form>
            </Modal>
          </Space>
        );
      }}
    </QueryResult>
  );
}

function ClosureForm({ task, onDone }: { task: TaskDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const request = useRequestClosure();
  const upload = useClosureEvidence();
  const run = useRunAction();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const ok = await run(async () => {
      const c = await request.mutateAsync({ taskId: task.id, body: { rowVersion: task.rowVersion, note: v.note } });
      for (const f of files) await upload.mutateAsync({ id: c.id, fileName: f.name, fileBase64: await fileToBase64(f.originFileObj as File) });
    }, t('supervision.closure.requested'));
    if (ok) onDone();
  };
  return (
    <Card size="small" title={t('supervision.closure.request')} data-testid="closure-form">
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('supervision.closure.note')} rules={[{ required: true, whitespace: true, message: t('supervision.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="closure-note" />
        </Form.Item>
        <Form.Item label={t('supervision.evidence')} extra={t('supervision.evidenceHint')}>
          <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx">
            <Button icon={<UploadOutlined />}>{t('supervision.chooseFiles')}</Button>
          </Upload>
        </Form.Item>
        <Space>
          <Button type="primary" onClick={() => void submit()} loading={request.isPending || upload.isPending} data-testid="closure-submit">{t('supervision.actions.submit')}</Button>
          <Button onClick={onDone}>{t('supervision.actions.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
