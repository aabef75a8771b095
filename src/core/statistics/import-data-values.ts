// Use-case: import values from a file or the JSON API. Previewed (dry run) or committed; all-or-nothing:
// any invalid row rejects the whole input with the list of {row, field, value, reason} and nothing is
// stored. Unchanged values are skipped, so importing the same file again changes nothing.
import type { ErrorIssue } from '../../shared/errors';
import { fieldLabel, type ImportIssue, type ValueImportResult } from '../../shared/statistics';
import { AppError } from '../app-error';
import { newId } from '../ids';
import { authorize, type Actor } from '../policy';
import type { Deps } from '../ports';
import { loadReportsFor, loadValidationContext } from './context';
import { needsConfirmation, pendingSoftWarnings } from './plausibility';
import { checkRulesFor, type RuleWarning } from './run-validation';
import { keptCatalogue, memoCatalogue } from './memo-catalogue';
import { createValidator, type RawValueRow, type ValidValue } from './validate-values';
import { valueKey, writeValues } from './write-values';

/** Rows read chunk by chunk (a large file): each chunk is checked before the next is read, so its raw rows die young. */
export interface RowStream {
  /** Rows expected, for progress; the result counts the rows actually read. */
  expected: number;
  /** The rows in file order; walked once. */
  chunks(): Iterable<readonly RawValueRow[]>;
}

export type RowSource = readonly RawValueRow[] | RowStream;

const isStream = (rows: RowSource): rows is RowStream => !Array.isArray(rows);

/** How many rows a source holds or expects. */
export const expectedRows = (rows: RowSource): number => (isStream(rows) ? rows.expected : rows.length);

export interface ImportInput {
  rows: RowSource;
  source: 'file' | 'api';
  format: string;
  layout?: 'long' | 'wide' | 'json';
  encoding?: string | null;
  fileName?: string | null;
  sha256?: string | null;
  dryRun: boolean;
  /** Store values outside their indicator's soft range (the reporter checked them); without it such an import is refused. */
  confirm?: boolean;
  /** Issues found while reading the table (header problems), reported like row issues. */
  tableIssues?: ImportIssue[];
  onProgress?: (stage: 'validate' | 'write', done: number, total: number) => void;
}

/** What an import reports (the response of the JSON and the file import routes). */
export type ImportResult = ValueImportResult;

export const MAX_LISTED_ISSUES = 1000;
const WARN_LIMIT = 20_000;

export function issuesToError(issues: ImportIssue[], what = { zh: '导入文件', en: 'the import' }): AppError {
  const head = issues.slice(0, 5).map((i) => `第${i.row}行「${fieldLabel(i.field, 'zh')}」：${i.reason}`).join('；');
  const headEn = issues.slice(0, 5).map((i) => `row ${i.row}, ${fieldLabel(i.field, 'en')}: ${i.reasonEn}`).join('; ');
  const list: ErrorIssue[] = issues.slice(0, MAX_LISTED_ISSUES).map((i) => ({
    path: `row ${i.row}.${i.field}`, message: i.reason, row: i.row, field: i.field, value: i.value, reason: i.reason, reasonEn: i.reasonEn,
  }));
  return new AppError(
    'VALIDATION',
    { zh: `${what.zh}有 ${issues.length} 处错误，未保存任何数据：${head}`, en: `${what.en} has ${issues.length} error(s); nothing was stored: ${headEn}` },
    list,
  );
}

/** Up to this many rows given whole, validation reads only the organisations they name. */
const FEW_ROWS = 2000;

