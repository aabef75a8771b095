import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActualValue, Light, ProgressStatus } from '../../../shared/targets';

export const LIGHT_COLORS: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
const STATUS_COLORS: Record<ProgressStatus, string> = {
  target_achieved: 'green', substantial_progress: 'cyan', moderate_progress: 'gold', limited_progress: 'orange', deterioration: 'red',
};

export const fmt = (v: number | null | undefined, digits = 2): string =>
  v == null || !Number.isFinite(v) ? '—' : Number(v.toFixed(digits)).toLocaleString('zh-CN', { maximumFractionDigits: digits });

/** A light as a coloured dot and its name (the name keeps it readable without colour). */
export function LightTag({ light, testId }: { light: Light | null; testId?: string }) {
  const { t } = useTranslation();
  if (!light) return <Tag data-testid={testId}>—</Tag>;
  return (
    <Tag data-testid={testId} data-light={light} color={light === 'green' ? 'success' : light === 'yellow' ? 'warning' : 'error'} style={{ marginInlineEnd: 0 }}>
      <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: LIGHT_COLORS[light], marginInlineEnd: 4 }} />
      {t(`targetPage.lights.${light}`)}
    </Tag>
  );
}

export function StatusTag({ status, testId }: { status: ProgressStatus; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>{t(`targetPage.statuses.${status}`)}</Tag>;
}

/** Demo figures are labelled as demo wherever shown; low reliability reads 未核实 (unverified) — both when both hold (a ratio of demo values and an unverified GDP). */
export function ReliabilityTag({ actual }: { actual: Pick<ActualValue, 'demo' | 'reliability'> }) {
  const { t } = useTranslation();
  return (
    <>
      {actual.demo && <Tag color="volcano" data-testid="actual-demo">{t('targetPage.demo')}</Tag>}
      {actual.reliability === 'low' && <Tag color="orange" data-testid="actual-unverified">{t('targetPage.unverified')}</Tag>}
    </>
  );
}

/** A unit in the reader's language (亿元 → CNY 100m in English); an unknown unit stays as written. */
export function useUnit(): (unit: string | undefined) => string {
  const { t } = useTranslation();
  return (unit) => (unit ? t(`targetPage.units.${unit}` as 'targetPage.title', { defaultValue: unit }) : '');
}
