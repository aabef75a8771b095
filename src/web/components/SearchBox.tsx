// The one search bar of every long list (enterprises, review queue, non-reporters, platforms, parks,
// projects): text matched against name and code, a county and a status. Lists paged by the server send
// the value as query parameters (?q=&county=&status=); lists loaded whole filter with `matchesSearch`.
import { Input, Select, Space } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../api/hooks';

export interface SearchValue {
  q: string;
  county?: string;
  status?: string;
}

export const EMPTY_SEARCH: SearchValue = { q: '' };

/** Case-insensitive substring match of the search text against any of the fields. */
export function matchesText(q: string, fields: readonly (string | null | undefined)[]): boolean {
  const text = q.trim().toLowerCase();
  return !text || fields.some((f) => !!f && f.toLowerCase().includes(text));
}

/** Whether a pinyin search key (name, full pinyin, initials; see src/db/search-key.ts) holds the query,
 *  spaces ignored: "xtgt", "xing tai gang tie" and "钢铁" all find 邢台钢铁. */
export function matchesKey(q: string, key: string | null | undefined): boolean {
  const text = q.toLowerCase().replace(/\s+/g, '');
  return !!key && !!text && key.includes(text);
}

/** Whether a record passes a search: text in its fields or its pinyin key, its county and its status (for lists loaded whole). */
export function matchesSearch(v: SearchValue, r: { text: readonly (string | null | undefined)[]; key?: string | null; county?: string | null; status?: string | null }): boolean {
  return (matchesText(v.q, r.text) || matchesKey(v.q, r.key)) && (!v.county || r.county === v.county) && (!v.status || r.status === v.status);
}

/** Counties and zones as options (name, searchable by name or code). */
export function useCountyOptions() {
  const orgs = useOrganizations();
  return useMemo(() => (orgs.data ?? []).filter((o) => o.kind === 'county' || o.kind === 'zone').map((o) => ({ value: o.code, label: o.name, code: o.code })), [orgs.data]);
}

export function SearchBox({
  value, onChange, placeholder, county = true, statusOptions, statusLabel, testId = 'list-search', children,
}: {
  value: SearchValue;
  onChange: (v: SearchValue) => void;
  placeholder?: string;
  /** Show the county filter (false for a county user, who sees only one county). */
  county?: boolean;
  statusOptions?: { value: string; label: string }[];
  statusLabel?: string;
  testId?: string;
  /** Further filters of the list, shown on the same line. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const counties = useCountyOptions();
  // Typing filters after a short pause, so a server-paged list is not asked on every key.
  const [text, setText] = useState(value.q);
  useEffect(() => setText(value.q), [value.q]);
  useEffect(() => {
    if (text === value.q) return undefined;
    const timer = setTimeout(() => onChange({ ...value, q: text }), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <Space wrap data-testid={testId}>
      <Input.Search
        allowClear value={text} placeholder={placeholder ?? t('lists.searchPlaceholder')} style={{ width: 280 }}
        onChange={(e) => setText(e.target.value)} onSearch={(q) => onChange({ ...value, q })} data-testid={`${testId}-text`}
        aria-label={placeholder ?? t('lists.searchPlaceholder')}
      />
      {county && (
        <Select
          allowClear showSearch style={{ width: 150 }} placeholder={t('lists.county')} value={value.county} data-testid={`${testId}-county`}
          options={counties} filterOption={(input, o) => matchesText(input, [o?.label, o?.code])}
          onChange={(c?: string) => onChange({ ...value, county: c })}
        />
      )}
      {statusOptions && (
        <Select
          allowClear style={{ width: 150 }} placeholder={statusLabel ?? t('lists.status')} value={value.status || undefined} data-testid={`${testId}-status`}
          options={statusOptions} onChange={(s?: string) => onChange({ ...value, status: s })}
        />
      )}
      {children}
    </Space>
  );
}
