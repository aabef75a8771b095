// One way for the methods to refuse input: a VALIDATION AppError that names the place (path) and the
// reason in Chinese and English, so the CLI (exit 2), the API (400) and the scheme editor show the same words.
import { AppError } from '../../app-error';

export function methodError(path: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION', { zh: `${path ? `${path}：` : ''}${zh}`, en: `${path ? `${path}: ` : ''}${en}` }, [{ path, field: path, message: en, reason: zh, reasonEn: en }]);
}

/** Competition ranking (1 = best, equal scores share a rank: 1, 1, 3). Scores closer than 1e-12 are equal. */
export function rankDescending(scores: readonly number[]): number[] {
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i);
  const rank = new Array<number>(scores.length);
  order.forEach((o, k) => {
    rank[o.i] = k > 0 && Math.abs(order[k - 1].s - o.s) <= 1e-12 ? rank[order[k - 1].i] : k + 1;
  });
  return rank;
}
