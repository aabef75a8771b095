// XLSX import of a registry: every row is checked (cells, schema, codes, scope, duplicates) before
// anything is written, and one bad row rejects the whole file (all or nothing). Rows whose name exists
// update that record; new names create records. dryRun answers the same preview and errors without writing.
import { REGISTRY_SHEETS } from '../../shared/registry-columns';
import type { ImportResult, ImportRowError, RegistryKind } from '../../shared/registries';
import { AppError } from '../app-error';
import { authorize, can, type Actor } from '../policy';
import type { Deps } from '../ports';
import { refuseChangeInUse } from './record-in-use';
import type { RegistryKindMap } from './ports';
import { headerOf, issueText, readSheetRows, type SheetRows } from './read-registry-rows';
import { checkReferences, REGISTRY_INFO, repoOf } from './registry-kinds';

interface Candidate {
  row: number;
  raw: Record<string, unknown>;
  cells: Record<string, unknown>;
  badFields: Set<string>;
  /** For a project: where each child came from, per child list, to point errors at the right row. */
  childRows: Record<string, { sheet: string; row: number; cells: Record<string, unknown>; badFields: Set<string> }[]>;
}

export async function importRegistry<K extends RegistryKind>(
  deps: Deps, actor: Actor | null, kind: K, sheets: SheetRows, opts: { dryRun: boolean }, now: Date,
): Promise<ImportResult> {
  const info = REGISTRY_INFO[kind];
  if (actor) authorize(actor, 'create', info.resource);
  const specs = REGISTRY_SHEETS[kind];
  const main = specs[0]!;
  const errors: ImportRowError[] = [];
  const mainRows = readSheetRows(main, sheets[main.key] ?? [], errors);
  if (mainRows.length === 0) errors.push({ row: 1, sheet: main.name, field: main.columns[0]!.header, value: null, reason: '文件中没有数据行', reasonEn: 'the sheet has no data rows' });

  const candidates: Candidate[] = mainRows.map((r) => ({ row: r.row, raw: { ...r.value }, cells: r.cells, badFields: r.badFields, childRows: {} }));
  const byName = new Map<string, Candidate>();
  for (const c of candidates) {
    const name = c.raw.name;
    if (typeof name !== 'string' || !name) continue;
    const first = byName.get(name);
    if (first) errors.push({ row: c.row, sheet: main.name, field: headerOf(main, 'name'), value: name, reason: `与第 ${first.row} 行重名`, reasonEn: `same name as row ${first.row}` });
    else byName.set(name, c);
  }
  for (const spec of specs.slice(1)) {
    const rows = readSheetRows(spec, sheets[spec.key] ?? [], errors);
    for (const r of rows) {
      const { project, ...child } = r.value;
      const owner = typeof project === 'string' ? byName.get(project) : undefined;
      if (!owner) {
        if (project) errors.push({ row: r.row, sheet: spec.name, field: headerOf(spec, 'project'), value: project, reason: '项目不在主表中', reasonEn: 'project is not in the main sheet' });
        continue;
      }
      const list = ((owner.raw[spec.key] as unknown[] | undefined) ??= []);
      list.push(child);
      (owner.childRows[spec.key] ??= []).push({ sheet: spec.name, row: r.row, cells: r.cells, badFields: r.badFields });
    }
  }

  const known = await deps.store.registries.knownCodes();
  const repo = repoOf(deps.store, kind);
  // One read of the register instead of a query per row: the import stays linear in its rows.
  const storedByName = new Map<string, RegistryKindMap[K]['stored']>();
  for (const r of (await repo.list()) as RegistryKindMap[K]['stored'][]) if (!storedByName.has(r.name)) storedByName.set(r.name, r);
  const valid: { c: Candidate; input: RegistryKindMap[K]['input']; existing: RegistryKindMap[K]['stored'] | null; countyOrgId: string | null }[] = [];
  for (const c of candidates) {
    const parsed = info.schema.safeParse(c.raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, index, field] = issue.path.map(String);
        const child = index !== undefined ? c.childRows[first!]?.[Number(index)] : undefined;
        const spec = child ? specs.find((s) => s.key === first)! : main;
        const key = child ? (field ?? first!) : first ?? 'name';
        const where = child ?? c;
        if (where.badFields.has(key)) continue; // already reported from the cell
        const text = issueText(issue);
        errors.push({ row: where.row, sheet: spec.name, field: headerOf(spec, key), value: where.cells[key] ?? null, reason: text.zh, reasonEn: text.en });
      }
      continue;
    }
    const input = parsed.data as RegistryKindMap[K]['input'];
    for (const i of checkReferences(input, known)) {
      const [zh, en] = i.message.split(' / ');
      errors.push({ row: c.row, sheet: main.name, field: headerOf(main, i.path.split('.')[0]!), value: i.value ?? null, reason: zh ?? i.message, reasonEn: en ?? i.message });
    }
    const countyOrgId = input.countyCode ? (known.counties.get(input.countyCode) ?? null) : null;
    const existing = storedByName.get(input.name) ?? null;
    const allowed = !actor || (can(actor, existing ? 'update' : 'create', info.resource, countyOrgId) && (!existing || can(actor, 'update', info.resource, existing.countyOrgId)));
    if (!allowed) errors.push({ row: c.row, sheet: main.name, field: headerOf(main, 'countyCode'), value: input.countyCode, reason: '无权登记其他县市区的记录', reasonEn: 'you may only record items located in your own county' });
    valid.push({ c, input, existing, countyOrgId });
  }

  errors.sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
  const action = (v: (typeof valid)[number]) => (!v.existing ? ('create' as const) : sameAsStored(v.existing, v.input, v.countyOrgId) ? ('unchanged' as const) : ('update' as const));
  const preview = valid.map((v) => ({ row: v.c.row, name: v.input.name, action: action(v) }));
  const result: ImportResult = {
    dryRun: opts.dryRun, created: 0, updated: 0, unchanged: 0, rows: candidates.length, errors, preview,
  };
  if (opts.dryRun) return result;
  if (errors.length) {
    const issues = errors.map((e) => ({ path: `${e.sheet}!${e.row}.${e.field}`, row: e.row, field: e.field, value: e.value, message: `${e.reason} / ${e.reasonEn}`, sheet: e.sheet, reason: e.reason, reasonEn: e.reasonEn }));
    throw new AppError('VALIDATION', { zh: `导入文件有 ${errors.length} 处错误，未导入任何数据`, en: `the file has ${errors.length} error(s); nothing was imported` }, issues);
  }
  await deps.store.transaction(async (tx) => {
    const txRepo = repoOf(tx, kind);
    const audits: Parameters<typeof tx.audit.writeMany>[0] = [];
    for (const v of valid) {
      if (v.existing && action(v) === 'unchanged') {
        result.unchanged++;
      } else if (v.existing) {
        await refuseChangeInUse(tx, kind, v.existing, { countyOrgId: v.countyOrgId });
        const ok = await txRepo.update(v.existing.id, v.existing.rowVersion, v.input, { countyOrgId: v.countyOrgId }, now.toISOString());
        if (!ok) throw new AppError('CONFLICT', { zh: `「${v.input.name}」导入时被他人修改，请重试`, en: `"${v.input.name}" changed during the import: try again` });
        audits.push({ actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'import-update', entity: kind, entityId: v.existing.id, before: v.existing, after: v.input });
        result.updated++;
      } else {
        const id = await txRepo.insert(v.input, { countyOrgId: v.countyOrgId, source: 'import', demo: false }, now.toISOString());
        audits.push({ actorId: actor?.userId ?? null, actorName: actor?.username ?? 'cli', action: 'import-create', entity: kind, entityId: id, after: v.input });
        result.created++;
      }
    }
    await tx.audit.writeMany(audits);
  });
  return result;
}

/** Whether an imported record equals the stored one field by field (child rows in order), county included. */
function sameAsStored(stored: object, input: object, countyOrgId: string | null): boolean {
  const s = stored as Record<string, unknown> & { countyOrgId: string | null };
  return s.countyOrgId === countyOrgId && Object.entries(input).every(([k, v]) => JSON.stringify(v ?? null) === JSON.stringify(s[k] ?? null));
}
