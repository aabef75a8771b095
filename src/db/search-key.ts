// What a name is found by: the name itself, its full pinyin and its pinyin initials, and the code, all
// in lower case in one column, so that 邢台钢铁 is found by 钢铁, xingtaigangtie, xtgt or its code.
// Computed when a record is written (pinyin-pro reads words, so 银行 gives yinhang, not yinxing);
// SQLite indexes the column with an FTS5 trigram table, PostgreSQL with a pg_trgm GIN index.
import { pinyin } from 'pinyin-pro';

export function searchKey(name: string, code?: string | null): string {
  // Punctuation (（）、· …) is left out of the pinyin; letters and digits stay whole in the initials too.
  const letters = name.replace(/[^\p{L}\p{N}]+/gu, '');
  let full = '';
  let initials = '';
  for (const run of letters.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
    if (/\p{Script=Han}/u.test(run)) {
      const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true });
      full += syllables.join('');
      initials += syllables.map((x) => x[0] ?? '').join('');
    } else {
      full += run.toLowerCase();
      initials += run.toLowerCase();
    }
  }
  return [name.toLowerCase(), full, initials, code?.toLowerCase() ?? ''].filter(Boolean).join(' ');
}

const kept = new Map<string, string>();

/** searchKey of a name, remembered: a registry list is read often and its names seldom change. */
export function cachedSearchKey(name: string): string {
  let key = kept.get(name);
  if (key === undefined) {
    if (kept.size >= 50_000) kept.clear();
    key = searchKey(name);
    kept.set(name, key);
  }
  return key;
}

/** A user's query as it is matched against search keys: lower case, no spaces or LIKE wildcards. */
export function normalizeQuery(q: string): string {
  return q.toLowerCase().replace(/[\s%_\\]+/g, '');
}
