// The evidence file of a platform: a download link, and an upload button for those who may edit it.
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../shared/registries';
import { useUploadEvidence } from '../../api/targets';
import { toBase64 } from './RegistryToolbar';

export function EvidenceCell({ p, canUpload }: { p: Platform; canUpload: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadEvidence();
  return (
    <Space size={4}>
      {p.evidenceFile && (
        <a href={`/api/platforms/${p.id}/evidence`} data-testid="evidence-link"><PaperClipOutlined /> {p.evidenceFile}</a>
      )}
      {canUpload && (
        <Upload showUploadList={false} beforeUpload={async (file) => {
          try {
            await upload.mutateAsync({ id: p.id, fileName: file.name, fileBase64: await toBase64(file) });
            void message.success(t('registry.saved'));
          } catch (err) {
            void message.error(err instanceof Error ? err.message : String(err));
          }
          return false;
        }}>
          <Button size="small" type="link" icon={<UploadOutlined />} loading={upload.isPending} aria-label={t('registry.platform.uploadEvidence')} />
        </Upload>
      )}
    </Space>
  );
}
