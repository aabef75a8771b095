import type { Command } from 'commander';
import { registerData } from './data';
import { registerDatasets } from './datasets';
import { registerEnterprises } from './enterprises';
import { registerProgress } from './progress';
import { registerRegistries } from './registries';
import { registerSupervision } from './supervision';
import { registerSupervisionFollowUp } from './supervision-follow-up';
import { registerTargets } from './targets';
import { registerUserAdmin } from './users';
import { registerPlanParse } from './plan-parse';
import { registerEvaluation } from './evaluation';
import { registerReport } from './report';
import { registerReview } from './review';
import { registerBackup } from './backup';

/** Each feature adds `registerX(program)` from its own file here. */
export const COMMAND_GROUPS: ((program: Command) => void)[] = [registerProgress, registerTargets, registerData, registerDatasets, registerEnterprises, registerRegistries, registerUserAdmin, registerSupervisionFollowUp, registerSupervision, registerPlanParse, registerEvaluation, registerReport, registerReview, registerBackup];
