// Memory of a large import through the product path: the JS heap and RSS above what the process holds
// before the import (the database setup and the file bytes), sampled at every progress step (each chunk).
//   node --expose-gc --import tsx bench/statistics-import-memory.ts [--values 1000000]
import { importDataValues } from '../src/core/statistics/import-data-values';
import { createStore } from '../src/db/store';
import { importInputFromFile } from '../src/files/value-files';
import { secrets } from '../src/server/auth/secrets';
import { arg, databaseWithEnterprises, INDICATORS, months } from './bench-common';

const N = arg('values', 1_000_000);
const periods = months(2017, 48);
const a = await databaseWithEnterprises('sqlite', Math.ceil(N / 240));
try {
  const lines = ['org_code,indicator_code,period,value'];
  let seed = 7;
  for (const e of a.enterprises) {
    for (const ind of INDICATORS.slice(0, 5)) {
      for (const p of periods) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        if (lines.length <= N) lines.push(`${e.code},${ind},${p},${Math.round((seed / 2147483648) * 1e6) / 10}`);
      }
    }
  }
  const bytes = Buffer.from(lines.join('\n') + '\n');
  lines.length = 0;
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  let heap = 0;
  let rss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  };
  const store = createStore(a.database.db);
  const input = await importInputFromFile(bytes, 'bench.csv', await store.statistics.indicators(), { dryRun: false, onProgress: sample });
  const result = await importDataValues({ store, secrets }, null, input, new Date());
  sample();
  const mb = (x: number) => Math.round(x / 1e6);
  console.log(JSON.stringify({
    bench: 'statistics-import-memory', values: result.inserted, fileMB: mb(bytes.length),
    heapBeforeMB: mb(before.heapUsed), peakHeapMB: mb(heap), heapGrowthMB: mb(heap - before.heapUsed), heapBytesPerValue: Math.round((heap - before.heapUsed) / result.inserted),
    rssBeforeMB: mb(before.rss), peakRssMB: mb(rss),
  }));
} finally {
  await a.database.drop();
}
