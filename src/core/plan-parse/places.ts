// County and district mentions from the division list. Short forms (宁晋 for 宁晋县) are generated; a
// generic form such as 开发区 counts only inside a list of other counties (宁晋、开发区、沙河), since
// "以工业园区、开发区为载体" means development zones in general.
import type { ParsedEntity } from '../../shared/plan-parse';
import type { PlanParseReference } from './ports';

export const GENERIC_FORMS = new Set(['开发区', '高新区', '经开区', '经济开发区']);
const PROVINCES = ['河北省', '河北', '京津冀', '京津', '北京市', '北京', '天津市', '天津', '雄安新区', '雄安'];

export interface CountyForm {
  form: string;
  code: string;
  official: string;
}

export function countyForms(ref: PlanParseReference | undefined): CountyForm[] {
  const citySpan = ref?.city?.name.replace(/市$/, '') ?? null;
  const out: CountyForm[] = [];
  for (const d of ref?.divisions ?? []) {
    const forms = new Set([d.name, ...(d.aliases ?? [])]);
    const short = d.name.replace(/(?:县|市|区)$/, '');
    if (short.length >= 2 && short !== citySpan && short !== d.name) forms.add(short);
    for (const f of forms) out.push({ form: f, code: d.code, official: d.name });
  }
  return out.sort((a, b) => b.form.length - a.form.length);
}

export function placeNames(ref: PlanParseReference | undefined): string[] {
  const city = ref?.city?.name;
  const names = [...PROVINCES, ...(city ? [city, city.replace(/市$/, '')] : [])];
  for (const f of countyForms(ref)) if (!GENERIC_FORMS.has(f.form)) names.push(f.form);
  return [...new Set(names)].sort((a, b) => b.length - a.length);
}

export interface CountyMention {
  form: string;
  code: string;
  official: string;
  start: number;
  end: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every county mention in text order; generic forms only where a neighbour in the list is a county. */
export function countyMentions(text: string, forms: CountyForm[]): CountyMention[] {
  if (!forms.length) return [];
  const byForm = new Map(forms.map((f) => [f.form, f]));
  const re = new RegExp(forms.map((f) => escape(f.form)).join('|'), 'g');
  const raw: CountyMention[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const f = byForm.get(m[0])!;
    // 新河 inside 创新河北 is not the county
    if (f.form.length === 2 && /[创更]/.test(text[m.index - 1] ?? '')) continue;
    raw.push({ form: f.form, code: f.code, official: f.official, start: m.index, end: m.index + m[0].length });
  }
  const listed = (i: number) => {
    const a = raw[i - 1];
    const b = raw[i + 1];
    const sep = /^[、及和与]$/;
    return (!!a && !GENERIC_FORMS.has(a.form) && sep.test(text.slice(a.end, raw[i].start))) ||
      (!!b && !GENERIC_FORMS.has(b.form) && sep.test(text.slice(raw[i].end, b.start)));
  };
  return raw.filter((m, i) => !GENERIC_FORMS.has(m.form) || listed(i));
}

export function countyEntities(mentions: CountyMention[], locate: (o: number) => string): ParsedEntity[] {
  const byCode = new Map<string, { forms: Map<string, number>; e: ParsedEntity; official: string }>();
  for (const m of mentions) {
    let g = byCode.get(m.code);
    if (!g) {
      g = { forms: new Map(), official: m.official, e: { name: m.form, aliases: [], sectionPaths: [], code: m.code, spans: [] } };
      byCode.set(m.code, g);
    }
    g.forms.set(m.form, (g.forms.get(m.form) ?? 0) + 1);
    const key = locate(m.start);
    if (!g.e.sectionPaths.includes(key)) g.e.sectionPaths.push(key);
    g.e.spans.push([m.start, m.end]);
  }
  return [...byCode.values()].map((g) => {
    const forms = [...g.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length).map(([f]) => f);
    const name = forms[0];
    return { ...g.e, name, aliases: [...new Set([...forms.slice(1), g.official])].filter((a) => a !== name) };
  });
}
