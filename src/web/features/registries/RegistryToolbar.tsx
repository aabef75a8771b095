// Add, export and import for a registry. Import uploads the .xlsx as base64, runs a dry run first and
// shows its preview or every row error; only then can the user import (all or nothing).
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult, ImportRowError, RegistryKind } from '../../../shared/registries';
import { ApiError } from '../../api/client';
import { REGISTRY_PATHS, useImportRegistry } from '../../api/targets';

export const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

function ErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<ImportRowError>
      size="small" rowKey={(e) => `${e.sheet}-${e.row}-${e.field}`} dataSource={errors} pagination={{ pageSize: 8 }} data-testid="import-errors"
      columns={[
        { title: t('registry.sheet'), dataIndex: 'sheet', width: 90 },
        { title: t('registry.row'), dataIndex: 'row', width: 56 },
        { title: t('registry.field'), dataIndex: 'field', width: 120 },
        { title: t('registry.cellValue'), key: 'value', width: 120, render: (_, e) => (e.value == null ? '' : String(e.value)) },
        { title: t('registry.reason'), key: 'reason', render: (_, e) => (i18n.language === 'en' ? e.reasonEn : e.reason) },
      ]}
    />
  );
}

export function RegistryToolbar({ kind, canCreate, onAdd, asOf }: { kind: RegistryKind; canCreate: boolean; onAdd: () => void; asOf: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importer = useImportRegistry(kind);
  const [pending, setPending] = useState<{ file: string; result: ImportResult } | null>(null);

  const check = async (file: File) => {
    const fileBase64 = await toBase64(file);
    try {
      const result = await importer.mutateAsync({ fileBase64, dryRun: true });
      setPending({ file: fileBase64, result });
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
    return false;
  };
  const confirm = async () => {
    if (!pending) return;
    try {
      const r = await importer.mutateAsync({ fileBase64: pending.file, dryRun: false });
      void message.success(t('registry.importOk', { created: r.created, updated: r.updated, unchanged: r.unchanged }));
      setPending(null);
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) void message.error(t('registry.importErrors', { count: err.issues.length }));
      else void message.error(err instanceof Error ? err.message : String(err));
    }
  };
  const r = pending?.result;
  return (
    <Space wrap>
      {canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid="registry-add">{t('registry.add')}</Button>}
      <Button icon={<DownloadOutlined />} href={`/api/${REGISTRY_PATHS[kind]}/export.xlsx?asOf=${asOf}`} data-testid="registry-export">{t('registry.export')}</Button>
      {canCreate && (
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => check(f)}>
          <Button icon={<UploadOutlined />} loading={importer.isPending} data-testid="registry-import">{t('registry.import')}</Button>
        </Upload>
      )}
      <Modal
        open={!!pending} width={760} title={t('registry.importPreview')} onCancel={() => setPending(null)}
        okText={t('registry.importConfirm')} cancelText={t('registry.cancel')} onOk={() => void confirm()}
        okButtonProps={{ disabled: !r || r.errors.length > 0, loading: importer.isPending }}
      >
        {r && r.errors.length > 0 && (
          <>
            <p style={{ color: '#cf1322' }}>{t('registry.importErrors', { count: r.errors.length })}</p>
            <ErrorsTable errors={r.errors} />
          </>
        )}
        {r && r.errors.length === 0 && (
          <p data-testid="import-ready">
            {t('registry.importReady', { create: r.preview.filter((p) => p.action === 'create').length, update: r.preview.filter((p) => p.action === 'update').length, unchanged: r.preview.filter((p) => p.action === 'unchanged').length })}
          </p>
        )}
      </Modal>
    </Space>
  );
}
