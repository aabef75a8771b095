// The SEI 2018 category of an enterprise (国家统计局《战略性新兴产业分类（2018）》 level 1) with its
// partial (`*`) and confirmation state.
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../shared/statistics';

export const SEI_L1_CODES = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export function seiL1Label(t: (k: string) => string, code: string | null, fallback?: string | null): string {
  if (!code) return '';
  return (SEI_L1_CODES as readonly string[]).includes(code) ? `${code} ${t(`enterpriseRegistry.seiL1.${code}`)}` : `${code} ${fallback ?? ''}`;
}

export function SeiCell({ sei }: { sei: Enterprise['sei'] }) {
  const { t } = useTranslation();
  if (!sei.l1) return <Typography.Text type="secondary">{t('enterpriseRegistry.notSei')}</Typography.Text>;
  return (
    <Space size={2} wrap>
      <span>{seiL1Label(t as (k: string) => string, sei.l1, sei.l1Name)}{sei.l2 ? ` · ${sei.l2}` : ''}</span>
      {sei.partial && (
        <Tooltip title={t('enterpriseRegistry.partialHelp')}>
          <Tag color={sei.confirmed ? 'green' : 'orange'}>{t('enterpriseRegistry.partial')} · {sei.confirmed ? t('enterpriseRegistry.confirmed') : t('enterpriseRegistry.notConfirmed')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
