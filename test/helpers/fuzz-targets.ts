// Generated inputs for the write endpoints that take files and batches: the JSON data-value API, CSV and
// XLSX imports of values and enterprises, the registry workbooks and plan files. Shared by
// test/fuzz.test.ts (a few hundred runs) and bench/fuzz.ts (≥ 10,000). Each call must end in a 2xx or
// a 4xx in the error shape — never a 5xx — and a refusal must leave every table as it was and name,
// for each issue, the field and the reason (and the row, for row issues).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { parse as parseYaml } from 'yaml';
import { DEMO_ENTERPRISE } from '../../src/db/seed/demo';
import { countRows } from './row-counts';
import type { TestDatabase } from './databases';
import { loginAs, type Session } from './http';

export interface FuzzRequest { target: string; url: string; json?: unknown; raw?: Buffer; dryRun: boolean; as: 'admin' | 'tongji' }

export interface FuzzContext {
  app: FastifyInstance;
  database: TestDatabase;
  sessions: Record<'admin' | 'tongji', Session>;
  /** The header and first rows of each registry's export workbook, to mutate. */
  registrySheets: Record<'platforms' | 'parks' | 'projects', { name: string; rows: (string | number | null)[][] }>;
}

const TABLES = ['enterprise', 'organization', 'data_value', 'data_value_audit', 'import_batch', 'aggregate_value', 'innovation_platform', 'park', 'project', 'plan', 'target'];

