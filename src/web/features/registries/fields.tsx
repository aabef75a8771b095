import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizations, usePlan } from '../../api/hooks';

/** A DatePicker whose value is the ISO text the API speaks (YYYY-MM-DD, or YYYY-MM with picker="month"). */
export function DateInput({ value, onChange, picker, id }: { value?: string | null; onChange?: (v: string | null) => void; picker?: 'month'; id?: string }) {
  const format = picker === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD';
  return (
    <DatePicker
      id={id}
      picker={picker}
      value={value ? dayjs(value) : null}
      format={format}
      onChange={(d) => onChange?.(d ? d.format(format) : null)}
      style={{ width: '100%' }}
    />
  );
}

/** Select options for the codes a record refers to: counties, the plan's industries and tasks. */
export function useCodeOptions() {
  const { i18n } = useTranslation();
  const plan = usePlan('default');
  const orgs = useOrganizations();
  return useMemo(() => {
    const en = i18n.language === 'en';
    const counties = (orgs.data ?? []).filter((o) => o.kind === 'county' || o.kind === 'zone').map((o) => ({ value: o.code, label: `${o.name} ${o.code}` }));
    const industries = (plan.data?.industries ?? []).map((i) => ({ value: i.code, label: en ? i.nameEn : i.name }));
    const tasks = (plan.data?.tasks ?? []).map((t) => ({ value: t.code, label: `${t.code} ${t.title}` }));
    const industryName = new Map(industries.map((i) => [i.value, i.label]));
    return { counties, industries, tasks, industryName };
  }, [plan.data, orgs.data, i18n.language]);
}

export function enumOptions<K extends string>(labels: Record<K, { zh: string; en: string }>, en: boolean) {
  return (Object.keys(labels) as K[]).map((k) => ({ value: k, label: en ? labels[k].en : labels[k].zh }));
}

export function CodeSelect(props: { options: { value: string; label: string }[]; mode?: 'multiple'; value?: string | string[] | null; onChange?: (v: string | string[] | null) => void; id?: string }) {
  return <Select allowClear showSearch optionFilterProp="label" style={{ width: '100%' }} {...props} value={props.value ?? undefined} onChange={(v) => props.onChange?.(v ?? null)} />;
}

/**
 * A choice from a fixed list (type, level, status, stage): typing filters by the Chinese or English name
 * or the code, and an empty field shows a placeholder — never a silent first option.
 */
export function EnumSelect<K extends string>({ labels, value, onChange, id, allowClear, testId }: {
  labels: Record<K, { zh: string; en: string }>; value?: K | null; onChange?: (v: K | null) => void; id?: string; allowClear?: boolean; testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const options = (Object.keys(labels) as K[]).map((k) => ({ value: k, label: en ? labels[k].en : labels[k].zh, search: `${k} ${labels[k].zh} ${labels[k].en}`.toLowerCase() }));
  return (
    <Select
      id={id} showSearch allowClear={allowClear} placeholder={t('lists.choose')} style={{ width: '100%' }} data-testid={testId}
      options={options} value={value ?? undefined} onChange={(v?: K) => onChange?.(v ?? null)}
      filterOption={(input, o) => !!o && o.search.includes(input.trim().toLowerCase())}
    />
  );
}
