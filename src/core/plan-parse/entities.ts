// Enterprises, institutions, parks, projects and departments. Names come from patterns of the genre
// (依托A、B、C等龙头企业; names ending 集团/有限公司/药业/车业; …园区/产业园/基地/集聚区; …项目/工程;
// 市…局/委/领导小组), from the known-name dictionary and, where a segmenter is given, from word
// boundaries after 依托 (依托中航上大加快发展 → 中航上大). Each name found is then located everywhere.
import type { ParsedEntities, ParsedEntity } from '../../shared/plan-parse';
import { countyEntities, countyForms, countyMentions, GENERIC_FORMS, placeNames, type CountyMention } from './places';
import { cutLead, GENERIC_START, runBefore } from './names';
import type { PlanParseReference, Segmenter } from './ports';

type Group = keyof ParsedEntities;
const BRANDS = ['华为', '中兴', '阿里巴巴', '腾讯', '百度', '京东', '浪潮', '联想', '长城汽车', '比亚迪', '宁德时代', '中国电科', '中国电信', '中国移动', '中国联通', '国家电网', '中航工业', '中国中车'];
const COMPANY_SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团公司|集团|药业|车业)/g;
const INSTITUTION_SUFFIX = /(国家重点实验室|国家工程研究中心|国家工程实验室|研究总院|研究院|研究所|科学院|大学|学院)/g;
const PARK_SUFFIX = /(高新技术产业开发区|经济技术开发区|经济开发区|产业园区|工业园区|示范园区|特色园区|产业园|工业园|示范园|园区|产业基地|示范基地|生产基地|转化基地|研发基地|基地|集聚区|孵化器)/g;
const PROJECT_SUFFIX = /(项目|工程|中心)(?![\u4e00-\u9fa5]{0,1}(?:建设|的建设))?/g;
const DEPT_RE = /(?:省|市|县|区)[\u4e00-\u9fa5]{1,14}?(?:领导小组|委员会|办公室|委|局|厅|办)/g;
const STRONG_VERB = /(?:打造成为|打造成|打造|建设|建成|共建|筹建|培育建设)$/;
const GENERIC_PROJECT = /^(?:重大|重点|示范|龙头|产业|科技|技术|研发|相关|一批|各类|优势|工程|企业|创新|公共)/;

export interface EntityScan {
  entities: ParsedEntities;
  countyMentions: CountyMention[];
}

