// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from the 31-character
// set 0-9 A-H J-N P-R T-U W-Y (no I, O, S, V, Z): registration authority (1), organisation type (1),
// administrative division (6), organisation code (9), check character (1). The check character is
// 31 − (Σ value(cᵢ) × 3ⁱ mod 31) mod 31 over the first 17 characters (weights 3ⁱ mod 31).
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

export type UsccProblem = 'length' | 'charset' | 'checksum';

/** Null when valid; else what is wrong. Letters are compared in upper case. */
export function usccProblem(code: string): UsccProblem | null {
  const c = code.trim().toUpperCase();
  if (c.length !== 18) return 'length';
  for (const ch of c) if (!CHARSET.includes(ch)) return 'charset';
  return usccCheckChar(c.slice(0, 17)) === c[17] ? null : 'checksum';
}

export const isValidUscc = (code: string): boolean => usccProblem(code) === null;

export const USCC_PROBLEM_TEXT: Record<UsccProblem, { zh: string; en: string }> = {
  length: { zh: '统一社会信用代码须为18位', en: 'a unified social credit code has 18 characters' },
  charset: { zh: '统一社会信用代码含非法字符（不得含 I、O、S、V、Z）', en: 'the code contains characters outside GB 32100 (no I, O, S, V, Z)' },
  checksum: { zh: '统一社会信用代码校验位错误', en: 'the check character does not match (GB 32100-2015)' },
};

/** Completes 17 characters with their check character (demo data and tests). */
export function withUsccCheck(first17: string): string {
  const check = usccCheckChar(first17);
  if (!check) throw new Error(`not 17 valid characters: ${first17}`);
  return first17 + check;
}

/** A deterministic valid code for enterprise number n: 9113 05xx + 9-character body. */
export function demoUscc(n: number, division = '130500'): string {
  const body = n.toString(31).toUpperCase().split('').map((d) => CHARSET[parseInt(d, 31)]).join('').padStart(8, '0');
  return withUsccCheck(`91${division}MA${body.slice(-7)}`);
}
