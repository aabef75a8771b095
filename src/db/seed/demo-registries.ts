// Demo registry data for `init --demo`, generated deterministically and flagged demo = 1 so every screen
// labels it: ~130 innovation platforms (some upgraded 省级→国家级 or 市级→省级, some revoked) giving about
// 120 provincial-or-higher platforms by the end of 2020; recognition dates for eleven of the plan's parks
// (T5 met in 2020); investment, annual plans, funds and start dates for the plan's projects chosen so the
// project lights show green, yellow and red.
import type { Transaction } from 'kysely';
import type { PlatformInput, PlatformLevel, PlatformType, ProjectInput } from '../../shared/registries';
import { PLATFORM_TYPES, PLATFORM_TYPE_LABELS } from '../../shared/registries';
import { parkRepository } from '../repositories/parks';
import { platformRepository } from '../repositories/platforms';
import { projectRepository } from '../repositories/projects';
import type { DB } from '../schema';

const COUNTIES = ['130571', '130528', '130582', '130533', '130534', '130529', '130523', '130522', '130524', '130526', '130532', '130581', '130502', '130503'];
const INDUSTRIES = ['new-energy-grid', 'new-materials', 'high-end-equipment', 'nev-icv', 'energy-saving-env', 'biomed-health', 'next-gen-it'];
const DEMO_NOTE = '演示数据 demo data';
const pad = (n: number) => String(n).padStart(2, '0');

/** Platform i of the demo register (0 ≤ i < 128 provincial-or-higher at some point, then 20 municipal). */
export function demoPlatform(i: number): PlatformInput {
  const type: PlatformType = PLATFORM_TYPES[i % PLATFORM_TYPES.length]!;
  const county = COUNTIES[i % COUNTIES.length]!;
  const host = `邢台演示${['科技', '新材', '装备', '能源', '生物', '信息', '环保', '汽车'][i % 8]}有限公司${pad(i + 1)}（演示）`;
  let recognisedOn: string;
  if (i < 64) recognisedOn = `${2010 + (i % 8)}-${pad(((i * 7) % 12) + 1)}-${pad(((i * 11) % 28) + 1)}`;
  else if (i < 128) {
    const k = i - 64;
    recognisedOn = `${2018 + Math.min(2, Math.floor(k / 22))}-${pad(((k * 5) % 12) + 1)}-${pad(((k * 13) % 28) + 1)}`;
  } else recognisedOn = `${2015 + (i % 6)}-${pad(((i * 3) % 12) + 1)}-15`;
  let level: PlatformLevel = i >= 128 ? 'municipal' : i % 5 === 0 ? 'national' : 'provincial';
  let previousLevel: PlatformLevel | null = null;
  let upgradedOn: string | null = null;
  if ([3, 12, 26, 41, 57, 66, 81, 97].includes(i)) {
    // 省级 → 国家级: still one platform, counted once.
    level = 'national';
    previousLevel = 'provincial';
    // upgraded during the plan period (2018–2020), at least a year after recognition
    const year = Math.min(2020, Math.max(2018 + (i % 3), Number(recognisedOn.slice(0, 4)) + 1));
    upgradedOn = `${year}-${pad(((i * 5) % 12) + 1)}-20`;
    if (upgradedOn <= recognisedOn) upgradedOn = `${year}-12-20`;
  }
  if ([100, 104, 108, 112].includes(i)) {
    // Recognised 市级 in 2016, upgraded to 省级 in 2019/2020: counted from the upgrade.
    level = 'provincial';
    previousLevel = 'municipal';
    upgradedOn = recognisedOn;
    recognisedOn = `2016-${pad((i % 12) + 1)}-10`;
  }
  const revokedOn = [5, 17, 33, 48, 70, 90].includes(i) ? `${2019 + (i % 2)}-${pad(((i * 3) % 12) + 1)}-30` : null;
  return {
    name: `${host.replace('（演示）', '')}${PLATFORM_TYPE_LABELS[type].zh.split('（')[0]}（演示）`,
    type, level, hostOrg: host, industryCode: INDUSTRIES[i % INDUSTRIES.length]!, countyCode: county, recognisedOn,
    revokedOn: revokedOn && revokedOn > (upgradedOn ?? recognisedOn) ? revokedOn : null, previousLevel, upgradedOn, evidenceFile: null, note: DEMO_NOTE,
  };
}

