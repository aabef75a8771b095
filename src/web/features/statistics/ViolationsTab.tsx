// 校验: validation-rule violations per organisation and period (value added ≤ revenue, year-to-date
// values non-decreasing, …). Violations warn; they do not block saving.
import { Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViolations } from '../../api/statistics';
import type { RuleWarning } from '../../../shared/statistics';
import { QueryResult } from '../../components/QueryResult';
import { DatasetPeriodBar, useDatasetPeriod } from './common';
import { RulesCard } from './RulesCard';

/** Compact list for alerts: rule name and what is wrong in words. */
export function ViolationList({ violations }: { violations: RuleWarning[] }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {violations.slice(0, 20).map((v, i) => (
        <li key={`${v.orgCode}-${v.period}-${v.ruleCode}-${i}`}>
          {v.orgName} {v.period} · {en ? v.ruleNameEn : v.ruleName}: {en ? v.messageEn : v.message}
        </li>
      ))}
      {violations.length > 20 && <li>…</li>}
    </ul>
  );
}

export function ViolationsTab() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const sel = useDatasetPeriod();
  const { dataset } = sel;
  const violations = useViolations(sel.ds ? sel.period : '', dataset);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <DatasetPeriodBar sel={sel} testId="violations" />
      <QueryResult query={violations}>
        {(rows) => (
          <Table<RuleWarning>
            size="small" rowKey={(v, i) => `${v.orgCode}-${v.period}-${v.ruleCode}-${i}`} dataSource={rows} data-testid="violations-table"
            locale={{ emptyText: t('statistics.noViolations') }} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: t('statistics.orgName'), key: 'org',
                render: (_, v) => (
                  <Space direction="vertical" size={0}>
                    <Link to={`/statistics/entry?dataset=${dataset}&org=${encodeURIComponent(v.orgCode)}&period=${v.period}`}>{v.orgName}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{v.orgCode}</Typography.Text>
                  </Space>
                ),
              },
              { title: t('statistics.period'), dataIndex: 'period', width: 90 },
              { title: t('statistics.rule'), key: 'rule', render: (_, v) => <>{en ? v.ruleNameEn : v.ruleName} <Typography.Text type="secondary">({v.ruleCode})</Typography.Text></> },
              { title: t('statistics.indicator'), dataIndex: 'indicatorCode', width: 170 },
              // The problem in words: the rule's operator between the two numbers read as if the rule held.
              { title: t('statistics.problem'), key: 'problem', render: (_, v) => (en ? v.messageEn : v.message) },
            ]}
          />
        )}
      </QueryResult>
      <RulesCard />
    </Space>
  );
}
