// History of changes of one enterprise, from the audit log: who, when, and each changed field old → new.
import { Descriptions, Drawer, Empty, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEnterprise } from '../../api/statistics';
import type { HistoryEntry } from '../../../shared/statistics';
import { fmtTime } from '../statistics/common';
import { SeiCell } from './sei';

const HIDDEN = new Set(['orgId', 'countyOrgId', 'demo']);
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'boolean' ? (v ? '✓' : '✗') : String(v));

function changes(e: HistoryEntry): [string, unknown, unknown][] {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN.has(k));
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => [k, before[k], after[k]]);
}

export function EnterpriseHistoryDrawer({ orgId, onClose }: { orgId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useEnterprise(orgId);
  const e = detail.data;
  return (
    <Drawer open={!!orgId} width={560} onClose={onClose} title={`${t('enterpriseRegistry.historyTitle')}${e ? ` · ${e.name}` : ''}`} destroyOnHidden>
      {detail.isPending ? <Skeleton active /> : detail.isError ? <Typography.Text type="danger">{detail.error.message}</Typography.Text> : e && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('enterpriseRegistry.uscc')}>{e.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('enterpriseRegistry.county')}>{e.county.name}</Descriptions.Item>
            <Descriptions.Item label={t('enterpriseRegistry.industry')}>{e.industryCode ? `${e.industryCode} ${e.industryName ?? ''}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('enterpriseRegistry.seiCategory')}><SeiCell sei={e.sei} /></Descriptions.Item>
          </Descriptions>
          {e.history.length === 0 ? <Empty description={t('enterpriseRegistry.noHistory')} /> : (
            <Timeline
              data-testid="enterprise-history"
              items={[...e.history].reverse().map((h) => ({
                key: h.id,
                color: h.action === 'create' ? 'green' : 'blue',
                children: (
                  <>
                    <Typography.Text strong>{h.action === 'create' ? t('enterpriseRegistry.created') : h.action === 'update' ? t('enterpriseRegistry.updated') : h.action}</Typography.Text>
                    <Typography.Text type="secondary"> · {h.actorName} · {fmtTime(h.at)}</Typography.Text>
                    {h.action !== 'create' && (
                      <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                        {changes(h).map(([k, a, b]) => <li key={k}><Typography.Text code>{k}</Typography.Text> {show(a)} → {show(b)}</li>)}
                      </ul>
                    )}
                  </>
                ),
              }))}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
