// Funds of an approved item on its page: the disbursement schedule (拨付计划, the office replaces it as a
// whole; its total may not exceed the approved amount) and the disbursements (拨付记录: date, amount,
// voucher reference, evidence files) recorded by the office or the item's own unit.
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Upload, type UploadFile } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItemDetail } from '../../../shared/review';
import { disbursementFilesPath, useReviewAction, useReviewUpload } from '../../api/review';
import { fileToBase64 } from '../../components/ImportPreview';
import { useFailure, wan } from './common';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx';

function ScheduleForm({ item, open, onClose }: { item: ReviewItemDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const fail = useFailure();
  const [form] = Form.useForm<{ rows: { dueOn: dayjs.Dayjs; amount: number }[] }>();
  const rows = Form.useWatch('rows', form) ?? [];
  const total = rows.reduce((s, r) => s + (r?.amount ?? 0), 0);
  const save = useReviewAction<{ rowVersion: number; rows: { dueOn: string; amount: number }[] }>('put', () => `/api/review/items/${item.id}/schedule`);
  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    save.mutate({ rowVersion: item.rowVersion, rows: (v.rows ?? []).map((r) => ({ dueOn: r.dueOn.format('YYYY-MM-DD'), amount: r.amount })) }, { onSuccess: onClose, onError: fail });
  };
  return (
    <Modal open={open} title={t('review.fundSchedule')} width={560} onCancel={onClose} onOk={() => void onOk()} okText={t('review.save')} cancelText={t('review.cancel')}
      confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'schedule-save' } as never} destroyOnHidden>
      <Form form={form} preserve={false} initialValues={{ rows: item.schedule.map((r) => ({ dueOn: dayjs(r.dueOn), amount: r.amount })) }}>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: t('review.required') }]}><DatePicker placeholder={t('review.dueOn')} data-testid={`schedule-due-${i}`} /></Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[{ required: true, message: t('review.required') }]}><InputNumber min={0.01} placeholder={t('review.amount')} style={{ width: 160 }} data-testid={`schedule-amount-${i}`} /></Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('review.remove')} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ dueOn: dayjs() })} data-testid="schedule-add">{t('review.addRow')}</Button>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 12 }}>{t('review.scheduleTotal', { total: wan(total), approved: wan(item.funds.approved) })}</div>
      </Form>
    </Modal>
  );
}

function DisbursementForm({ item, open, onClose }: { item: ReviewItemDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const fail = useFailure();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ paidOn: dayjs.Dayjs; amount: number; voucherRef: string; note?: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const save = useReviewAction<{ rowVersion: number; paidOn: string; amount: number; voucherRef: string; note?: string }, ReviewItemDetail>('post', () => `/api/review/items/${item.id}/disbursements`);
  const upload = useReviewUpload();
  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const before = new Set(item.disbursements.map((d) => d.id));
    let after: ReviewItemDetail;
    try {
      after = await save.mutateAsync({ rowVersion: item.rowVersion, paidOn: v.paidOn.format('YYYY-MM-DD'), amount: v.amount, voucherRef: v.voucherRef, note: v.note });
    } catch (err) {
      fail(err);
      return;
    }
    const created = after.disbursements.find((d) => !before.has(d.id));
    for (const f of created ? files : []) {
      try {
        await upload.mutateAsync({ path: disbursementFilesPath(created!.id), fileName: f.name, fileBase64: await fileToBase64(f.originFileObj as File) });
      } catch (err) {
        void message.error(`${f.name}：${err instanceof Error ? err.message : String(err)}`);
      }
    }
    setFiles([]);
    onClose();
  };
  return (
    <Modal open={open} title={t('review.newDisbursement')} onCancel={onClose} onOk={() => void onOk()} okText={t('review.save')} cancelText={t('review.cancel')}
      confirmLoading={save.isPending || upload.isPending} okButtonProps={{ 'data-testid': 'disbursement-save' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ paidOn: dayjs() }}>
        <Form.Item name="paidOn" label={t('review.paidOn')} rules={[{ required: true, message: t('review.required') }]}><DatePicker data-testid="disbursement-date" /></Form.Item>
        <Form.Item name="amount" label={t('review.amount')} extra={t('review.remaining', { amount: wan(Math.max(0, item.funds.approved - item.funds.paid)) })} rules={[{ required: true, message: t('review.required') }]}>
          <InputNumber min={0.01} style={{ width: 200 }} data-testid="disbursement-amount" />
        </Form.Item>
        <Form.Item name="voucherRef" label={t('review.voucher')} rules={[{ required: true, whitespace: true, message: t('review.required') }]}><Input maxLength={100} data-testid="disbursement-voucher" /></Form.Item>
        <Form.Item name="note" label={t('review.note')}><Input maxLength={500} /></Form.Item>
        <Form.Item label={t('review.evidence')} extra={t('review.filesHint')}>
          <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} accept={ACCEPT}>
            <Button icon={<UploadOutlined />} data-testid="disbursement-files">{t('review.chooseFiles')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One more evidence file on a recorded disbursement. */
export function EvidenceUpload({ disbursementId }: { disbursementId: string }) {
  const { t } = useTranslation();
  const fail = useFailure();
  const upload = useReviewUpload();
  return (
    <Upload showUploadList={false} accept={ACCEPT} beforeUpload={(file) => {
      void fileToBase64(file).then((fileBase64) => upload.mutateAsync({ path: disbursementFilesPath(disbursementId), fileName: file.name, fileBase64 })).catch(fail);
      return false;
    }}>
      <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>{t('review.addEvidence')}</Button>
    </Upload>
  );
}

/** The funds buttons: schedule (office) and a payment (office or the item's unit). */
export function FundsActions({ item, canSchedule, canPay }: { item: ReviewItemDetail; canSchedule: boolean; canPay: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'schedule' | 'pay' | null>(null);
  return (
    <Space>
      {canSchedule && <Button size="small" onClick={() => setDialog('schedule')} data-testid="schedule-edit">{t('review.editSchedule')}</Button>}
      {canPay && <Button size="small" type="primary" onClick={() => setDialog('pay')} data-testid="disbursement-new">{t('review.newDisbursement')}</Button>}
      <ScheduleForm item={item} open={dialog === 'schedule'} onClose={() => setDialog(null)} />
      <DisbursementForm item={item} open={dialog === 'pay'} onClose={() => setDialog(null)} />
    </Space>
  );
}

/** The schedule rows as a small table. */
export function ScheduleTable({ item }: { item: ReviewItemDetail }) {
  const { t } = useTranslation();
  if (!item.schedule.length) return null;
  return (
    <Table rowKey="id" size="small" pagination={false} dataSource={item.schedule} data-testid="item-schedule" title={() => t('review.fundSchedule')} columns={[
      { title: t('review.dueOn'), dataIndex: 'dueOn' },
      { title: t('review.amount'), dataIndex: 'amount', align: 'right', render: wan },
    ]} />
  );
}
