import type { Transaction } from 'kysely';
import { newId } from '../../core/ids';
import type { NewOrganization } from '../repositories/organizations';
import { insertOrganizations } from '../repositories/organizations';
import { flag } from '../mappers';
import type { DB } from '../schema';
import {
  readCsv,
  readIndustryTree,
  readOrganizationsFile,
  type DivisionRow,
  type IndustryNode,
} from './reference-files';

const SOURCES = {
  division: {
    source: 'modood/Administrative-divisions-of-China (NBS statistical division codes); news reports of the 2020 restructuring',
    caveats: '130571 河北邢台经济开发区 is an NBS statistical functional-area code, not a county',
  },
  industry_class: {
    source: 'GB/T 4754-2017 国民经济行业分类, transcription in swifthu/industrial_classifi commit 008b517c',
    caveats: 'third-party transcription of the national standard',
  },
  sei_category: {
    source: '战略性新兴产业分类(2018) 国家统计局令第23号: 9 level-1 and 40 level-2 categories',
    caveats: 'X.Y codes follow the published order; check against the NBS text before printing them officially',
  },
  sei_mapping: {
    source: '战略性新兴产业分类(2018) mapped to GB/T 4754-2017 4-digit classes, swifthu/industrial_classifi',
    caveats: 'NBS states 485 codes, this has 469; 新材料 rows have no level-2 code; * = only part of the class counts',
  },
} as const;

async function recordSource(trx: Transaction<DB>, dataset: keyof typeof SOURCES, rows: number, now: string) {
  await trx.insertInto('reference_source').values({ dataset, ...SOURCES[dataset], rows, loaded_at: now }).execute();
}

function flattenIndustry(node: IndustryNode, parent: string | null, out: DB['industry_class'][]): void {
  for (const child of node.children ?? []) {
    out.push({ code: child.code, name: child.name, level: child.level, parent_code: parent });
    flattenIndustry(child, child.code, out);
  }
}

async function insertChunked<T extends keyof DB>(trx: Transaction<DB>, table: T, rows: DB[T][], size = 200) {
  for (let i = 0; i < rows.length; i += size) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely cannot type a table chosen by a generic parameter
    await trx.insertInto(table).values(rows.slice(i, i + size) as any).execute();
  }
}

/** Loads divisions, classifications and the SEI catalogue, then the organisations built on them. */
export async function loadReference(trx: Transaction<DB>, now: string): Promise<void> {
  const divisions = readCsv('xingtai_divisions.csv') as unknown as DivisionRow[];
  await insertChunked(trx, 'division', divisions.map((d) => ({
    code: d.code_2018, name: d.name_2018, type: d.type_2018, status_after_2020: d.status_after_2020_06,
    code_2020: d.code_2020 || null, name_2020: d.name_2020 || null, notes: d.notes || null,
  })));
  await recordSource(trx, 'division', divisions.length, now);

  const classes: DB['industry_class'][] = [];
  flattenIndustry(readIndustryTree(), null, classes);
  await insertChunked(trx, 'industry_class', classes);
  await recordSource(trx, 'industry_class', classes.length, now);

  const categories = readCsv('sei2018_categories.csv');
  await insertChunked(trx, 'sei_category', categories.map((c) => ({
    code: c.code, name: c.name, level: Number(c.level), parent_code: c.parent_code || null,
  })));
  await recordSource(trx, 'sei_category', categories.length, now);

  const mapping = readCsv('sei2018.csv');
  await insertChunked(trx, 'sei_mapping', mapping.map((m) => ({
    id: newId(), industry_code: m.gbt4754_2017_code, partial: flag(m.partial_star === '*'),
    sei_l1: m.sei_l1_code, sei_l2: m.sei_l2_code || null, sub_name: m.sei_l3_or_sub_name || null,
    key_products: m.key_products_services || null,
  })));
  await recordSource(trx, 'sei_mapping', mapping.length, now);

  await insertOrganizations(trx, organizationsFromReference(divisions), now);
}

export function organizationsFromReference(divisions: DivisionRow[]): NewOrganization[] {
  const file = readOrganizationsFile();
  const orgs: NewOrganization[] = [
    { code: file.city.code, name: file.city.name, nameEn: file.city.nameEn, kind: 'city', divisionCode: file.city.code },
    { code: file.leadingGroup.code, name: file.leadingGroup.name, nameEn: file.leadingGroup.nameEn, kind: 'leading_group', parentCode: file.city.code, sort: 1 },
  ];
  file.departments.forEach((d, i) =>
    orgs.push({
      code: d.code, name: d.name, fullName: d.fullName, nameEn: d.nameEn, kind: 'department',
      parentCode: file.city.code, isLead: d.lead ?? false, sort: 10 + i,
    }),
  );
  // Counties as of the plan period (2018); the 2020 successors are added as their own organisations
  // so that data reported under new codes can be mapped back (邢台县 has no successor of its own).
  divisions.forEach((d, i) =>
    orgs.push({
      code: d.code_2018, name: d.name_2018, kind: d.code_2018 === '130571' ? 'zone' : 'county',
      parentCode: file.city.code, divisionCode: d.code_2018, active: d.status_after_2020_06 === 'unchanged' || d.status_after_2020_06 === 'renamed+enlarged', sort: 100 + i,
    }),
  );
  divisions
    .filter((d) => d.status_after_2020_06 === 'replaced' && d.code_2020)
    .forEach((d, i) =>
      orgs.push({
        code: d.code_2020, name: d.name_2020, kind: 'county', parentCode: file.city.code,
        divisionCode: d.code_2020, sort: 200 + i,
      }),
    );
  return orgs;
}
