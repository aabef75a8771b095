// The light rule as a contract (CLI `sei supervision light`, POST /api/supervision/light).
import { parseInput } from '../parse-input';
import { LightInputSchema, type LightResult } from '../../shared/supervision';
import { taskLight } from './task-light';

export function computeLight(raw: unknown): LightResult {
  return taskLight(parseInput(LightInputSchema, raw));
}
