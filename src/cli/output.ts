import { readFileSync } from 'node:fs';
import { AppError } from '../core/app-error';
import { normalizePeriod } from '../core/statistics/periods';

export class UsageError extends Error {}

/** The bytes of an input file, or a usage error naming it. */
export function readInputFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new UsageError(`无法读取文件 cannot read ${file}`);
  }
}

/** Prints an error in both languages and sets the exit code: 2 for bad usage/input, 1 otherwise. */
export function reportError(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`用法错误 / usage error: ${err.message}\n`);
    return 2;
  }
  if (err instanceof AppError) {
    process.stderr.write(`错误 / error [${err.code}]: ${err.message}\n  ${err.messageEn}\n`);
    for (const i of err.issues?.slice(0, 20) ?? []) process.stderr.write(`  - ${i.path}: ${i.message}\n`);
    return err.code === 'VALIDATION' || err.code === 'NOT_FOUND' || err.code === 'CONFLICT' ? 2 : 1;
  }
  process.stderr.write(`错误 / error: ${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
}

/** An option the command cannot do without, or a usage error naming it. */
export function required<T>(value: T | undefined, flag: string, example: string): T {
  if (value === undefined || value === '') throw new UsageError(`缺少 ${flag}（如 ${example}）/ ${flag} is required (e.g. ${example})`);
  return value;
}

/** A period as the API reads it (2020, 2020Q4, 202012, 2020-12, 2020年12月 …), or a usage error. */
export function periodOption(raw: string, flag = '--period'): string {
  const p = normalizePeriod(raw);
  if (!p) throw new UsageError(`${flag} 期间格式有误：${raw}（如 2020、2020Q4、202012）/ invalid period "${raw}" (e.g. 2020, 2020Q4, 202012)`);
  return p;
}

/** An integer option within [min, max], or a usage error. */
export function intOption(raw: string | undefined, flag: string, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} 须为 ${min}–${max} 的整数 / ${flag} must be an integer ${min}–${max}: ${raw}`);
  return n;
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

/** A plain text table: a header line, a rule, one line per row; columns padded to their widest cell. */
export function table(header: string[], rows: (string | number | null | undefined)[][], align: ('l' | 'r')[] = []): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (c == null ? '—' : String(c))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - displayWidth(s));
    return align[i] === 'r' ? fill + s : s + fill;
  };
  const line = (r: string[]) => r.map(pad).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** The JSON input of a contract command (`--input FILE`, `-` for stdin); unreadable or not JSON is a usage error. */
export function readJsonInput(file: string): unknown {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`无法读取输入文件 cannot read input file ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new UsageError(`输入文件不是合法 JSON / input is not valid JSON (${file}): ${err instanceof Error ? err.message : String(err)}`);
  }
}