export const DEMO_PLATFORM_COUNT = 148;

/** Parks the demo marks recognised (name → date): 4 by 2017, 6 by 2018, 8 by 2019, 11 by 2020. */
export const DEMO_PARK_RECOGNITIONS: [string, string][] = [
  ['沙河经济开发区', '2012-06-18'],
  ['清河新材料产业集聚区', '2016-09-01'],
  ['开发区新能源产业基地', '2017-03-15'],
  ['宁晋新能源产业基地', '2017-11-20'],
  ['巨鹿县桑德环境产业园', '2018-05-10'],
  ['沙河经济开发区新材料基地', '2018-12-06'],
  ['清河县循环经济工业园区', '2019-04-22'],
  ['威县通用航空产业园', '2019-10-30'],
  ['邢台市大数据产业园', '2020-03-18'],
  ['宁晋生物医药健康产业园区', '2020-07-09'],
  ['临城生物医药健康产业园区', '2020-11-25'],
];
const DEMO_PARKS_BUILDING = ['开发区光热产业基地', '威县新能源产业基地', '清河新能源汽车特色园区', '柏乡高端装备制造基地', '内丘中药材种植加工产业示范园区'];

type ProjectDemo = Pick<ProjectInput, 'owner' | 'totalInvestment' | 'stage' | 'plannedStart' | 'actualStart' | 'plannedEnd' | 'countyCode' | 'taskCode'> & { pace: number; fundsShort: boolean; annual: number };

/** Per plan project: start dates, the pace of investment against the annual plan (1 = on plan) and funds. */
const PROJECT_DEMO: Record<string, ProjectDemo> = {
  中钢邢机搬迁升级项目: { owner: '中钢集团邢台机械轧辊有限公司', countyCode: '130571', taskCode: '2.3-02', totalInvestment: 450000, annual: 120000, stage: 'construction', plannedStart: '2018-04', actualStart: '2018-04', plannedEnd: '2021-12', pace: 1.02, fundsShort: false },
  邢钢与中国钢铁研究总院共建专用钢特种钢成果转化基地: { owner: '邢台钢铁有限责任公司', countyCode: '130503', taskCode: null, totalInvestment: 60000, annual: 18000, stage: 'construction', plannedStart: '2018-09', actualStart: '2018-10', plannedEnd: '2020-12', pace: 0.78, fundsShort: false },
  普利斯石油冷裂设备产业化示范基地: { owner: '普利斯邢台科技有限公司', countyCode: '130571', taskCode: null, totalInvestment: 35000, annual: 12000, stage: 'construction', plannedStart: '2018-06', actualStart: '2018-11', plannedEnd: '2020-10', pace: 0.3, fundsShort: true },
  柏乡县通用航空机场项目: { owner: '柏乡县人民政府（演示）', countyCode: '130524', taskCode: null, totalInvestment: 28000, annual: 9000, stage: 'preparation', plannedStart: '2020-02', actualStart: null, plannedEnd: '2021-06', pace: 0, fundsShort: false },
  邢台市云计算大数据中心: { owner: '邢台市大数据中心（演示）', countyCode: '130571', taskCode: null, totalInvestment: 80000, annual: 25000, stage: 'construction', plannedStart: '2019-03', actualStart: '2019-05', plannedEnd: '2021-03', pace: 0.95, fundsShort: false },
  邢台市政府应急指挥平台项目: { owner: '邢台市应急管理局（演示）', countyCode: null, taskCode: null, totalInvestment: 12000, annual: 5000, stage: 'completed', plannedStart: '2018-07', actualStart: '2018-07', plannedEnd: '2019-12', pace: 1, fundsShort: false },
  北斗卫星导航位置服务中心: { owner: '邢台北斗位置服务有限公司（演示）', countyCode: '130571', taskCode: null, totalInvestment: 15000, annual: 5000, stage: 'operating', plannedStart: '2018-05', actualStart: '2018-05', plannedEnd: '2019-10', pace: 1.05, fundsShort: false },
  邢台地区无线wifi建设项目: { owner: '邢台市通信管理部门（演示）', countyCode: null, taskCode: null, totalInvestment: 6000, annual: 2000, stage: 'construction', plannedStart: '2019-01', actualStart: '2019-02', plannedEnd: '2020-12', pace: 0.6, fundsShort: true },
};

