// The value-level audit of one organisation and period: old → new, who, when, why.
import { Collapse, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicators, useValueAudit } from '../../api/statistics';
import type { ValueAuditEntry } from '../../../shared/statistics';
import { fmtNum, fmtTime, StatusTag } from './common';

function AuditTable({ org, period }: { org: string; period: string }) {
  const { t, i18n } = useTranslation();
  const audit = useValueAudit(org, period);
  // The change log names indicators, not codes (the code stays in the tooltip).
  const indicators = new Map((useIndicators().data ?? []).map((i) => [i.code, i18n.language === 'en' ? i.nameEn : i.name]));
  return (
    <Table<ValueAuditEntry>
      size="small" rowKey="id" loading={audit.isPending} dataSource={audit.data ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('statistics.auditWhen'), dataIndex: 'at', width: 150, render: (v: string) => fmtTime(v) },
        { title: t('statistics.indicator'), dataIndex: 'indicatorCode', width: 180, render: (c: string) => <span title={c} data-testid="audit-indicator">{indicators.get(c) ?? c}</span> },
        { title: t('statistics.auditOld'), key: 'old', width: 110, align: 'right', render: (_, e) => fmtNum(e.oldValue, 2) },
        { title: t('statistics.auditNew'), key: 'new', width: 110, align: 'right', render: (_, e) => fmtNum(e.newValue, 2) },
        { title: t('statistics.status'), key: 'status', width: 200, render: (_, e) => <>{e.oldStatus && <StatusTag status={e.oldStatus} />}{e.newStatus && e.newStatus !== e.oldStatus && <>→ <StatusTag status={e.newStatus} /></>}</> },
        { title: t('statistics.auditWho'), dataIndex: 'actorName', width: 100 },
        { title: t('statistics.auditWhy'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
      ]}
    />
  );
}

export function ValueAuditPanel({ org, period }: { org: string; period: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string[]>([]);
  return (
    <Collapse
      size="small" activeKey={open} onChange={(k) => setOpen(k as string[])}
      items={[{ key: 'audit', label: t('statistics.audit'), children: open.includes('audit') ? <AuditTable org={org} period={period} /> : null }]}
    />
  );
}
