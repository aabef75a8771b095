// 文件导入: download the template, upload a file for a dry run that lists every row error (nothing is
// stored while any row is wrong), then commit. Re-importing the same file reports everything unchanged.
// Export downloads the stored values in the long layout the import reads.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { qs, useDatasets, useImportValues } from '../../api/statistics';
import type { ValueImportResult } from '../../api/statistics-types';
import { convertPeriod, DatasetSelect, DEFAULT_PERIOD, fileToBase64, ImportIssuesTable, PeriodPicker } from './common';
import { ViolationList } from './ViolationsTab';

export function ImportResultView({ result }: { result: ValueImportResult }) {
  const { t } = useTranslation();
  const info = t('statistics.fileInfo', { format: result.format, encoding: result.encoding ?? '—', layout: result.layout ?? '—' });
  if (!result.valid) {
    return (
      <Space direction="vertical" style={{ width: '100%' }} data-testid="import-rejected">
        <Alert type="error" showIcon message={t('statistics.previewBad', { count: result.issueCount })} description={info} />
        <ImportIssuesTable issues={result.issues} />
      </Space>
    );
  }
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
  const datasets = useDatasets();
  const importer = useImportValues();
  const [dataset, setDataset] = useState('ENT_MONTHLY');
  const [period, setPeriod] = useState(DEFAULT_PERIOD);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [result, setResult] = useState<ValueImportResult | null>(null);
  const ds = datasets.data?.find((d) => d.code === dataset);
  const p = ds ? convertPeriod(period, ds.frequency) : period;

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
      setResult(r);
      void message.success(t('statistics.committed', { inserted: r.inserted, updated: r.updated, deleted: r.deleted, unchanged: r.unchanged }));
    } catch (err) {
      // All or nothing: the server lists the rows that made it refuse the file.
      if (err instanceof ApiError && err.issues.length) {
        setResult({ dryRun: false, valid: false, format: '', layout: null, encoding: null, rows: 0, values: 0, inserted: 0, updated: 0, deleted: 0, unchanged: 0, batchId: null, warnings: [],
          issueCount: err.issues.length, issues: err.issues.map((i) => ({ row: i.row ?? 0, field: i.field ?? i.path, value: i.value, reason: i.reason ?? i.message, reasonEn: i.reasonEn ?? i.message })) });
      }
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('statistics.importTitle')}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('statistics.importHelp')}</Typography.Paragraph>
            <Space wrap>
              <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => check(f)}>
                <Button icon={<UploadOutlined />} loading={importer.isPending && importer.variables?.dryRun} data-testid="import-choose">{t('statistics.chooseFile')}</Button>
              </Upload>
              {file && <Typography.Text code data-testid="import-file">{file.name}</Typography.Text>}
              <Button
                type="primary" disabled={!result || !result.valid || !result.dryRun} onClick={() => void commit()}
                loading={importer.isPending && !importer.variables?.dryRun} data-testid="import-commit"
              >
                {t('statistics.commit')}
              </Button>
            </Space>
            {result && <ImportResultView result={result} />}
          </Space>
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
