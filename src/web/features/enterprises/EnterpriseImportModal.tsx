// Bulk import of the registry: upload XLSX/CSV → dry run listing every row/field/value/reason error →
// commit (all or nothing).
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useImportEnterprises } from '../../api/statistics';
import type { EnterpriseImportResult } from '../../api/statistics-types';
import { fileToBase64, ImportIssuesTable } from '../statistics/common';

export function EnterpriseImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importer = useImportEnterprises();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [result, setResult] = useState<EnterpriseImportResult | null>(null);
  const close = () => { setFile(null); setResult(null); onClose(); };

  const check = async (f: File) => {
    const base64 = await fileToBase64(f);
    setFile({ name: f.name, base64 });
    setResult(null);
    try {
      setResult(await importer.mutateAsync({ fileBase64: base64, fileName: f.name, dryRun: true }));
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
    return false;
  };
  const commit = async () => {
    if (!file) return;
    try {
      const r = await importer.mutateAsync({ fileBase64: file.base64, fileName: file.name, dryRun: false });
      void message.success(t('enterpriseRegistry.committed', { created: r.created, updated: r.updated }));
      close();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        setResult({ dryRun: false, valid: false, rows: 0, created: 0, updated: 0, issues: err.issues.map((i) => ({ row: i.row ?? 0, field: i.field ?? i.path, value: i.value, reason: i.reason ?? i.message, reasonEn: i.reasonEn ?? i.message })) });
      }
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Modal
      open={open} width={820} title={t('enterpriseRegistry.importTitle')} onCancel={close} destroyOnHidden
      okText={t('statistics.commit')} cancelText={t('enterpriseRegistry.cancel')} onOk={() => void commit()}
      okButtonProps={{ disabled: !result?.valid || !result.dryRun, loading: importer.isPending && !importer.variables?.dryRun, 'data-testid': 'enterprise-import-commit' } as { disabled: boolean; loading: boolean }}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('enterpriseRegistry.importHelp')}</Typography.Paragraph>
        <Space wrap>
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => check(f)}>
            <Button icon={<UploadOutlined />} loading={importer.isPending && importer.variables?.dryRun} data-testid="enterprise-import-choose">{t('statistics.chooseFile')}</Button>
          </Upload>
          <Button icon={<DownloadOutlined />} href="/api/enterprises/template">{t('enterpriseRegistry.template')}</Button>
          {file && <Typography.Text code>{file.name}</Typography.Text>}
        </Space>
        {result && !result.valid && (
          <>
            <Alert type="error" showIcon message={t('statistics.previewBad', { count: result.issues.length })} data-testid="enterprise-import-rejected" />
            <ImportIssuesTable issues={result.issues} testId="enterprise-import-issues" />
          </>
        )}
        {result?.valid && <Alert type="success" showIcon data-testid="enterprise-import-ready" message={t('enterpriseRegistry.previewOk', { rows: result.rows, created: result.created, updated: result.updated })} />}
      </Space>
    </Modal>
  );
}
