import type { Command } from 'commander';

/** Each feature adds `registerX(program)` from its own file here. */
export const COMMAND_GROUPS: ((program: Command) => void)[] = [];
