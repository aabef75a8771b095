// Texts of several styles written in the genre (invented, not real documents): a provincial 十四五 plan
// with 第X章/第X节, a county 实施方案 with 牵头单位 parentheticals and deadlines, a PDF extract with hard
// line breaks and page numbers, a web page with noise, half-width punctuation, baselines and blanks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlanParseReference } from '../../files/plan-parse-reference';
import { PlanFileSchema } from '../../shared/plan-file';
import { parsePlanText } from './parse-plan-text';
import { flatten } from './outline';
import { toPlanFile } from './to-plan-file';

const reference = loadPlanParseReference();
const parse = (t: string) => parsePlanText(t, { reference });

const PROVINCIAL = `河北省战略性新兴产业发展“十四五”规划
第一章 发展基础
“十三五”时期，全省战略性新兴产业增加值由2015年的1200亿元增加至2020年的2100亿元，年均增长11.8%。2020年，全省高新技术企业达到9400家。
第二章 发展目标
到2025年，全省战略性新兴产业增加值突破4000亿元，占地区生产总值比重达到15%左右，高新技术企业数量超过15000家，新培育国家级专精特新“小巨人”企业100-150家。
第三章 重点任务
第一节 做强新一代信息技术产业
依托石家庄、雄安新区，建设一批大数据产业园。
第二节 壮大生物医药产业
支持以仁药业等龙头企业加快发展。
`;

const COUNTY = `宁晋县光伏产业高质量发展实施方案

为贯彻落实《邢台市战略性新兴产业发展三年行动计划》，制定本方案。

一、工作目标

到2022年，全县光伏产业主营业务收入达到 亿元，规模以上企业有 家，单位产值能耗下降到0.5吨标准煤以内。

二、重点任务

（一）壮大龙头企业。依托晶龙集团、宁晋松宫电子材料有限公司等龙头企业，于2021年10月底前建成宁晋光伏产业园二期项目。（牵头单位：县发改局；配合单位：县工信局、县科技局）

（二）建设创新平台。2022年底前新建省级以上研发平台5个。（责任单位：县科技局）

三、保障措施

（一）加强组织领导。成立县光伏产业发展领导小组。
`;

const PDF = `邢台市新材料产业发展行动方案（2021—2023年）
一、总体目标
到2023年，全市新材料产业营业收入突
破500亿元，培育
— 2 —
邢台市新材料产业发展行动方案（2021—2023年）
主营业务收入超10亿元企业10家以上。
二、主要任务
1.推进沙河玻璃产业升级。
2.推进清河硬质合金集聚区建设。
— 3 —
邢台市新材料产业发展行动方案（2021—2023年）
3.建设威县新材料产业园。
`;

const WEB = `首页 > 政务公开 > 政策文件
当前位置：首页
发布时间：2021-03-02  浏览次数：1234
【字体：大 中 小】
邢台市人民政府关于印发邢台市数字经济发展实施方案的通知
各县（市、区）人民政府：现将《邢台市数字经济发展实施方案》印发给你们，请认真贯彻执行。
一、发展目标
到2025年,数字经济核心产业增加值占GDP比重达到8%,5G基站达到5000个以上.
二、重点任务
(一)建设数字基础设施.建成邢台市大数据中心项目.(牵头单位:市发展改革委,配合单位:市工业和信息化局)
(二)发展数字产业.
打印本页  关闭窗口
`;

