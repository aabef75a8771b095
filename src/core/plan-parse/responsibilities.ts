// （牵头单位：X；配合单位：Y、Z）/（责任单位：…）/（X牵头，Y配合）parentheticals and deadlines
// (于2012年10月底前 / 2025年底前完成), attached to the item they stand in.
import type { ParsedResponsibility } from '../../shared/plan-parse';

const PAREN = /[（(]([^（）()]{0,200}?(?:牵头|配合|责任|负责|参与|协办|主办)[^（）()]{0,200})[）)]/g;
const LABEL = /(牵头单位|牵头部门|责任单位|责任部门|主要责任单位|配合单位|配合部门|参与单位|协办单位)\s*[:：]\s*([^；;。]+?)(?=[，,；;]\s*(?:牵头|责任|主要责任|配合|参与|协办)|$)/g;
const DEADLINE = /(?:于|在)?(20\d\d)\s*年(?:\s*(\d{1,2})\s*月)?(?:底|末)?前/;

const units = (s: string) => s.split(/[、，,]/).map((x) => x.replace(/(?:等|按职责分工负责|分别负责)$/, '').trim()).filter((x) => x.length >= 2);

export function findResponsibilities(text: string, locate: (o: number) => string): ParsedResponsibility[] {
  const out: ParsedResponsibility[] = [];
  for (const m of text.matchAll(PAREN)) {
    const inner = m[1];
    const r: ParsedResponsibility = { sectionPath: locate(m.index!), text: m[0], lead: [], cooperating: [], responsible: [], deadline: null, start: m.index!, end: m.index! + m[0].length };
    let labelled = false;
    for (const l of inner.matchAll(LABEL)) {
      labelled = true;
      const list = units(l[2]);
      if (l[1].startsWith('牵头')) r.lead.push(...list);
      else if (/责任/.test(l[1])) r.responsible.push(...list);
      else r.cooperating.push(...list);
    }
    if (!labelled) {
      // 市发改委牵头，市工信局、市科技局配合 / 各县（市、区）政府负责
      for (const part of inner.split(/[，,；;]/)) {
        const lead = /^(.+?)牵头$/.exec(part.trim());
        const coop = /^(.+?)(?:配合|参与|协助)$/.exec(part.trim());
        const resp = /^(.+?)负责(?:落实)?$/.exec(part.trim());
        if (lead) r.lead.push(...units(lead[1]));
        else if (coop) r.cooperating.push(...units(coop[1]));
        else if (resp) r.responsible.push(...units(resp[1]));
      }
    }
    // the deadline of the item: inside the parenthetical or just before it in the same sentence
    const sentenceStart = text.lastIndexOf('\n', m.index!) + 1;
    const before = text.slice(sentenceStart, m.index!).match(new RegExp(DEADLINE.source, 'g'));
    const d = DEADLINE.exec(inner) ?? (before ? DEADLINE.exec(before[before.length - 1]) : null);
    if (d) r.deadline = { year: Number(d[1]), month: d[2] ? Number(d[2]) : null, text: d[0] };
    if (r.lead.length || r.cooperating.length || r.responsible.length) out.push(r);
  }
  // a deadline written in an item without a parenthetical (于2012年10月底前完成…) is kept on its own
  for (const m of text.matchAll(/(?:于|在)(20\d\d)\s*年(?:\s*(\d{1,2})\s*月)?(?:底|末)?前/g)) {
    const at = m.index!;
    if (out.some((r) => r.deadline?.text === m[0] && r.sectionPath === locate(at))) continue;
    const start = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('\n', at)) + 1;
    const stop = text.slice(at).search(/[。\n]/);
    const end = stop < 0 ? text.length : at + stop + 1;
    out.push({ sectionPath: locate(at), text: text.slice(start, end), lead: [], cooperating: [], responsible: [], deadline: { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, text: m[0] }, start, end });
  }
  return out;
}
