// `sei dataset list [--json]`: the data sets (统计报表) with frequency, reporters, deadline, expiry and indicators.
import type { Command } from 'commander';
import { listDatasets } from '../../core/statistics/datasets';
import type { Dataset } from '../../core/statistics/ports';
import { createStore } from '../../db/store';
import { secrets } from '../../server/auth/secrets';
import { ready } from '../context';

const FREQ = { month: '月 month', quarter: '季 quarter', year: '年 year' } as const;
const KIND = { enterprise: '企业 enterprise', city: '全市/县 city' } as const;

function line(d: Dataset): string {
  return [
    `${d.code} ${d.name} / ${d.nameEn}`,
    `   ${FREQ[d.frequency]} · ${KIND[d.orgKind]} · 报送期限 deadline ${d.deadlineDays} 天 days · 锁定 expiry ${d.expiryDays === null ? '不锁定 never' : `${d.expiryDays} 天 days`} · v${d.rowVersion}`,
    `   指标 indicators: ${d.indicators.join(', ')}`,
  ].join('\n');
}

export function registerDatasets(program: Command): void {
  const dataset = program.command('dataset').description('数据集（统计报表）/ data sets');
  dataset
    .command('list')
    .description('列出数据集 / list the data sets')
    .option('--json', '以 JSON 输出 / print JSON')
    .action(async (o: { json?: boolean }) => {
      const { database } = await ready();
      try {
        const list = await listDatasets({ store: createStore(database.db), secrets }, null);
        console.log(o.json ? JSON.stringify({ datasets: list }, null, 2) : list.map(line).join('\n'));
      } finally {
        await database.close();
      }
    });
}
