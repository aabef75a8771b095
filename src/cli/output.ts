import { AppError } from '../core/app-error';

export class UsageError extends Error {}

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
