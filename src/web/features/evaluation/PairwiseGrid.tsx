// The AHP pairwise matrix as an editable grid: the upper triangle takes Saaty's 1–9 scale (or "1/3"), the
// lower triangle shows the reciprocal, the diagonal is 1. λmax and CR come live from the server's methods
// (POST /api/evaluation/compute); CR above 0.1 is shown in red — a run with it is refused.
import { Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAhpCheck } from '../../api/evaluation';

type Cell = number | string;

/** The reciprocal as shown in the lower triangle: "1/3" for 3, "3" for "1/3", a rounded decimal otherwise. */
export function reciprocal(c: Cell): string {
  const s = String(c).trim();
  const frac = /^1\s*\/\s*(\d+(?:\.\d+)?)$/.exec(s);
  if (frac) return frac[1];
  const n = Number(s);
  if (Number.isFinite(n) && n > 0) return Number.isInteger(n) ? (n === 1 ? '1' : `1/${n}`) : String(Math.round((1 / n) * 1000) / 1000);
  return '?';
}

/** A square matrix of `n` with the given upper triangle, lower as reciprocals. */
export function withReciprocals(m: Cell[][]): Cell[][] {
  return m.map((row, i) => row.map((c, j) => (i === j ? 1 : j > i ? c : reciprocal(m[j][i]))));
}

export function PairwiseGrid({ labels, value, onChange, testId, editable }: { labels: string[]; value: Cell[][]; onChange: (m: Cell[][]) => void; testId: string; editable: boolean }) {
  const { t } = useTranslation();
  const check = useAhpCheck(value);
  const n = labels.length;
  const set = (i: number, j: number, v: string) => onChange(withReciprocals(value.map((row, a) => row.map((c, b) => (a === i && b === j ? v : c)))));
  const cr = check.data?.CR;
  const bad = cr !== undefined && cr > 0.1;
  return (
    <Space direction="vertical" size={4} data-testid={testId}>
      <table style={{ borderCollapse: 'collapse' }}>
        <thead>
          <tr><th />{labels.map((l) => <th key={l} style={{ padding: '2px 6px', fontWeight: 500, fontSize: 12, maxWidth: 120 }}>{l}</th>)}</tr>
        </thead>
        <tbody>
          {labels.map((l, i) => (
            <tr key={l}>
              <th style={{ padding: '2px 6px', fontWeight: 500, fontSize: 12, textAlign: 'left' }}>{l}</th>
              {Array.from({ length: n }, (_, j) => (
                <td key={j} style={{ padding: 2 }}>
                  {j > i && editable
                    ? <Input size="small" style={{ width: 64 }} value={String(value[i]?.[j] ?? '1')} data-testid={`${testId}-cell-${i}-${j}`} aria-label={`${l} / ${labels[j]}`} onChange={(e) => set(i, j, e.target.value)} />
                    : <Typography.Text type={i === j ? 'secondary' : undefined} style={{ display: 'inline-block', width: 64, textAlign: 'center' }}>{String(value[i]?.[j] ?? '1')}</Typography.Text>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {n <= 2 ? <Typography.Text type="secondary">CR = 0</Typography.Text> : check.isError
        ? <Typography.Text type="danger" data-testid={`${testId}-error`}>{check.error.message}</Typography.Text>
        : cr !== undefined && (
          <Space>
            <Tag color={bad ? 'red' : 'green'} data-testid={`${testId}-cr`} data-bad={bad ? 'true' : 'false'} style={{ color: bad ? '#cf1322' : undefined }}>{t('evaluation.cr', { cr: cr.toFixed(3) })}</Tag>
            <Typography.Text type="secondary">{t('evaluation.lambda', { lambda: check.data?.lambda_max?.toFixed(3) })}</Typography.Text>
            <Typography.Text type={bad ? 'danger' : 'success'}>{bad ? t('evaluation.crBad') : t('evaluation.crOk')}</Typography.Text>
          </Space>
        )}
    </Space>
  );
}
