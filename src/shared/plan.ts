// The plan as the API returns it (used by server, CLI and web).
import type { Comparator, EntityKind, PlanStatus, SectionKind } from './plan-file';

export interface PlanSummary {
  id: string;
  code: string;
  version: number;
  title: string;
  titleEn: string;
  issuer: string;
  periodStart: number;
  periodEnd: number;
  status: PlanStatus;
  isDefault: boolean;
  rowVersion: number;
}

export interface PlanSection {
  id: string;
  key: string;
  number: string;
  title: string;
  body: string | null;
  kind: SectionKind;
  children: PlanSection[];
}

export interface Target {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  indicatorCode: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
  year: number;
  baselineYear: number | null;
  baselineValue: number | null;
  tolerance: number | null;
  direction: 'increase' | 'decrease';
  sectionKey: string | null;
  sourceText: string;
}

export interface PlanIndustry {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  seiCategories: { code: string; name: string }[];
  sectionKey: string | null;
}

export interface OrgRef {
  code: string;
  name: string;
}

export interface Task {
  id: string;
  code: string;
  sectionKey: string;
  title: string;
  content: string;
  industryCode: string | null;
  leadOrg: OrgRef | null;
  responsibleOrgs: OrgRef[];
  counties: OrgRef[];
}

export interface Measure {
  id: string;
  code: string;
  sectionKey: string;
  title: string;
  content: string;
}

export interface PlanEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  countyCode: string | null;
  orgCode: string | null;
  sectionKeys: string[];
}

export interface PlanDetail extends PlanSummary {
  basis: string[];
  leadOrg: OrgRef | null;
  sections: PlanSection[];
  targets: Target[];
  industries: PlanIndustry[];
  tasks: Task[];
  measures: Measure[];
  entities: PlanEntity[];
}

export interface Organization {
  id: string;
  code: string;
  name: string;
  fullName: string | null;
  nameEn: string | null;
  kind: 'city' | 'county' | 'zone' | 'department' | 'leading_group' | 'enterprise' | 'institution';
  parentCode: string | null;
  divisionCode: string | null;
  isLead: boolean;
  active: boolean;
}
