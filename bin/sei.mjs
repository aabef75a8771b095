#!/usr/bin/env node
// The `sei` command. TypeScript sources run through tsx so the command works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
