import type { z } from 'zod';
import { AppError } from './app-error';

/** Parses with a zod schema and turns its issues into one VALIDATION error naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, prefix = ''): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    return { path, field: path, message: i.message };
  });
  const list = issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ');
  throw new AppError('VALIDATION', { zh: `输入数据有误：${list}`, en: `Invalid input: ${list}` }, issues);
}
