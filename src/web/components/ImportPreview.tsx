// Upload → dry-run preview → commit, shared by the file imports (统计数据 values, the enterprise registry).
// The chosen file is checked on the server first (dry run, nothing stored); any row error rejects the
// whole file and is listed as {row, field, value, reason}; only a clean preview may be committed, and
// a commit the server still refuses (all or nothing) lists its rows the same way.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel, type ImportIssue } from '../../shared/statistics';
import { ApiError } from '../api/client';

export interface ImportRequest {
  fileBase64: string;
  fileName: string;
  dryRun: boolean;
  /** Store values outside their soft range (the user ticked the confirmation). */
  confirm?: boolean;
}

/** What every import answers: a dry run or a commit, valid or not, with the row issues. */
export interface ImportOutcome {
  dryRun: boolean;
  valid: boolean;
  issues: ImportIssue[];
  /** A valid preview whose commit needs the user's confirmation (values outside the soft range). */
  needsConfirmation?: boolean;
}

/** The parts of a TanStack mutation the flow uses. */
interface ImportMutation<R> {
  mutateAsync: (req: ImportRequest) => Promise<R>;
  isPending: boolean;
  variables?: ImportRequest;
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportIssuesTable({ issues, testId = 'import-issues' }: { issues: ImportIssue[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<ImportIssue>
      size="small"
      rowKey={(e, i) => `${e.row}-${e.field}-${i}`}
      dataSource={issues}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      data-testid={testId}
      columns={[
        { title: t('statistics.row'), dataIndex: 'row', width: 64 },
        { title: t('statistics.field'), key: 'field', width: 140, render: (_, e) => fieldLabel(e.field, i18n.language === 'en' ? 'en' : 'zh') },
        { title: t('statistics.cellValue'), key: 'value', width: 180, render: (_, e) => (e.value == null ? '' : String(e.value)) },
        { title: t('statistics.reason'), key: 'reason', render: (_, e) => (i18n.language === 'en' ? e.reasonEn : e.reason) },
      ]}
    />
  );
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The state of one import: the file chosen, the last result (preview, commit, or refused commit), and
 * the two steps. `refused` builds the result shown when the server refuses the commit with row issues;
 * `onCommitted` runs after a successful commit.
 */
export function useImportPreview<R extends ImportOutcome>(importer: ImportMutation<R>, opts: { refused: (issues: ImportIssue[]) => R; onCommitted: (r: R) => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  const check = async (f: File) => {
    const base64 = await fileToBase64(f);
    setFile({ name: f.name, base64 });
    setResult(null);
    setConfirmed(false);
    try {
      setResult(await importer.mutateAsync({ fileBase64: base64, fileName: f.name, dryRun: true }));
    } catch (err) {
      void message.error(errorText(err));
    }
    return false;
  };
  const commit = async () => {
    if (!file) return;
    try {
      const r = await importer.mutateAsync({ fileBase64: file.base64, fileName: file.name, dryRun: false, confirm: confirmed || undefined });
      setResult(r);
      opts.onCommitted(r);
    } catch (err) {
      // All or nothing: the server lists the rows that made it refuse the file.
      if (err instanceof ApiError && err.issues.length) {
        setResult(opts.refused(err.issues.map((i) => ({ row: i.row ?? 0, field: i.field ?? i.path, value: i.value, reason: i.reason ?? i.message, reasonEn: i.reasonEn ?? i.message }))));
      }
      void message.error(errorText(err));
    }
  };
  const reset = () => { setFile(null); setResult(null); setConfirmed(false); };

  return {
    file, result, check, commit, reset, confirmed, setConfirmed,
    checking: importer.isPending && !!importer.variables?.dryRun,
    committing: importer.isPending && !importer.variables?.dryRun,
    canCommit: !!result?.valid && result.dryRun && (!result.needsConfirmation || confirmed),
  };
}

export type ImportFlow<R extends ImportOutcome> = ReturnType<typeof useImportPreview<R>>;

/**
 * The help text, the file button (plus `extra` buttons, the file name and, with `inlineCommit`, the
 * commit button), then the result: the rejected rows, or `renderValid` of a valid one. Test ids are
 * `${testId}-choose`, `-file`, `-commit`, `-rejected` and `-issues`.
 */
export function ImportPreview<R extends ImportOutcome>({ flow, testId, help, extra, inlineCommit = false, issueCount = (r) => r.issues.length, rejectedDescription, renderValid }: {
  flow: ImportFlow<R>;
  testId: string;
  help: ReactNode;
  extra?: ReactNode;
  inlineCommit?: boolean;
  /** How many issues the file has in all (the list may be cut short). */
  issueCount?: (r: R) => number;
  rejectedDescription?: (r: R) => ReactNode;
  renderValid: (r: R) => ReactNode;
}) {
  const { t } = useTranslation();
  const { result } = flow;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{help}</Typography.Paragraph>
      <Space wrap>
        <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => flow.check(f)}>
          <Button icon={<UploadOutlined />} loading={flow.checking} data-testid={`${testId}-choose`}>{t('statistics.chooseFile')}</Button>
        </Upload>
        {extra}
        {flow.file && <Typography.Text code data-testid={`${testId}-file`}>{flow.file.name}</Typography.Text>}
        {inlineCommit && (
          <Button type="primary" disabled={!flow.canCommit} onClick={() => void flow.commit()} loading={flow.committing} data-testid={`${testId}-commit`}>
            {t('statistics.commit')}
          </Button>
        )}
      </Space>
      {result && !result.valid && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid={`${testId}-rejected`}>
          <Alert type="error" showIcon message={t('statistics.previewBad', { count: issueCount(result) })} description={rejectedDescription?.(result)} />
          <ImportIssuesTable issues={result.issues} testId={`${testId}-issues`} />
        </Space>
      )}
      {result?.valid && renderValid(result)}
    </Space>
  );
}
