// Title, issuer, period and basis documents (《…》 with 文号 such as 冀政发〔2018〕3号).
import type { ParsedPlan } from '../../shared/plan-parse';
import type { PlanParseReference } from './ports';

type Metadata = ParsedPlan['metadata'];

const PERIOD = /(20\d\d)\s*[-—–~～至到]\s*(20\d\d)\s*年/;
const FIVE_YEAR: Record<string, [number, number]> = { 十三五: [2016, 2020], 十四五: [2021, 2025], 十五五: [2026, 2030], 十二五: [2011, 2015] };

export function findMetadata(text: string, titleLine: string | null, preamble: string, ref: PlanParseReference | undefined): Metadata {
  const basis: string[] = [];
  const basisText = preamble || text.slice(0, 1500);
  const basisRe = /《[^《》]{2,80}》(?:[（(][^（）()]{0,20}〔\d{4}〕\d+号[）)])?/g;
  for (const m of basisText.matchAll(basisRe)) if (!basis.includes(m[0])) basis.push(m[0]);

  let title: string | null = titleLine;
  let titleSource: Metadata['titleSource'] = titleLine ? 'heading' : 'missing';
  const city = ref?.city?.name ?? mostFrequentCity(text);
  if (!title) {
    // 制定本行动计划 + a basis document of the same genre from the level above: the local plan takes its
    // name with the local place in front (《河北省…三年行动计划》 → 邢台市…三年行动计划).
    const genre = /制定本(行动计划|实施方案|规划|方案|计划)/.exec(text)?.[1];
    const upper = genre && basis.map((b) => /《([^》]+)》/.exec(b)?.[1] ?? '').find((b) => b.endsWith(genre) || b.endsWith('行动计划'));
    if (upper && city) {
      title = upper.replace(/^(?:河北省|[\u4e00-\u9fa5]{2,3}省|[\u4e00-\u9fa5]{2,3}市)/, city);
      titleSource = 'inferred';
    }
  }
  let periodStart: number | null = null;
  let periodEnd: number | null = null;
  const p = PERIOD.exec(title ?? '') ?? PERIOD.exec(preamble) ?? PERIOD.exec(text.slice(0, 3000));
  if (p) {
    periodStart = Number(p[1]);
    periodEnd = Number(p[2]);
  } else {
    const fy = /[“"]?(十[二三四五]五)[”"]?/.exec(title ?? '') ?? /[“"]?(十[二三四五]五)[”"]?(?:时期|期间|规划)/.exec(text);
    if (fy && FIVE_YEAR[fy[1]]) [periodStart, periodEnd] = FIVE_YEAR[fy[1]];
    else {
      const to = /到(20\d\d)年/.exec(text);
      if (to) periodEnd = Number(to[1]);
    }
  }
  if (title && p && !PERIOD.test(title) && titleSource === 'inferred') title = `${title}（${p[1]}-${p[2]}年）`;

  let issuer: string | null = /(?:发文机关|发布机构|制发机关)[:：]\s*([\u4e00-\u9fa5]{3,30})/.exec(text)?.[1] ?? null;
  if (!issuer) issuer = /([\u4e00-\u9fa5]{2,8}(?:省|市|县|区)人民政府(?:办公厅|办公室)?)(?:关于)?印发/.exec(text)?.[1] ?? null;
  if (!issuer && city) issuer = `${city}人民政府`;
  if (title && !issuer) issuer = /^([\u4e00-\u9fa5]{2,6}?(?:省|市|县))/.exec(title)?.[1]?.concat('人民政府') ?? null;
  return { title, titleSource, issuer, periodStart, periodEnd, basis };
}

function mostFrequentCity(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/([\u4e00-\u9fa5]{2,3}市)(?=[\u4e00-\u9fa5])/g)) {
    if (/^(?:我|本|全|各|城|都|该|省|县)/.test(m[1])) continue;
    counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 ? best[0] : null;
}
