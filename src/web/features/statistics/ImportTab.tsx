// 文件导入: download the template, upload a file for a dry run that lists every row error (nothing is
// stored while any row is wrong), then commit. Re-importing the same file reports everything unchanged.
// Export downloads the stored values in the long layout the import reads.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Row, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { qs, useImportValues } from '../../api/statistics';
import { IMPORT_LAYOUT_LABELS, type ValueImportResult } from '../../../shared/statistics';
import { ImportIssuesTable, ImportPreview, useImportPreview } from '../../components/ImportPreview';
import { DatasetSelect, PeriodPicker, useDatasetPeriod } from './common';
import { ViolationList } from './ViolationsTab';

const fileInfo = (t: TFunction, r: ValueImportResult, lang: string) =>
  t('statistics.fileInfo', { format: r.format, encoding: r.encoding ?? '—', layout: r.layout ? (IMPORT_LAYOUT_LABELS[r.layout]?.[lang === 'en' ? 'en' : 'zh'] ?? r.layout) : '—' });

/** A valid preview or a done import: the counts, values outside the soft range (to confirm), and the rule warnings. */
function ImportResultView({ result, confirmed, setConfirmed }: { result: ValueImportResult; confirmed: boolean; setConfirmed: (v: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const info = fileInfo(t, result, i18n.language);
  const counts = { rows: result.rows, values: result.values, inserted: result.inserted, updated: result.updated, deleted: result.deleted, unchanged: result.unchanged };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="success" showIcon data-testid={result.dryRun ? 'import-ready' : 'import-done'}
        message={result.dryRun ? t('statistics.previewOk', counts) : t('statistics.committed', counts)} description={info}
      />
      {result.softWarnings.length > 0 && (
        <Alert
          type="warning" showIcon data-testid="import-soft" message={t('statistics.softWarnings')}
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              <ImportIssuesTable issues={result.softWarnings} testId="import-soft-issues" />
              {result.dryRun && <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="import-soft-confirm">{t('statistics.softConfirmCheck')}</Checkbox>}
            </Space>
          }
        />
      )}
      {result.warnings.length > 0 && <Alert type="warning" showIcon message={t('statistics.warnings')} description={<ViolationList violations={result.warnings} />} />}
    </Space>
  );
}

export function ImportTab() {
  const { t, i18n } = useTranslation();
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
            issueCount={(r) => r.issueCount} rejectedDescription={(r) => fileInfo(t, r, i18n.language)} renderValid={(r) => <ImportResultView result={r} confirmed={flow.confirmed} setConfirmed={flow.setConfirmed} />}
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