export async function importDataValues(deps: Deps, actor: Actor | null, input: ImportInput, now: Date): Promise<ImportResult> {
  if (actor) authorize(actor, input.dryRun ? 'read' : 'create', 'datavalue');
  const catalogue = keptCatalogue();
  const run = async (tx: Deps['store']): Promise<ImportResult & { written: ValidValue[] }> => {
    const st = memoCatalogue(tx.statistics, catalogue);
    // A few rows given whole (the JSON API): read only the organisations they name, as the validator spells them.
    const few = !isStream(input.rows) && input.rows.length <= FEW_ROWS
      ? input.rows.map((r) => String(r.orgCode ?? '').trim().toUpperCase()) : undefined;
    const ctx = await loadValidationContext(st, actor, [], now, few);
    const validator = createValidator(ctx);
    const expected = expectedRows(input.rows);
    input.onProgress?.('validate', 0, expected);
    let rowCount = 0;
    for (const chunk of isStream(input.rows) ? input.rows.chunks() : [input.rows]) {
      await loadReportsFor(st, ctx, chunk);
      validator.check(chunk);
      rowCount += chunk.length;
      input.onProgress?.('validate', rowCount, expected);
    }
    const { values, issues: rowIssues, locked, soft } = validator.result();
    const softWarnings = await pendingSoftWarnings(st, soft);
    const base = {
      dryRun: input.dryRun, format: input.format, layout: input.layout ?? null, encoding: input.encoding ?? null,
      rows: rowCount, batchId: null as string | null, warnings: [] as RuleWarning[],
      softWarnings: softWarnings.slice(0, MAX_LISTED_ISSUES), needsConfirmation: softWarnings.length > 0 && !input.confirm,
    };
    // A row of a locked report is only an error when it would change the stored value.
    let lockedUnchanged = 0;
    const lockIssues: ImportIssue[] = [];
    if (locked.length) {
      const stored = await st.valuesAt(locked.map((l) => ({ indicatorCode: l.value.indicatorCode, period: l.value.period })), new Set(locked.map((l) => l.value.orgId)));
      for (const l of locked) {
        const cur = stored.get(valueKey(l.value.orgId, l.value.indicatorCode, l.value.period));
        if (cur && l.value.value !== null && cur.value === l.value.value && (l.value.comment == null || l.value.comment === cur.comment)) lockedUnchanged++;
        else lockIssues.push(l.issue);
      }
    }
    const issues = [...(input.tableIssues ?? []), ...rowIssues, ...lockIssues].sort((a, b) => a.row - b.row);
    if (issues.length) {
      const result = { ...base, valid: false, values: values.length, inserted: 0, updated: 0, deleted: 0, unchanged: 0, issueCount: issues.length, issues: issues.slice(0, MAX_LISTED_ISSUES) };
      if (input.dryRun) return { ...result, written: [] };
      throw issuesToError(issues);
    }
    // Values outside the soft range are stored only when confirmed (a dry run lists them to confirm).
    if (base.needsConfirmation && !input.dryRun) throw needsConfirmation(softWarnings);
    const batchId = input.dryRun ? null : newId(now.getTime());
    const meta = { actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', now: now.toISOString(), batchId };
    input.onProgress?.('write', 0, values.length);
    const summary = await writeValues(st, values, {
      source: input.source, status: 'draft', reason: input.fileName ? `导入 import ${input.fileName}` : `接口导入 API import`,
      meta, auditCreates: input.source === 'api', dryRun: input.dryRun, keepUnchanged: true,
      onProgress: (done, total) => input.onProgress?.('write', done, total),
    });
    input.onProgress?.('write', values.length, values.length);
    // A preview checks the rules over the values it would store; a write checks them after its commit (below).
    const warnings = input.dryRun && values.length <= WARN_LIMIT ? await checkRulesFor(st, values, values) : [];
    if (!input.dryRun && batchId) {
      await st.insertImportBatch({
        id: batchId, fileName: input.fileName ?? null, sha256: input.sha256 ?? null, format: input.format, source: input.source,
        rows: rowCount, inserted: summary.inserted, updated: summary.updated + summary.deleted, unchanged: summary.unchanged,
      }, meta);
      await tx.audit.write({
        actorId: meta.actorId, actorName: meta.actorName, action: 'import', entity: 'data_value_batch', entityId: batchId,
        after: { fileName: input.fileName ?? null, format: input.format, rows: rowCount, ...summary },
      });
    }
    return { ...base, batchId, valid: true, values: values.length + lockedUnchanged, ...summary, unchanged: summary.unchanged + lockedUnchanged, issueCount: 0, issues: [], warnings, written: values };
  };
  if (input.dryRun) {
    const { written: _, ...preview } = await run(deps.store);
    return preview;
  }
  const { written, ...result } = await deps.store.transaction(run);
  // The rules only warn, so they are checked once the values are committed, outside the write lock (they were
  // a tenth of a one-value write): they read the stored values, now including these.
  if (written.length && written.length <= WARN_LIMIT) result.warnings = await checkRulesFor(memoCatalogue(deps.store.statistics, catalogue), written, null);
  return result;
}
