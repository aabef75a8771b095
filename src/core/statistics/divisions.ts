// Division vintages (区划口径). Xingtai's county-level divisions were restructured in June 2020: 桥东区 →
// 襄都区 and 桥西区 → 信都区 (codes kept, enlarged), 任县 → 任泽区 (130526 → 130505), 南和县 → 南和区
// (130527 → 130506), 邢台县 (130521) abolished and split between 襄都区 and 信都区. Figures of a period are
// shown on the divisions valid in that period: periods of 2020 and later on the 2020 divisions (annual
// statistics follow the divisions at year end), earlier ones on the 2018 divisions. The mapping is read
// from the reference table `division` (reference/xingtai_divisions.csv), never written here.
// An enterprise keeps the county code it was registered with; the mapping is applied when figures are read.
import { parsePeriod } from './periods';

export interface DivisionRecord {
  code: string;
  name: string;
  /** unchanged | renamed+enlarged | replaced | abolished (status after 2020-06). */
  status: string;
  code2020: string | null;
  name2020: string | null;
  notes: string | null;
}

export type Vintage = 2018 | 2020;
export const RESTRUCTURING_YEAR = 2020;

/** The divisions a period's figures are shown on. */
export function vintageOf(period: string): Vintage {
  const p = parsePeriod(period);
  return p && p.year >= RESTRUCTURING_YEAR ? 2020 : 2018;
}

export interface MappedDivision {
  key: string;
  name: string;
  /** 邢台县 after 2020: abolished, its enterprises not yet assigned to a successor (待划归). */
  pending?: boolean;
}

/** One change the mapping makes, listed in the answer so the reader sees which vintage is used. */
export interface DivisionChange {
  from: string;
  fromName: string;
  to: string;
  toName: string;
  note: string | null;
}

export interface DivisionMapping {
  vintage: Vintage;
  /** The division a stored county code is shown as (codes outside the reference stay as they are). */
  map(code: string): MappedDivision | undefined;
  changes: DivisionChange[];
}

export function divisionMapping(divisions: readonly DivisionRecord[], vintage: Vintage): DivisionMapping {
  const byCode = new Map<string, MappedDivision>();
  const changes: DivisionChange[] = [];
  const change = (from: string, fromName: string, to: MappedDivision, note: string | null) => {
    byCode.set(from, to);
    if (from !== to.key || fromName !== to.name) changes.push({ from, fromName, to: to.key, toName: to.name, note });
  };
  for (const d of divisions) {
    if (vintage === 2018) {
      byCode.set(d.code, { key: d.code, name: d.name });
      // Data reported under a 2020 code for an earlier period is shown on its 2018 division (same territory).
      if (d.status === 'replaced' && d.code2020) change(d.code2020, d.name2020 ?? d.code2020, { key: d.code, name: d.name }, d.notes);
      else if (d.status === 'renamed+enlarged' && d.name2020 && d.name2020 !== d.name) changes.push({ from: d.code, fromName: d.name2020, to: d.code, toName: d.name, note: d.notes });
      continue;
    }
    if (d.status === 'abolished' || !d.code2020) {
      // No single successor: the reference names the divisions that received its territory in their notes.
      const successors = divisions.filter((x) => x !== d && x.name2020 && (x.notes ?? '').includes(`former ${d.name}`)).map((x) => x.name2020!);
      const name = `待划归：原${d.name}（${RESTRUCTURING_YEAR}年撤销${successors.length ? `，辖区分入${successors.join('、')}` : ''}）`;
      change(d.code, d.name, { key: d.code, name, pending: true }, d.notes);
      continue;
    }
    change(d.code, d.name, { key: d.code2020, name: d.name2020 ?? d.name }, d.notes);
    if (d.code2020 !== d.code) byCode.set(d.code2020, { key: d.code2020, name: d.name2020 ?? d.name });
  }
  return { vintage, map: (code) => byCode.get(code), changes };
}