export function findEntities(text: string, locate: (o: number) => string, ref: PlanParseReference | undefined, segmenter: Segmenter | null | undefined): EntityScan {
  const forms = countyForms(ref);
  const mentions = countyMentions(text, forms);
  const places = placeNames(ref);
  const enterprises = new Set<string>(ref?.knownEnterprises ?? []);
  const found: Record<Exclude<Group, 'counties'>, Map<string, { countyCode: string | null }>> = {
    enterprises: new Map(), institutions: new Map(), parks: new Map(), projects: new Map(), departments: new Map(),
  };
  const add = (g: Exclude<Group, 'counties'>, name: string, countyCode: string | null = null) => {
    if (name.length < 2 || name.length > 40) return;
    if (!found[g].has(name)) found[g].set(name, { countyCode });
  };
  const startsWithPlace = (s: string) => places.some((p) => s.startsWith(p)) || forms.some((f) => s.startsWith(f.form));
  const hasPlace = (s: string) => places.some((p) => s.includes(p));
  const countyOf = (s: string) => forms.find((f) => s.startsWith(f.form))?.code ?? mentionsIn(s);
  const mentionsIn = (s: string) => forms.find((f) => !GENERIC_FORMS.has(f.form) && s.includes(f.form))?.code ?? null;

  // 1. enterprise lists: 依托A、B、C等(一批…)龙头企业
  const listRe = /(?:依托|依靠|支持|推动|扶持|培育|引进|发挥)([^，。；：（）“”]{2,80}?)等(?:一批|[\d一二三四五六七八九十]+家)?[^，。；]{0,24}?(?:龙头|骨干|重点|领军|优势|知名)企业/g;
  for (let m = listRe.exec(text); m; m = listRe.exec(text)) {
    for (const item of m[1].split(/[、和及]/)) {
      const n = item.trim();
      if (n.length >= 2 && n.length <= 16 && !/企业|单位|我市|重点|骨干|一批|的/.test(n)) enterprises.add(n);
    }
  }
  // 2. 依托X<verb>: the name ends where the next verb starts (segmenter if given, else a verb list)
  const yituo = /(?:依托|依靠)([^，。；：、（）“”]{2,20})/g;
  for (let m = yituo.exec(text); m; m = yituo.exec(text)) {
    let name = '';
    if (segmenter) {
      for (const w of segmenter.tag(m[1])) {
        if ((/^(?:v|p|u|c|d)/.test(w.tag) || /^[\p{P}\s]+$/u.test(w.word)) && name) break;
        name += w.word;
      }
    } else {
      name = m[1].split(/加快|重点|大力|积极|打造|建设|发展|推进|培育|创新平台|谋划|等/)[0];
    }
    if (name.length >= 3 && name.length <= 12 && !/的|等|我市|国际|高等|研发|优势|各|现有|重点|龙头|骨干|企业|院校|机构|资源|技术/.test(name) &&
      !/(?:园|园区|基地|项目|中心|平台|区域|开发区|实验室|大学|研究院)$/.test(name) && !forms.some((f) => name.startsWith(f.form)) && !startsWithPlace(name.replace(/^河北/, '')))
      enterprises.add(name);
  }
  // 3. company names by suffix
  for (let m = COMPANY_SUFFIX.exec(text); m; m = COMPANY_SUFFIX.exec(text)) {
    const prefix = cutLead(runBefore(text, m.index, 20).run);
    if (prefix.length >= 2 && !/企业|一批|龙头|骨干|大型/.test(prefix) && !GENERIC_START.test(prefix)) enterprises.add(prefix + m[1]);
  }
  // 4. brands and known names, tagged as organisations by the segmenter where one is given
  for (const b of BRANDS) if (text.includes(b)) enterprises.add(b);
  for (const e of enterprises) add('enterprises', e);

  // institutions
  for (let m = INSTITUTION_SUFFIX.exec(text); m; m = INSTITUTION_SUFFIX.exec(text)) {
    const keep = m[1].startsWith('国家') ? ['与', '和', '及'] : [];
    const prefix = cutLead(runBefore(text, m.index, 24).run, keep);
    if (prefix.length >= 2 && !GENERIC_START.test(prefix) && !/高等|科研|院校|各级|一批|企业/.test(prefix)) add('institutions', prefix + m[1]);
  }

  // parks named per county: 宁晋、开发区、沙河、威县等新能源产业基地; 在内丘及巨鹿建设…示范园区
  const covered: [number, number][] = [];
  for (let i = 0; i < mentions.length; ) {
    const seq = [mentions[i]];
    const extras = [''];
    let j = i;
    let end = mentions[i].end;
    for (;;) {
      const extra = /^[\u4e00-\u9fa5]{0,3}?(?=[、及和与]|等|在|建设|打造|着重|重点|$)/.exec(text.slice(end, end + 4))?.[0] ?? '';
      extras[extras.length - 1] = extra;
      const n = mentions[j + 1];
      const sep = n ? text.slice(end + extra.length, n.start) : '';
      if (n && /^[、及和与]$/.test(sep)) {
        seq.push(n);
        extras.push('');
        j++;
        end = n.end;
      } else break;
    }
    end += extras[extras.length - 1].length;
    const tail = /^(?:等地|等)?(?:[\u4e00-\u9fa5]{0,4}?(?:建设|打造|发展|布局|培育))?/.exec(text.slice(end))![0];
    let pos = end + tail.length;
    const names: string[] = [];
    for (;;) {
      const nm = /^([\u4e00-\u9fa5A-Za-z0-9]{2,20}?(?:产业园区|工业园区|示范园区|特色园区|产业园|工业园|示范园|园区|产业基地|示范基地|生产基地|基地|集聚区))/.exec(text.slice(pos));
      if (!nm || startsWithPlace(nm[1]) || /的|、/.test(nm[1])) break;
      names.push(nm[1]);
      pos += nm[1].length;
      const link = /^[及和、]/.exec(text.slice(pos));
      if (!link) break;
      pos += 1;
    }
    if (names.length) {
      seq.forEach((c, k) => names.forEach((n) => add('parks', c.form + extras[k] + n, c.code)));
      covered.push([mentions[i].start, pos]);
    }
    i = j + 1;
  }
  const isCovered = (o: number) => covered.some(([a, b]) => o >= a && o < b);

  // other parks and projects by suffix
  const bySuffix = (re: RegExp, group: 'parks' | 'projects') => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (isCovered(m.index)) continue;
      const { run, start } = runBefore(text, m.index, 36);
      const quoted = group === 'projects' && (text[start - 1] === '“' || text[start - 1] === '（' || text[start - 1] === '(');
      const name0 = cutLead(run) + m[1];
      const leadCut = run.slice(0, run.length - (name0.length - m[1].length));
      const known = [...enterprises].some((e) => name0.startsWith(e));
      let name: string | null = null;
      if ((startsWithPlace(name0) || known) && !GENERIC_FORMS.has(name0)) name = name0;
      else {
        const afterDe = name0.slice(name0.lastIndexOf('的') + 1);
        if (hasPlace(afterDe) && afterDe.length > m[1].length + 1) name = afterDe;
        else if (!name0.includes('的') && (STRONG_VERB.test(leadCut) || quoted) && name0.length - m[1].length >= 4 && !GENERIC_START.test(name0) && !GENERIC_PROJECT.test(name0)) name = name0;
        else if (group === 'projects' && m[1] === '中心' && afterDe.length >= 10 && !GENERIC_START.test(afterDe)) name = afterDe;
      }
      if (name && /等/.test(name) && group === 'projects') continue;
      if (name && !/^(?:产业|工业|示范)?(?:园区|基地)$/.test(name)) add(group, name, countyOf(name));
    }
  };
  bySuffix(PARK_SUFFIX, 'parks');
  bySuffix(PROJECT_SUFFIX, 'projects');

  // departments: reference names, then 市…局/委/领导小组 patterns
  for (const d of ref?.departments ?? []) for (const n of [d.name, d.fullName]) if (n && text.includes(n)) add('departments', n);
  for (let m = DEPT_RE.exec(text); m; m = DEPT_RE.exec(text)) {
    const prev = text[m.index - 1] ?? '';
    if (/[城都全我本各省地县区市园社场门开工和个域该]/.test(prev) && !/[在与由经请和]/.test(prev)) continue;
    const n = m[0];
    if (/(?:布|格|大|全|结|当|场)局$/.test(n) || /[，、]/.test(n) || /^(?:市场|区域|县域|市级)/.test(n)) continue;
    add('departments', n);
  }
  if (found.departments.size) {
    // a bare 领导小组 refers to the one named in full
    const group = [...found.departments.keys()].find((n) => n.endsWith('领导小组') && n.length > 4);
    if (group) found.departments.delete('领导小组');
  }

  const locateAll = (g: Exclude<Group, 'counties'>): ParsedEntity[] => {
    const list: ParsedEntity[] = [];
    for (const [name, meta] of found[g]) {
      const spans: [number, number][] = [];
      const paths: string[] = [];
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
        spans.push([at, at + name.length]);
        const k = locate(at);
        if (!paths.includes(k)) paths.push(k);
      }
      if (spans.length) list.push({ name, aliases: [], sectionPaths: paths, countyCode: meta.countyCode, spans });
      else if (g === 'parks') list.push({ name, aliases: [], sectionPaths: [], countyCode: meta.countyCode, spans: [] });
    }
    return list;
  };
  const parks = locateAll('parks');
  // per-county parks are not written out in the text: place them where their list is
  for (const p of parks) {
    if (p.sectionPaths.length) continue;
    const c = covered.find(([a, b]) => text.slice(a, b).includes(p.name.slice(-6)));
    if (c) {
      p.sectionPaths.push(locate(c[0]));
      p.spans.push([c[0], c[1]]);
    }
  }
  const departments = mergeDepartments(locateAll('departments'), ref);
  return {
    entities: {
      counties: countyEntities(mentions, locate),
      enterprises: locateAll('enterprises').filter((e) => !found.institutions.has(e.name)),
      institutions: locateAll('institutions'),
      parks: parks.filter((p) => p.sectionPaths.length),
      projects: locateAll('projects'),
      departments,
    },
    countyMentions: mentions,
  };
}

/** Folds short names into the longer name that contains them (市公安局 into 邢台市公安局) and attaches codes. */
function mergeDepartments(list: ParsedEntity[], ref: PlanParseReference | undefined): ParsedEntity[] {
  const sorted = [...list].sort((a, b) => b.name.length - a.name.length);
  const out: ParsedEntity[] = [];
  for (const d of sorted) {
    const into = out.find((o) => o.name.includes(d.name) || d.name.includes(o.name));
    if (into) {
      into.aliases.push(d.name);
      for (const p of d.sectionPaths) if (!into.sectionPaths.includes(p)) into.sectionPaths.push(p);
      into.spans.push(...d.spans);
    } else out.push({ ...d });
  }
  for (const d of out) {
    const r = ref?.departments.find((x) => [d.name, ...d.aliases].some((n) => n === x.name || n === x.fullName));
    d.code = r?.code ?? null;
  }
  return out;
}
