// The SEI 2018 category of an enterprise (国家统计局《战略性新兴产业分类（2018）》 level 1) with its
// partial (`*`) and confirmation state.
// The categories and their Chinese names come from the database (/api/sei-categories); the UI strings
// (enterpriseRegistry.seiL1.<code>) give the English names.
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../shared/statistics';
import { useSeiCategories } from '../../api/statistics';

/** The UI string of a category's name, or null when there is none. */
function translated(t: (k: string) => string, code: string): string | null {
  const key = `enterpriseRegistry.seiL1.${code}`;
  const s = t(key);
  return s === key ? null : s;
}

/**
 * Labels "3 新材料产业" of level-1 categories: the catalogue's name (in English its translation);
 * `fallback` (the name an API row carries) while the catalogue loads.
 */
export function useSeiL1Label(): (code: string | null, fallback?: string | null) => string {
  const { t, i18n } = useTranslation();
  const categories = useSeiCategories();
  const en = i18n.language === 'en';
  return useMemo(() => {
    const names = new Map((categories.data ?? []).map((c) => [c.code, c.name]));
    return (code, fallback) => {
      if (!code) return '';
      const name = (en ? translated(t as (k: string) => string, code) : null) ?? names.get(code) ?? fallback ?? '';
      return `${code} ${name}`;
    };
  }, [categories.data, en, t]);
}

/** The level-1 categories as options of a filter. */
export function useSeiL1Options(): { value: string; label: string }[] {
  const categories = useSeiCategories();
  const label = useSeiL1Label();
  return useMemo(() => (categories.data ?? []).map((c) => ({ value: c.code, label: label(c.code, c.name) })), [categories.data, label]);
}

export function SeiCell({ sei }: { sei: Enterprise['sei'] }) {
  const { t } = useTranslation();
  const label = useSeiL1Label();
  if (!sei.l1) return <Typography.Text type="secondary">{t('enterpriseRegistry.notSei')}</Typography.Text>;
  return (
    <Space size={2} wrap>
      <span>{label(sei.l1, sei.l1Name)}{sei.l2 ? ` · ${sei.l2}` : ''}</span>
      {sei.partial && (
        <Tooltip title={t('enterpriseRegistry.partialHelp')}>
          <Tag color={sei.confirmed ? 'green' : 'orange'}>{t('enterpriseRegistry.partial')} · {sei.confirmed ? t('enterpriseRegistry.confirmed') : t('enterpriseRegistry.notConfirmed')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