export async function prepareFuzz(app: FastifyInstance, database: TestDatabase): Promise<FuzzContext> {
  const sessions = { admin: await loginAs(app, 'admin'), tongji: await loginAs(app, 'tongji') };
  const registrySheets = {} as FuzzContext['registrySheets'];
  for (const kind of ['platforms', 'parks', 'projects'] as const) {
    const res = await sessions.admin.request('GET', `/api/${kind}/export.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: (string | number | null)[][] = [];
    ws.eachRow((row, n) => { if (n <= 4) rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? null : typeof v === 'number' ? v : String(v instanceof Date ? v.toISOString().slice(0, 10) : v)))); });
    registrySheets[kind] = { name: ws.name, rows };
  }
  return { app, database, sessions, registrySheets };
}

// ---- generated values ---------------------------------------------------------------------------------

const ENT = DEMO_ENTERPRISE.code;
const tricky = fc.constantFrom('', ' ', '0', '-0', '1e309', '-1e309', 'NaN', 'Infinity', '1,234.5', '１２３', '=1+1', '@SUM(A1)', '"', '""', '\n', '\r\n', ',', ';', '\t', '\u0000', '\uFEFF', '😀', '𠮷',
  '202012', '2020', '2020Q4', '2019Q5', '202013', '2020-12', '2020-12-31', '2020/12/31', '99999999', ENT, '130528', '130599', 'REVENUE', 'VALUE_ADDED', 'GDP', 'ENT_MONTHLY',
  '是', '否', 'true', 'yes', 'national', 'provincial', 'enterprise_tech_center', 'base', 'new-materials', '3562', 'specialty', 'null', 'undefined', 'a'.repeat(600));
const cell: fc.Arbitrary<string | number | boolean | null> = fc.oneof(
  { weight: 3, arbitrary: tricky },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.integer({ min: -1e9, max: 1e12 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
);
const valueRow = fc.record({
  orgCode: fc.oneof(fc.constant(ENT), fc.constantFrom('130528', '91130528MA00000208', 'NOPE'), cell),
  indicatorCode: fc.oneof(fc.constantFrom('REVENUE', 'VALUE_ADDED', 'EMPLOYEES', 'GDP'), cell),
  period: fc.oneof(fc.constantFrom('202012', '202011', '2020Q4', '2020'), cell),
  value: fc.oneof(fc.integer({ min: 0, max: 1e7 }), cell),
  comment: fc.option(cell, { nil: undefined }),
}, { requiredKeys: [] });

const csvEscape = (v: unknown) => { const s = v == null ? '' : String(v); return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
/** CSV text, sometimes properly quoted, sometimes raw (broken quoting), in UTF-8, UTF-8 with BOM or GBK. */
const csvBytes = (header: fc.Arbitrary<unknown[]>, row: fc.Arbitrary<unknown[]>) => fc.record({
  header, rows: fc.array(row, { maxLength: 6 }), quote: fc.boolean(), enc: fc.constantFrom('utf8', 'bom', 'gbk'), sep: fc.constantFrom(',', ',', '\t', ';'),
}).map(({ header, rows, quote, enc, sep }) => {
  const text = [header, ...rows].map((r) => r.map((c) => (quote ? csvEscape(c) : String(c ?? ''))).join(sep)).join('\n');
  return enc === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(enc === 'bom' ? `\uFEFF${text}` : text, 'utf8');
});

async function xlsxOf(sheets: { name: string; rows: unknown[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31) || 'Sheet1');
    for (const r of s.rows) ws.addRow(r.map((c) => (typeof c === 'string' ? [...c].filter((ch) => { const n = ch.charCodeAt(0); return (n >= 32 || n === 9 || n === 10 || n === 13) && n !== 0xfffe && n !== 0xffff; }).join('') : c)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A file that is a zip but not a workbook, or a workbook cut short. */
const brokenZip = fc.uint8Array({ minLength: 0, maxLength: 300 }).map((b) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(b)]));

const mutate = (rows: (string | number | null)[][]) => fc.record({
  edits: fc.array(fc.tuple(fc.nat(), fc.nat(), cell), { maxLength: 8 }),
  dropHeader: fc.boolean(), extraRows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 3 }), keep: fc.nat({ max: 3 }),
}).map(({ edits, dropHeader, extraRows, keep }) => {
  const out = rows.slice(0, 1 + keep).map((r) => [...r]) as unknown[][];
  for (const [r, c, v] of edits) { const row = out[r % out.length]!; row[c % Math.max(row.length, 1)] = v; }
  if (dropHeader && out.length > 1) out.shift();
  return [...out, ...extraRows];
});

// ---- the targets ------------------------------------------------------------------------------------

const LONG_HEADER = ['org_code', 'indicator_code', 'period', 'value', 'comment'];
const ENT_HEADER = ['统一社会信用代码 uscc', '企业名称 name', '县市区代码 county_code', '园区 park', '行业代码 industry_code', '重点领域 plan_industry', '企业类别 tier', '规上 above_scale', '高新 high_tech', '确认战新 sei_confirmed'];
const headerLike = (h: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constant(h) }, { weight: 1, arbitrary: fc.shuffledSubarray(h) }, { weight: 1, arbitrary: fc.array(cell, { maxLength: 8 }) });
const plan = parseYaml(readFileSync(new URL('../../plans/xingtai-sei-2018-2020.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const dry = fc.boolean();

export function fuzzTargets(ctx: FuzzContext): Record<string, fc.Arbitrary<FuzzRequest | Promise<FuzzRequest>>> {
  const file = (target: string, url: string, as: FuzzRequest['as']) => (bytes: Buffer, dryRun: boolean, name: string): FuzzRequest =>
    ({ target, url: `${url}?filename=${encodeURIComponent(name)}${dryRun ? '&dryRun=1' : ''}`, raw: bytes, dryRun, as });
  const values = file('data-values CSV/XLSX', '/api/data-values/import', 'tongji');
  const enterprises = file('enterprises CSV/XLSX', '/api/enterprises/import', 'admin');
  return {
    'data-values JSON': fc.record({
      body: fc.oneof({ weight: 6, arbitrary: fc.record({ dataValues: fc.array(valueRow, { maxLength: 8 }), dryRun: fc.option(fc.boolean(), { nil: undefined }), confirm: fc.option(fc.boolean(), { nil: undefined }) }) }, { weight: 1, arbitrary: fc.anything() }),
    }).map(({ body }) => ({ target: 'data-values JSON', url: '/api/data-values', json: body, dryRun: (body as { dryRun?: unknown })?.dryRun === true, as: 'tongji' as const })),
    'data-values CSV/XLSX': fc.oneof(
      fc.tuple(csvBytes(headerLike(LONG_HEADER), fc.array(cell, { maxLength: 6 })), dry).map(([b, d]) => values(b, d, 'values.csv')),
      fc.tuple(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), headerLike(LONG_HEADER), dry).map(async ([rows, h, d]) => values(await xlsxOf([{ name: 'values', rows: [h, ...rows] }]), d, 'values.xlsx')),
      fc.tuple(brokenZip, dry).map(([b, d]) => values(b, d, 'values.xlsx')),
    ),
    'enterprises CSV/XLSX': fc.oneof(
      fc.tuple(csvBytes(headerLike(ENT_HEADER), fc.array(cell, { maxLength: 11 })), dry).map(([b, d]) => enterprises(b, d, 'ent.csv')),
      fc.tuple(fc.array(fc.array(cell, { maxLength: 11 }), { maxLength: 5 }), headerLike(ENT_HEADER), dry).map(async ([rows, h, d]) => enterprises(await xlsxOf([{ name: '企业名录', rows: [h, ...rows] }]), d, 'ent.xlsx')),
      fc.tuple(brokenZip, dry).map(([b, d]) => enterprises(b, d, 'ent.xlsx')),
    ),
    'registries XLSX': fc.tuple(fc.constantFrom('platforms', 'parks', 'projects') as fc.Arbitrary<'platforms' | 'parks' | 'projects'>, dry, fc.boolean()).chain(([kind, d, broken]) =>
      (broken ? brokenZip.map((b) => Promise.resolve(b)) : mutate(ctx.registrySheets[kind].rows).map((rows) => xlsxOf([{ name: ctx.registrySheets[kind].name, rows }])))
        .map(async (bytes) => file(`registries XLSX (${kind})`, `/api/${kind}/import`, 'admin')(await bytes, d, `${kind}.xlsx`))),
    'plan files': fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.array(fc.tuple(fc.constantFrom(...Object.keys(plan)), fc.oneof(cell, fc.anything())), { minLength: 1, maxLength: 3 }), fc.string({ maxLength: 6 })).map(([edits, suffix]) => {
        const p: Record<string, unknown> = structuredClone(plan);
        for (const [k, v] of edits) p[k] = v;
        if (typeof p.code === 'string') p.code = `${p.code}-fuzz-${suffix}`;
        return p;
      }) },
      { weight: 1, arbitrary: fc.anything() },
    ).map((body) => ({ target: 'plan files', url: '/api/plans', json: body, dryRun: false, as: 'admin' as const })),
  };
}

/** Sends one generated request and answers what was wrong with the outcome, or null. */
export async function checkOne(ctx: FuzzContext, req: FuzzRequest): Promise<string | null> {
  const s = ctx.sessions[req.as];
  const before = await countRows(ctx.database, TABLES);
  const res = req.raw
    ? await ctx.app.inject({ method: 'POST', url: req.url, payload: req.raw, headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'application/octet-stream' } })
    : await s.request('POST', req.url, req.json);
  const where = `${req.target}: ${res.statusCode} ${res.body.slice(0, 300)}`;
  if (res.statusCode >= 500) return `server error — ${where}`;
  let body: { error?: { code?: string; message?: string; issues?: Record<string, unknown>[] }; issues?: Record<string, unknown>[] };
  try { body = res.json(); } catch { return `not JSON — ${where}`; }
  const after = await countRows(ctx.database, TABLES);
  const changed = TABLES.filter((t) => before[t] !== after[t]);
  if (res.statusCode >= 400) {
    if (!body.error?.code || !body.error.message) return `a refusal without the error shape — ${where}`;
    if (changed.length) return `a refusal left rows behind in ${changed.join(', ')} — ${where}`;
    for (const i of body.error.issues ?? []) {
      if (!('field' in i) && !('path' in i)) return `an issue naming no field — ${where}`;
      if (!i.reason && !i.message) return `an issue giving no reason — ${where}`;
      if ('row' in i && !(Number.isInteger(i.row) && (i.row as number) >= 0)) return `an issue with a bad row number — ${where}`;
    }
    if (body.error.code === 'VALIDATION' && req.raw && !(body.error.issues?.length)) return `a file refused with no issue — ${where}`;
  } else if (req.dryRun && changed.some((t) => t !== 'import_batch')) {
    return `a dry run wrote ${changed.join(', ')} — ${where}`;
  }
  // A 2xx import that lists issues must have stored nothing (all or nothing).
  if (res.statusCode < 300 && (body.issues?.length ?? 0) > 0 && (body as { errorCount?: number }).errorCount && changed.some((t) => t !== 'import_batch')) {
    return `an import with row errors stored rows — ${where}`;
  }
  return null;
}
