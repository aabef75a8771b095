import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Component } from '../../../shared/targets';
import { fmt, LightTag, StatusTag, useUnit } from './format';

const STATUSES = new Set(['target_achieved', 'substantial_progress', 'moderate_progress', 'limited_progress', 'deterioration']);

function ComponentValue({ c }: { c: Component }) {
  const { t } = useTranslation();
  const unit = useUnit();
  if (c.key === 'light' && typeof c.value === 'string') return <LightTag light={c.value as 'green' | 'yellow' | 'red'} />;
  if (c.key === 'status' && typeof c.value === 'string' && STATUSES.has(c.value)) return <StatusTag status={c.value as 'target_achieved'} />;
  if (typeof c.value === 'boolean') return <>{c.value ? t('targetPage.yes') : t('targetPage.no')}</>;
  if (typeof c.value === 'number') return <>{`${fmt(c.value, c.key === 'ratioR' ? 4 : 2)}${c.unit ? ` ${unit(c.unit)}` : ''}`}</>;
  return <>{c.value == null ? '—' : `${c.value}${c.unit ? ` ${unit(c.unit)}` : ''}`}</>;
}

/** The figures behind an assessment, each with how it is computed. */
export function ComponentsTable({ components }: { components: Component[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const columns: TableColumnsType<Component> = [
    { title: t('targetPage.component'), key: 'label', width: 220, render: (_, c) => (en ? c.label.en : c.label.zh) },
    { title: t('targetPage.value'), key: 'value', width: 180, render: (_, c) => <ComponentValue c={c} /> },
    {
      title: t('targetPage.formula'), key: 'formula',
      render: (_, c) => (
        <>
          {c.formula && <Typography.Text code style={{ fontSize: 12 }}>{!en && c.formulaZh ? c.formulaZh : c.formula}</Typography.Text>}
          {c.note && <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>{en ? c.note.en : c.note.zh}</Typography.Text>}
        </>
      ),
    },
  ];
  return <Table<Component> rowKey="key" size="small" pagination={false} columns={columns} dataSource={components} data-testid="target-components" />;
}
