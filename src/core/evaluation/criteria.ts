// The criteria a scheme may draw on: what the product already holds, by subject kind (docs/evaluation.md).
import type { CriterionInfo } from '../../shared/evaluation';

const t = (zh: string, en: string) => ({ zh, en });
const AGG = t('统计汇总（按年，1–12 月累计）', 'statistics aggregates (year, January–December to date)');

export const CRITERIA: CriterionInfo[] = [
  { source: 'stat:SEI_REVENUE', name: t('战略性新兴产业主营业务收入', 'SEI revenue'), unit: '亿元', direction: 1, subjects: ['county', 'industry'], from: AGG },
  { source: 'stat:SEI_VALUE_ADDED', name: t('战略性新兴产业增加值', 'SEI value added'), unit: '亿元', direction: 1, subjects: ['county', 'industry'], from: AGG },
  { source: 'growth:SEI_REVENUE', name: t('战新产业收入增速', 'SEI revenue growth'), unit: '%', direction: 1, subjects: ['county', 'industry'], from: t('统计汇总同比（全部上报企业）', 'aggregates, year on year (all reporters)') },
  { source: 'matched:SEI_REVENUE', name: t('战新产业收入增速（同口径）', 'SEI revenue growth (like for like)'), unit: '%', direction: 1, subjects: ['county', 'industry'], from: t('统计汇总同口径同比（两年均上报的企业）', 'aggregates, like-for-like growth (enterprises reporting both years)') },
  { source: 'growth:SEI_VALUE_ADDED', name: t('战新产业增加值增速', 'SEI value-added growth'), unit: '%', direction: 1, subjects: ['county', 'industry'], from: t('统计汇总同比', 'aggregates, year on year') },
  { source: 'matched:SEI_VALUE_ADDED', name: t('战新产业增加值增速（同口径）', 'SEI value-added growth (like for like)'), unit: '%', direction: 1, subjects: ['county', 'industry'], from: t('统计汇总同口径同比', 'aggregates, like-for-like growth') },
  { source: 'rd_intensity', name: t('研发投入强度', 'R&D intensity'), unit: '%', direction: 1, subjects: ['county', 'industry'], from: t('研发经费支出 ÷ 主营业务收入 × 100（统计汇总）', 'RD_EXPENDITURE ÷ REVENUE × 100 (aggregates)') },
  { source: 'registry:platforms', name: t('省级以上创新平台数（T4 口径）', 'Provincial+ innovation platforms (T4)'), unit: '个', direction: 1, subjects: ['county'], from: t('创新平台名录，年末计入 T4 的平台', 'platform register, counted towards T4 at year end') },
  { source: 'registry:parks', name: t('认定园区/基地数（T5 口径）', 'Recognised parks and bases (T5)'), unit: '个', direction: 1, subjects: ['county'], from: t('园区名录，年末计入 T5 的园区', 'park register, counted towards T5 at year end') },
  { source: 'project:completion', name: t('重大项目年度投资完成率', 'Major projects: annual investment completion'), unit: '%', direction: 1, subjects: ['county', 'industry'], from: t('重大项目名录：年内完成投资 ÷ 年度计划投资 × 100', 'project register: invested this year ÷ annual plan × 100') },
  { source: 'project:red_share', name: t('亮红灯项目占比', 'Share of projects with a red light'), unit: '%', direction: -1, subjects: ['county', 'industry'], from: t('重大项目名录：年末有任一红灯的项目 ÷ 项目数 × 100', 'project register: projects with any red light at year end ÷ projects × 100') },
  { source: 'report:on_time', name: t('统计报表按时上报率', 'Statistics reports on time'), unit: '%', direction: 1, subjects: ['county'], from: t('重点企业月报：截止日前上报的报表 ÷ 应报（在册企业 × 12）× 100', 'key enterprise monthly report: submitted by the deadline ÷ due (active enterprises × 12) × 100') },
  { source: 'report:approval', name: t('统计报表审批通过率', 'Statistics reports approved'), unit: '%', direction: 1, subjects: ['county'], from: t('重点企业月报：已审批 ÷ 已上报过的报表 × 100', 'key enterprise monthly report: approved ÷ ever submitted × 100') },
  { source: 'supervision:on_time', name: t('督办任务按时报告率', 'Supervision: reports on time'), unit: '%', direction: 1, subjects: ['county', 'department'], from: t('督查通报（全年）按时报告率', 'supervision 通报 for the year: on-time report rate') },
  { source: 'supervision:closure', name: t('督办任务销号率', 'Supervision: closure rate'), unit: '%', direction: 1, subjects: ['county', 'department'], from: t('督查通报（全年）销号率', 'supervision 通报 for the year: closure rate') },
  { source: 'supervision:red_days', name: t('督办任务红灯天数', 'Supervision: red-light days'), unit: '天', direction: -1, subjects: ['county', 'department'], from: t('督查通报（全年）红灯天数', 'supervision 通报 for the year: red-light days') },
];

export const criterionInfo = (source: string): CriterionInfo | undefined => CRITERIA.find((c) => c.source === source);
