// Run results: run the scheme for a year (archived), pick an archived run, the ranking table with every
// criterion's value, a bar chart of the scores and a radar of the top five (min–max scaled per criterion,
// cost criteria turned so outward is better), weights, and the Word 通报 / Excel downloads.
import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Descriptions, Input, Row, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationRun, RunSubjectResult, Scheme } from '../../../shared/evaluation';
import { runExportUrl, useRun, useRunScheme, useRuns } from '../../api/evaluation';
import { DemoBadge } from '../../components/DemoBadge';
import { EChart, type ChartOption } from '../../components/EChart';
import { QueryResult } from '../../components/QueryResult';

const f = (v: number | null, d = 2) => (v === null ? '—' : v.toFixed(d));

export function RunResults({ scheme, canRun }: { scheme: Scheme; canRun: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const runs = useRuns(scheme.id);
  const [picked, setPicked] = useState<string | undefined>();
  const [period, setPeriod] = useState('2020');
  const [error, setError] = useState<string | null>(null);
  const runScheme = useRunScheme();
  const runId = picked ?? runs.data?.[0]?.id;
  const run = useRun(runId);

  const onRun = () => {
    setError(null);
    runScheme.mutate({ schemeId: scheme.id, period }, {
      onSuccess: (r) => { setPicked(r.id); void message.success(t('evaluation.ran')); },
      onError: (e) => setError(e.message),
    });
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="run-results">
      <Space wrap>
        {canRun && (
          <>
            <Typography.Text>{t('evaluation.period')}</Typography.Text>
            <Input style={{ width: 90 }} value={period} onChange={(e) => setPeriod(e.target.value.trim())} data-testid="run-period" />
            <Button type="primary" icon={<PlayCircleOutlined />} onClick={onRun} loading={runScheme.isPending} data-testid="run-button">{t('evaluation.run')}</Button>
          </>
        )}
        <Typography.Text>{t('evaluation.runs')}</Typography.Text>
        <Select style={{ width: 320 }} value={runId} onChange={setPicked} data-testid="run-select" notFoundContent={t('evaluation.noRuns')}
          options={(runs.data ?? []).map((r) => ({ value: r.id, label: `${r.period} · ${r.createdAt.slice(0, 19).replace('T', ' ')} · ${r.createdBy}` }))} />
        {runId && <Button icon={<DownloadOutlined />} href={runExportUrl(runId, 'docx')} data-testid="run-docx">{t('evaluation.word')}</Button>}
        {runId && <Button icon={<DownloadOutlined />} href={runExportUrl(runId, 'xlsx')} data-testid="run-xlsx">{t('evaluation.excel')}</Button>}
      </Space>
      {error && <Alert type="error" showIcon message={error} data-testid="run-error" />}
      {runId ? <QueryResult query={run}>{(r) => <RunView run={r} />}</QueryResult> : <Typography.Text type="secondary">{t('evaluation.noRuns')}</Typography.Text>}
    </Space>
  );
}

function RunView({ run }: { run: EvaluationRun }) {
  const { t, i18n } = useTranslation();
  const pick = (l: { zh: string; en: string }) => (i18n.language === 'en' ? l.en : l.zh);
  const crit = run.snapshot.criteria;
  const ranked = run.result.subjects.filter((s) => s.rank !== null);
  const columns: TableColumnsType<RunSubjectResult> = [
    { title: t('evaluation.rank'), dataIndex: 'rank', width: 60, fixed: 'left', render: (r: number | null) => r ?? '—' },
    { title: t('evaluation.subject'), dataIndex: 'name', width: 150, fixed: 'left' },
    { title: t('evaluation.score'), dataIndex: 'score', width: 90, render: (s: number | null, r) => (r.excluded ? <Typography.Text type="secondary">{t('evaluation.excluded', { missing: r.missing.map((m) => pick(crit.find((c) => c.source === m)?.name ?? { zh: m, en: m })).join('、') })}</Typography.Text> : f(s, 4)) },
    ...crit.map((c, j) => ({ title: `${pick(c.name)}（${c.unit}）`, key: c.source, width: 120, render: (_: unknown, r: RunSubjectResult) => f(r.values[j]) })),
  ];
  const bar: ChartOption = useMemo(() => ({
    grid: { left: 110, right: 30, top: 10, bottom: 30 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', min: 0 },
    yAxis: { type: 'category', inverse: true, data: ranked.map((s) => s.name) },
    series: [{ type: 'bar', data: ranked.map((s) => Number(s.score!.toFixed(4))), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right', formatter: (p: { value: unknown }) => Number(p.value).toFixed(3) } }],
  }), [ranked]);
  const radar: ChartOption = useMemo(() => {
    const cols = crit.map((c, j) => {
      const xs = ranked.map((s) => s.values[j] as number);
      return { min: Math.min(...xs), max: Math.max(...xs), dir: c.direction };
    });
    const scale = (v: number, j: number) => { const { min, max, dir } = cols[j]; if (max === min) return 1; const z = (v - min) / (max - min); return Number((dir === 1 ? z : 1 - z).toFixed(3)); };
    const top = ranked.slice(0, 5);
    return {
      legend: { bottom: 0, data: top.map((s) => s.name) },
      tooltip: {},
      radar: { indicator: crit.map((c) => ({ name: pick(c.name), max: 1 })), radius: '60%' },
      series: [{ type: 'radar', data: top.map((s) => ({ name: s.name, value: s.values.map((v, j) => scale(v as number, j)) })) }],
    };
  }, [crit, ranked, i18n.language]);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="run-title">{run.scheme.name} · {run.period}</Typography.Title>
        {run.demo && <DemoBadge />}
      </Space>
      <Typography.Text type="secondary">{t('evaluation.version', { version: run.version, at: run.createdAt.slice(0, 19).replace('T', ' '), by: run.createdBy })} · {pick(run.result.missingNote)}</Typography.Text>
      <Table<RunSubjectResult> rowKey="key" size="small" columns={columns} dataSource={run.result.subjects} pagination={false} scroll={{ x: 400 + crit.length * 120 }} data-testid="ranking-table" />
      <Row gutter={16}>
        <Col xs={24} lg={12}><Typography.Text strong>{t('evaluation.barChart')}</Typography.Text><EChart option={bar} height={Math.max(240, ranked.length * 24)} ariaLabel={t('evaluation.barChart')} testId="score-bar" /></Col>
        <Col xs={24} lg={12}><Typography.Text strong>{t('evaluation.radarChart')}</Typography.Text><EChart option={radar} height={360} ariaLabel={t('evaluation.radarChart')} testId="score-radar" /></Col>
      </Row>
      <Descriptions size="small" bordered column={1} title={t('evaluation.weights')} data-testid="weights">
        {run.result.weights.map((w, j) => (
          <Descriptions.Item key={w.source} label={pick(crit[j].name)}>
            {t('evaluation.weightFinal')} {(w.final * 100).toFixed(2)}%
            {w.ahp !== null && ` · ${t('evaluation.weightAhp')} ${(w.ahp * 100).toFixed(2)}%`}
            {w.entropy !== null && ` · ${t('evaluation.weightEntropy')} ${(w.entropy * 100).toFixed(2)}%`}
          </Descriptions.Item>
        ))}
        {run.result.ahp.map((g) => <Descriptions.Item key={g.group} label={`CR（${g.group}）`}>{g.CR.toFixed(4)}</Descriptions.Item>)}
      </Descriptions>
    </Space>
  );
}
