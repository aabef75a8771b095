// 文件导入: download the template, upload a file for a dry run that lists every row error (nothing is
// stored while any row is wrong), then commit. Re-importing the same file reports everything unchanged.
// Export downloads the stored values in the long layout the import reads.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { qs, useImportValues } from '../../api/statistics';
import type { ValueImportResult } from '../../../shared/statistics';
import { ImportPreview, useImportPreview } from '../../components/ImportPreview';
import { DatasetSelect, PeriodPicker, useDatasetPeriod } from './common';
import { ViolationList } from './ViolationsTab';

const fileInfo = (t: TFunction, r: ValueImportResult) => t('statistics.fileInfo', { format: r.format, encoding: r.encoding ?? '—', layout: r.layout ?? '—' });

/** A valid preview or a done import: the counts, and the rule warnings the values cause. */
function ImportResultView({ result }: { result: ValueImportResult }) {
  const { t } = useTranslation();
  const info = fileInfo(t, result);
  const counts = { rows: result.rows, values: result.values, inserted: result.inserted, updated: result.updated, deleted: result.deleted, unchanged: result.unchanged };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="success" showIcon data-testid={result.dryRun ? 'import-ready' : 'import-done'}
        message={result.dryRun ? t('statistics.previewOk', counts) : t('statistics.committed', counts)} description={info}
      />
      {result.warnings.length > 0 && <Alert type="warning" showIcon message={t('statistics.warnings')} description={<ViolationList violations={result.warnings} />} />}
    </Space>
  );
}

export function ImportTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importer = useImportValues();
  const { dataset, setDataset, ds, period: p, setPeriod } = useDatasetPeriod();
  const flow = useImportPreview(importer, {
    refused: (issues): ValueImportResult => ({ dryRun: false, valid: false, format: '', layout: null, encoding: null, rows: 0, values: 0, inserted: 0, updated: 0, deleted: 0, unchanged: 0, batchId: null, warnings: [], softWarnings: [], needsConfirmation: false, issueCount: issues.length, issues }),
    onCommitted: (r) => void message.success(t('statistics.committed', { inserted: r.inserted, updated: r.updated, deleted: r.deleted, unchanged: r.unchanged })),
  });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('statistics.importTitle')}>
          <ImportPreview
            flow={flow} testId="import" help={t('statistics.importHelp')} inlineCommit
            issueCount={(r) => r.issueCount} rejectedDescription={(r) => fileInfo(t, r)} renderValid={(r) => <ImportResultView result={r} />}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('statistics.exportTitle')}>
          <Space direction="vertical" size={12}>
            <Space wrap>
              <DatasetSelect value={dataset} onChange={setDataset} testId="import-dataset" />
              {ds && <PeriodPicker kind={ds.frequency} value={p} onChange={setPeriod} />}
            </Space>
            <Space wrap>
              <Button icon={<DownloadOutlined />} href={`/api/data-values/template${qs({ dataset, period: p, layout: 'wide', format: 'xlsx' })}`} data-testid="template-wide">{t('statistics.templateWide')}</Button>
              <Button icon={<DownloadOutlined />} href={`/api/data-values/template${qs({ dataset, period: p, layout: 'long', format: 'csv' })}`}>{t('statistics.templateLong')}</Button>
            </Space>
            <Space wrap>
              <Button icon={<DownloadOutlined />} href={`/api/data-values/export${qs({ dataset, period: p, format: 'csv' })}`} data-testid="export-csv">{t('statistics.exportCsv')}</Button>
              <Button icon={<DownloadOutlined />} href={`/api/data-values/export${qs({ dataset, period: p, format: 'xlsx' })}`}>{t('statistics.exportXlsx')}</Button>
            </Space>
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
