// Stored report / closure → API shape, with its evidence files.
import type { Store } from '../ports';
import type { ClosureRequest, ProgressReport } from '../../shared/supervision';
import type { StoredClosure, StoredReport } from './ports';

export async function presentReports(store: Store, reports: StoredReport[]): Promise<ProgressReport[]> {
  const files = await store.supervision.evidenceOf('supervision_report', reports.map((r) => r.id));
  return reports.map((r) => ({ ...r, evidence: files.get(r.id) ?? [] }));
}

export async function presentReport(store: Store, r: StoredReport): Promise<ProgressReport> {
  return (await presentReports(store, [r]))[0]!;
}

export async function presentClosures(store: Store, cs: StoredClosure[]): Promise<ClosureRequest[]> {
  const files = await store.supervision.evidenceOf('supervision_closure', cs.map((c) => c.id));
  return cs.map((c) => ({ ...c, evidence: files.get(c.id) ?? [] }));
}
