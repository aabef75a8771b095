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

/**
 * The one- and two-character pieces of a search key, each once, space-separated: what a query shorter
 * than three characters (钢, 钢铁, xt) is looked up by, since a trigram index cannot find it. Runs of
 * letters and digits only, as the gram indexes (FTS5 unicode61, PostgreSQL text[] GIN) split on the rest.
 */
export function searchGrams(key: string): string {
  const grams = new Set<string>();
  for (const run of key.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      grams.add(chars[i]!);
      if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...grams].join(' ');
}

/** A normalised query the gram index can answer: one or two letters or digits. */
export const isGramQuery = (text: string): boolean => /^[\p{L}\p{N}]{1,2}$/u.test(text);

/** Both search columns of an enterprise, as every write stores them. */
export function searchColumns(name: string, code: string): { search_key: string; search_grams: string } {
  const key = searchKey(name, code);
  return { search_key: key, search_grams: searchGrams(key) };
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
