// The key industries a plan lists (A、B、C等七大产业 / 等7个领域), each mapped to the section whose title
// names it and to NBS 战略性新兴产业分类(2018) level-1 codes guessed from its words.
import type { ParsedIndustry, ParsedSection } from '../../shared/plan-parse';
import { flatten } from './outline';

// Order matters: 新能源汽车 before 新能源, 生物医药 before 生物.
const KNOWN: { re: RegExp; code: string; nameEn: string; sei: string[] }[] = [
  { re: /新能源汽车|智能网联汽车/, code: 'nev-icv', nameEn: 'New Energy Vehicles and Intelligent Connected Vehicles', sei: ['5'] },
  { re: /新能源|智能电网|光伏|风电|氢能/, code: 'new-energy-grid', nameEn: 'New Energy and Smart Grid', sei: ['6'] },
  { re: /新材料/, code: 'new-materials', nameEn: 'New Materials', sei: ['3'] },
  { re: /高端装备|装备制造|智能制造/, code: 'high-end-equipment', nameEn: 'High-end Equipment Manufacturing', sei: ['2'] },
  { re: /节能环保|环保|节能/, code: 'energy-saving-env', nameEn: 'Energy Saving and Environmental Protection', sei: ['7'] },
  { re: /生物医药|生物|医药|大健康/, code: 'biomed-health', nameEn: 'Biomedicine and Health', sei: ['4'] },
  { re: /新一代信息技术|信息技术|大数据|电子信息|数字经济|人工智能/, code: 'next-gen-it', nameEn: 'Next-generation Information Technology', sei: ['1'] },
  { re: /数字创意/, code: 'digital-creative', nameEn: 'Digital Creative Industries', sei: ['8'] },
];
const CN_NUM: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function findIndustries(text: string, sections: ParsedSection[], locate: (o: number) => string): ParsedIndustry[] {
  // anchor on the count (等7个 / 七大), then read the enumeration back to the clause start
  let best: { items: string[]; at: number } | null = null;
  for (const m of text.matchAll(/等?([\d两二三四五六七八九十]{1,2})(?:个|大)/g)) {
    const n = /\d/.test(m[1]) ? Number(m[1]) : CN_NUM[m[1]] ?? 0;
    if (n < 3 || n > 12) continue;
    const before = text.slice(Math.max(0, m.index! - 200), m.index!);
    const clause = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('：'), before.lastIndexOf('\n')) + 1);
    const head = clause.replace(/^(?:选择|重点发展|围绕|着力打造|发展|加快发展|培育|聚焦|做强)/, '');
    const items = head.split('、').map((x) => x.replace(/等$/, '').replace(/(?:产业|领域)$/, ''));
    if (items.length === n && items.every((x) => x.length >= 2 && x.length <= 16 && /^[\u4e00-\u9fa5A-Za-z]+$/.test(x)) && (!best || items.length > best.items.length)) best = { items, at: m.index! };
  }
  if (!best) return [];
  const all = flatten(sections);
  const used = new Set<string>();
  return best.items.map((name, i) => {
    const k = KNOWN.find((x) => x.re.test(name) && !used.has(x.code));
    const code = k ? k.code : `industry-${i + 1}`;
    used.add(code);
    const section = all.find((s) => s.key !== '0' && s.title.includes(name));
    return { name, code, nameEn: k?.nameEn ?? name, seiCategories: k?.sei ?? [], sectionPath: section?.key ?? locate(best!.at) };
  });
}
