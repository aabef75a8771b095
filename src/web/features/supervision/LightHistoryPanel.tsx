// A task's recorded daily lights, as spans of the same colour (from, to, days) with the figures of the
// span's last day, newest first, and the red-light days in all — what 问效 records are weighed against.
import { Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskLight } from '../../../shared/supervision';
import { useLightHistory, type TaskDetail } from '../../api/supervision';
import { QueryResult } from '../../components/QueryResult';
import { LIGHT_COLORS, pct } from './common';
import { lightSpans, type Span } from './light-spans';

export function LightHistoryPanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const history = useLightHistory(task.id);
  const columns: TableColumnsType<Span> = [
    { title: t('supervision.history.from'), dataIndex: 'from', width: 110 },
    { title: t('supervision.history.to'), dataIndex: 'to', width: 110 },
    { title: t('supervision.history.days'), dataIndex: 'days', width: 70, align: 'right' },
    { title: t('supervision.columns.light'), key: 'light', width: 90, render: (_, s) => <Tag color={LIGHT_COLORS[s.light as TaskLight]}>{t(`supervision.lights.${s.light as TaskLight}`)}</Tag> },
    { title: t('supervision.history.figures'), key: 'figures', render: (_, s) => t('supervision.history.figuresText', { done: pct(s.last.percentDone), elapsed: pct(s.last.timeElapsedPct), lag: s.last.lagPoints.toFixed(1) }) },
    { title: t('supervision.history.reasons'), key: 'reasons', render: (_, s) => s.last.reasons.map((r) => t(`supervision.reasons.${r}`, { defaultValue: r })).join('、') || '—' },
  ];
  return (
    <QueryResult query={history}>
      {(data) => {
        if (data.days.length === 0) return <Empty description={t('supervision.history.none')} />;
        const spans = lightSpans(data.days);
        const red = data.days.filter((d) => d.light === 'red').length;
        return (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="light-history">
            <Typography.Text type="secondary">{t('supervision.history.summary', { from: data.days[0].day, to: data.days[data.days.length - 1].day, red })}</Typography.Text>
            <Table size="small" rowKey="from" columns={columns} dataSource={spans} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
          </Space>
        );
      }}
    </QueryResult>
  );
}
