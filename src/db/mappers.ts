// The one place where dialect differences in returned values are smoothed out.
export function toIso(v: string | Date | null | undefined): string | null {
  if (v == null) return null;
  return v instanceof Date ? v.toISOString() : new Date(v).toISOString();
}

export function toBool(v: number | boolean | string | null | undefined): boolean {
  return v === true || v === 1 || v === '1' || v === 't';
}

export function toNum(v: number | string | bigint | null | undefined): number | null {
  if (v == null) return null;
  return typeof v === 'number' ? v : Number(v);
}

export const flag = (b: boolean): number => (b ? 1 : 0);

export function parseJson<T>(v: string | null | undefined, fallback: T): T {
  if (!v) return fallback;
  return JSON.parse(v) as T;
}
