// Why each project light has its colour, in words with the figures behind it (issue 14 item 17): a red
// 节点 light names the milestones that are overdue, their planned dates and how late they are, and says
// when the project's stage already claims what an open milestone stands for (竣工 with 竣工投产 open).
import type { ProjectInput, ProjectLightReasons, ProjectLights } from '../../shared/registries';
import { milestonesDoneByStage, PROJECT_STAGE_LABELS } from '../../shared/registries';
import { LAG_RED, LAG_YELLOW } from '../targets/time-progress';
import { START_RED_MONTHS, START_YELLOW_MONTHS } from './project-lights';

type Text = { zh: string; en: string };

const f = (v: number | null, d = 0): string => (v == null ? '—' : (+v.toFixed(d)).toLocaleString('en-US', { maximumFractionDigits: d }));

const monthIndex = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
/** Whole months from a milestone's planned date to the as-of date (a month counts once its day has passed), as project-lights.ts counts them. */
const monthsLate = (plannedOn: string, asOf: string): number =>
  Math.max(0, monthIndex(asOf) - monthIndex(plannedOn) - (asOf.slice(8, 10) < plannedOn.slice(8, 10) ? 1 : 0));

export function explainProjectLights(p: Pick<ProjectInput, 'plannedStart' | 'actualStart' | 'stage' | 'milestones'>, l: ProjectLights, asOf: string): ProjectLightReasons {
  const bands = { zh: `（逾期 ${START_YELLOW_MONTHS}–${START_RED_MONTHS - 1} 个月黄，${START_RED_MONTHS} 个月以上红）`, en: ` (${START_YELLOW_MONTHS}–${START_RED_MONTHS - 1} months late yellow, ${START_RED_MONTHS}+ red)` };

  let start: Text;
  if (!p.plannedStart) start = { zh: '未填计划开工月份，无法判断', en: 'no planned start month: no light' };
  else if (p.actualStart) start = { zh: `计划 ${p.plannedStart} 开工，实际 ${p.actualStart} 开工，晚 ${l.startLateMonths ?? 0} 个月${bands.zh}`, en: `planned start ${p.plannedStart}, started ${p.actualStart}: ${l.startLateMonths ?? 0} months late${bands.en}` };
  else start = { zh: `计划 ${p.plannedStart} 开工，截至 ${asOf} 尚未开工，已晚 ${l.startLateMonths ?? 0} 个月${bands.zh}`, en: `planned start ${p.plannedStart}, not started by ${asOf}: ${l.startLateMonths ?? 0} months late${bands.en}` };

  const year = asOf.slice(0, 4);
  const progress: Text = l.annualPlanned == null || l.lagPoints == null
    ? { zh: `${year} 年无年度投资计划，无法判断`, en: `no investment plan for ${year}: no light` }
    : {
      zh: `${year} 年计划 ${f(l.annualPlanned)} 万元，截至 ${asOf.slice(0, 7)} 完成 ${f(l.doneThisYear)} 万元（${f(l.donePct, 1)}%），序时应完成 ${f(l.expectedPct, 1)}%，滞后 ${f(l.lagPoints, 1)} 个百分点（< ${LAG_YELLOW} 绿，${LAG_YELLOW}–${LAG_RED} 黄，> ${LAG_RED} 红）`,
      en: `${year} plan ${f(l.annualPlanned)} (10k yuan), done by ${asOf.slice(0, 7)} ${f(l.doneThisYear)} (${f(l.donePct, 1)}%) against ${f(l.expectedPct, 1)}% of the year elapsed: ${f(l.lagPoints, 1)} points behind (< ${LAG_YELLOW} green, ${LAG_YELLOW}–${LAG_RED} yellow, > ${LAG_RED} red)`,
    };

  const funds: Text = l.funds == null
    ? { zh: `截至 ${asOf.slice(0, 7)} 无到期的资金拨付计划`, en: `no fund disbursement due by ${asOf.slice(0, 7)}` }
    : {
      zh: `截至 ${asOf.slice(0, 7)} 计划拨付 ${f(l.fundsPlanned)} 万元，实际拨付 ${f(l.fundsDisbursed)} 万元${l.funds === 'red' ? `，少 ${f(l.fundsPlanned - l.fundsDisbursed)} 万元（低于计划为红）` : '，足额'}`,
      en: `by ${asOf.slice(0, 7)} planned ${f(l.fundsPlanned)}, disbursed ${f(l.fundsDisbursed)} (10k yuan)${l.funds === 'red' ? `: ${f(l.fundsPlanned - l.fundsDisbursed)} short (below plan is red)` : ': in full'}`,
    };

  const due = p.milestones.filter((m) => m.plannedOn <= asOf);
  const open = due.filter((m) => !m.doneOn || m.doneOn > asOf).sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));
  let milestones: Text;
  if (!due.length) milestones = { zh: `截至 ${asOf} 无到期里程碑`, en: `no milestone due by ${asOf}` };
  else if (!open.length) milestones = { zh: `到期里程碑 ${due.length} 个均已完成`, en: `all ${due.length} milestones due are done` };
  else {
    const list = open.map((m) => ({ zh: `「${m.name}」计划 ${m.plannedOn}，逾期 ${monthsLate(m.plannedOn, asOf)} 个月`, en: `"${m.name}" planned ${m.plannedOn}, ${monthsLate(m.plannedOn, asOf)} months late` }));
    milestones = { zh: `到期未完成 ${open.length} 个：${list.map((x) => x.zh).join('；')}${bands.zh}`, en: `${open.length} due and not done: ${list.map((x) => x.en).join('; ')}${bands.en}` };
    const claimed = milestonesDoneByStage(p.stage, open);
    if (claimed.length && p.stage) {
      const stage = PROJECT_STAGE_LABELS[p.stage];
      milestones = {
        zh: `${milestones.zh}。项目阶段已为“${stage.zh}”，但节点${claimed.map((m) => `「${m.name}」`).join('、')}未填完成日期：如已完成，请在编辑中关闭该节点`,
        en: `${milestones.en}. The stage is already "${stage.en}" but ${claimed.map((m) => `"${m.name}"`).join(', ')} has no done date: if it is done, close it in the edit dialog`,
      };
    }
  }
  return { start, progress, funds, milestones };
}