describe('texts of the genre', () => {
  it('provincial 十四五 plan: 第X章/第X节 outline, baseline sentence as actuals, range, ≈ and year', () => {
    const p = parse(PROVINCIAL);
    expect(p.metadata.title).toBe('河北省战略性新兴产业发展“十四五”规划');
    expect(p.metadata.titleSource).toBe('heading');
    expect([p.metadata.periodStart, p.metadata.periodEnd]).toEqual([2021, 2025]);
    expect(p.sections.map((s) => `${s.number}${s.title}`)).toEqual(['第一章发展基础', '第二章发展目标', '第三章重点任务']);
    expect(p.sections[2].children.map((s) => s.number)).toEqual(['第一节', '第二节']);
    // the whole 十三五 sentence is the past: 2015 and 2020 are before the plan period
    expect(p.actuals.map((a) => [a.value, a.unit, a.year])).toEqual([[1200, '亿元', 2015], [2100, '亿元', 2020], [11.8, '%', 2020], [9400, '家', 2020]]);
    const t = p.targets.map((x) => [x.comparator, x.value, x.valueMax, x.unit, x.year]);
    expect(t).toContainEqual(['>', 4000, null, '亿元', 2025]);
    expect(t).toContainEqual(['≈', 15, null, '%', 2025]);
    expect(t).toContainEqual(['>', 15000, null, '家', 2025]);
    expect(t).toContainEqual(['range', 100, 150, '家', 2025]);
    // 2100亿元 is the end of the baseline sentence (增加至2020年的…): an actual, not a target
    expect(p.targets.some((x) => x.value === 2100)).toBe(false);
    expect(p.entities.enterprises.map((e) => e.name)).toContain('以仁药业');
  });

  it('county 实施方案: blank numbers give null, 牵头单位 parentheticals and deadlines attach to their item', () => {
    const p = parse(COUNTY);
    expect(p.metadata.basis).toEqual(['《邢台市战略性新兴产业发展三年行动计划》']);
    const blanks = p.targets.filter((t) => t.value == null);
    expect(blanks.map((b) => b.unit)).toEqual(['亿元', '家']);
    expect(p.unplaced.filter((u) => u.reason.includes('blank'))).toHaveLength(2);
    const energy = p.targets.find((t) => t.unit === '吨标准煤' || t.value === 0.5);
    expect(energy === undefined || energy.direction === 'decrease').toBe(true);
    const r = p.responsibilities.find((x) => x.sectionPath === '2.1')!;
    expect(r.lead).toEqual(['县发改局']);
    expect(r.cooperating).toEqual(['县工信局', '县科技局']);
    expect(r.deadline).toMatchObject({ year: 2021, month: 10 });
    const r2 = p.responsibilities.find((x) => x.sectionPath === '2.2')!;
    expect(r2.responsible).toEqual(['县科技局']);
    expect(r2.deadline).toMatchObject({ year: 2022, month: null });
    expect(p.targets).toContainEqual(expect.objectContaining({ value: 5, unit: '个', year: 2022, sectionPath: '2.2' }));
    expect(p.entities.enterprises.map((e) => e.name)).toEqual(expect.arrayContaining(['晶龙集团', '宁晋松宫电子材料有限公司']));
    expect(p.entities.counties.map((c) => c.code)).toEqual(['130528']);
    expect(p.entities.projects.map((e) => e.name)).toContain('宁晋光伏产业园二期项目');
    const { file, left } = toPlanFile(p, { fallbackYear: 2026, reference });
    expect(PlanFileSchema.safeParse(file).success).toBe(true);
    expect(left.filter((l) => l.includes('空缺'))).toHaveLength(2);
  });

  it('PDF extract: page numbers and repeated running titles dropped, a sentence broken over a page joined', () => {
    const p = parse(PDF);
    expect(p.metadata.title).toBe('邢台市新材料产业发展行动方案（2021—2023年）');
    expect([p.metadata.periodStart, p.metadata.periodEnd]).toEqual([2021, 2023]);
    expect(p.unplaced.filter((u) => u.reason.includes('page number')).map((u) => u.line)).toEqual([5, 11]);
    expect(p.unplaced.filter((u) => u.reason.includes('repeated title'))).toHaveLength(2);
    expect(p.sections[0].body).toBe('到2023年，全市新材料产业营业收入突破500亿元，培育主营业务收入超10亿元企业10家以上。');
    expect(p.targets.map((t) => [t.comparator, t.value, t.unit, t.year])).toEqual([['>', 500, '亿元', 2023], ['>', 10, '亿元', 2023], ['>=', 10, '家', 2023]]);
    // numbering continues after the page breaks: 3. stays a sibling of 1. and 2.
    expect(p.sections[1].children.map((s) => s.number)).toEqual(['1.', '2.', '3.']);
    expect(p.entities.parks.map((e) => e.name)).toContain('威县新材料产业园');
  });

  it('web page: noise lines dropped and reported, half-width punctuation, issuer from 印发', () => {
    const p = parse(WEB);
    expect(p.unplaced.filter((u) => u.reason.includes('web-page noise')).length).toBeGreaterThanOrEqual(4);
    expect(p.metadata.issuer).toBe('邢台市人民政府');
    expect(flatten(p.sections).map((s) => s.number)).toEqual(['前言', '一、', '二、', '(一)', '(二)'].filter((n) => n !== '前言' || p.sections[0].key === '0'));
    expect(p.targets.map((t) => [t.comparator, t.value, t.unit, t.year])).toEqual([['>=', 8, '%', 2025], ['>=', 5000, '个', 2025]]);
    const r = p.responsibilities[0];
    expect(r.lead).toEqual(['市发展改革委']);
    expect(r.cooperating).toEqual(['市工业和信息化局']);
    expect(p.entities.departments.map((d) => d.code)).toEqual(expect.arrayContaining(['dept-fgw', 'dept-gxj']));
  });

  it('a deadline without a parenthetical is kept with its sentence', () => {
    const p = parse('一、重点任务\n（一）完成摸底。各县于2012年10月底前完成企业摸底调查。');
    expect(p.responsibilities).toEqual([expect.objectContaining({ sectionPath: '1.1', lead: [], deadline: { year: 2012, month: 10, text: '于2012年10月底前' }, text: '各县于2012年10月底前完成企业摸底调查。' })]);
  });

  it('full-width digits and percent signs read as numbers', () => {
    const p = parse('一、目标\n到２０２５年，全市研发投入强度达到２．５％以上。');
    expect(p.targets.map((t) => [t.comparator, t.value, t.unit, t.year])).toEqual([['>=', 2.5, '%', 2025]]);
  });

  it('arbitrary text never throws and always gives a draft that passes the schema', () => {
    const pieces = fc.constantFrom('一、', '（一）', '1.', '（1）', '①', '第一章', '到2025年，', '达到', '突破', '10%', '亿元', '家', '以上', '左右', '由2015年的', '、', '。', '\n', ' ', '— 4 —', '（牵头单位：', '）', '宁晋', '产业园', '有限公司', '等龙头企业', '《', '》', '(', ')');
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.array(pieces, { maxLength: 80 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 200 }));
    fc.assert(
      fc.property(text, (t) => {
        const p = parsePlanText(t, { reference });
        const { file } = toPlanFile(p, { fallbackYear: 2026, reference });
        return PlanFileSchema.safeParse(file).success && p.targets.every((x) => x.start >= 0 && x.end <= p.text.length);
      }),
      { numRuns: 400 },
    );
    expect(() => parsePlanText(undefined as unknown as string)).not.toThrow();
  });
});