function projectFigures(d: ProjectDemo): Pick<ProjectInput, 'annualPlans' | 'investments' | 'milestones' | 'funds'> {
  const startYear = Number(d.plannedStart!.slice(0, 4));
  const annualPlans: ProjectInput['annualPlans'] = [];
  const investments: ProjectInput['investments'] = [];
  const funds: ProjectInput['funds'] = [];
  const lastYear = Math.min(2020, Number(d.plannedEnd!.slice(0, 4)));
  for (let y = startYear; y <= lastYear; y++) {
    annualPlans.push({ year: y, planned: d.annual });
    for (let m = 1; m <= 12; m++) {
      const ym = `${y}-${pad(m)}`;
      if (!d.actualStart || ym < d.actualStart) continue;
      investments.push({ period: `${y}${pad(m)}`, amount: Math.round((d.annual / 12) * d.pace * (0.9 + ((m * 7) % 5) / 20)) });
    }
    for (const q of [3, 6, 9, 12]) {
      const planned = Math.round(d.annual * 0.05);
      funds.push({ source: q % 6 === 0 ? '省级战略性新兴产业专项资金' : '市级配套资金', period: `${y}${pad(q)}`, planned, disbursed: d.fundsShort && y >= 2019 ? Math.round(planned * 0.4) : planned });
    }
  }
  const milestones = [
    { name: '开工建设', plannedOn: `${d.plannedStart}-28`, doneOn: d.actualStart ? `${d.actualStart}-28` : null },
    { name: '主体工程完工', plannedOn: `${d.plannedEnd!.slice(0, 4)}-06-30`, doneOn: d.stage === 'completed' || d.stage === 'operating' ? `${d.plannedEnd}-15` : null },
    { name: '竣工投产', plannedOn: `${d.plannedEnd}-28`, doneOn: d.stage === 'operating' ? `${d.plannedEnd}-28` : null },
  ];
  return { annualPlans, investments, milestones, funds };
}

export async function addDemoRegistries(trx: Transaction<DB>, now: string): Promise<void> {
  const orgs = new Map((await trx.selectFrom('organization').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  const platforms = platformRepository(trx);
  for (let i = 0; i < DEMO_PLATFORM_COUNT; i++) {
    const p = demoPlatform(i);
    await platforms.insert(p, { countyOrgId: orgs.get(p.countyCode!) ?? null, source: 'demo', demo: true }, now);
  }
  const parks = parkRepository(trx);
  const parkUpdates = [
    ...DEMO_PARK_RECOGNITIONS.map(([name, date]) => ({ name, status: 'recognised' as const, recognisedOn: date })),
    ...DEMO_PARKS_BUILDING.map((name) => ({ name, status: 'building' as const, recognisedOn: null })),
  ];
  for (const u of parkUpdates) {
    const park = await parks.findByName(u.name);
    if (!park) continue;
    const { id, rowVersion, countyOrgId, demo: _d, countyName: _n, updatedAt: _u, source: _s, ...input } = park;
    await parks.update(id, rowVersion, { ...input, status: u.status, recognisedOn: u.recognisedOn, note: `状态与认定日期为演示数据 / status and date are demo data. ${input.note ?? ''}`.trim() }, { countyOrgId }, now);
    await trx.updateTable('park').set({ demo: 1 }).where('id', '=', id).execute();
  }
  const projects = projectRepository(trx);
  for (const [name, d] of Object.entries(PROJECT_DEMO)) {
    const project = await projects.findByName(name);
    if (!project) continue;
    const { id, rowVersion, demo: _d, countyName: _n, updatedAt: _u, source: _s, countyOrgId: _c, ...input } = project;
    const countyOrgId = d.countyCode ? (orgs.get(d.countyCode) ?? null) : null;
    const { pace: _p, fundsShort: _f, annual: _a, ...fields } = d;
    await projects.update(id, rowVersion, { ...input, ...fields, ...projectFigures(d), note: `投资、进度与资金为演示数据 / investment, progress and funds are demo data. ${input.note ?? ''}`.trim() }, { countyOrgId }, now);
    await trx.updateTable('project').set({ demo: 1 }).where('id', '=', id).execute();
  }
}
