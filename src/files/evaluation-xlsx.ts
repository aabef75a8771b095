// An evaluation run as an Excel workbook: 排名 (ranking with every criterion value), 权重 (AHP, entropy and
// final weights), 原始数据 (the archived snapshot, blanks where missing) and 说明 (method, version, rule).
import { excel } from './excel';
import type { EvaluationRun } from '../shared/evaluation';
import { runTitle, SCORING_WORDS, WEIGHTING_WORDS } from './evaluation-docx';

export async function writeRunXlsx(run: EvaluationRun): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'SEI Monitor';
  const crit = run.snapshot.criteria;
  const rank = wb.addWorksheet('排名 ranking');
  rank.addRow(['名次 rank', '代码 code', '评价对象 subject', '综合得分 score', ...crit.map((c) => `${c.name.zh} ${c.name.en} (${c.unit})`), '缺失 missing']);
  rank.getRow(1).font = { bold: true };
  for (const s of run.result.subjects) rank.addRow([s.rank, s.key, s.name, s.score, ...s.values, s.missing.join(', ')]);
  rank.columns.forEach((c, i) => { c.width = i === 2 ? 22 : 14; });
  const w = wb.addWorksheet('权重 weights');
  w.addRow(['指标 criterion', '分组 group', '方向 direction', 'AHP', '熵权 entropy', '最终 final']);
  w.getRow(1).font = { bold: true };
  run.result.weights.forEach((x, j) => w.addRow([crit[j].name.zh, crit[j].group, crit[j].direction === 1 ? '效益型 benefit' : '成本型 cost', x.ahp, x.entropy, x.final]));
  for (const g of run.result.ahp) w.addRow([`CR（${g.group}）`, null, null, g.CR, null, null]);
  const raw = wb.addWorksheet('原始数据 snapshot');
  raw.addRow(['代码 code', '评价对象 subject', ...crit.map((c) => c.source)]);
  raw.getRow(1).font = { bold: true };
  run.snapshot.subjects.forEach((s, i) => raw.addRow([s.key, s.name, ...run.snapshot.values[i]]));
  const about = wb.addWorksheet('说明 about');
  const def = run.scheme.definition;
  [
    ['标题 title', runTitle(run)], ['方案 scheme', run.scheme.name], ['年度 period', run.period], ['版本 version', run.version],
    ['赋权 weighting', WEIGHTING_WORDS[def.weighting]], ['评价 scoring', SCORING_WORDS[def.scoring]],
    ['缺失值 missing', `${run.result.missingNote.zh} / ${run.result.missingNote.en}`], ['运行 run at', run.createdAt], ['演示 demo', run.demo ? '是（演示数据）' : '否'],
    ...crit.map((c, j) => [`来源 ${c.source}`, run.snapshot.notes[j]]),
  ].forEach((r) => about.addRow(r));
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
