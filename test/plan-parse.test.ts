// Plan text → draft plan through the real CLI (GBK .txt, .docx made with the docx package) and the API,
// and the draft loading as a draft version with `sei plan import` / POST /api/plans, on both databases.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { dialects } from './helpers/databases';
import { cliSuite, sei } from './helpers/cli';
import { loginAs } from './helpers/http';

const seed = readFileSync(new URL('./fixtures/plan-text/xingtai-sei-action-plan-2018-2020.txt', import.meta.url), 'utf8');
// Each CLI run starts node + tsx (seconds on the shared 2-core machine); CLI tests get room for that.
const CLI_TIMEOUT = 90_000;
const SEED_TARGETS = [['>', 1000, '亿元', 2020], ['>=', 245, '亿元', 2020], ['≈', 10, '%', 2020], ['>=', 120, '家', 2020], ['>=', 10, '个', 2020]];
const COUNTY_LINES = [
  '威县新能源汽车产业发展实施方案（2021-2023年）',
  '一、发展目标',
  '到2023年，全县新能源汽车产业营业收入突破80亿元，整车产能达到10万辆以上。',
  '二、重点任务',
  '（一）做强整车。依托河北御捷车业等龙头企业，建设威县新能源汽车产业园。（牵头单位：市工业和信息化局；配合单位：市发展改革委）',
];

async function docxOf(lines: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
  return Packer.toBuffer(doc);
}

describe.each(dialects)('%s: plan text → draft plan', (dialect) => {
  const s = cliSuite(dialect, 'plan-parse-');

  it('CLI reads a GBK .txt: --json prints the five targets; --plan-file writes a draft with the seven industries', async () => {
    const gbk = join(s.dir, 'seed-gbk.txt');
    writeFileSync(gbk, iconv.encode(seed, 'gbk'));
    const yamlFile = join(s.dir, 'draft.yaml');
    const [run, w] = await Promise.all([
      sei(s.database.url, ['plan', 'parse', gbk, '--json']),
      sei(s.database.url, ['plan', 'parse', gbk, '--plan-file', yamlFile, '--code', 'xingtai-parsed']),
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.targets.map((t: { comparator: string; value: number; unit: string; year: number }) => [t.comparator, t.value, t.unit, t.year])).toEqual(SEED_TARGETS);
    expect(out.sections.map((x: { number: string }) => x.number)).toEqual(['前言', '一、', '二、', '三、']);
    expect(out.entities.counties).toHaveLength(12);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toMatch(/5 目标 targets, 7 领域 industries/);
    const file = parseYaml(readFileSync(yamlFile, 'utf8'));
    expect(file.plan.status).toBe('draft');
    expect(file.industries.map((i: { code: string }) => i.code)).toEqual(['new-energy-grid', 'new-materials', 'high-end-equipment', 'nev-icv', 'energy-saving-env', 'biomed-health', 'next-gen-it']);
  }, CLI_TIMEOUT);

  it('the written draft loads with sei plan import as a draft version with its targets and industries', async () => {
    const yamlFile = join(s.dir, 'draft.yaml');
    const imp = await sei(s.database.url, ['plan', 'import', yamlFile]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/\(draft\)/);
    const { plans } = await s.api('/api/plans');
    const draft = plans.find((p: { code: string }) => p.code === 'xingtai-parsed');
    expect(draft.status).toBe('draft');
    const detail = await s.api(`/api/plans/${draft.id}`);
    expect(detail.targets.map((t: { value: number }) => t.value)).toEqual([1000, 245, 10, 120, 10]);
    expect(detail.industries).toHaveLength(7);
  }, CLI_TIMEOUT);

  it('CLI reads a .docx (made with the docx package): targets, 牵头单位 parenthetical, park; text output counts the targets', async () => {
    const path = join(s.dir, 'county.docx');
    writeFileSync(path, await docxOf(COUNTY_LINES));
    const [run, text] = await Promise.all([sei(s.database.url, ['plan', 'parse', path, '--json']), sei(s.database.url, ['plan', 'parse', path])]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.metadata.title).toBe(COUNTY_LINES[0]);
    expect(out.targets.map((t: { comparator: string; value: number; unit: string }) => [t.comparator, t.value, t.unit])).toEqual([['>', 80, '亿元'], ['>=', 10, '万辆']]);
    expect(out.responsibilities[0]).toMatchObject({ sectionPath: '2.1', lead: ['市工业和信息化局'], cooperating: ['市发展改革委'] });
    expect(out.entities.parks.map((p: { name: string }) => p.name)).toContain('威县新能源汽车产业园');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('目标 Targets (2)');
  }, CLI_TIMEOUT);

  it('CLI: a missing file and a file that is not a .docx are usage errors (exit 2) naming the file', async () => {
    const fake = join(s.dir, 'fake.docx');
    writeFileSync(fake, 'not a zip');
    const [missing, f] = await Promise.all([sei(s.database.url, ['plan', 'parse', join(s.dir, 'nope.txt')]), sei(s.database.url, ['plan', 'parse', fake])]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/无法读取文件 cannot read .*nope\.txt/);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('不是有效的 .docx 文件 / not a valid .docx file');
  }, CLI_TIMEOUT);

  it('POST /api/plans/parse takes text or a file, refuses empty text and users who cannot create plans; the draft posts to /api/plans', async () => {
    const fgw = await loginAs(s.app, 'fgw');
    const res = await fgw.request('POST', '/api/plans/parse', { text: seed, code: 'xingtai-web-draft' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.parsed.targets.map((t: { comparator: string; value: number; unit: string; year: number }) => [t.comparator, t.value, t.unit, t.year])).toEqual(SEED_TARGETS);
    const t = body.parsed.targets[0];
    expect(body.parsed.text.slice(t.start, t.end)).toBe(t.text);
    expect(body.planFile.plan.code).toBe('xingtai-web-draft');
    expect(body.left).toEqual([]);

    const docx = await docxOf(COUNTY_LINES);
    const up = await s.app.inject({
      method: 'POST', url: '/api/plans/parse?filename=county.docx', payload: docx,
      headers: { cookie: fgw.cookie, 'x-csrf-token': fgw.csrfToken, 'content-type': 'application/octet-stream' },
    });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().parsed.targets).toHaveLength(2);
    const b64 = await fgw.request('POST', '/api/plans/parse', { fileBase64: iconv.encode(COUNTY_LINES.join('\n'), 'gbk').toString('base64'), fileName: 'county.txt' });
    expect(b64.statusCode, b64.body).toBe(200);
    expect(b64.json().parsed.metadata.title).toBe(COUNTY_LINES[0]);

    const empty = await fgw.request('POST', '/api/plans/parse', { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('文本为空');
    const qiye = await loginAs(s.app, 'qiye');
    expect((await qiye.request('POST', '/api/plans/parse', { text: seed })).statusCode).toBe(403);

    const created = await fgw.request('POST', '/api/plans', body.planFile);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'xingtai-web-draft', status: 'draft' });
  });
});
