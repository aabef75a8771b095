// The source note of a published figure as the reader's language says it. Reference rows keep their
// provenance as collected ("content-farm article — URL", "mirror of 牛城晚报"); a ratio names its parts
// by indicator code ("SEI_VALUE_ADDED: …; GDP: …"). The Chinese UI shows names and Chinese words instead.
import { useTranslation } from 'react-i18next';
import { useIndicators } from '../../api/statistics';

// Longest phrases first, so "content-farm article" is not read as "content-farm" + " article".
const ZH_PHRASES: [RegExp, string][] = [
  [/content-farm quoting bulletin wording/gi, '内容农场网站转述公报原文（未核实）'],
  [/content-farm article/gi, '内容农场网站文章（未核实）'],
  [/content-farm table/gi, '内容农场网站表格（未核实）'],
  [/content-farm/gi, '内容农场网站（未核实）'],
  [/news repost/gi, '新闻转载'],
  [/163\.com repost of/gi, '网易转载'],
  [/repost of/gi, '转载'],
  [/mirror of/gi, '转载自'],
  [/demo data \((\d+) enterprises\)/gi, '（$1 家企业）'],
  [/aggregate of (\d+) enterprise reports \((\d+) demo\)/gi, '$1 家企业上报汇总（其中演示 $2 家）'],
  [/aggregate of (\d+) enterprise reports/gi, '$1 家企业上报汇总'],
  [/demo data/gi, ''],
  [/^reported \((.*)\)$/i, '上报数据（$1）'],
  [/\breference\b/gi, '参考资料'],
  [/\btarget\b/gi, '计划目标'],
];

export function useSourceText(): (source: string) => string {
  const { i18n } = useTranslation();
  const indicators = useIndicators();
  const en = i18n.language === 'en';
  const names = new Map((indicators.data ?? []).map((i) => [i.code, en ? i.nameEn : i.name]));
  return (source) => {
    let s = source.replace(/\b([A-Z][A-Z0-9_]{2,}):/g, (m, code: string) => (names.has(code) ? `${names.get(code)}：` : m));
    if (!en) for (const [re, zh] of ZH_PHRASES) s = s.replace(re, zh);
    // The English UI reads the server's bilingual note in English only.
    else s = s.replace(/演示数据\s*demo data/g, 'demo data');
    return s.replace(/\s{2,}/g, ' ').trim();
  };
}
