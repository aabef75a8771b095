// Bulk import of the registry: upload XLSX/CSV → dry run listing every row/field/value/reason error →
// commit (all or nothing).
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useImportEnterprises } from '../../api/statistics';
import type { EnterpriseImportResult } from '../../../shared/statistics';
import { ImportPreview, useImportPreview } from '../../components/ImportPreview';

export function EnterpriseImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importer = useImportEnterprises();
  const flow = useImportPreview(importer, {
    refused: (issues): EnterpriseImportResult => ({ dryRun: false, valid: false, rows: 0, created: 0, updated: 0, unchanged: 0, issues }),
    onCommitted: (r) => {
      void message.success(t('enterpriseRegistry.committed', { created: r.created, updated: r.updated, unchanged: r.unchanged }));
      close();
    },
  });
  const close = () => { flow.reset(); onClose(); };

  return (
    <Modal
      open={open} width={820} title={t('enterpriseRegistry.importTitle')} onCancel={close} destroyOnHidden
      okText={t('statistics.commit')} cancelText={t('enterpriseRegistry.cancel')} onOk={() => void flow.commit()}
      okButtonProps={{ disabled: !flow.canCommit, loading: flow.committing, 'data-testid': 'enterprise-import-commit' } as { disabled: boolean; loading: boolean }}
    >
      <ImportPreview
        flow={flow} testId="enterprise-import" help={t('enterpriseRegistry.importHelp')}
        extra={<Button icon={<DownloadOutlined />} href="/api/enterprises/template">{t('enterpriseRegistry.template')}</Button>}
        renderValid={(r) => <Alert type="success" showIcon data-testid="enterprise-import-ready" message={t('enterpriseRegistry.previewOk', { rows: r.rows, created: r.created, updated: r.updated })} />}
      />
    </Modal>
  );
}
